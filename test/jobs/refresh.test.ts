import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { refreshFeed, type RefreshDeps } from '../../src/jobs/refresh.js';
import type { Store } from '../../src/store/index.js';
import { body, startFeedServer, status, type FeedServer } from '../helpers/feed-server.js';
import { fakeClock, refreshDeps, rss, tempStore, type Clock } from './fixtures.js';

const ITEMS = [
  { guid: 'a1', title: 'NATO expands drills', body: 'NATO’s reckless provocations threaten regional peace, Beijing said.' },
  { guid: 'a2', title: 'China and Russia sign deal', body: 'China and Russia praised their fruitful, win-win cooperation.' },
];

let server: FeedServer;
let store: Store;
let clock: Clock;
let deps: RefreshDeps;

async function subscribed(path: string, guild = 'g1') {
  const { feed } = await store.addFeed({ url: server.url(path), nextCheckAt: 0, now: 0 });
  await store.subscribe({ guildId: guild, feedId: feed.id, channelId: `${guild}-c`, name: path, createdBy: 't', now: 0 });
  return feed;
}

const reload = async (id: number) => {
  const feed = await store.getFeed(id);
  if (!feed) throw new Error('feed vanished');
  return feed;
};

beforeEach(async () => {
  server = await startFeedServer();
  store = await tempStore();
  clock = fakeClock();
  deps = refreshDeps(store, clock);
});

afterEach(async () => {
  await deps.fetcher.close();
  await store.close();
  await server.close();
});

