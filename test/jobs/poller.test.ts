import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createPoller } from '../../src/jobs/poller.js';
import type { Store } from '../../src/store/index.js';
import { body, startFeedServer, type FeedServer } from '../helpers/feed-server.js';
import { fakeClock, refreshDeps, rss, silent, tempStore } from './fixtures.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

async function feeds(server: FeedServer, store: Store, n: number, now: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    server.route(`/f${i}.xml`, body(rss(`Outlet ${i}`, [{ guid: `f${i}-1`, title: `Item ${i}`, body: 'Russia and China met.' }], now)));
    const { feed } = await store.addFeed({ url: server.url(`/f${i}.xml`), nextCheckAt: 0, now: 0 });
    await store.subscribe({ guildId: 'g', feedId: feed.id, channelId: 'c', name: `f${i}`, createdBy: 't', now: 0 });
  }
}

async function pgStores(): Promise<[Store, Store] | null> {
  const url = process.env['TEST_DATABASE_URL'];
  if (!url) return null;
  const schema = `sw_poll_${process.pid}_${Date.now()}`;
  const a = await tempStore(url, schema);
  const b = await tempStore(url, schema);
  cleanups.push(async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`drop schema if exists ${schema} cascade`);
    await client.end();
  });
  return [a, b];
}

async function twoWorkersFetchEachFeedOnce(stores: [Store, Store]): Promise<void> {
  const server = await startFeedServer();
  cleanups.push(() => server.close());
  const clock = fakeClock();
  await feeds(server, stores[0], 40, clock.now());
  const pollers = stores.map((store, i) => {
    const deps = refreshDeps(store, clock);
    cleanups.push(async () => { await deps.fetcher.close(); await store.close(); });
    return createPoller(store, deps, { owner: `w${i}`, batchSize: 7, leaseMs: 60_000, concurrency: 4, perHostConcurrency: 2 }, silent);
  });
  const reports = await Promise.all(pollers.map((p) => p.cycle(() => false)));
  expect(reports.reduce((n, r) => n + r.claimed, 0)).toBe(40);
  expect(reports.reduce((n, r) => n + r.newArticles, 0)).toBe(40);
  for (let i = 0; i < 40; i++) expect(server.count(`/f${i}.xml`)).toBe(1);
  const again = await Promise.all(pollers.map((p) => p.cycle(() => false)));
  expect(again.reduce((n, r) => n + r.claimed, 0)).toBe(0);
}

describe('poller', () => {
  it('two workers on one SQLite database fetch every due feed exactly once', async () => {
    const url = `sqlite:${join(mkdtempSync(join(tmpdir(), 'sw-poll-')), 'sw.db')}`;
    await twoWorkersFetchEachFeedOnce([await tempStore(url), await tempStore(url)]);
  });

  it('two workers on one PostgreSQL database fetch every due feed exactly once', async (ctx) => {
    const stores = await pgStores();
    if (!stores) return ctx.skip();
    await twoWorkersFetchEachFeedOnce(stores);
  });

  it('respects the per-host limit', async () => {
    const server = await startFeedServer();
    const store = await tempStore();
    const clock = fakeClock();
    const deps = refreshDeps(store, clock);
    cleanups.push(async () => { await deps.fetcher.close(); await store.close(); await server.close(); });
    let live = 0;
    let peak = 0;
    for (let i = 0; i < 8; i++) {
      const xml = rss(`O${i}`, [{ guid: `h${i}`, title: 't', body: 'b' }], clock.now());
      server.route(`/h${i}.xml`, async (_req, res) => {
        live++;
        peak = Math.max(peak, live);
        await new Promise((r) => setTimeout(r, 30));
        live--;
        res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(xml);
      });
      const { feed } = await store.addFeed({ url: server.url(`/h${i}.xml`), nextCheckAt: 0, now: 0 });
      await store.subscribe({ guildId: 'g', feedId: feed.id, channelId: 'c', name: `h${i}`, createdBy: 't', now: 0 });
    }
    const poller = createPoller(store, deps, { owner: 'w', batchSize: 100, leaseMs: 60_000, concurrency: 8, perHostConcurrency: 2 }, silent);
    const report = await poller.cycle(() => false);
    expect(report.claimed).toBe(8);
    expect(peak).toBe(2);
  });
});
