// Feed chaos: 500 hostile feeds and 100 healthy ones on one local server, many poll cycles with the real poller,
// store, fetcher and analyser and a fake clock. The poller must stay healthy, memory bounded, healthy feeds
// unaffected, and failing feeds must back off and end up disabled.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScheduleConfig } from '../../src/core/feed-check-schedule.js';
import { createFetcher, type Fetcher } from '../../src/ingest/index.js';
import { createAnalysisRunner } from '../../src/jobs/analysis.js';
import { createPoller, type CycleReport, type Poller } from '../../src/jobs/poller.js';
import type { Selectable } from 'kysely';
import { toFeed } from '../../src/store/feeds.js';
import type { Feed, Store } from '../../src/store/index.js';
import type { FeedsTable } from '../../src/store/schema.js';
import { analyser, fakeClock, silent, tempStore } from '../jobs/fixtures.js';
import { EXPECTED_CODE, loopbackResolver, seeded, startChaosServer, type ChaosServer, type ServedFailure } from './chaos-server.js';

const CHAOTIC = 500;
const HEALTHY = 100;
const CYCLES = 18;
const STEP_MS = 5 * 60_000;
const MAX_BYTES = 256 * 1024;
const HOSTILE_DEADLINE_MS = 1_500;
const SCHEDULE: ScheduleConfig = {
  backoffBaseMs: 60_000, backoffMaxMs: 3_600_000, backoffJitterRatio: 0.5, defaultIntervalMs: 10 * 60_000,
  minIntervalMs: 10 * 60_000, maxIntervalMs: 10 * 60_000, disableAfterErrors: 5,
};

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapAfterGc = (): number => {
  gc();
  return process.memoryUsage().heapUsed;
};

const clock = fakeClock();
let server: ChaosServer;
let store: Store;
let fetcher: Fetcher;
let raw: BetterSqlite3.Database;
let poller: Poller;

beforeAll(async () => {
  server = await startChaosServer({ chaotic: CHAOTIC, healthy: HEALTHY, hosts: 50, seed: 20261127, window: 5, now: clock.now });
  const file = join(mkdtempSync(join(tmpdir(), 'sw-chaos-')), 'sw.db');
  store = await tempStore(`sqlite:${file}`);
  raw = new BetterSqlite3(file, { readonly: true });
  fetcher = routedFetcher(new Set(server.healthyUrls));
  const analysis = createAnalysisRunner({ store, fetcher, base: analyser, modelVersion: 'chaos', fullTextConcurrency: 2, now: clock.now });
  const deps = { store, fetcher, analysis, logger: silent, now: clock.now, random: seeded(7), settings: { schedule: SCHEDULE, maxItemAgeMs: 30 * 86_400_000 } };
  poller = createPoller(store, deps, { owner: 'chaos', batchSize: 600, leaseMs: 60_000, concurrency: 100, perHostConcurrency: 2 }, silent);
  for (const url of [...server.chaoticUrls, ...server.healthyUrls]) {
    const { feed } = await store.addFeed({ url, nextCheckAt: 0, now: 0 });
    await store.subscribe({ guildId: 'g', feedId: feed.id, channelId: 'c', name: url, createdBy: 't', now: 0 });
  }
}, 60_000);

afterAll(async () => {
  raw?.close();
  await fetcher?.close().catch(() => undefined); // already closed when the test got that far
  await store?.close();
  await server?.close();
});

/**
 * Two real fetchers: the hostile feeds get a short deadline so that hangs and drips cost little wall time; the
 * healthy ones keep a production-like deadline, so that CPU starvation of a loaded CI machine cannot time them
 * out. What is under test is that hostile neighbours never take their slots, sockets or memory.
 */
function routedFetcher(healthy: Set<string>): Fetcher {
  const make = (timeoutMs: number): Fetcher => createFetcher({
    userAgent: 'Stancewatch-chaos', timeoutMs, maxBytes: MAX_BYTES, maxRedirects: 5,
    allowPrivateAddresses: true, resolver: loopbackResolver, logger: silent, now: clock.now,
  });
  const [patient, hasty] = [make(20_000), make(HOSTILE_DEADLINE_MS)];
  const pick = (url: string): Fetcher => (healthy.has(url) ? patient : hasty);
  return {
    fetchDocument: (url, validators) => pick(url).fetchDocument(url, validators),
    parseDocument: (doc) => patient.parseDocument(doc),
    fetchFeed: (url, validators) => pick(url).fetchFeed(url, validators),
    fetchArticleText: (url) => patient.fetchArticleText(url),
    close: async () => void (await Promise.all([patient.close(), hasty.close()])),
  };
}

