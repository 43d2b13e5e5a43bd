// The database going away: /healthz turns 503 and back to 200, and a PostgreSQL connection loss in the middle of a
// poll cycle leaves nothing half-written: the failed feeds are retried once the lease expires, each article once.
import { afterEach, describe, expect, it } from 'vitest';
import type { FeedServer } from '../helpers/feed-server.js';
import { waitFor } from '../helpers/spawn-cli.js';
import { cycleFeed } from '../scale/cluster.js';
import { pgReachable } from '../scale/pg.js';
import { startTestApp, statusBecomes, type TestApp } from './app-fixture.js';

const reachable = await pgReachable();
let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
}, 30_000);

describe.skipIf(!reachable)('database outage', () => {
  it('/healthz answers 503 while PostgreSQL is unreachable and 200 again once it is back', async () => {
    t = await startTestApp('sw_health');
    const healthz = `${t.base}/healthz`;
    expect(await statusBecomes(healthz, 200, 10_000)).toBe(200);
    t.proxy.cut();
    expect(await statusBecomes(healthz, 503, 10_000)).toBe(503);
    const body = (await (await fetch(healthz)).json()) as { checks: Record<string, { ok: boolean }> };
    expect(body.checks['database']?.ok).toBe(false);
    expect(body.checks['scheduler']?.ok).toBe(true);
    t.proxy.restore();
    expect(await statusBecomes(healthz, 200, 15_000)).toBe(200);
  }, 60_000);

  it('survives a connection loss mid-cycle: failed refreshes are retried, nothing is lost or stored twice', async () => {
    const app = await startTestApp('sw_outage');
    t = app;
    const held: Array<() => void> = [];
    let holding = true;
    const route = (i: number): Parameters<FeedServer['route']>[1] => (_req, res) => {
      const send = (): void => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(cycleFeed(i, 1, Date.now()));
      if (holding) held.push(send);
      else send();
    };
    const FEEDS = 20;
    await app.addFeeds(FEEDS, route);
    await waitFor(() => held.length >= 5, 20_000, 'fetches in flight');
    app.proxy.cut();
    holding = false;
    for (const send of held.splice(0)) send();
    await waitFor(() => app.logs.some((l) => l.includes('feed refresh crashed')), 20_000, 'refreshes failing on the database');
    app.proxy.restore();

    const progress = async () => (await app.db.query<{ pending: number; articles: number; analysed: number }>(
      `select (select count(*)::int from feeds where next_check_at <= $1 or lease_until is not null) as pending,
              (select count(*)::int from articles) as articles,
              (select count(*)::int from articles where analysed = 1) as analysed`, [Date.now()]))[0];
    const done = { pending: 0, articles: FEEDS, analysed: FEEDS };
    const until = Date.now() + 30_000;
    while (JSON.stringify(await progress()) !== JSON.stringify(done) && Date.now() < until) await new Promise((r) => setTimeout(r, 250));
    expect(await progress()).toEqual(done);

    const retried = Array.from({ length: FEEDS }, (_, i) => app.server.count(`/f${i}.xml`)).filter((n) => n > 1);
    expect(retried.length).toBeGreaterThan(0);
    const [row] = await app.db.query<{ links: number; distinct_links: number; scores: number; daily: number }>(
      `select (select count(*)::int from article_feeds) as links, (select count(distinct link)::int from articles) as distinct_links,
              (select count(*)::int from actor_scores) as scores, (select coalesce(sum(n), 0)::int from actor_daily) as daily`);
    expect(row).toMatchObject({ links: FEEDS, distinct_links: FEEDS });
    expect(row?.scores).toBeGreaterThan(0);
    expect(row?.daily).toBe(row?.scores);
    expect(await statusBecomes(`${app.base}/healthz`, 200, 10_000)).toBe(200);
  }, 90_000);
});
