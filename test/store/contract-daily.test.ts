// The daily aggregates (actor_daily, framing_daily and their shared-article counterparts) per server: an article
// that reaches a server through several of its feeds counts once in that server, however it got linked
// (stored in two feeds, then analysed; analysed on arrival, then delivered by another feed; re-analysed; a feed
// merged into another). The exact queries over the articles are the reference.
import { expect, it } from 'vitest';
import type { Store } from '../../src/store/index.js';
import type { GuildRange } from '../../src/store/types.js';
import { DAY, analysisOf, article } from './fixtures.js';
import { describeStoreContract, subscribedFeed } from './harness.js';

/** Guild A subscribes to f1 and f2, guild B to f2 and f3. */
async function feeds(store: Store): Promise<Record<'f1' | 'f2' | 'f3', number>> {
  const f1 = (await subscribedFeed(store, 'https://f1.example/', 'A')).feed.id;
  const f2 = (await subscribedFeed(store, 'https://f2.example/', 'A')).feed.id;
  await store.subscribe({ guildId: 'B', feedId: f2, channelId: 'c', name: 'f2', createdBy: 'u', now: 0 });
  const f3 = (await subscribedFeed(store, 'https://f3.example/', 'B')).feed.id;
  return { f1, f2, f3 };
}

const round = <T extends { meanScore: number }>(rows: T[]): T[] => rows.map((r) => ({ ...r, meanScore: Number(r.meanScore.toFixed(9)) }));

/** Every daily aggregate of the guild next to what the exact queries over its articles give. */
async function both(store: Store, guildId: string) {
  const range: GuildRange = { guildId, from: 0, to: 10 * DAY };
  const series = await store.actorDailySeries(range);
  return {
    daily: {
      actors: round(await store.dailyActorStats(range)),
      outlets: round(await store.dailyOutletActorStats(range)),
      perActorOfDays: [...new Set(series.map((s) => s.actor))].map((actor) => [actor, series.filter((s) => s.actor === actor).reduce((n, s) => n + s.n, 0)]),
      framing: await store.dailyFramingCounts(range),
    },
    exact: {
      actors: round(await store.actorStats(range)),
      outlets: round(await store.outletActorStats(range)),
      perActorOfDays: (await store.actorStats(range)).map((s) => [s.actor, s.n]),
      framing: await store.framingCounts(range),
    },
  };
}

const meta = { modelVersion: 'v', now: 1 };

describeStoreContract('daily aggregates per server', (h) => {
  it('count an article that reaches a server through two or three of its feeds once, however it was linked', async () => {
    const { store } = h();
    const f = await feeds(store);
    // s1: stored by f1 and f2, then analysed.
    await store.insertArticles(f.f1, [article('s1', DAY + 5, 'Herald')], { eligible: true, now: 2 * DAY });
    await store.insertArticles(f.f2, [article('s1', DAY + 5, 'Herald')], { eligible: true, now: 2 * DAY });
    await store.saveAnalysis('s1', analysisOf({ NATO: -0.6, EU: 0.2 }, { threat: 2 }), meta);
    // s2: analysed on arrival in f1, then delivered by f2 and by f3.
    await store.insertArticles(f.f1, [article('s2', DAY + 7, 'Herald')], { eligible: true, now: 2 * DAY, analyses: { items: [{ articleId: 's2', analysis: analysisOf({ NATO: 0.4 }, { threat: 1 }) }], meta } });
    await store.insertArticles(f.f2, [article('s2', DAY + 7, 'Herald')], { eligible: true, now: 2 * DAY });
    await store.insertArticles(f.f3, [article('s2', DAY + 7, 'Herald')], { eligible: true, now: 2 * DAY });
    // s3: one feed only.
    await store.insertArticles(f.f2, [article('s3', 2 * DAY + 1, 'Wire')], { eligible: true, now: 3 * DAY });
    await store.saveAnalysis('s3', analysisOf({ NATO: -0.1 }, { threat: 4 }), meta);

    for (const guild of ['A', 'B']) {
      const { daily, exact } = await both(store, guild);
      expect(daily).toEqual(exact);
      expect(daily.actors.find((a) => a.actor === 'NATO')?.n).toBe(3);
      expect(daily.framing).toEqual({ threat: 7 });
    }
    // Re-analysed: the shared contributions are replaced, not added.
    await store.saveAnalyses([{ articleId: 's1', analysis: analysisOf({ NATO: 0.9 }, { peace: 1 }) }, { articleId: 's2', analysis: analysisOf({ NATO: -0.9 }) }], meta);
    for (const guild of ['A', 'B']) {
      const { daily, exact } = await both(store, guild);
      expect(daily).toEqual(exact);
      expect(daily.actors.map((a) => [a.actor, a.n])).toEqual([['NATO', 3]]);
    }
  });

  it('count an article once after the feed that shared it is merged into the other', async () => {
    const { store } = h();
    const f = await feeds(store);
    await store.insertArticles(f.f3, [article('m1', DAY, 'Herald'), article('m2', DAY, 'Herald')], { eligible: true, now: 2 * DAY });
    await store.insertArticles(f.f2, [article('m1', DAY, 'Herald')], { eligible: true, now: 2 * DAY });
    await store.insertArticles(f.f1, [article('m2', DAY, 'Herald')], { eligible: true, now: 2 * DAY });
    await store.saveAnalyses([{ articleId: 'm1', analysis: analysisOf({ NATO: -0.5 }, { war: 1 }) }, { articleId: 'm2', analysis: analysisOf({ NATO: 0.5 }, { war: 2 }) }], meta);
    // f3 (m1, m2) moves onto f2's URL: m1 is now in f2 only, m2 in f1 and f2.
    expect(await store.moveFeedUrl(f.f3, 'https://f2.example/')).toEqual({ feedId: f.f2, merged: true });
    for (const guild of ['A', 'B']) {
      const { daily, exact } = await both(store, guild);
      expect(daily).toEqual(exact);
      expect(daily.actors.map((a) => [a.actor, a.n])).toEqual([['NATO', 2]]);
      expect(daily.framing).toEqual({ war: 3 });
    }
  });
});
