// JSON Feed end to end from 127.0.0.1: the fetcher (inline and on the parse thread) asks for it and accepts it
// as application/feed+json or application/json, discovery finds it behind an HTML page, the poller's refresh
// stores its items, and /feeds add (FeedsApi.addFeed) and OPML import validate it by fetching and parsing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFetcher, type Fetcher } from '../../src/ingest/index.js';
import { createFeedsApi } from '../../src/jobs/api-feeds.js';
import { refreshFeed } from '../../src/jobs/refresh.js';
import type { Store } from '../../src/store/index.js';
import { body, startFeedServer, type FeedServer } from '../helpers/feed-server.js';
import { analyser, fakeClock, refreshDeps, silent, tempStore } from '../jobs/fixtures.js';

function jsonFeed(title: string, now: number): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title,
    home_page_url: 'http://127.0.0.1/',
    items: [
      { id: 'jf-1', url: 'http://127.0.0.1/a/1', title: 'NATO expands drills', content_html: '<p>NATO’s reckless provocations threaten regional peace, Beijing said.</p>', date_published: new Date(now - 3_600_000).toISOString() },
      { id: 'jf-2', url: 'http://127.0.0.1/a/2', title: 'China and Russia sign deal', content_text: 'China and Russia praised their fruitful, win-win cooperation.', date_published: new Date(now - 7_200_000).toISOString() },
    ],
  });
}

let server: FeedServer;
let fetchers: Fetcher[];

const fetcher = (parseInThread: boolean) => {
  const f = createFetcher({ userAgent: 'Stancewatch-test', timeoutMs: 5_000, maxBytes: 1024 * 1024, maxRedirects: 3, allowPrivateAddresses: true, logger: silent, parseInThread });
  fetchers.push(f);
  return f;
};

beforeEach(async () => {
  server = await startFeedServer();
  fetchers = [];
});

afterEach(async () => {
  for (const f of fetchers) await f.close();
  await server.close();
});

describe('JSON Feed through the fetcher', () => {
  it.each([false, true])('is asked for and parsed as application/feed+json and application/json (parse thread: %s)', async (inThread) => {
    server.route('/feed.json', body(jsonFeed('JSON Outlet', Date.now()), { contentType: 'application/feed+json' }));
    server.route('/plain.json', body(jsonFeed('Plain JSON', Date.now()), { contentType: 'application/json; charset=utf-8' }));
    const f = fetcher(inThread);
    const outcome = await f.fetchFeed(server.url('/feed.json'), {});
    expect(outcome.kind === 'ok' && outcome.feed.items.map((i) => i.id)).toEqual(['jf-1', 'jf-2']);
    expect(outcome.kind === 'ok' && outcome.feed.title).toBe('JSON Outlet');
    const plain = await f.fetchFeed(server.url('/plain.json'), {});
    expect(plain.kind === 'ok' && plain.feed.title).toBe('Plain JSON');
    expect(server.requests[0]?.headers.accept).toMatch(/application\/feed\+json/);
    expect(server.requests[0]?.headers.accept).toMatch(/application\/json/);
  });

  it('a broken JSON Feed is FEED_PARSE; an HTML page suggests the JSON Feed it links (before a plain JSON link)', async () => {
    server.route('/broken.json', body('{"version": "https://jsonfeed.org/version/1.1", "items": [', { contentType: 'application/feed+json' }));
    server.route('/page.html', body('<!doctype html><html><head><link rel="alternate" type="application/json" href="/wp-json/wp/v2/pages/1">' +
      '<link rel="alternate" type="application/feed+json" href="/feed.json"></head><body>hi</body></html>', { contentType: 'text/html' }));
    const f = fetcher(false);
    expect(await f.fetchFeed(server.url('/broken.json'), {})).toMatchObject({ kind: 'error', code: 'FEED_PARSE', message: expect.stringMatching(/^invalid JSON/) });
    expect(await f.fetchFeed(server.url('/page.html'), {})).toMatchObject({ kind: 'error', code: 'NOT_A_FEED', suggestedFeedUrl: server.url('/feed.json') });
  });
});

describe('JSON Feed through the poller and the feed commands', () => {
  let store: Store;
  beforeEach(async () => {
    store = await tempStore();
  });
  afterEach(async () => store.close());

  it('refreshFeed stores and analyses a JSON Feed’s items', async () => {
    const clock = fakeClock();
    const deps = refreshDeps(store, clock);
    fetchers.push(deps.fetcher);
    server.route('/feed.json', body(jsonFeed('JSON Outlet', clock.now()), { contentType: 'application/feed+json' }));
    const { feed } = await store.addFeed({ url: server.url('/feed.json'), nextCheckAt: 0, now: 0 });
    await store.subscribe({ guildId: 'g1', feedId: feed.id, channelId: 'c1', name: 'json', createdBy: 't', now: 0 });
    expect(await refreshFeed(feed, deps)).toEqual({ kind: 'stored', newArticles: 2, items: 2 });
    expect(await store.getArticle('jf-1')).toMatchObject({ title: 'NATO expands drills', outlet: 'JSON Outlet', analysed: true });
    expect((await store.getAnalysis('jf-1'))?.actors.map((a) => a.actor)).toContain('NATO');
    expect(await store.getFeed(feed.id)).toMatchObject({ errorCount: 0, title: 'JSON Outlet' });
  });

  it('/feeds add and OPML import accept a JSON Feed URL', async () => {
    server.route('/feed.json', body(jsonFeed('JSON Outlet', Date.now()), { contentType: 'application/feed+json' }));
    server.route('/other.json', body(jsonFeed('Other JSON', Date.now()), { contentType: 'application/json' }));
    const feeds = createFeedsApi({ store, fetcher: fetcher(true), analyser, logger: silent, now: () => Date.now() });
    const added = await feeds.addFeed({ guildId: 'g1', channelId: 'c1', url: server.url('/feed.json'), fullText: false, userId: 'u1' });
    expect(added.ok && added.value).toMatchObject({ url: server.url('/feed.json'), subscription: { name: 'JSON Outlet' } });
    const opml = `<opml version="2.0"><body><outline text="Other" xmlUrl="${server.url('/other.json')}"/></body></opml>`;
    const report = await feeds.importOpml({ guildId: 'g1', channelId: 'c1', userId: 'u1', text: opml });
    expect(report).toMatchObject({ ok: true, value: { added: [{ url: server.url('/other.json'), name: 'Other' }], rejected: [] } });
  });
});
