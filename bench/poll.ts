// Poll-cycle benchmark (issue 3): 1,000 feeds of 50 items on a local server (127.0.0.1 only), polled through the
// real fetcher, poller, refresh job, SQLite store (temp file) and analyser. Three cycles: cold (empty store),
// changed (20% of feeds gain new items, the rest serve identical content with 200), and all-304.
// Feeds sit on 250 host names (a stub resolver maps them to 127.0.0.1), so the per-host limit acts as it would.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pino from 'pino';
import { createAnalyser } from '../src/core/analyse.js';
import { DEFAULT_SCHEDULE } from '../src/core/schedule.js';
import { createFetcher } from '../src/ingest/index.js';
import { createAnalysisRunner } from '../src/jobs/analysis.js';
import { createPoller, type CycleReport } from '../src/jobs/poller.js';
import type { RefreshDeps } from '../src/jobs/refresh.js';
import { loadAnalyserResources, projectRoot } from '../src/resources.js';
import { createStore, type Store } from '../src/store/index.js';

export interface PollBenchOptions {
  feeds?: number;
  itemsPerFeed?: number;
  /** Share of feeds that gain new items in the "changed" cycle. */
  changedShare?: number;
  hosts?: number;
}

const SENTENCES = join('..', 'shared', 'data', 'newsmtsc', 'train.jsonl');
const NEW_ITEMS_PER_CHANGE = 10;
const DAY = 86_400_000;
const silent = pino({ level: 'silent' });

interface FeedSite {
  /** Version per feed: a changed feed moves its 50-item window by NEW_ITEMS_PER_CHANGE. */
  versions: number[];
  /** When true, a request carrying the current ETag gets 304. */
  conditional: boolean;
  origin: string;
  close(): Promise<void>;
}

export async function benchPoll(opts: PollBenchOptions = {}): Promise<Record<string, number>> {
  const feeds = opts.feeds ?? 1_000;
  const items = opts.itemsPerFeed ?? 50;
  const hosts = opts.hosts ?? 250;
  const changed = Math.round(feeds * (opts.changedShare ?? 0.2));
  const sentences = loadSentences();
  let clock = Date.now();
  const site = await startSite(feeds, items, sentences, clock - 7 * DAY);
  const dir = mkdtempSync(join(tmpdir(), 'sw-bench-poll-'));
  const store = await createStore({ url: `sqlite:${join(dir, 'bench.db')}`, logger: silent });
  const rss = peakRss();
  try {
    await store.migrate();
    const port = new URL(site.origin).port;
    for (let i = 0; i < feeds; i++) {
      const { feed } = await store.addFeed({ url: `http://h${i % hosts}.bench.invalid:${port}/feed/${i}.xml`, nextCheckAt: 0, now: clock });
      await store.subscribe({ guildId: 'bench', feedId: feed.id, channelId: 'c', name: `feed ${i}`, createdBy: 'bench', now: clock });
    }
    const poll = pollerFor(store, () => clock);
    const cold = await timed(() => poll.cycle(() => false));
    clock += DAY;
    for (let i = 0; i < changed; i++) site.versions[Math.floor((i * feeds) / changed)]! += 1;
    const warm = await timed(() => poll.cycle(() => false));
    clock += DAY;
    site.conditional = true;
    const unchanged = await timed(() => poll.cycle(() => false));
    await poll.close();
    return {
      'poll.feeds': feeds,
      'poll.cold_feeds_per_s': rate(cold),
      'poll.cold_cpu_ms_per_feed': cpuMsPerFeed(cold),
      'poll.cold_new_articles': cold.report.newArticles,
      'poll.changed20_feeds_per_s': rate(warm),
      'poll.changed20_new_articles': warm.report.newArticles,
      'poll.all304_feeds_per_s': rate(unchanged),
      'poll.all304_cpu_ms_per_feed': cpuMsPerFeed(unchanged),
      'poll.all304_not_modified': unchanged.report.notModified,
      'poll.failed': cold.report.failed + warm.report.failed + unchanged.report.failed,
      'poll.peak_rss_mb': Math.round(rss.stop() / 1048576),
    };
  } finally {
    rss.stop();
    await store.close();
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

interface Timed {
  report: CycleReport;
  seconds: number;
  /** Process CPU time (user + system) spent in the cycle: the figure to compare on a busy machine. */
  cpuSeconds: number;
}

async function timed(run: () => Promise<CycleReport>): Promise<Timed> {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const report = await run();
  const used = process.cpuUsage(cpu);
  return { report, seconds: (performance.now() - start) / 1000, cpuSeconds: (used.user + used.system) / 1e6 };
}

const rate = (t: Timed): number => Math.round(t.report.claimed / t.seconds);
const cpuMsPerFeed = (t: Timed): number => Math.round((t.cpuSeconds * 10_000) / t.report.claimed) / 10;

/** The production poll settings (config/default.yaml) with the real fetcher, analyser and refresh job. */
function pollerFor(store: Store, now: () => number) {
  const fetcher = createFetcher({
    userAgent: 'Stancewatch-bench', timeoutMs: 20_000, maxBytes: 10 * 1024 * 1024, maxRedirects: 5,
    allowPrivateAddresses: true, logger: silent, now,
    resolver: async () => [{ address: '127.0.0.1', family: 4 }],
  });
  const resources = loadAnalyserResources();
  const analysis = createAnalysisRunner({
    store, fetcher, base: createAnalyser(resources), modelVersion: 'bench', fullTextConcurrency: 4, now,
    threads: { resources, logger: silent },
  });
  const deps: RefreshDeps = {
    store, fetcher, analysis, logger: silent, now, random: () => 0.5,
    settings: { schedule: DEFAULT_SCHEDULE, maxItemAgeMs: 30 * DAY },
  };
  const poller = createPoller(store, deps, { owner: 'bench', batchSize: 200, leaseMs: 300_000, concurrency: 16, perHostConcurrency: 2 }, silent);
  return { cycle: poller.cycle, close: async () => { await analysis.close(); await fetcher.close(); } };
}

function peakRss(): { stop(): number } {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 25);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage.rss());
    },
  };
}

