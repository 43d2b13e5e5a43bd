// Database trouble during a refresh: SQLite locked by another process (briefly, then past every retry) and a
// PostgreSQL connection terminated inside the write transaction (one per feed: a feed's new articles are stored
// together with their analyses). The failure is waited out or reported, nothing is half-written (a failed
// transaction leaves neither the articles nor any analysis), and the next worker tick completes the work.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { buildWorker } from '../../src/jobs/index.js';
import { createPoller, type Poller } from '../../src/jobs/poller.js';
import type { Worker } from '../../src/jobs/worker.js';
import type { RefreshDeps } from '../../src/jobs/refresh.js';
import type { Store } from '../../src/store/index.js';
import { body, startFeedServer, type FeedServer, type Handler } from '../helpers/feed-server.js';
import { analyser, fakeClock, refreshDeps, rss, tempStore, type Clock } from '../jobs/fixtures.js';
import { dropSchema, halfWritten, installStall, NOTHING_HALF_WRITTEN, terminateStalled, sqliteLockHolder, type CountQuery } from './db-helpers.js';

const PG_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const LEASE_MS = 60_000;
const ITEMS = 6;

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

type InsertArticles = Store['insertArticles'];
/**
 * Runs around the n-th insertArticles call that carries analyses (1-based; one per refreshed feed with new items);
 * every other call goes straight to the store.
 */
type Hook = (real: () => Promise<void>, articleIds: string[]) => Promise<void>;

interface Rig {
  store: Store;
  server: FeedServer;
  clock: Clock;
  deps: RefreshDeps;
  poller: Poller;
  /** The real worker (actors, poll, analyse-pending, retention) on the same store and clock, ticked by hand. */
  worker: Worker;
  errors: string[];
  count: CountQuery;
}

function items(prefix: string) {
  return Array.from({ length: ITEMS }, (_, i) => ({
    guid: `${prefix}-${i}`, title: `${prefix} story ${i}`, link: `https://news.example/${prefix}/${i}`, daysAgo: 0,
    body: `Russia condemned NATO drills on day ${i}, while China praised the European Union for its cooperation.`,
  }));
}

function hooked(store: Store, callNumber: number, hook: Hook): Store {
  let calls = 0;
  const insertArticles: InsertArticles = (feedId, items, options) => {
    const real = () => store.insertArticles(feedId, items, options);
    if (!options.analyses) return real();
    if (++calls !== callNumber) return real();
    let ids: string[] = [];
    return hook(async () => void (ids = await real()), options.analyses.items.map((b) => b.articleId)).then(() => ids);
  };
  return { ...store, insertArticles };
}

async function rig(store: Store, count: CountQuery, feeds: Record<string, Handler | 'plain'>, callNumber: number, hook: Hook): Promise<Rig> {
  const server = await startFeedServer();
  const clock = fakeClock();
  const errors: string[] = [];
  const logger = pino({ level: 'error' }, new Writable({ write: (chunk, _enc, done) => void (errors.push(String(chunk)), done()) }));
  const store2 = hooked(store, callNumber, hook);
  for (const [name, handler] of Object.entries(feeds)) {
    server.route(`/${name}.xml`, handler === 'plain' ? body(rss(name, items(name), clock.now())) : handler);
    const { feed } = await store.addFeed({ url: server.url(`/${name}.xml`), nextCheckAt: 0, now: 0 });
    await store.subscribe({ guildId: 'g', feedId: feed.id, channelId: 'c', name, createdBy: 't', now: 0 });
  }
  const deps = refreshDeps(store2, clock);
  cleanups.push(async () => { await deps.fetcher.close(); await server.close(); await store.close(); });
  const poll = { batchSize: 10, leaseMs: LEASE_MS, concurrency: 4, perHostConcurrency: 2 };
  const poller = createPoller(store2, deps, { owner: 'w', ...poll }, logger);
  const { worker } = buildWorker({
    store: store2, fetcher: deps.fetcher, analyser, modelVersion: 'test', owner: 'w', logger, now: clock.now, random: () => 0.5,
    settings: { tickExpression: '* * * * *', poll, schedule: deps.settings.schedule, maxItemAgeMs: deps.settings.maxItemAgeMs, fullTextConcurrency: 2, retention: { maxAgeMs: 365 * 86_400_000, batchSize: 100 } },
  });
  return { store, server, clock, deps, poller, worker, errors, count };
}

async function sqliteRig(feeds: Record<string, Handler | 'plain'>, callNumber: number, hook: (holder: ReturnType<typeof sqliteLockHolder>) => Hook) {
  const file = join(mkdtempSync(join(tmpdir(), 'sw-dbtrouble-')), 'sw.db');
  const store = await tempStore(`sqlite:${file}`);
  const holder = sqliteLockHolder(file);
  const raw = new BetterSqlite3(file, { readonly: true });
  cleanups.push(async () => { raw.close(); await holder.close(); });
  const count: CountQuery = async (sql) => (raw.prepare(sql).get() as { n: number }).n;
  return rig(store, count, feeds, callNumber, hook(holder));
}

