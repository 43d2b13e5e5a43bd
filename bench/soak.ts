// Soak: one worker (real fetcher, poller, analyser and SQLite store) polls 500 local feeds for 100 cycles — mostly
// 304s, one feed in ten with a new article each cycle — on a simulated clock that makes every feed due each cycle.
// Reports resident memory after the warm-up and at the end, and the growth in between.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pino from 'pino';
import { createAnalyser } from '../src/core/analyse.js';
import { DEFAULT_SCHEDULE } from '../src/core/feed-check-schedule.js';
import { createFetcher } from '../src/ingest/index.js';
import { buildWorker } from '../src/jobs/index.js';
import { loadAnalyserResources } from '../src/resources.js';
import { createStore } from '../src/store/index.js';

const FEEDS = 500;
const CYCLES = 100;
const WARMUP = 10;
const MINUTE = 60_000;
const logger = pino({ level: 'silent' });

/** Feed i changes when (cycle + i) % 10 == 0; otherwise a conditional request gets 304. */
function feedServer(clock: { cycle: number; now: number }): Server {
  return createServer((req, res) => {
    const i = Number(/\/f(\d+)\.xml/.exec(req.url ?? '')?.[1] ?? -1);
    const version = Math.floor((clock.cycle + i) / 10);
    const etag = `"v${version}"`;
    if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
    const items = [0, 1, 2].map((k) => version - k).filter((v) => v >= 0).map((v) =>
      `<item><guid isPermaLink="false">f${i}-v${v}</guid><title>Outlet ${i} story ${v}</title><link>https://news.example/f${i}/${v}</link>` +
      `<pubDate>${new Date(clock.now - (version - v) * 3 * 3_600_000).toUTCString()}</pubDate>` +
      `<description>Russia warned NATO over the summit while China and the European Union signed a trade pact (${i}/${v}).</description></item>`);
    res.writeHead(200, { 'content-type': 'application/rss+xml', etag }).end(
      `<?xml version="1.0"?><rss version="2.0"><channel><title>Outlet ${i}</title><link>https://news.example/</link><description>soak</description>${items.join('')}</channel></rss>`);
  });
}

const mb = (bytes: number): number => Math.round((bytes / 1048576) * 10) / 10;

export async function benchSoak(): Promise<Record<string, number>> {
  const clock = { cycle: 0, now: Date.UTC(2026, 10, 1) };
  const server = feedServer(clock);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const dir = mkdtempSync(join(tmpdir(), 'sw-bench-soak-'));
  const store = await createStore({ url: `sqlite:${join(dir, 'soak.db')}`, logger });
  const now = () => clock.now;
  const fetcher = createFetcher({ userAgent: 'sw-soak', timeoutMs: 10_000, maxBytes: 1 << 20, maxRedirects: 2, allowPrivateAddresses: true, logger, now });
  const resources = loadAnalyserResources();
  try {
    await store.migrate();
    for (let i = 0; i < FEEDS; i++) {
      const { feed } = await store.addFeed({ url: `${origin}/f${i}.xml`, nextCheckAt: 0, now: 0 });
      await store.subscribe({ guildId: 'g', feedId: feed.id, channelId: 'c', name: `f${i}`, createdBy: 'bench', now: 0 });
    }
    const { worker } = buildWorker({
      store, fetcher, analyser: createAnalyser(resources), modelVersion: 'soak', owner: 'soak', logger, now, random: () => 0.5,
      settings: {
        tickExpression: '* * * * *', poll: { batchSize: 200, leaseMs: 5 * MINUTE, concurrency: 16, perHostConcurrency: 16 },
        schedule: DEFAULT_SCHEDULE, maxItemAgeMs: 30 * 24 * 60 * MINUTE, fullTextConcurrency: 4,
        retention: { maxAgeMs: 180 * 24 * 60 * MINUTE, batchSize: 1000 },
      },
    });
    let warm = 0;
    const start = performance.now();
    for (clock.cycle = 1; clock.cycle <= CYCLES; clock.cycle++) {
      await worker.tick();
      clock.now += DEFAULT_SCHEDULE.maxIntervalMs + MINUTE;
      if (clock.cycle === WARMUP) warm = process.memoryUsage().rss;
    }
    const seconds = (performance.now() - start) / 1000;
    const end = process.memoryUsage();
    const counts = await store.countFeeds(clock.now);
    if (counts.polled !== FEEDS) throw new Error(`soak: ${FEEDS - counts.polled} feeds stopped being polled`);
    const scores = (await store.actorStats({ guildId: 'g', from: 0, to: clock.now })).reduce((n, s) => n + s.n, 0);
    return {
      'soak.feeds': FEEDS,
      'soak.cycles': CYCLES,
      'soak.actor_scores_stored': scores,
      'soak.fetches_per_s': Math.round((FEEDS * CYCLES) / seconds),
      'soak.rss_mb_after_warmup': mb(warm),
      'soak.rss_mb_end': mb(end.rss),
      'soak.rss_growth_mb': mb(end.rss - warm),
      'soak.heap_used_mb_end': mb(end.heapUsed),
    };
  } finally {
    await fetcher.close();
    await store.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  }
}
