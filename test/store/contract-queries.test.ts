import { expect, it } from 'vitest';
import type { Store } from '../../src/store/index.js';
import { DAY, analysisOf, article, labelOf, unsupported } from './fixtures.js';
import { describeStoreContract, subscribedFeed } from './harness.js';

interface Planted {
  id: string;
  feed: 'f1' | 'f2' | 'f3';
  outlet: string;
  publishedAt: number;
  scores: Record<string, number>;
  framing: Record<string, number>;
}

// Guild A subscribes to f1 and f2, guild B to f2 and f3. Scores follow a fixed pseudo-random sequence.
function plan(): Planted[] {
  const out: Planted[] = [];
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let i = 0; i < 60; i++) {
    const feed = (['f1', 'f2', 'f3'] as const)[i % 3]!;
    const scores: Record<string, number> = { China: Math.round((next() * 2 - 1) * 100) / 100 };
    if (i % 2 === 0) scores['NATO'] = Math.round((next() * 2 - 1) * 100) / 100;
    out.push({ id: `q${i}`, feed, outlet: `${feed}-outlet`, publishedAt: Math.floor(next() * 10 * DAY), scores, framing: i % 4 === 0 ? { threat: 1 + (i % 3) } : {} });
  }
  return out;
}

const FEEDS_OF = { A: ['f1', 'f2'], B: ['f2', 'f3'] } as const;

async function load(store: Store, planted: Planted[]) {
  const ids: Record<string, number> = {};
  for (const name of ['f1', 'f2', 'f3']) {
    const guilds = (['A', 'B'] as const).filter((g) => (FEEDS_OF[g] as readonly string[]).includes(name));
    const { feed } = await subscribedFeed(store, `https://${name}.example/`, guilds[0]);
    for (const g of guilds.slice(1)) await store.subscribe({ guildId: g, feedId: feed.id, channelId: 'c', name, createdBy: 'u', now: 0 });
    ids[name] = feed.id;
  }
  for (const p of planted) {
    await store.insertArticles(ids[p.feed]!, [article(p.id, p.publishedAt, p.outlet)], { eligible: true, now: 20 * DAY });
    await store.saveAnalysis(p.id, analysisOf(p.scores, p.framing), { modelVersion: 'v', now: 1 });
  }
  return ids;
}

function expected(planted: Planted[], guild: 'A' | 'B', from: number, to: number, key: (p: Planted, actor: string) => string) {
  const groups = new Map<string, { n: number; sum: number; negative: number; neutral: number; positive: number }>();
  for (const p of planted) {
    if (!(FEEDS_OF[guild] as readonly string[]).includes(p.feed) || p.publishedAt < from || p.publishedAt >= to) continue;
    for (const [actor, score] of Object.entries(p.scores)) {
      const g = groups.get(key(p, actor)) ?? { n: 0, sum: 0, negative: 0, neutral: 0, positive: 0 };
      g.n++;
      g.sum += score;
      g[labelOf(score)]++;
      groups.set(key(p, actor), g);
    }
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, g]) => ({ key: k, n: g.n, mean: g.sum / g.n, neg: g.negative, neu: g.neutral, pos: g.positive }));
}

const shape = (rows: { n: number; meanScore: number; negative: number; neutral: number; positive: number }[], key: (r: never) => string) =>
  rows.map((r) => ({ key: key(r as never), n: r.n, mean: r.meanScore, neg: r.negative, neu: r.neutral, pos: r.positive }));

