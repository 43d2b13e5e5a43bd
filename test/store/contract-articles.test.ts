import { expect, it } from 'vitest';
import { DAY, analysisOf, article, unsupported } from './fixtures.js';
import { describeStoreContract, subscribedFeed } from './harness.js';

describeStoreContract('ArticleStore', (h) => {
  it('stores new articles once and returns only the new ids', async () => {
    const { store } = h();
    const { feed } = await subscribedFeed(store, 'https://a.example/');
    expect(await store.insertArticles(feed.id, [article('x', 5), article('y', 6)], { eligible: false, now: 10 })).toEqual(['x', 'y']);
    expect(await store.insertArticles(feed.id, [article('x', 5), article('z', 7), article('z', 7)], { eligible: true, now: 20 })).toEqual(['z']);
    expect(await store.getArticle('x')).toMatchObject({ feedId: feed.id, title: 'Title x', publishedAt: 5, fetchedAt: 10, analysed: false, digestEligible: false });
    expect((await store.getArticle('z'))?.digestEligible).toBe(true);
    await store.updateArticleText('z', 'The full text of the page.');
    expect((await store.getArticle('z'))?.text).toBe('The full text of the page.');
    expect((await store.getArticleByLink('https://news.example/y'))?.id).toBe('y');
    expect(await store.getArticle('nope')).toBeUndefined();
  });

  it('clamps missing and future publication dates to the fetch time', async () => {
    const { store } = h();
    const { feed } = await subscribedFeed(store, 'https://a.example/');
    await store.insertArticles(feed.id, [{ ...article('none', 0), publishedAt: null }, article('future', 999)], { eligible: true, now: 50 });
    expect((await store.getArticle('none'))?.publishedAt).toBe(50);
    expect((await store.getArticle('future'))?.publishedAt).toBe(50);
  });

  it('stores an article reached through two feeds once, by id or by canonical link, linked to both', async () => {
    const { store } = h();
    const one = await subscribedFeed(store, 'https://one.example/', 'A');
    const two = await subscribedFeed(store, 'https://two.example/', 'B');
    await store.insertArticles(one.feed.id, [article('guid-1', 5), article('guid-2', 5)], { eligible: true, now: 10 });
    const fresh = await store.insertArticles(two.feed.id, [article('guid-1', 5), { ...article('other-guid', 5), link: 'https://news.example/guid-2' }], { eligible: true, now: 11 });
    expect(fresh).toEqual([]);
    expect(await store.getArticle('other-guid')).toBeUndefined();
    expect((await store.listSubscriptions('B'))[0]?.articleCount).toBe(2);
    expect((await store.listSubscriptions('A'))[0]?.articleCount).toBe(2);
  });

  it('saves an analysis with its scores atomically and reads it back', async () => {
    const { store } = h();
    const { feed } = await subscribedFeed(store, 'https://a.example/');
    await store.insertArticles(feed.id, [article('a', 3 * DAY)], { eligible: true, now: 4 * DAY });
    expect((await store.listPendingAnalysis(10)).map((a) => a.id)).toEqual(['a']);
    const analysis = analysisOf({ China: -0.6, NATO: 0.4 }, { aggression: 2 });
    await store.saveAnalysis('a', analysis, { modelVersion: 'lex-1', now: 5 });
    const stored = await store.getAnalysis('a');
    expect(stored).toMatchObject({ articleId: 'a', modelVersion: 'lex-1', analysedAt: 5, language: 'en', analysed: true, framing: { aggression: 2 } });
    expect(stored?.sentiment).toEqual(analysis.sentiment);
    expect(stored?.actors).toEqual([...analysis.actors].sort((x, y) => x.actor.localeCompare(y.actor)));
    expect(await store.listPendingAnalysis(10)).toEqual([]);
    expect((await store.getArticle('a'))?.analysed).toBe(true);
  });

  it('replaces a previous analysis without double-counting the aggregates', async () => {
    const { store } = h();
    const { feed } = await subscribedFeed(store, 'https://a.example/', 'G');
    await store.insertArticles(feed.id, [article('a', DAY)], { eligible: true, now: 2 * DAY });
    await store.saveAnalysis('a', analysisOf({ China: -0.6 }, { war: 1 }), { modelVersion: 'v1', now: 1 });
    await store.saveAnalysis('a', analysisOf({ China: 0.5, EU: 0.3 }, { peace: 2 }), { modelVersion: 'v2', now: 2 });
    const range = { guildId: 'G', from: 0, to: 10 * DAY };
    expect((await store.dailyActorStats(range)).map((s) => [s.actor, s.n, s.meanScore, s.positive])).toEqual([['China', 1, 0.5, 1], ['EU', 1, 0.3, 1]]);
    expect(await store.dailyFramingCounts(range)).toEqual({ peace: 2 });
  });

  it('rolls back a failed write completely', async () => {
    const { store } = h();
    const { feed } = await subscribedFeed(store, 'https://a.example/');
    const broken = { ...article('bad', 1), title: null as unknown as string };
    await expect(store.insertArticles(feed.id, [article('good', 1), broken], { eligible: true, now: 5 })).rejects.toThrow();
    expect(await store.getArticle('good')).toBeUndefined();
    expect((await store.listSubscriptions('g1'))[0]?.articleCount).toBe(0);

    await store.insertArticles(feed.id, [article('good', 1)], { eligible: true, now: 5 });
    const duplicateActor = analysisOf({ China: -0.5 });
    duplicateActor.actors.push({ ...duplicateActor.actors[0]!, score: 0.9 });
    await expect(store.saveAnalysis('good', duplicateActor, { modelVersion: 'v', now: 6 })).rejects.toThrow();
    expect(await store.getAnalysis('good')).toBeUndefined();
    expect((await store.getArticle('good'))?.analysed).toBe(false);
    expect(await store.dailyActorStats({ guildId: 'g1', from: 0, to: DAY })).toEqual([]);
    await expect(store.saveAnalysis('missing', unsupported, { modelVersion: 'v', now: 6 })).rejects.toThrow(/unknown article/);
  });

  it('saves a batch of analyses in one go, with the same rows and aggregates as one by one', async () => {
    const { store } = h();
    /** Guild `guild`: two feeds sharing the first two of six articles `${prefix}0..5`, the first analysed before. */
    const seed = async (guild: string, prefix: string) => {
      const one = await subscribedFeed(store, `https://${prefix}1.example/`, guild);
      const two = await subscribedFeed(store, `https://${prefix}2.example/`, guild);
      const items = Array.from({ length: 6 }, (_, i) => article(`${prefix}${i}`, (i % 3) * DAY + 1000));
      await store.insertArticles(one.feed.id, items, { eligible: true, now: 4 * DAY });
      await store.insertArticles(two.feed.id, items.slice(0, 2), { eligible: true, now: 4 * DAY });
      await store.saveAnalysis(`${prefix}0`, analysisOf({ EU: 0.9 }, { war: 3 }), { modelVersion: 'old', now: 1 });
      return items.map((item, i) => ({ articleId: item.id, analysis: analysisOf(i === 1 ? { Russia: -0.7 } : { China: -0.2 * i, NATO: 0.1 * i }, { peace: i }) }));
    };
    const batch = await seed('A', 'b');
    await store.saveAnalyses([{ articleId: 'b1', analysis: analysisOf({ EU: 0.1 }) }, ...batch], { modelVersion: 'v', now: 2 });
    for (const item of await seed('B', 'c')) await store.saveAnalysis(item.articleId, item.analysis, { modelVersion: 'v', now: 2 });

    expect((await store.getAnalysis('b1'))?.actors.map((a) => a.actor)).toEqual(['Russia']);
    expect((await store.getAnalysis('b0'))?.actors.map((a) => a.actor)).toEqual(['China', 'NATO']);
    expect(await store.listPendingAnalysis(20)).toEqual([]);
    const stats = async (guildId: string) => {
      const range = { guildId, from: 0, to: 5 * DAY };
      // Score sums are floating point: summed in another order, they may differ in the last bit.
      const actors = (await store.dailyActorStats(range)).map((s) => ({ ...s, meanScore: Number(s.meanScore.toFixed(12)) }));
      return { actors, framing: await store.dailyFramingCounts(range) };
    };
    const batched = await stats('A');
    expect(batched).toEqual(await stats('B'));
    // NATO is in five articles (all but the second); b0, in both of the server's feeds, counts once.
    expect(batched.actors.find((s) => s.actor === 'NATO')?.n).toBe(5);
    expect(batched.actors.find((s) => s.actor === 'EU')).toBeUndefined();
  });

  it('stores new articles with their analyses in one go: same rows and aggregates as storing, then analysing', async () => {
    const { store } = h();
    const one = await subscribedFeed(store, 'https://w1.example/', 'A');
    const two = await subscribedFeed(store, 'https://w2.example/', 'B');
    const items = (prefix: string) => Array.from({ length: 4 }, (_, i) => article(`${prefix}${i}`, (i % 2) * DAY + 1000));
    const analyses = (prefix: string) => items(prefix).map((a, i) => ({ articleId: a.id, analysis: analysisOf({ China: 0.3 * i - 0.4, NATO: -0.2 }, { hegemony: i }) }));
    // Together: w0 is stored already, so its analysis is dropped; w1..w3 are stored analysed, never pending.
    await store.insertArticles(one.feed.id, [article('w0', 1000)], { eligible: true, now: 4 * DAY });
    expect(await store.unseenArticles([...items('w'), article('w2', 1000)])).toEqual(items('w').slice(1));
    const meta = { modelVersion: 'v', now: 2 };
    expect(await store.insertArticles(one.feed.id, items('w'), { eligible: true, now: 4 * DAY, analyses: { items: analyses('w'), meta } })).toEqual(['w1', 'w2', 'w3']);
    expect(await store.listPendingAnalysis(10)).toEqual([expect.objectContaining({ id: 'w0' })]);
    expect(await store.getArticle('w1')).toMatchObject({ analysed: true, language: 'en' });
    // Apart: the same articles stored, then analysed, in another server's feed.
    await store.insertArticles(two.feed.id, items('v'), { eligible: true, now: 4 * DAY });
    await store.saveAnalyses(analyses('v').slice(1), meta);
    for (const id of ['1', '2', '3']) expect((await store.getAnalysis(`w${id}`))?.actors).toEqual((await store.getAnalysis(`v${id}`))?.actors);
    const stats = async (guildId: string) => {
      const range = { guildId, from: 0, to: 5 * DAY };
      const actors = (await store.dailyActorStats(range)).map((s) => ({ ...s, meanScore: Number(s.meanScore.toFixed(12)) }));
      return { actors, framing: await store.dailyFramingCounts(range) };
    };
    expect(await stats('A')).toEqual(await stats('B'));
    expect((await stats('A')).actors.find((s) => s.actor === 'NATO')?.n).toBe(3);
  });

  it('rolls a failed batch back completely: none of its analyses is stored', async () => {
    const { store } = h();
    const { feed } = await subscribedFeed(store, 'https://a.example/', 'G');
    await store.insertArticles(feed.id, [article('k1', 1), article('k2', 1)], { eligible: true, now: 5 });
    const good = { articleId: 'k1', analysis: analysisOf({ China: 0.4 }, { peace: 1 }) };
    await expect(store.saveAnalyses([good, { articleId: 'missing', analysis: unsupported }], { modelVersion: 'v', now: 6 })).rejects.toThrow(/unknown article/);
    const duplicateActor = analysisOf({ China: -0.5 });
    duplicateActor.actors.push({ ...duplicateActor.actors[0]!, score: 0.9 });
    await expect(store.saveAnalyses([good, { articleId: 'k2', analysis: duplicateActor }], { modelVersion: 'v', now: 6 })).rejects.toThrow();
    expect(await store.getAnalysis('k1')).toBeUndefined();
    expect((await store.listPendingAnalysis(10)).map((a) => a.id).sort()).toEqual(['k1', 'k2']);
    expect(await store.dailyActorStats({ guildId: 'G', from: 0, to: DAY })).toEqual([]);
    expect(await store.dailyFramingCounts({ guildId: 'G', from: 0, to: DAY })).toEqual({});
    await store.saveAnalyses([], { modelVersion: 'v', now: 7 });
  });

  it('prunes old articles in batches and keeps the daily aggregates', async () => {
    const { store } = h();
    const { feed } = await subscribedFeed(store, 'https://a.example/', 'G');
    const items = Array.from({ length: 7 }, (_, i) => article(`p${i}`, i * DAY + 1000));
    await store.insertArticles(feed.id, items, { eligible: true, now: 10 * DAY });
    for (const item of items) await store.saveAnalysis(item.id, analysisOf({ Russia: -0.5 }), { modelVersion: 'v', now: 1 });
    const before = await store.dailyActorStats({ guildId: 'G', from: 0, to: 10 * DAY });

    expect(await store.pruneOlderThan(5 * DAY, 2)).toBe(5);
    expect(await store.getArticle('p4')).toBeUndefined();
    expect(await store.getArticle('p5')).toBeDefined();
    expect(await store.getAnalysis('p0')).toBeUndefined();
    expect((await store.actorStats({ guildId: 'G', from: 0, to: 10 * DAY }))[0]?.n).toBe(2);
    expect(await store.dailyActorStats({ guildId: 'G', from: 0, to: 10 * DAY })).toEqual(before);
    expect(before[0]?.n).toBe(7);
    expect(await store.pruneOlderThan(5 * DAY, 2)).toBe(0);
  });
});
