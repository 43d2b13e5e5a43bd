import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFetcher, type Fetcher } from '../../src/ingest/index.js';
import { createFeedsApi, type FeedsApi } from '../../src/jobs/api-feeds.js';
import type { Store } from '../../src/store/index.js';
import { body, redirect, startFeedServer, type FeedServer } from '../helpers/feed-server.js';
import { analyser, rss, silent, tempStore } from './fixtures.js';

const ITEMS = [{ guid: 'x1', title: 'NATO drills', body: 'NATO’s reckless provocations threaten regional peace.' }];
const G = 'guild-1';

let server: FeedServer;
let store: Store;
let fetchers: Fetcher[];

function api(allowPrivateAddresses = true): FeedsApi {
  // Any host name resolves to a private address: with the guard on, nothing may be fetched.
  const fetcher = createFetcher({
    userAgent: 'Stancewatch-test', timeoutMs: 3_000, maxBytes: 1024 * 1024, maxRedirects: 3, allowPrivateAddresses, logger: silent,
    resolver: async () => [{ address: '10.0.0.1', family: 4 }],
  });
  fetchers.push(fetcher);
  return createFeedsApi({ store, fetcher, analyser, logger: silent, now: () => Date.now() });
}

const request = (url: string, guildId = G) => ({ guildId, channelId: 'c1', url, fullText: false, userId: 'u1' });

beforeEach(async () => {
  server = await startFeedServer({ '/a.xml': body(rss('Outlet A', ITEMS, Date.now())) });
  store = await tempStore();
  fetchers = [];
});

afterEach(async () => {
  for (const f of fetchers) await f.close();
  await store.close();
  await server.close();
});