/** Real news sentences (NewsMTSC) as item text, so the analyser does representative work. */
function loadSentences(): string[] {
  const lines = readFileSync(join(projectRoot(), SENTENCES), 'utf8').split('\n').filter(Boolean);
  return lines.slice(0, 20_000).map((line) => (JSON.parse(line) as { sentence_normalized: string }).sentence_normalized);
}

async function startSite(feeds: number, items: number, sentences: string[], epoch: number): Promise<FeedSite> {
  const site = { versions: new Array<number>(feeds).fill(0), conditional: false };
  const server: Server = createServer((req, res) => serve(req, res, site, items, sentences, epoch));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return Object.assign(site, {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  });
}

function serve(req: IncomingMessage, res: ServerResponse, site: { versions: number[]; conditional: boolean }, items: number, sentences: string[], epoch: number): void {
  const n = Number(/^\/feed\/(\d+)\.xml$/.exec(req.url ?? '')?.[1] ?? -1);
  const version = site.versions[n];
  if (version === undefined) return void res.writeHead(404).end();
  const etag = `"f${n}-v${version}"`;
  if (site.conditional && req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
  const body = Buffer.from(feedXml(n, version, items, sentences, epoch));
  res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag, 'content-length': body.length }).end(body);
}

/** Item k of feed n is the same document in every version that contains it (fixed text, link and date). */
function feedXml(n: number, version: number, items: number, sentences: string[], epoch: number): string {
  const first = version * NEW_ITEMS_PER_CHANGE;
  const entries: string[] = [];
  for (let k = first + items - 1; k >= first; k--) {
    const text = [0, 1, 2].map((j) => sentences[(n * 7_919 + k * 104_729 + j * 31) % sentences.length] as string);
    entries.push(`<item><title>${escapeXml(text[0]!.slice(0, 120))}</title><link>https://outlet${n}.example/story/${k}</link>` +
      `<guid>https://outlet${n}.example/story/${k}</guid><pubDate>${new Date(epoch + k * 3_600_000).toUTCString()}</pubDate>` +
      `<description>${escapeXml(text.join(' '))}</description></item>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Outlet ${n}</title>` +
    `<link>https://outlet${n}.example/</link><description>bench</description>${entries.join('\n')}</channel></rss>`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