describeStoreContract('AnalysisQueryStore', (h) => {
  const planted = plan();
  const closeTo = (actual: ReturnType<typeof shape>, wanted: ReturnType<typeof expected>) => {
    expect(actual.map(({ mean: _m, ...rest }) => rest)).toEqual(wanted.map(({ mean: _m, ...rest }) => rest));
    actual.forEach((row, i) => expect(row.mean).toBeCloseTo(wanted[i]!.mean, 9));
  };

  it('aggregates per actor and per outlet x actor over [from, to), scoped to the guild', async () => {
    const { store } = h();
    await load(store, planted);
    for (const guild of ['A', 'B'] as const) {
      const range = { guildId: guild, from: 2 * DAY + 5, to: 8 * DAY - 5 };
      closeTo(shape(await store.actorStats(range), (r: { actor: string }) => r.actor), expected(planted, guild, range.from, range.to, (_p, a) => a));
      const outlets = await store.outletActorStats(range);
      closeTo(shape(outlets, (r: { outlet: string; actor: string }) => `${r.outlet}|${r.actor}`), expected(planted, guild, range.from, range.to, (p, a) => `${p.outlet}|${a}`));
    }
    const nato = await store.actorStats({ guildId: 'A', from: 0, to: 10 * DAY, actors: ['NATO'] });
    expect(nato.map((s) => s.actor)).toEqual(['NATO']);
    expect(await store.actorStats({ guildId: 'nobody', from: 0, to: 10 * DAY })).toEqual([]);
  });

  it('serves per-day series and whole-day aggregates from the daily table', async () => {
    const { store } = h();
    await load(store, planted);
    const range = { guildId: 'B', from: DAY, to: 9 * DAY };
    const series = await store.actorDailySeries(range);
    closeTo(shape(series, (r: { actor: string; day: number }) => `${r.actor}|${String(r.day).padStart(12, '0')}`), expected(planted, 'B', DAY, 9 * DAY, (p, a) => `${a}|${String(Math.floor(p.publishedAt / DAY) * DAY).padStart(12, '0')}`));
    closeTo(shape(await store.dailyActorStats(range), (r: { actor: string }) => r.actor), expected(planted, 'B', DAY, 9 * DAY, (_p, a) => a));
    closeTo(shape(await store.dailyOutletActorStats(range), (r: { outlet: string; actor: string }) => `${r.outlet}|${r.actor}`), expected(planted, 'B', DAY, 9 * DAY, (p, a) => `${p.outlet}|${a}`));
  });

  it('lists the most negative and positive articles for an actor with their strongest evidence', async () => {
    const { store } = h();
    await load(store, planted);
    const inA = planted.filter((p) => p.feed !== 'f3' && p.scores['China'] !== undefined);
    const negatives = inA.filter((p) => labelOf(p.scores['China']!) === 'negative').sort((a, b) => a.scores['China']! - b.scores['China']!);
    expect(negatives.length).toBeGreaterThan(3);
    const top = await store.topArticles({ guildId: 'A', from: 0, to: 10 * DAY, actor: 'China', direction: 'negative', limit: 3 });
    expect(top.map((t) => t.articleId)).toEqual(negatives.slice(0, 3).map((p) => p.id));
    expect(top[0]).toMatchObject({ title: `Title ${negatives[0]!.id}`, outlet: negatives[0]!.outlet, label: 'negative', evidence: { sentence: 'China strong sentence' } });
    const positives = await store.topArticles({ guildId: 'A', from: 0, to: 10 * DAY, actor: 'China', direction: 'positive', limit: 100, outlet: 'f1-outlet' });
    expect(positives.map((t) => t.articleId).sort()).toEqual(inA.filter((p) => p.outlet === 'f1-outlet' && labelOf(p.scores['China']!) === 'positive').map((p) => p.id).sort());
  });

  it('counts framing terms, articles, outlets and unanalysed articles in the period', async () => {
    const { store } = h();
    const ids = await load(store, planted);
    await store.insertArticles(ids['f1']!, [article('ru-1', 3 * DAY, 'f1-outlet')], { eligible: true, now: 20 * DAY });
    await store.saveAnalysis('ru-1', unsupported, { modelVersion: 'v', now: 1 });
    const inRange = planted.filter((p) => p.feed !== 'f3' && p.publishedAt >= 2 * DAY && p.publishedAt < 6 * DAY);
    const threat = inRange.reduce((sum, p) => sum + (p.framing['threat'] ?? 0), 0);
    const range = { guildId: 'A', from: 2 * DAY, to: 6 * DAY };
    expect(threat).toBeGreaterThan(0);
    expect(await store.framingCounts(range)).toEqual({ threat });
    expect(await store.dailyFramingCounts(range)).toEqual({ threat });
    expect(await store.periodTotals(range)).toEqual({ articles: inRange.length + 1, outlets: new Set(inRange.map((p) => p.outlet)).size, notAnalysed: 1 });
    expect(await store.periodTotals({ guildId: 'nobody', from: 0, to: DAY })).toEqual({ articles: 0, outlets: 0, notAnalysed: 0 });
  });

  it('counts an article shared by two of a guild\'s feeds once in exact queries', async () => {
    const { store } = h();
    const ids = await load(store, []);
    await store.insertArticles(ids['f1']!, [article('shared', DAY)], { eligible: true, now: 2 * DAY });
    await store.insertArticles(ids['f2']!, [article('shared', DAY)], { eligible: true, now: 2 * DAY });
    await store.saveAnalysis('shared', analysisOf({ EU: 0.5 }), { modelVersion: 'v', now: 1 });
    const range = { guildId: 'A', from: 0, to: 3 * DAY };
    expect((await store.actorStats(range)).map((s) => s.n)).toEqual([1]);
    expect((await store.periodTotals(range)).articles).toBe(1);
    expect((await store.actorStats({ ...range, guildId: 'B' })).map((s) => s.n)).toEqual([1]);
  });
});
