// Delivery without Discord (no DISCORD_TOKEN): claims due outbox items and writes each as a Markdown file (a
// digest also gets its chart PNG) in the output folder, logs a one-line summary, and marks it sent. File names
// derive from the item, so a retry after a crash rewrites the same files instead of adding a second copy.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { signed } from '../core/signed.js';
import { asOutboxPayload, type AlertPayload, type DigestPayload, type NoticePayload } from '../core/outbox-payloads.js';
import { pad2, wallTime } from '../core/tz.js';
import { digestToMarkdown, escapeMarkdown } from '../report/markdown.js';
import { stanceChartPng } from '../report/png.js';
import type { OutboxItem, Store } from '../store/index.js';
import type { WorkerStep } from './worker.js';

export interface OfflineDeliveryDeps {
  store: Store;
  logger: Logger;
  now: () => number;
  owner: string;
  outputDir: string;
  /** Server id of the console deployment: its files carry no server suffix. Default 'local'. */
  localGuildId?: string;
  /** Called with every written item (the demo prints these). */
  onWritten?: (written: WrittenItem) => void;
}

export interface WrittenItem {
  outboxId: number;
  kind: OutboxItem['kind'];
  files: string[];
  summary: string;
  markdown: string;
}

const RETRY_MS = 60_000;

function stamp(t: number, tz: string): string {
  const w = wallTime(t, tz);
  return `${w.year}-${pad2(w.month)}-${pad2(w.day)}-${pad2(w.hour)}${pad2(w.minute)}`;
}

function suffix(item: OutboxItem, deps: OfflineDeliveryDeps): string {
  return item.guildId === (deps.localGuildId ?? 'local') ? '' : `-${item.guildId.replace(/[^\w-]/g, '_')}`;
}

function digestSummary(p: DigestPayload): string {
  const d = p.digest;
  const top = d.actors.filter((a) => a.mean !== null).slice(0, 3).map((a) => `${a.actor} ${signed(a.mean ?? 0)}`);
  return `digest: ${d.articles} articles from ${d.outlets} outlets${top.length ? `; ${top.join(', ')}` : ''}`;
}

async function writeDigest(item: OutboxItem, p: DigestPayload, deps: OfflineDeliveryDeps): Promise<WrittenItem> {
  const base = `digest-${stamp(p.digest.period.to, p.timeZone)}${suffix(item, deps)}`;
  const files: string[] = [];
  const png = p.digest.chart.series.length > 0 ? stanceChartPng(p.digest.chart) : null;
  if (png && !png.ok) deps.logger.warn({ outboxId: item.id, error: png.error }, 'digest chart not rendered');
  const chartFile = png?.ok ? `${base}-stance.png` : undefined;
  if (png?.ok && chartFile) {
    await writeFile(join(deps.outputDir, chartFile), png.value);
    files.push(join(deps.outputDir, chartFile));
  }
  const markdown = digestToMarkdown(p.digest, { timeZone: p.timeZone, ...(chartFile ? { chartFile } : {}) });
  await writeFile(join(deps.outputDir, `${base}.md`), markdown);
  files.unshift(join(deps.outputDir, `${base}.md`));
  return { outboxId: item.id, kind: item.kind, files, summary: digestSummary(p), markdown };
}

function alertMarkdown(p: AlertPayload): string {
  const link = p.link ? `\n\n<${p.link.replace(/[\s<>]/g, encodeURIComponent)}>` : '';
  return `# Alert: ${escapeMarkdown(p.actor)} (${p.kind})\n\n${escapeMarkdown(p.reason)}${link}\n\n_${new Date(p.at).toISOString()}_\n`;
}

function noticeMarkdown(p: NoticePayload): string {
  if (p.type === 'feed-disabled') {
    return `# Feed disabled: ${escapeMarkdown(p.feedName)}\n\n${escapeMarkdown(p.url)} failed repeatedly (${escapeMarkdown(p.code)}: ${escapeMarkdown(p.message)}) and is no longer polled.\n`;
  }
  return `# Delivery paused\n\nPosting the ${p.what} to channel ${escapeMarkdown(p.channelId)} failed: ${escapeMarkdown(p.reason)}\n`;
}

async function writeItem(item: OutboxItem, deps: OfflineDeliveryDeps): Promise<WrittenItem | null> {
  const p = asOutboxPayload(item.payload);
  if (p === null) return null;
  if (p.type === 'digest') return writeDigest(item, p, deps);
  const markdown = p.type === 'alert' ? alertMarkdown(p) : noticeMarkdown(p);
  const file = join(deps.outputDir, `${item.kind}-${item.id}${suffix(item, deps)}.md`);
  await writeFile(file, markdown);
  const summary = p.type === 'alert' ? `alert: ${p.reason}` : `notice: ${markdown.split('\n')[0]?.replace(/^# /, '') ?? ''}`;
  return { outboxId: item.id, kind: item.kind, files: [file], summary, markdown };
}

async function deliverOne(item: OutboxItem, deps: OfflineDeliveryDeps): Promise<boolean> {
  if (!(await deps.store.markSending(item.id, deps.owner))) return false;
  try {
    const written = await writeItem(item, deps);
    if (written === null) {
      await deps.store.park(item.id, 'unknown payload');
      return false;
    }
    await deps.store.markSent(item.id, written.files, deps.now());
    deps.logger.info({ outboxId: item.id, kind: item.kind, files: written.files, summary: written.summary }, 'written to the output folder');
    deps.onWritten?.(written);
    return true;
  } catch (error) {
    deps.logger.error({ err: error, outboxId: item.id }, 'writing to the output folder failed');
    await deps.store.markFailed(item.id, error instanceof Error ? error.message : String(error), deps.now() + RETRY_MS);
    return false;
  }
}

/** Writes every due outbox item; returns how many were written. */
export async function deliverOffline(deps: OfflineDeliveryDeps, stopping: () => boolean = () => false): Promise<number> {
  await mkdir(deps.outputDir, { recursive: true });
  let written = 0;
  for (;;) {
    const items = await deps.store.claimDueOutbox({ owner: deps.owner, now: deps.now(), leaseMs: 60_000, limit: 20 });
    for (const item of items) if (!stopping() && (await deliverOne(item, deps))) written++;
    if (items.length < 20 || stopping()) return written;
  }
}

export function offlineDeliveryStep(deps: OfflineDeliveryDeps): WorkerStep {
  return { name: 'offline-delivery', run: (stopping) => deliverOffline({ ...deps, logger: deps.logger.child({ module: 'offline-delivery' }) }, stopping) };
}