/** After a failed cycle: the next worker tick re-polls the feed once its lease expired and analyses the leftovers. */
async function nextTickCompletes(r: Rig, path: string): Promise<void> {
  const fetched = r.server.count(path);
  const errorsBefore = r.errors.length;
  r.clock.advance(LEASE_MS + 1);
  await r.worker.tick();
  expect(r.errors.slice(errorsBefore)).toEqual([]);
  expect(r.server.count(path), 'the feed was polled again').toBe(fetched + 1);
  expect(await r.count('select count(*) as n from articles')).toBe(ITEMS);
  expect(await r.count('select count(*) as n from articles where analysed = 0')).toBe(0);
  expect(await r.count('select count(*) as n from feeds where lease_owner is not null or error_count > 0')).toBe(0);
  expect(await halfWritten(r.count)).toEqual(NOTHING_HALF_WRITTEN);
}

describe('SQLite locked by another process', () => {
  it('waits out a write lock held past the busy timeout, without starving concurrent fetches', async () => {
    const slow: Handler = (_req, res) => void setTimeout(() => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss('slow', items('slow'), Date.UTC(2026, 10, 1))), 300);
    // The lock is taken inside the refresh, right before the first feed's analyses are written, and held 4 s: longer
    // than SQLite's busy timeout and longer than the fetch deadline (3 s) of the slow feed fetched meanwhile.
    const r = await sqliteRig({ fast: 'plain', slow }, 1, (holder) => async (real) => {
      await holder.lock(4_000);
      await real();
    });
    const report = await r.poller.cycle(() => false);
    expect(r.errors.join('\n').slice(0, 3000)).toBe('');
    expect(report).toMatchObject({ claimed: 2, stored: 2, failed: 0, crashed: 0, newArticles: 2 * ITEMS });
    expect(await r.count('select count(*) as n from articles where analysed = 1')).toBe(2 * ITEMS);
    expect(await halfWritten(r.count)).toEqual(NOTHING_HALF_WRITTEN);
    expect(r.errors).toEqual([]);
  }, 30_000);

  it('reports a lock held past every retry, writes nothing half, and the next tick completes the work', async () => {
    let stuck: string[] = [];
    const r = await sqliteRig({ news: 'plain' }, 1, (holder) => async (real, articleIds) => {
      stuck = articleIds;
      await holder.lock();
      await real().finally(() => holder.release());
    });
    const report = await r.poller.cycle(() => false);
    expect(report).toMatchObject({ claimed: 1, crashed: 1 });
    expect(r.errors.join('\n')).toContain('feed refresh crashed');
    expect(r.errors.join('\n')).toContain('SQLITE_BUSY');
    expect(stuck).toHaveLength(ITEMS);
    expect(await r.count('select count(*) as n from articles')).toBe(0);
    expect(await r.count('select count(*) as n from article_analysis')).toBe(0);
    expect(await halfWritten(r.count)).toEqual(NOTHING_HALF_WRITTEN);
    await nextTickCompletes(r, '/news.xml');
  }, 90_000);
});

async function pgAvailable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

describe('PostgreSQL connection lost mid-cycle', () => {
  it('reports the failure, rolls the feed’s write transaction back, and the next tick succeeds', async (ctx) => {
    if (!(await pgAvailable())) return ctx.skip();
    const schema = `sw_dbtrouble_${process.pid}_${Date.now()}`;
    const app = `sw_dbtrouble_${process.pid}`;
    const url = `${PG_URL}${PG_URL.includes('?') ? '&' : '?'}application_name=${app}`;
    const store = await tempStore(url, schema);
    const checker = new pg.Client({ connectionString: PG_URL, options: `-c search_path=${schema}` });
    await checker.connect();
    cleanups.push(async () => { await checker.end(); await dropSchema(PG_URL, schema); });
    const count: CountQuery = async (sql) => Number((await checker.query<{ n: string }>(sql)).rows[0]?.n);
    await installStall(checker);
    let terminated = 0;
    let stuck: string[] = [];
    // The feed's write transaction stalls after writing its analysis rows (in the row trigger of its second
    // article); its backend is then terminated, as a database restart or a network cut would do, mid-transaction.
    const r = await rig(store, count, { news: 'plain' }, 1, async (real, articleIds) => {
      stuck = articleIds;
      await checker.query('insert into stall_victims values ($1)', [articleIds[1]]);
      const saving = real();
      saving.catch(() => undefined); // awaited below, after the termination
      terminated = await terminateStalled(checker, app);
      await checker.query('delete from stall_victims');
      await saving;
    });
    const report = await r.poller.cycle(() => false);
    expect(terminated).toBe(1);
    expect(report).toMatchObject({ claimed: 1, crashed: 1 });
    expect(r.errors.join('\n')).toContain('feed refresh crashed');
    expect(stuck).toHaveLength(ITEMS);
    expect(await count('select count(*) as n from articles')).toBe(0);
    expect(await count('select count(*) as n from article_analysis')).toBe(0);
    expect(await halfWritten(count)).toEqual(NOTHING_HALF_WRITTEN);
    expect(await store.ping()).toBe(true);
    await nextTickCompletes(r, '/news.xml');
  }, 60_000);
});