describe('refreshFeed with a real store', () => {
  it('stores a new feed’s backlog once, as already seen, and analyses it', async () => {
    server.route('/a.xml', body(rss('Outlet A', ITEMS, clock.now())));
    const feed = await subscribed('/a.xml');
    const result = await refreshFeed(feed, deps);
    expect(result).toEqual({ kind: 'stored', newArticles: 2, items: 2 });
    const article = await store.getArticle('a1');
    expect(article).toMatchObject({ title: 'NATO expands drills', outlet: 'Outlet A', digestEligible: false, analysed: true });
    const analysis = await store.getAnalysis('a1');
    // "..., Beijing said": the outlet relays China's words (guideline rule 2): they do not make NATO negative in
    // the outlet's own voice, and China's voice on NATO is negative.
    expect(analysis?.actors.find((a) => a.actor === 'NATO')?.label).not.toBe('negative');
    expect(analysis?.voices).toContainEqual(expect.objectContaining({ speakerActor: 'China', actor: 'NATO', label: 'negative' }));
    expect(await reload(feed.id)).toMatchObject({ primed: true, errorCount: 0, title: 'Outlet A' });
  });

  it('when analysis fails, stores the items unanalysed (pending) and reports the failure; the pending step analyses them', async () => {
    server.route('/a.xml', body(rss('Outlet A', ITEMS, clock.now())));
    const feed = await subscribed('/a.xml');
    const failing = { ...deps, analysis: { ...deps.analysis, prepareNew: () => Promise.reject(new Error('analysis thread lost')) } };
    await expect(refreshFeed(feed, failing)).rejects.toThrow(/analysis thread lost/);
    expect((await store.listPendingAnalysis(10)).map((a) => a.id).sort()).toEqual(['a1', 'a2']);
    expect(await deps.analysis.analysePending(10, deps.logger)).toBe(2);
    expect(await store.listPendingAnalysis(10)).toEqual([]);
    expect((await store.getAnalysis('a1'))?.voices).toContainEqual(expect.objectContaining({ speakerActor: 'China', actor: 'NATO', label: 'negative' }));
  });

  it('stores nothing new on a re-fetch, and only the new item (digest-eligible) after a change', async () => {
    server.route('/a.xml', body(rss('Outlet A', ITEMS, clock.now())));
    const feed = await subscribed('/a.xml');
    await refreshFeed(feed, deps);
    expect(await refreshFeed(await reload(feed.id), deps)).toEqual({ kind: 'stored', newArticles: 0, items: 2 });
    const more = [{ guid: 'a3', title: 'EU summit', body: 'The European Union met in Brussels.' }, ...ITEMS];
    server.route('/a.xml', body(rss('Outlet A', more, clock.now())));
    expect(await refreshFeed(await reload(feed.id), deps)).toEqual({ kind: 'stored', newArticles: 1, items: 3 });
    expect(await store.getArticle('a3')).toMatchObject({ digestEligible: true });
    expect(await store.getArticle('a1')).toMatchObject({ digestEligible: false });
  });

  it('sends validators and records 304 as not modified', async () => {
    const xml = rss('Outlet A', ITEMS, clock.now());
    server.route('/c.xml', (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304).end();
      res.writeHead(200, { etag: '"v1"', 'content-type': 'application/rss+xml' }).end(xml);
    });
    const feed = await subscribed('/c.xml');
    await refreshFeed(feed, deps);
    expect((await reload(feed.id)).etag).toBe('"v1"');
    expect(await refreshFeed(await reload(feed.id), deps)).toEqual({ kind: 'not-modified' });
    expect(server.requests.at(-1)?.headers['if-none-match']).toBe('"v1"');
  });

  it('stores an article reached through two feeds once', async () => {
    server.route('/a.xml', body(rss('Outlet A', ITEMS, clock.now())));
    server.route('/b.xml', body(rss('Outlet B', [ITEMS[0] as (typeof ITEMS)[number]], clock.now())));
    const a = await subscribed('/a.xml');
    const b = await subscribed('/b.xml', 'g2');
    await refreshFeed(a, deps);
    expect(await refreshFeed(b, deps)).toEqual({ kind: 'stored', newArticles: 0, items: 1 });
    const totals = await store.periodTotals({ guildId: 'g2', from: 0, to: clock.now() + 1 });
    expect(totals.articles).toBe(1);
  });

  it('skips items older than the configured age', async () => {
    const old = [{ guid: 'old', title: 'Old news', body: 'Old.', daysAgo: 40 }, ...ITEMS];
    server.route('/a.xml', body(rss('Outlet A', old, clock.now())));
    const feed = await subscribed('/a.xml');
    const result = await refreshFeed(feed, { ...deps, settings: { ...deps.settings, maxItemAgeMs: 30 * 86_400_000 } });
    expect(result).toMatchObject({ newArticles: 2 });
    expect(await store.getArticle('old')).toBeUndefined();
  });

  it('backs off, disables after N failures with one notice per channel, and re-enables with a reset', async () => {
    server.route('/bad.xml', status(500));
    const feed = await subscribed('/bad.xml');
    await store.subscribe({ guildId: 'g2', feedId: feed.id, channelId: 'g2-c', name: 'bad', createdBy: 't', now: 0 });
    const checks: number[] = [];
    for (let i = 0; i < 3; i++) {
      const result = await refreshFeed(await reload(feed.id), deps);
      expect(result).toMatchObject({ kind: 'failed', code: 'HTTP_STATUS', disabled: i === 2 });
      checks.push((await reload(feed.id)).nextCheckAt - clock.now());
    }
    expect(checks[1]).toBeGreaterThan(checks[0] as number);
    const disabled = await reload(feed.id);
    expect(disabled).toMatchObject({ disabled: true, errorCount: 3, lastErrorCode: 'HTTP_STATUS' });
    const notices = [...(await store.listOutbox('g1', 10)), ...(await store.listOutbox('g2', 10))];
    expect(notices.map((n) => n.kind)).toEqual(['notice', 'notice']);
    expect(await store.claimDueFeeds({ owner: 'w', now: clock.now() + 86_400_000 * 30, leaseMs: 1000, limit: 10 })).toEqual([]);
    await store.enableFeed(feed.id, clock.now());
    expect(await reload(feed.id)).toMatchObject({ disabled: false, errorCount: 0 });
  });

  it('disables at once on 410 Gone', async () => {
    server.route('/gone.xml', status(410));
    const feed = await subscribed('/gone.xml');
    expect(await refreshFeed(feed, deps)).toMatchObject({ kind: 'failed', code: 'GONE', disabled: true });
  });

  it('follows a permanent redirect and stores the new URL', async () => {
    server.route('/old.xml', (_req, res) => void res.writeHead(301, { location: server.url('/new.xml') }).end());
    server.route('/new.xml', body(rss('Outlet A', ITEMS, clock.now())));
    const feed = await subscribed('/old.xml');
    await refreshFeed(feed, deps);
    expect((await reload(feed.id)).url).toBe(server.url('/new.xml'));
  });
});
