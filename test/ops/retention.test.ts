// Retention end to end: a worker polls a feed, time passes beyond the configured article age, and the worker's
// retention step prunes the old articles and their scores in batches while the daily aggregates that summaries
// of older periods read are kept unchanged. On SQLite, and on PostgreSQL when reachable.
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SCHEDULE } from '../../src/core/feed-check-schedule.js';
import { createFetcher } from '../../src/ingest/index.js';
import { buildWorker } from '../../src/jobs/index.js';
import type { Store } from '../../src/store/index.js';
import { startFeedServer, type FeedServer } from '../helpers/feed-server.js';
import { analyser, fakeClock, rss, tempStore, type SampleItem } from '../jobs/fixtures.js';
import { freshDatabase, pgReachable } from '../scale/pg.js';

const DAY = 86_400_000;
const OLD = 10;
const BATCH = 3;
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

const items = (prefix: string, n: number): SampleItem[] =>
  Array.from({ length: n }, (_, i) => ({
    guid: `${prefix}-${i}`, title: `${prefix} story ${i}`, daysAgo: 1 + (i % 4), link: `https://news.example/${prefix}/${i}`,
    body: 'Russia condemned NATO expansion, while China welcomed the European Union trade deal and praised its leaders.',
  }));

async function worldWith(store: Store) {
  const server: FeedServer = await startFeedServer();
  const clock = fakeClock();
  const lines: string[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void lines.push(line) });
  const fetcher = createFetcher({ userAgent: 'sw-retention-test', timeoutMs: 5_000, maxBytes: 1 << 20, maxRedirects: 2, allowPrivateAddresses: true, logger, now: clock.now });
  cleanups.push(async () => { await fetcher.close(); await server.close(); });
  const { worker } = buildWorker({
    store, fetcher, analyser, modelVersion: 'test', owner: 'w1', logger, now: clock.now, random: () => 0.5,
    settings: {
      tickExpression: '* * * * *',
      poll: { batchSize: 10, leaseMs: 60_000, concurrency: 2, perHostConcurrency: 2 },
      schedule: DEFAULT_SCHEDULE, maxItemAgeMs: 30 * DAY, fullTextConcurrency: 1,
      retention: { maxAgeMs: 180 * DAY, batchSize: BATCH },
    },
  });
  const { feed } = await store.addFeed({ url: server.url('/feed.xml'), nextCheckAt: 0, now: 0 });
  await store.subscribe({ guildId: 'g', feedId: feed.id, channelId: 'c', name: 'feed', createdBy: 'test', now: 0 });
  const serve = (list: SampleItem[]) => server.route('/feed.xml', (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss('Outlet', list, clock.now())));
  const pruned = () => lines.map((l) => JSON.parse(l) as { step?: string; result?: unknown }).filter((l) => l.step === 'retention').map((l) => l.result);
  return { worker, clock, serve, pruned };
}

async function prunesOldArticlesKeepsAggregates(store: Store): Promise<void> {
  const w = await worldWith(store);
  const t0 = w.clock.now();
  const oldPeriod = { guildId: 'g', from: t0 - 10 * DAY, to: t0 + DAY };
  w.serve(items('old', OLD));
  await w.worker.tick();
  const exactBefore = await store.actorStats(oldPeriod);
  const dailyBefore = await store.actorDailySeries(oldPeriod);
  expect(exactBefore.length).toBeGreaterThan(0);
  expect(dailyBefore.length).toBeGreaterThan(0);
  expect(w.pruned()).toEqual([0]);

  w.clock.advance(185 * DAY);
  w.serve(items('new', 4));
  await w.worker.tick();
  expect(w.pruned()).toEqual([0, OLD]);
  for (let i = 0; i < OLD; i++) expect(await store.getArticleByLink(`https://news.example/old/${i}`)).toBeUndefined();
  for (let i = 0; i < 4; i++) expect((await store.getArticleByLink(`https://news.example/new/${i}`))?.analysed).toBe(true);
  expect(await store.actorStats(oldPeriod)).toEqual([]);
  expect(await store.actorDailySeries(oldPeriod)).toEqual(dailyBefore);
  expect(await store.dailyActorStats(oldPeriod)).toEqual(exactBefore.map((s) => expect.objectContaining({ actor: s.actor, n: s.n })));
  const recent = { guildId: 'g', from: w.clock.now() - 10 * DAY, to: w.clock.now() };
  expect((await store.actorStats(recent)).length).toBeGreaterThan(0);
}

describe('retention step of the worker', () => {
  it('prunes articles and scores older than the configured age in batches and keeps daily aggregates (SQLite)', async () => {
    const store = await tempStore();
    cleanups.push(() => store.close());
    await prunesOldArticlesKeepsAggregates(store);
  });

  it('does the same on PostgreSQL', async (ctx) => {
    if (!(await pgReachable())) return ctx.skip();
    const db = await freshDatabase('sw_retention');
    const store = await tempStore(db.url);
    cleanups.push(async () => { await store.close(); await db.drop(); });
    await prunesOldArticlesKeepsAggregates(store);
  });
});
