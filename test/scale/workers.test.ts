// Three worker processes against one PostgreSQL database and 200 local feeds: every due feed is fetched exactly
// once per poll cycle, no article is stored twice, and the feeds of a worker killed with SIGKILL mid-cycle are
// taken over once its leases expire.
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore, type Store } from '../../src/store/index.js';
import { startFeedServer, type FeedServer } from '../helpers/feed-server.js';
import { waitFor } from '../helpers/spawn-cli.js';
import { cycleFeed, ready, startWorker, stopWorker, testConfigDir, type FeedRequest, type WorkerProcess } from './cluster.js';
import { freshDatabase, pgReachable, type FreshDatabase } from './pg.js';

const FEEDS = 200;
const LEASE_SECONDS = 3;
const reachable = await pgReachable();

const state = { cycle: 0, holding: false, held: [] as Array<() => void> };
const requests: FeedRequest[] = [];
let db: FreshDatabase;
let server: FeedServer;
let store: Store;
const workers: WorkerProcess[] = [];

function route(i: number): Parameters<FeedServer['route']>[1] {
  return (req, res) => {
    requests.push({ feed: i, cycle: state.cycle, agent: String(req.headers['user-agent']), at: Date.now() });
    const send = (): void => {
      if (!res.destroyed) res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(cycleFeed(i, state.cycle, Date.now()));
    };
    if (state.holding) state.held.push(send);
    else send();
  };
}

async function seed(): Promise<void> {
  store = await createStore({ url: db.url, logger: pino({ level: 'silent' }) });
  await store.migrate();
  const now = Date.now();
  for (let i = 0; i < FEEDS; i++) {
    server.route(`/f${i}.xml`, route(i));
    const { feed } = await store.addFeed({ url: server.url(`/f${i}.xml`), nextCheckAt: now + 86_400_000, now });
    await store.subscribe({ guildId: 'g', feedId: feed.id, channelId: 'c', name: `f${i}`, createdBy: 'test', now });
  }
}

/** Makes every feed due now and starts counting requests for cycle `c`. */
async function beginCycle(c: number): Promise<void> {
  state.cycle = c;
  await db.query('update feeds set next_check_at = 0');
}

async function cycleDone(c: number, timeoutMs = 30_000): Promise<void> {
  let pending = -1;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const fetched = new Set(requests.filter((r) => r.cycle === c).map((r) => r.feed)).size;
    const [row] = await db.query<{ n: number }>('select count(*)::int as n from feeds where next_check_at <= $1 or lease_until is not null', [Date.now()]);
    pending = row?.n ?? -1;
    if (fetched === FEEDS && pending === 0) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`cycle ${c} did not finish: ${pending} feeds pending`);
}

function perFeed(c: number, filter: (r: FeedRequest) => boolean = () => true): number[] {
  const counts = new Array<number>(FEEDS).fill(0);
  for (const r of requests) if (r.cycle === c && filter(r)) counts[r.feed] = (counts[r.feed] ?? 0) + 1;
  return counts;
}

async function leasesOf(pid: number): Promise<Array<{ url: string; lease_until: number }>> {
  return db.query('select url, lease_until from feeds where lease_owner like $1', [`%:${pid}:%`]);
}

beforeAll(async () => {
  if (!reachable) return;
  db = await freshDatabase('sw_scale');
  server = await startFeedServer();
  await seed();
  for (let w = 0; w < 3; w++) {
    const dir = testConfigDir({ userAgent: `sw-worker-${w}`, leaseSeconds: LEASE_SECONDS, batchSize: 10, concurrency: 5 });
    workers.push(startWorker(db.url, dir));
  }
  await Promise.all(workers.map((w) => ready(w)));
}, 60_000);

afterAll(async () => {
  if (!reachable) return;
  await Promise.all(workers.map(stopWorker));
  await store?.close();
  await server?.close();
  await db?.drop();
}, 30_000);

describe.skipIf(!reachable)('three workers on one PostgreSQL database', () => {
  it('fetch every due feed exactly once per cycle, and take over a killed worker’s feeds', async () => {
    for (const c of [1, 2]) {
      await beginCycle(c);
      await cycleDone(c);
      expect(perFeed(c)).toEqual(new Array(FEEDS).fill(1));
    }
    expect(new Set(requests.map((r) => r.agent)).size).toBeGreaterThan(1);

    // Cycle 3: requests are held, worker 0 is killed while its fetches are in flight, then the rest are answered.
    const victim = workers[0] as WorkerProcess;
    state.holding = true;
    await beginCycle(3);
    await waitFor(() => requests.some((r) => r.cycle === 3 && r.agent === 'sw-worker-0'), 20_000, 'worker 0 fetching');
    const leased = await leasesOf(victim.pid ?? -1);
    victim.kill('SIGKILL');
    await victim.exited;
    const killedAt = Date.now();
    state.holding = false;
    for (const send of state.held.splice(0)) send();
    await cycleDone(3);

    expect(leased.length).toBeGreaterThan(0);
    const orphanIds = new Set(leased.map((l) => Number(/\/f(\d+)\.xml$/.exec(l.url)?.[1])));
    const survivors = perFeed(3, (r) => r.agent !== 'sw-worker-0');
    const byVictim = perFeed(3, (r) => r.agent === 'sw-worker-0');
    for (let i = 0; i < FEEDS; i++) {
      expect(survivors[i], `feed ${i}`).toBe(1);
      if (!orphanIds.has(i)) expect(byVictim[i], `feed ${i}`).toBe(0);
    }
    const leaseEnd = Math.max(...leased.map((l) => Number(l.lease_until)));
    const takeovers = requests.filter((r) => r.cycle === 3 && r.agent !== 'sw-worker-0' && orphanIds.has(r.feed));
    expect(takeovers).toHaveLength(orphanIds.size);
    // Taken over only once the lease recorded before the kill had run out (a later renewal only delays it).
    for (const t of takeovers) expect(t.at).toBeGreaterThanOrEqual(Math.max(leaseEnd, killedAt) - 50);

    await beginCycle(4);
    await cycleDone(4);
    expect(perFeed(4)).toEqual(new Array(FEEDS).fill(1));

    const [articles] = await db.query<{ n: number; links: number; unanalysed: number }>(
      'select count(*)::int as n, count(distinct link)::int as links, sum(case when analysed = 0 then 1 else 0 end)::int as unanalysed from articles');
    expect(articles).toEqual({ n: FEEDS * 4, links: FEEDS * 4, unanalysed: 0 });
    const [links] = await db.query<{ n: number }>('select count(*)::int as n from article_feeds');
    expect(links?.n).toBe(FEEDS * 4);
    const [scores] = await db.query<{ scores: number; daily: number }>(
      'select (select count(*)::int from actor_scores) as scores, (select coalesce(sum(n), 0)::int from actor_daily) as daily');
    expect(scores?.scores).toBeGreaterThan(0);
    expect(scores?.daily).toBe(scores?.scores);
  }, 120_000);
});
