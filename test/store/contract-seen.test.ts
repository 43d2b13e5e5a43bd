// Digest ranges on the 'seen' basis: what was first stored in [from, to) and is new to the server, whatever its
// publication date — so an article published before a digest but fetched after it is in the next digest.
import { expect, it } from 'vitest';
import { DAY, analysisOf, article } from './fixtures.js';
import { describeStoreContract, subscribedFeed } from './harness.js';

describeStoreContract('AnalysisQueryStore on the seen basis', (h) => {
  it('selects by first-stored time and leaves out a new feed’s backlog', async () => {
    const { store } = h();
    const { feed } = await subscribedFeed(store, 'https://late.example/', 'g');
    // Backlog stored at day 1 (published day 0), a late article stored at day 3 but published on day 1.
    await store.insertArticles(feed.id, [article('backlog', 0)], { eligible: false, now: 1 * DAY });
    await store.insertArticles(feed.id, [article('late', 1 * DAY)], { eligible: true, now: 3 * DAY });
    await store.insertArticles(feed.id, [article('fresh', 3 * DAY + 5)], { eligible: true, now: 3 * DAY + 10 });
    for (const [id, score] of [['backlog', 0.9], ['late', -0.8], ['fresh', -0.4]] as const) {
      await store.saveAnalysis(id, analysisOf({ NATO: score }, { hegemony: 1 }), { modelVersion: 't', now: 4 * DAY });
    }
    const digestRange = { guildId: 'g', from: 2 * DAY, to: 4 * DAY, basis: 'seen' as const };
    expect((await store.actorStats(digestRange)).map((s) => [s.actor, s.n])).toEqual([['NATO', 2]]);
    expect(await store.periodTotals(digestRange)).toMatchObject({ articles: 2 });
    expect(await store.framingCounts(digestRange)).toEqual({ hegemony: 2 });
    const top = await store.topArticles({ ...digestRange, actor: 'NATO', direction: 'negative', limit: 5 });
    expect(top.map((a) => a.articleId)).toEqual(['late', 'fresh']);
    // The same window on publication time sees only the article published in it.
    expect((await store.actorStats({ ...digestRange, basis: 'published' })).map((s) => s.n)).toEqual([1]);
  });
});