describe('FeedsApi', () => {
  it('testFeed analyses the first items and stores nothing', async () => {
    const preview = await api().testFeed(server.url('/a.xml'));
    expect(preview.ok && preview.value.items[0]?.actors[0]).toMatchObject({ actor: 'NATO', label: 'negative' });
    expect(await store.getFeedByUrl(server.url('/a.xml'))).toBeUndefined();
  });

  it('addFeed stores the address a permanent redirect leads to, due at once and not primed', async () => {
    server.route('/old.xml', redirect(301, '/a.xml'));
    const added = await api().addFeed(request(server.url('/old.xml')));
    expect(added.ok && added.value).toMatchObject({ url: server.url('/a.xml'), newFeed: true, subscription: { name: 'Outlet A', guildId: G } });
    const feed = await store.getFeedByUrl(server.url('/a.xml'));
    expect(feed).toMatchObject({ primed: false });
    expect(feed!.nextCheckAt).toBeLessThanOrEqual(Date.now());
  });

  it('detects a duplicate before fetching, and lets another server follow the same feed', async () => {
    const feeds = api();
    expect((await feeds.addFeed(request(server.url('/a.xml')))).ok).toBe(true);
    const fetched = server.count('/a.xml');
    expect(await feeds.addFeed(request(server.url('/a.xml')))).toMatchObject({ ok: false, error: { code: 'DUPLICATE', detail: 'Outlet A' } });
    expect(server.count('/a.xml')).toBe(fetched);
    expect(await feeds.addFeed(request(server.url('/a.xml'), 'guild-2'))).toMatchObject({ ok: true, value: { newFeed: false } });
  });

  it('re-enables a disabled feed when a server adds it again, and on resume', async () => {
    const feeds = api();
    const first = await feeds.addFeed(request(server.url('/a.xml')));
    if (!first.ok) throw new Error('add failed');
    const feedId = first.value.subscription.feedId;
    await store.disableFeed(feedId, 'gone', Date.now());
    expect((await feeds.addFeed(request(server.url('/a.xml'), 'guild-2'))).ok).toBe(true);
    expect((await store.getFeed(feedId))?.disabled).toBe(false);
    await store.disableFeed(feedId, 'gone', Date.now());
    await feeds.setFeedPaused(G, first.value.subscription.id, true);
    expect(await feeds.setFeedPaused(G, first.value.subscription.id, false)).toMatchObject({ ok: true, value: { paused: false } });
    expect((await store.getFeed(feedId))?.disabled).toBe(false);
    expect(await feeds.setFeedPaused('guild-3', first.value.subscription.id, true)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_FEED' } });
  });

  it('refuses loopback, link-local, private-resolving and non-web addresses with the guard on, sending nothing', async () => {
    const feeds = api(false);
    const refused = [server.url('/a.xml'), 'http://[::1]/feed', 'http://169.254.169.254/latest/meta-data', 'http://feeds.example/rss'];
    for (const url of refused) {
      expect(await feeds.addFeed(request(url))).toMatchObject({ ok: false, error: { code: 'ADDRESS_NOT_ALLOWED' } });
    }
    for (const url of ['file:///etc/passwd', 'ftp://x.example/', 'gopher://x.example/']) {
      expect(await feeds.testFeed(url)).toMatchObject({ ok: false, error: { code: 'INVALID_URL' } });
    }
    expect(await feeds.articleByUrl(G, 'http://10.0.0.1/article')).toMatchObject({ ok: false, error: { code: 'ADDRESS_NOT_ALLOWED' } });
    expect(server.requests).toEqual([]);
  });

  it('imports OPML per entry: refused entries carry the guard’s reason', async () => {
    const opml = `<opml version="2.0"><body><outline text="Here" xmlUrl="${server.url('/a.xml')}"/><outline xmlUrl="https://ok.example/rss"/></body></opml>`;
    const report = await api(false).importOpml({ guildId: G, channelId: 'c1', userId: 'u1', text: opml });
    expect(report.ok && report.value.added).toEqual([]);
    expect(report.ok && report.value.rejected.map((r) => r.reason.startsWith('That address is not allowed'))).toEqual([true, true]);
    expect(server.requests).toEqual([]);
  });

  it('exports what it imported', async () => {
    const feeds = api();
    const opml = `<opml version="2.0"><body><outline text="Mine &amp; yours" xmlUrl="${server.url('/a.xml')}"/></body></opml>`;
    expect(await feeds.importOpml({ guildId: G, channelId: 'c1', userId: 'u1', text: opml })).toMatchObject({ ok: true, value: { added: [{ name: 'Mine & yours' }] } });
    const exported = await feeds.exportOpml(G);
    expect(exported).toContain(`xmlUrl="${server.url('/a.xml')}"`);
    expect(exported).toContain('title="Mine &amp; yours"');
    expect(await feeds.exportOpml('guild-2')).not.toContain('xmlUrl');
  });

  it('limits ad-hoc text and analyses it with the server’s own actors only', async () => {
    const feeds = api();
    expect(await feeds.analyseText(G, 'a'.repeat(4001))).toMatchObject({ ok: false, error: { code: 'TEXT_TOO_LONG' } });
    await store.addGuildActor({ guildId: G, name: 'Zubrowka', kind: 'country', aliases: ['Zubrowka'], createdBy: 'u', now: 0 });
    const text = 'Zubrowka brutally attacked the peaceful protesters.';
    const mine = await feeds.analyseText(G, text);
    const theirs = await feeds.analyseText('guild-2', text);
    expect(mine.ok && mine.value.actors.map((a) => a.actor)).toContain('Zubrowka');
    expect(theirs.ok && theirs.value.actors.map((a) => a.actor)).not.toContain('Zubrowka');
  });

  it('refuses actor names of built-ins and keeps servers apart', async () => {
    const feeds = api();
    expect(await feeds.addActor({ guildId: G, name: 'United States', aliases: [], kind: 'country', userId: 'u' })).toMatchObject({ ok: false, error: { code: 'BUILT_IN_ACTOR' } });
    expect((await feeds.addActor({ guildId: G, name: 'Genovia', aliases: ['Genovian crown', ' '], kind: 'country', userId: 'u' })).ok).toBe(true);
    expect(await feeds.watchActor('guild-2', 'genovia')).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTOR' } });
    expect(await feeds.watchActor(G, 'genovia')).toEqual({ ok: true, value: { actor: 'Genovia', added: true } });
    expect(await feeds.removeActor('guild-2', 'Genovia')).toMatchObject({ ok: false });
    expect((await feeds.actorCatalog(G)).custom.map((a) => a.aliases)).toEqual([['Genovia', 'Genovian crown']]);
  });
});