const pathOf = (url: string): string => new URL(url).pathname;

/** Every feed's stored state, by URL (one read, so checking 600 feeds per cycle stays cheap). */
function feedsByUrl(): Map<string, Feed> {
  const rows = raw.prepare('select * from feeds').all() as Array<Selectable<FeedsTable>>;
  return new Map(rows.map((row) => [row.url, toFeed(row)]));
}

function feedOf(feeds: Map<string, Feed>, url: string): Feed {
  const feed = feeds.get(url);
  if (!feed) throw new Error(`feed ${url} vanished`);
  return feed;
}

/** The backoff the schedule allows after the k-th consecutive failure, widened by a Retry-After. */
function allowedDelay(k: number, failure: ServedFailure, code: string | null): [number, number] {
  const exp = Math.min(SCHEDULE.backoffMaxMs, SCHEDULE.backoffBaseMs * 2 ** (k - 1));
  const retryAfter = code === 'RATE_LIMITED' ? (failure.retryAfterSeconds ?? 0) * 1000 : 0;
  return [Math.max(Math.floor(exp / 2), retryAfter), Math.max(exp, retryAfter)];
}

interface Figures {
  cycles: number;
  requests: number;
  peakRss: number;
  heap: number[];
  healthyChecks: number;
  failuresChecked: number;
  /** Answers other than hang/drip that the deadline cut (CPU starvation). */
  lateAnswers: number;
  /** behaviour:code pairs seen. */
  classified: Set<string>;
}

function checkChaotic(before: Map<string, number>, figures: Figures): void {
  const feeds = feedsByUrl();
  for (const url of server.chaoticUrls) {
    const served = server.served.get(pathOf(url)) ?? [];
    const previous = before.get(url) ?? 0;
    expect(served.length - previous, `${url} fetched at most once per cycle`).toBeLessThanOrEqual(1);
    if (served.length === previous) continue;
    const failure = served[served.length - 1] as ServedFailure;
    const feed = feedOf(feeds, url);
    // Any answer may be cut by the deadline on a starved machine; otherwise it must be classified as what it was.
    const code = feed.lastErrorCode ?? '';
    if (code === 'TIMEOUT' && !EXPECTED_CODE[failure.behaviour].includes(code)) figures.lateAnswers++;
    else expect(EXPECTED_CODE[failure.behaviour], `${url} answered ${failure.behaviour}`).toContain(code);
    figures.classified.add(`${failure.behaviour}:${code}`);
    expect(feed.errorCount).toBe(served.length);
    const [low, high] = allowedDelay(feed.errorCount, failure, code);
    const delay = feed.nextCheckAt - (feed.lastFetchAt ?? 0);
    expect(delay, `${url} backoff after failure ${feed.errorCount}`).toBeGreaterThanOrEqual(low);
    expect(delay).toBeLessThanOrEqual(high);
    figures.failuresChecked++;
  }
}

function articlesPerFeed(): Map<number, number> {
  const rows = raw.prepare('select feed_id, count(*) as n from article_feeds group by feed_id').all() as Array<{ feed_id: number; n: number }>;
  return new Map(rows.map((r) => [r.feed_id, r.n]));
}

async function checkHealthy(due: Set<string>, before: Map<string, number>, figures: Figures): Promise<void> {
  const feeds = feedsByUrl();
  const articles = articlesPerFeed();
  for (const url of server.healthyUrls) {
    const published = server.published.get(pathOf(url)) ?? [];
    const fetchedNow = published.length - (before.get(url) ?? 0);
    expect(fetchedNow, `${url} fetched once when due, never when not`).toBe(due.has(url) ? 1 : 0);
    const feed = feedOf(feeds, url);
    expect(feed.errorCount, `${url}: ${feed.lastErrorCode} ${feed.lastErrorMessage}`).toBe(0);
    expect(articles.get(feed.id) ?? 0, `${url} stores every item it served`).toBe(published.length);
    for (const item of published.slice(published.length - fetchedNow)) expect((await store.getArticleByLink(`https://news.example/${item.guid}`))?.title).toBe(item.title);
    if (due.has(url)) figures.healthyChecks++;
  }
}

