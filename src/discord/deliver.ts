// Delivers the outbox to Discord exactly once. For each due item: record the intent (markSending), post every
// part with its own nonce (`nonce` + `enforce_nonce`, and the nonce again as an invisible marker), then confirm (markSent
// with the message ids). An item that was tried before (a crash between posting and confirming, or a timeout
// after Discord accepted the post) first looks in the channel's recent messages for the parts already posted
// and posts only the missing ones. 5xx, timeouts and network errors are retried with exponential backoff;
// 403/404 (bot removed, permission lost) park the item and tell the server's admins once (deliver-park.ts).
import { DiscordAPIError, Routes } from 'discord.js';
import type { APIMessage, Client, RESTPostAPIChannelMessageJSONBody } from 'discord.js';
import type { Logger } from 'pino';
import { asOutboxPayload, type OutboxPayload } from '../core/outbox-payloads.js';
import { stanceChartPng } from '../report/png.js';
import type { OutboxItem, Store } from '../store/index.js';
import { handleLostChannel } from './deliver-park.js';
import { LIMITS } from './limits.js';
import { alertMessages } from './render/alert.js';
import { digestMessages } from './render/digest.js';
import type { OutMessage } from './render/message.js';
import { noticeMessages } from './render/notice.js';
import { embedLength } from './render/split.js';
import { truncate } from './render/truncate.js';

export interface DelivererOptions {
  client: Client;
  store: Store;
  logger: Logger;
  now: () => number;
  /** Lease owner, unique per process. */
  owner: string;
  /** First retry delay; doubles per attempt up to `maxBackoffMs`. */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** Attempts before an item is parked for good. */
  maxAttempts?: number;
  /** How long a claimed item stays ours; a crashed sender's items are retried after it. */
  leaseMs?: number;
  /** Recent messages searched for earlier posts of a retried item. */
  lookback?: number;
  /** Told each delivery outcome by outbox kind (metrics). */
  onOutcome?: (kind: string, outcome: 'delivered' | 'failed' | 'parked') => void;
}

export interface DeliveryReport {
  sent: number;
  failed: number;
  parked: number;
}

export interface Deliverer {
  /** Delivers every due item once; never throws for Discord or database trouble. */
  deliverDue(): Promise<DeliveryReport>;
  /** Runs deliverDue every `intervalMs` (no overlap). */
  start(intervalMs: number): void;
  stop(): Promise<void>;
}

type Outcome = 'sent' | 'failed' | 'parked' | 'skipped';
const BATCH = 10;
const LOST = new Set([403, 404]);

/** The nonce of part `i` of an item: Discord allows 25 characters. */
export function partNonce(nonce: string, i: number): string {
  return `${nonce.slice(0, 21)}-${String(i).padStart(3, '0')}`;
}

/** Zero-width characters that carry the marker, two bits each: readers see nothing, the text keeps them. */
const INVISIBLE = ['\u200b', '\u200c', '\u200d', '\u2060'] as const;

/**
 * The marker that identifies a posted part where Discord does not return the nonce (it lists messages without
 * it): the part's nonce written in zero-width characters, four per character, in the last embed's footer or at
 * the end of the content. Readers see only "Stancewatch".
 */
export function partMarker(nonce: string, i: number): string {
  const bits = (c: string): string => {
    const code = c.charCodeAt(0) & 0xff;
    return [6, 4, 2, 0].map((shift) => INVISIBLE[(code >> shift) & 3]).join('');
  };
  return [...partNonce(nonce, i)].map(bits).join('');
}

/** The marker of earlier versions, visible in the footer (`ref:<nonce>`): still recognised after an upgrade. */
function visibleMarker(nonce: string, i: number): string {
  return `ref:${partNonce(nonce, i)}`;
}

function withMarker(m: OutMessage, marker: string): OutMessage {
  const embeds = m.embeds ?? [];
  const last = embeds[embeds.length - 1];
  if (last) {
    const marked = { ...last, footer: { text: `Stancewatch${marker}` } };
    const excess = [...embeds.slice(0, -1), marked].reduce((n, e) => n + embedLength(e), 0) - LIMITS.embedTotal;
    if (excess > 0 && marked.description !== undefined) marked.description = truncate(marked.description, Math.max(0, marked.description.length - excess));
    return { ...m, embeds: [...embeds.slice(0, -1), marked] };
  }
  return { ...m, content: `${truncate(m.content ?? '', LIMITS.content - marker.length)}${marker}` };
}

export function renderPayload(p: OutboxPayload, log: Logger): OutMessage[] {
  if (p.type === 'digest') {
    const png = p.digest.chart.series.length > 0 ? stanceChartPng(p.digest.chart) : null;
    if (png && !png.ok) log.warn({ error: png.error }, 'digest chart not rendered');
    return digestMessages(p, png?.ok ? png.value : null);
  }
  return p.type === 'alert' ? alertMessages(p) : noticeMessages(p);
}

function mentions(m: APIMessage, nonce: string, i: number): boolean {
  const text = [m.content, ...m.embeds.map((e) => e.footer?.text ?? '')].join('\n');
  return text.includes(partMarker(nonce, i)) || text.includes(visibleMarker(nonce, i));
}

/** Parts of `item` already in the channel (a retry after a crash or timeout): part index -> message id. */
async function findPosted(client: Client, item: OutboxItem, parts: number, lookback: number): Promise<Map<number, string>> {
  const recent = (await client.rest.get(Routes.channelMessages(item.channelId), {
    query: new URLSearchParams({ limit: String(lookback) }),
  })) as APIMessage[];
  const found = new Map<number, string>();
  for (let i = 0; i < parts; i++) {
    const hit = recent.find((m) => m.nonce === partNonce(item.nonce, i) || mentions(m, item.nonce, i));
    if (hit) found.set(i, hit.id);
  }
  return found;
}

