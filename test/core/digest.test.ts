import { describe, expect, it } from 'vitest';
import {
  buildDigest, chartData, outletTable, pickArticles, previousPeriod, rankOutlets, risingTerms, stanceLabel,
  summariseActors,
} from '../../src/core/digest.js';
import { fixtureInput, T0 } from './digest-fixture.js';

describe('summariseActors', () => {
  const input = fixtureInput();
  const s = summariseActors(input.actors, input.previous, input.watched);

  it('covers exactly the watched actors, busiest first, silent ones last', () => {
    expect(s.map((a) => [a.actor, a.n])).toEqual([['Russia', 12], ['India', 7], ['China', 5], ['NATO', 5], ['Ukraine', 0]]);
  });

  it('labels the mean and gives the change against the previous period', () => {
    const by = new Map(s.map((a) => [a.actor, a]));
    expect(by.get('Russia')).toMatchObject({ mean: -0.45, label: 'negative', change: { direction: '▼', previousMean: -0.2 } });
    expect(by.get('Russia')?.change?.delta).toBeCloseTo(-0.25, 10);
    expect(by.get('China')?.change).toMatchObject({ direction: '▲' });
    expect(by.get('NATO')).toMatchObject({ label: 'positive', change: { direction: '=' } });
    expect(by.get('India')).toMatchObject({ label: 'positive', change: null });
    expect(by.get('Ukraine')).toMatchObject({ mean: null, label: null, change: null, labels: { negative: 0, neutral: 0, positive: 0 } });
  });

  it('honours the neutral band and change epsilon options', () => {
    const wide = summariseActors(input.actors, input.previous, ['NATO', 'China'], { neutralBand: 0.2, changeEpsilon: 0.5 });
    expect(wide.map((a) => [a.actor, a.label, a.change?.direction])).toEqual([['China', 'positive', '='], ['NATO', 'neutral', '=']]);
  });
});

describe('stanceLabel and previousPeriod', () => {
  it('labels around a symmetric band', () => {
    expect([-0.5, -0.1, -0.05, 0, 0.09, 0.1].map((v) => stanceLabel(v, 0.1))).toEqual(
      ['negative', 'negative', 'neutral', 'neutral', 'neutral', 'positive']);
  });
  it('previous period has the same length and ends where the period starts', () => {
    expect(previousPeriod({ from: 100, to: 160 })).toEqual({ from: 40, to: 100 });
  });
});

describe('pickArticles and rankOutlets', () => {
  const input = fixtureInput();
  it('picks distinct articles, most extreme first, without the actor field', () => {
    const h = pickArticles(input.articles, 'Russia', 2);
    expect(h.mostNegative.map((a) => [a.title, a.score])).toEqual([['Strikes hit [Kharkiv] grid', -0.9], ['Talks stall', -0.3]]);
    expect(h.mostPositive.map((a) => a.title)).toEqual(['Moscow hails *grain* deal']);
    expect(h.mostNegative[0]).not.toHaveProperty('actor');
    expect(pickArticles(input.articles, 'Russia', 1).mostNegative).toHaveLength(1);
    expect(pickArticles(input.articles, 'NATO', 2)).toEqual({ actor: 'NATO', mostNegative: [], mostPositive: [] });
  });
  it('ranks outlets by stance toward one actor, most favourable first, with a minimum count', () => {
    expect(rankOutlets(input.outletActors, 'Russia').map((r) => r.outlet)).toEqual(['Eastern Dawn', 'Wire | Service', 'Global Herald']);
    expect(rankOutlets(input.outletActors, 'Russia', 3).map((r) => r.outlet)).toEqual(['Wire | Service', 'Global Herald']);
  });
});

describe('outletTable', () => {
  it('keeps the busiest outlets for the given actors, with empty cells where an outlet is silent', () => {
    const t = outletTable(fixtureInput().outletActors, ['Russia', 'India'], 2);
    expect(t.actors).toEqual(['Russia', 'India']);
    expect(t.rows).toEqual([
      { outlet: 'Wire | Service', total: 11, cells: [{ n: 4, mean: -0.1 }, { n: 7, mean: 0.2 }] },
      { outlet: 'Global Herald', total: 6, cells: [{ n: 6, mean: -0.7 }, null] },
    ]);
  });
});

describe('risingTerms', () => {
  const framing = fixtureInput().framing;
  it('scores log2((c + 1) / (e + 1)) against the pooled earlier rate and drops rare or falling terms', () => {
    const r = risingTerms(framing);
    expect(r.map((t) => t.term)).toEqual(['provocation', 'hegemony', 'sanctions']);
    const [provocation, hegemony] = r;
    expect(provocation).toMatchObject({ count: 4, expected: 0 });
    expect(provocation?.score).toBeCloseTo(Math.log2(5), 10);
    expect(hegemony?.expected).toBeCloseTo((4 * 20) / 40, 10);
    expect(hegemony?.score).toBeCloseTo(Math.log2(9 / 3), 10);
  });
  it('drops a term used at its usual rate or less', () => {
    const steady = { current: { articles: 10, counts: { hegemony: 5 } }, previous: [{ articles: 20, counts: { hegemony: 10 } }] };
    expect(risingTerms(steady)).toEqual([]);
  });
  it('says nothing without a baseline, and respects minTermCount and maxRisingTerms', () => {
    expect(risingTerms({ current: framing.current, previous: [] })).toEqual([]);
    expect(risingTerms(framing, { minTermCount: 2 }).map((t) => t.term)).toContain('aggression');
    expect(risingTerms(framing, { maxRisingTerms: 1 })).toHaveLength(1);
  });
});

describe('chartData and buildDigest', () => {
  it('aligns series on the days, null where there were no mentions', () => {
    const input = fixtureInput();
    const c = chartData(input.series, ['Russia', 'China', 'India'], ['2025-03-10', '2025-03-11', '2025-03-12']);
    expect(c.series).toEqual([
      { name: 'Russia', values: [-0.3, null, -0.6] },
      { name: 'China', values: [null, 0.5, null] },
      { name: 'India', values: [null, null, null] },
    ]);
  });

  it('assembles header, actors, highlights, table, terms and chart for the watched actors', () => {
    const d = buildDigest(fixtureInput());
    expect(d).toMatchObject({ period: { from: T0 }, articles: 31, outlets: 3, notAnalysed: 2 });
    expect(d.highlights.map((h) => h.actor)).toEqual(['Russia', 'India', 'China', 'NATO']);
    expect(d.outletTable.actors).toEqual(['Russia', 'India', 'China', 'NATO']);
    expect(d.outletTable.rows.map((r) => [r.outlet, r.total])).toEqual([['Wire | Service', 11], ['Eastern Dawn', 7], ['Global Herald', 7]]);
    expect(d.chart.days).toEqual(['2025-03-10', '2025-03-11', '2025-03-12']);
    expect(d.chart.series.map((s) => s.name)).toEqual(['Russia', 'India', 'China', 'NATO']);
    expect(d.risingTerms[0]?.term).toBe('provocation');
  });

  it('limits chart and table actors and groups days in the given zone', () => {
    const d = buildDigest({ ...fixtureInput(), timeZone: 'Asia/Tokyo', options: { maxChartActors: 2, maxTableActors: 1 } });
    expect(d.chart.series.map((s) => s.name)).toEqual(['Russia', 'India']);
    expect(d.outletTable.actors).toEqual(['Russia']);
    expect(d.chart.days).toEqual(['2025-03-10', '2025-03-11', '2025-03-12', '2025-03-13']);
  });
});