function dueHealthy(): Set<string> {
  const feeds = feedsByUrl();
  return new Set(server.healthyUrls.filter((url) => feedOf(feeds, url).nextCheckAt <= clock.now()));
}

function snapshot(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const url of server.chaoticUrls) counts.set(url, server.served.get(pathOf(url))?.length ?? 0);
  for (const url of server.healthyUrls) counts.set(url, server.published.get(pathOf(url))?.length ?? 0);
  return counts;
}

async function oneCycle(figures: Figures): Promise<CycleReport> {
  const due = dueHealthy();
  const dueCount = (await store.countFeeds(clock.now())).due;
  const before = snapshot();
  const sampler = setInterval(() => (figures.peakRss = Math.max(figures.peakRss, process.memoryUsage.rss())), 50);
  const report = await poller.cycle(() => false).finally(() => clearInterval(sampler));
  expect(report.crashed).toBe(0);
  expect(report.claimed).toBe(dueCount);
  await checkHealthy(due, before, figures);
  checkChaotic(before, figures);
  figures.cycles++;
  figures.heap.push(heapAfterGc());
  clock.advance(STEP_MS);
  return report;
}

describe('feed chaos', () => {
  it('keeps polling healthy feeds, backs off and disables hostile ones, with bounded memory', async () => {
    const baseHeap = heapAfterGc();
    const baseRss = process.memoryUsage().rss;
    const figures: Figures = { cycles: 0, requests: 0, peakRss: baseRss, heap: [], healthyChecks: 0, failuresChecked: 0, lateAnswers: 0, classified: new Set<string>() };
    const started = Date.now();
    for (let c = 0; c < CYCLES; c++) await oneCycle(figures);
    figures.requests = server.feed.requests.length;

    const counts = await store.countFeeds(clock.now());
    expect(counts.disabled).toBe(CHAOTIC);
    const feeds = feedsByUrl();
    for (const url of server.chaoticUrls) {
      const feed = feedOf(feeds, url);
      expect(feed.disabled).toBe(true);
      expect(feed.disabledReason).toMatch(new RegExp(`^${feed.lastErrorCode}: `));
      expect(server.served.get(pathOf(url))?.length, `${url} is not fetched once disabled`).toBe(SCHEDULE.disableAfterErrors);
    }
    expect(figures.healthyChecks).toBeGreaterThanOrEqual(HEALTHY * (CYCLES / 2));
    const unanalysed = raw.prepare('select count(*) as n from articles where analysed = 0').get() as { n: number };
    expect(unanalysed.n).toBe(0);

    for (const [behaviour, codes] of Object.entries(EXPECTED_CODE)) {
      expect(codes.some((code) => figures.classified.has(`${behaviour}:${code}`)), `${behaviour} was served and classified`).toBe(true);
    }
    expect(figures.lateAnswers, 'only a few prompt answers were cut by the deadline').toBeLessThan(figures.failuresChecked / 10);
    expect(server.gigabyteBytes.length).toBeGreaterThan(0);
    expect(Math.max(...server.gigabyteBytes), 'gigabyte streams are cut near the body cap').toBeLessThan(32 * 1024 ** 2);

    const heapGrowth = Math.max(...figures.heap) - baseHeap;
    const rssGrowth = figures.peakRss - baseRss;
    expect(heapGrowth).toBeLessThan(64 * 1024 ** 2);
    expect(rssGrowth).toBeLessThan(384 * 1024 ** 2);

    await fetcher.close();
    expect(await server.feed.socketsClosed(3_000), 'no socket left open after the fetcher closed').toBe(true);
    console.info(JSON.stringify({
      chaos: { ...figures, heap: undefined, classified: undefined, wallMs: Date.now() - started, heapGrowthMiB: +(heapGrowth / 2 ** 20).toFixed(1),
        heapFirstLastMiB: [figures.heap[0], figures.heap.at(-1)].map((h) => +((h ?? 0) / 2 ** 20).toFixed(1)),
        rssGrowthMiB: +(rssGrowth / 2 ** 20).toFixed(1), maxGigabyteBytes: Math.max(...server.gigabyteBytes) },
    }));
  }, 110_000);
});
