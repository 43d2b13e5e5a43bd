// Set-up for multi-process tests: a config directory per worker (fast tick with seconds, private addresses
// allowed, short lease, its own User-Agent so the feed server can tell workers apart) and worker processes.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { REPO_ROOT, startCli, waitFor } from '../helpers/spawn-cli.js';

export interface ConfigOverrides {
  userAgent: string;
  leaseSeconds: number;
  batchSize: number;
  concurrency: number;
}

/** A copy of config/ with test settings and no seed feeds. */
export function testConfigDir(o: ConfigOverrides): string {
  const dir = mkdtempSync(join(tmpdir(), 'sw-scale-cfg-'));
  cpSync(join(REPO_ROOT, 'config'), dir, { recursive: true });
  const file = join(dir, 'default.yaml');
  const s = parse(readFileSync(file, 'utf8')) as Record<string, Record<string, unknown>>;
  Object.assign(s['poll'] ?? {}, {
    tick: '* * * * * *', batchSize: o.batchSize, concurrency: o.concurrency, perHostConcurrency: o.concurrency, leaseSeconds: o.leaseSeconds,
  });
  Object.assign(s['fetch'] ?? {}, { userAgent: o.userAgent, allowPrivateAddresses: true, timeoutSeconds: 15 });
  Object.assign(s['digest'] ?? {}, { outputDir: join(dir, 'out') });
  Object.assign(s['shutdown'] ?? {}, { graceSeconds: 2 });
  writeFileSync(file, stringify(s));
  writeFileSync(join(dir, 'feeds.yaml'), 'feeds: []\n');
  return dir;
}

export type WorkerProcess = ReturnType<typeof startCli>;

export function startWorker(databaseUrl: string, configDir: string, extraEnv: Record<string, string> = {}): WorkerProcess {
  return startCli(['run', '--role', 'worker'], { DATABASE_URL: databaseUrl, STANCEWATCH_CONFIG_DIR: configDir, LOG_LEVEL: 'info', DISCORD_TOKEN: '', ...extraEnv });
}

export async function ready(worker: WorkerProcess, timeoutMs = 30_000): Promise<void> {
  await waitFor(() => worker.output().stdout.includes('stancewatch ready') || worker.exitCode !== null, timeoutMs, 'worker readiness');
  if (worker.exitCode !== null) throw new Error(`worker exited: ${worker.output().stderr.slice(-2000)}`);
}

/** Stops a worker with SIGTERM (SIGKILL after 10 s). */
export async function stopWorker(worker: WorkerProcess): Promise<void> {
  if (worker.exitCode !== null || worker.signalCode !== null) return;
  const timer = setTimeout(() => worker.kill('SIGKILL'), 10_000);
  worker.kill('SIGTERM');
  await worker.exited;
  clearTimeout(timer);
}

export interface FeedRequest {
  feed: number;
  cycle: number;
  agent: string;
  at: number;
}

/** RSS for feed `i` in cycle `c`: one item per cycle so far (so each cycle brings exactly one new article). */
export function cycleFeed(i: number, c: number, now: number): string {
  const items = Array.from({ length: c }, (_, k) => k + 1).map((k) =>
    `<item><guid isPermaLink="false">f${i}-c${k}</guid><title>Outlet ${i} story ${k}</title>` +
    `<link>https://news.example/f${i}/${k}</link><pubDate>${new Date(now - 3_600_000 * k).toUTCString()}</pubDate>` +
    `<description>Russia criticised NATO while China praised the European Union in story ${k} of outlet ${i}.</description></item>`);
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Outlet ${i}</title>` +
    `<link>https://news.example/f${i}</link><description>scale test</description>${items.join('')}</channel></rss>`;
}
