import { expect, it } from 'vitest';
import { describeStoreContract, subscribedFeed } from './harness.js';

describeStoreContract('FeedStore', (h) => {
  it('adds a feed once per URL and reads it back', async () => {
    const { store } = h();
    const first = await store.addFeed({ url: 'https://a.example/rss', title: 'A', fullText: true, nextCheckAt: 5, now: 1 });
    const again = await store.addFeed({ url: 'https://a.example/rss', nextCheckAt: 9, now: 2 });
    expect(first.created).toBe(true);
    expect(again).toEqual({ feed: first.feed, created: false });
    expect(first.feed).toMatchObject({ url: 'https://a.example/rss', title: 'A', fullText: true, nextCheckAt: 5, primed: false, disabled: false, errorCount: 0 });
    expect(await store.getFeed(first.feed.id)).toEqual(first.feed);
    expect(await store.getFeedByUrl('https://a.example/rss')).toEqual(first.feed);
    expect(await store.getFeedByUrl('https://nope.example/')).toBeUndefined();
  });

  it('claims only due, enabled feeds with an active subscription', async () => {
    const { store } = h();
    const due = await subscribedFeed(store, 'https://due.example/');
    await subscribedFeed(store, 'https://later.example/', 'g1', 1_000);
    await store.addFeed({ url: 'https://orphan.example/', nextCheckAt: 0, now: 0 });
    const paused = await subscribedFeed(store, 'https://paused.example/');
    await store.setSubscriptionPaused('g1', paused.subscription.id, true);
    const off = await subscribedFeed(store, 'https://off.example/');
    await store.disableFeed(off.feed.id, 'by hand', 1);

    const claimed = await store.claimDueFeeds({ owner: 'w1', now: 100, leaseMs: 50, limit: 10 });
    expect(claimed.map((f) => f.url)).toEqual(['https://due.example/']);
    expect(claimed[0]).toMatchObject({ id: due.feed.id, leaseOwner: 'w1', leaseUntil: 150 });
    expect((await store.listPolledFeeds()).map((f) => f.url).sort()).toEqual(['https://due.example/', 'https://later.example/']);
    expect(await store.countFeeds(100)).toEqual({ total: 5, polled: 2, disabled: 1, due: 1, leased: 1 });
  });

  it('gives two store instances disjoint claims and all feeds exactly once', async () => {
    const { store, openAnother } = h();
    const other = await openAnother();
    for (let i = 0; i < 30; i++) await subscribedFeed(store, `https://f${i}.example/`);
    const seen: number[] = [];
    for (let round = 0; round < 6; round++) {
      const [a, b] = await Promise.all([
        store.claimDueFeeds({ owner: 'A', now: 10, leaseMs: 60_000, limit: 4 }),
        other.claimDueFeeds({ owner: 'B', now: 10, leaseMs: 60_000, limit: 4 }),
      ]);
      seen.push(...a.map((f) => f.id), ...b.map((f) => f.id));
    }
    expect(seen).toHaveLength(30);
    expect(new Set(seen).size).toBe(30);
    expect(await other.claimDueFeeds({ owner: 'B', now: 11, leaseMs: 1, limit: 10 })).toEqual([]);
  });

  it('lets another worker claim a feed whose lease expired, and only the holder renew or release', async () => {
    const { store } = h();
    const { feed } = await subscribedFeed(store, 'https://lease.example/');
    expect(await store.claimDueFeeds({ owner: 'A', now: 0, leaseMs: 100, limit: 1 })).toHaveLength(1);
    expect(await store.claimDueFeeds({ owner: 'B', now: 99, leaseMs: 100, limit: 1 })).toEqual([]);
    expect(await store.renewFeedLease(feed.id, 'B', 500)).toBe(false);
    expect(await store.renewFeedLease(feed.id, 'A', 200)).toBe(true);
    expect(await store.claimDueFeeds({ owner: 'B', now: 150, leaseMs: 100, limit: 1 })).toEqual([]);
    const taken = await store.claimDueFeeds({ owner: 'B', now: 200, leaseMs: 100, limit: 1 });
    expect(taken.map((f) => f.leaseOwner)).toEqual(['B']);
    await store.releaseFeedLease(feed.id, 'A');
    expect((await store.getFeed(feed.id))?.leaseOwner).toBe('B');
    await store.releaseFeedLease(feed.id, 'B');
    expect(await store.getFeed(feed.id)).toMatchObject({ leaseOwner: null, leaseUntil: null });
  });

  it('records success, 304 and failures with a rising error count', async () => {
    const { store } = h();
    const { feed } = await subscribedFeed(store, 'https://state.example/');
    const f1 = await store.recordFetchFailure(feed.id, { now: 10, code: 'HTTP_503', message: 'unavailable', nextCheckAt: 70 });
    const f2 = await store.recordFetchFailure(feed.id, { now: 80, code: 'TIMEOUT', message: 'deadline', nextCheckAt: 200 });
    expect([f1.errorCount, f2.errorCount]).toEqual([1, 2]);
    expect(await store.getFeed(feed.id)).toMatchObject({ errorCount: 2, lastErrorCode: 'TIMEOUT', lastErrorMessage: 'deadline', nextCheckAt: 200, lastFetchAt: 80, disabled: false });

    await store.recordFetchSuccess(feed.id, { now: 300, nextCheckAt: 900, etag: '"v1"', lastModified: 'Mon, 01 Jan 2024 00:00:00 GMT', title: 'State' });
    expect(await store.getFeed(feed.id)).toMatchObject({
      errorCount: 0, lastErrorCode: null, primed: true, etag: '"v1"', title: 'State', lastSuccessAt: 300, nextCheckAt: 900,
    });
    await store.recordFetchSuccess(feed.id, { now: 400, nextCheckAt: 1000, etag: '"v2"' });
    expect(await store.getFeed(feed.id)).toMatchObject({ title: 'State', etag: '"v2"', lastModified: null });

    await store.recordFetchFailure(feed.id, { now: 1000, code: 'X', message: 'x', nextCheckAt: 1100 });
    await store.recordFetchNotModified(feed.id, { now: 1200, nextCheckAt: 2000 });
    expect(await store.getFeed(feed.id)).toMatchObject({ errorCount: 0, lastErrorCode: null, lastSuccessAt: 1200, nextCheckAt: 2000, etag: '"v2"' });
  });

  it('disables after N consecutive failures, reports it once, and re-enables with a reset count', async () => {
    const { store } = h();
    const { feed } = await subscribedFeed(store, 'https://flaky.example/');
    const outcomes = [];
    for (let i = 0; i < 4; i++) outcomes.push(await store.recordFetchFailure(feed.id, { now: i, code: 'E', message: `m${i}`, nextCheckAt: i + 1, disableAfter: 3 }));
    expect(outcomes.map((o) => [o.errorCount, o.disabled, o.newlyDisabled])).toEqual([
      [1, false, false], [2, false, false], [3, true, true], [4, true, false],
    ]);
    expect(await store.getFeed(feed.id)).toMatchObject({ disabled: true, disabledReason: 'E: m2', disabledAt: 2 });
    expect(await store.claimDueFeeds({ owner: 'w', now: 100, leaseMs: 1, limit: 5 })).toEqual([]);

    await store.enableFeed(feed.id, 500);
    expect(await store.getFeed(feed.id)).toMatchObject({ disabled: false, disabledReason: null, errorCount: 0, nextCheckAt: 500 });
    expect(await store.claimDueFeeds({ owner: 'w', now: 500, leaseMs: 1, limit: 5 })).toHaveLength(1);

    const gone = await store.recordFetchFailure(feed.id, { now: 600, code: 'GONE', message: '410', nextCheckAt: 700, disable: true });
    expect(gone).toEqual({ errorCount: 1, disabled: true, newlyDisabled: true });
  });

  it('moves a feed to a new URL, merging into an existing feed with that URL', async () => {
    const { store } = h();
    const moved = await subscribedFeed(store, 'https://old.example/');
    expect(await store.moveFeedUrl(moved.feed.id, 'https://new.example/')).toEqual({ feedId: moved.feed.id, merged: false });
    expect((await store.getFeed(moved.feed.id))?.url).toBe('https://new.example/');

    const target = await subscribedFeed(store, 'https://target.example/', 'g3');
    const source = await subscribedFeed(store, 'https://source.example/', 'g3');
    await store.subscribe({ guildId: 'g2', feedId: source.feed.id, channelId: 'c2', name: 'src', createdBy: 'u', now: 0 });
    const item = { id: 'art-1', link: 'https://source.example/1', outlet: 'S', title: 'T', publishedAt: 5, text: 'x' };
    await store.insertArticles(source.feed.id, [item], { eligible: true, now: 10 });
    await store.insertArticles(target.feed.id, [item, { ...item, id: 'art-2', link: null }], { eligible: true, now: 10 });
    await store.insertArticles(source.feed.id, [{ ...item, id: 'art-3', link: null }], { eligible: true, now: 10 });

    expect(await store.moveFeedUrl(source.feed.id, 'https://target.example/')).toEqual({ feedId: target.feed.id, merged: true });
    expect(await store.getFeed(source.feed.id)).toBeUndefined();
    expect((await store.listSubscriptions('g3')).map((s) => [s.feedId, s.articleCount])).toEqual([[target.feed.id, 3]]);
    expect((await store.listSubscriptions('g2')).map((s) => s.feedId)).toEqual([target.feed.id]);
    expect((await store.getArticle('art-3'))?.feedId).toBe(target.feed.id);
  });
});