/** Posts part `i` (multipart when it carries files) and returns the message id. */
async function post(client: Client, item: OutboxItem, m: OutMessage, i: number): Promise<string> {
  const marked = withMarker(m, partMarker(item.nonce, i));
  const files = (marked.files ?? []).map((f) => ({ name: f.name, data: f.attachment, contentType: 'image/png' }));
  const body: RESTPostAPIChannelMessageJSONBody = {
    ...(marked.content ? { content: marked.content } : {}),
    ...(marked.embeds ? { embeds: marked.embeds } : {}),
    allowed_mentions: { parse: [] },
    nonce: partNonce(item.nonce, i),
    enforce_nonce: true,
    ...(files.length ? { attachments: (marked.files ?? []).map((f, id) => ({ id, filename: f.name, ...(f.description ? { description: f.description } : {}) })) } : {}),
  };
  const sent = (await client.rest.post(Routes.channelMessages(item.channelId), { body, ...(files.length ? { files } : {}) })) as APIMessage;
  return sent.id;
}

function backoffMs(o: DelivererOptions, attempts: number): number {
  return Math.min(o.maxBackoffMs ?? 3_600_000, (o.backoffMs ?? 30_000) * 2 ** Math.max(0, attempts - 1));
}

/** A failed send: lost channel -> park and tell the admins once; permanent or too many attempts -> park; else retry later. */
async function handleSendError(o: DelivererOptions, log: Logger, item: OutboxItem, p: OutboxPayload, error: unknown): Promise<Outcome> {
  const status = error instanceof DiscordAPIError ? error.status : undefined;
  const reason = error instanceof Error ? error.message : String(error);
  if (status !== undefined && LOST.has(status)) {
    await o.store.park(item.id, `${status}: ${reason}`);
    log.warn({ outboxId: item.id, channelId: item.channelId, status, code: (error as DiscordAPIError).code }, 'channel not postable, item parked');
    await handleLostChannel({ ...o, logger: log }, item, p, reason);
    return 'parked';
  }
  const permanent = status !== undefined && status >= 400 && status < 500 && status !== 429;
  if (permanent || item.attempts + 1 >= (o.maxAttempts ?? 12)) {
    await o.store.park(item.id, `gave up: ${reason}`);
    log.error({ err: error, outboxId: item.id, attempts: item.attempts + 1 }, 'delivery given up, item parked');
    return 'parked';
  }
  const retryAt = o.now() + backoffMs(o, item.attempts + 1);
  await o.store.markFailed(item.id, reason, retryAt);
  log.warn({ err: error, outboxId: item.id, attempts: item.attempts + 1, retryAt }, 'delivery failed, will retry');
  return 'failed';
}

export function createDeliverer(o: DelivererOptions): Deliverer {
  const log = o.logger.child({ module: 'deliver' });

  const send = async (item: OutboxItem, p: OutboxPayload): Promise<string[]> => {
    const messages = renderPayload(p, log);
    const posted = item.attempts > 0 ? await findPosted(o.client, item, messages.length, o.lookback ?? 100) : new Map<number, string>();
    if (posted.size > 0) log.info({ outboxId: item.id, found: posted.size, parts: messages.length }, 'earlier post found, not posting it again');
    const ids: string[] = [];
    for (const [i, m] of messages.entries()) ids.push(posted.get(i) ?? (await post(o.client, item, m, i)));
    return ids;
  };

  const onError = (item: OutboxItem, p: OutboxPayload, error: unknown): Promise<Outcome> => handleSendError(o, log, item, p, error);

  const deliverOne = async (item: OutboxItem): Promise<Outcome> => {
    const p = asOutboxPayload(item.payload);
    if (p === null) {
      await o.store.park(item.id, 'unknown payload');
      return 'parked';
    }
    if (!(await o.store.markSending(item.id, o.owner))) return 'skipped';
    let ids: string[];
    try {
      ids = await send(item, p);
    } catch (error) {
      return onError(item, p, error);
    }
    await o.store.markSent(item.id, ids, o.now());
    log.info({ outboxId: item.id, kind: item.kind, channelId: item.channelId, messages: ids.length }, 'delivered');
    return 'sent';
  };

  const count = (report: DeliveryReport, item: OutboxItem, outcome: Outcome): void => {
    if (outcome === 'skipped') return;
    report[outcome]++;
    o.onOutcome?.(item.kind, outcome === 'sent' ? 'delivered' : outcome);
  };

  const deliverDue = async (): Promise<DeliveryReport> => {
    const report: DeliveryReport = { sent: 0, failed: 0, parked: 0 };
    try {
      for (;;) {
        const items = await o.store.claimDueOutbox({ owner: o.owner, now: o.now(), leaseMs: o.leaseMs ?? 120_000, limit: BATCH });
        for (const item of items) {
          count(report, item, await deliverOne(item));
        }
        if (items.length < BATCH) break;
      }
    } catch (error) {
      log.error({ err: error }, 'delivery pass failed');
    }
    return report;
  };

  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;
  return {
    deliverDue,
    start(intervalMs) {
      timer = setInterval(() => {
        running ??= deliverDue().finally(() => (running = null));
      }, intervalMs);
    },
    async stop() {
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
