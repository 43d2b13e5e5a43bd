// Digest content as platform-neutral data, from aggregates the store computed. The building blocks
// (summariseActors, pickArticles, rankOutlets, outletTable, risingTerms, chartData) also serve /summary and
// /actor. Pure: the period and all data are passed in.
import type {
  ActorAggregate, ActorArticle, ActorHighlights, ActorSeries, ActorSummary, ArticleRef, Digest, DigestInput,
  DigestOptions, FramingInput, OutletActorAggregate, OutletRank, OutletTable, Period, RisingTerm,
  StanceChange, StanceChartData,
} from './digest-types.js';
import { digestStories } from './digest-stories.js';
import { actorVoices, quotedByOutlet } from './digest-voices.js';
import { daysOf } from './tz.js';
import type { StanceLabel } from './types.js';

export const DEFAULT_DIGEST_OPTIONS: DigestOptions = {
  neutralBand: 0.1,
  changeEpsilon: 0.02,
  articlesPerActor: 2,
  maxVoices: 3,
  maxOutlets: 6,
  maxTableActors: 5,
  maxChartActors: 4,
  maxRisingTerms: 5,
  minTermCount: 3,
  termSmoothing: 1,
};

/** The period of the same length just before `p`. */
export function previousPeriod(p: Period): Period {
  return { from: p.from - (p.to - p.from), to: p.from };
}

/** Label of a mean stance: neutral inside (-band, band). */
export function stanceLabel(mean: number, neutralBand = DEFAULT_DIGEST_OPTIONS.neutralBand): StanceLabel {
  if (mean >= neutralBand) return 'positive';
  if (mean <= -neutralBand) return 'negative';
  return 'neutral';
}

function change(now: ActorAggregate | undefined, before: ActorAggregate | undefined, epsilon: number): StanceChange | null {
  if (!now || !before || now.n === 0 || before.n === 0) return null;
  const delta = now.meanScore - before.meanScore;
  const direction = Math.abs(delta) < epsilon ? '=' : delta > 0 ? '▲' : '▼';
  return { direction, delta, previousMean: before.meanScore };
}

/**
 * One summary per actor in `actors`, busiest first (ties by name); actors without mentions come last
 * with a null mean. `previous` holds the aggregates of the period before, for the change column.
 */
export function summariseActors(
  current: ActorAggregate[], previous: ActorAggregate[], actors: string[], options: Partial<DigestOptions> = {},
): ActorSummary[] {
  const o = { ...DEFAULT_DIGEST_OPTIONS, ...options };
  const now = new Map(current.map((a) => [a.actor, a]));
  const before = new Map(previous.map((a) => [a.actor, a]));
  const summaries = [...new Set(actors)].map((actor): ActorSummary => {
    const a = now.get(actor);
    const n = a?.n ?? 0;
    return {
      actor, n,
      mean: a && n > 0 ? a.meanScore : null,
      label: a && n > 0 ? stanceLabel(a.meanScore, o.neutralBand) : null,
      change: change(a, before.get(actor), o.changeEpsilon),
      labels: a?.labels ?? { negative: 0, neutral: 0, positive: 0 },
    };
  });
  return summaries.sort((x, y) => y.n - x.n || x.actor.localeCompare(y.actor));
}

function articleKey(a: ArticleRef): string {
  return a.link ?? `${a.outlet}\n${a.title}`;
}

function strip(a: ActorArticle): ArticleRef {
  const { actor: _actor, ...ref } = a;
  return ref;
}

/** The `k` most negative (score < 0) and most positive (score > 0) distinct articles about `actor`. */
export function pickArticles(articles: ActorArticle[], actor: string, k: number): ActorHighlights {
  const seen = new Set<string>();
  const mine = articles.filter((a) => {
    if (a.actor !== actor || seen.has(articleKey(a))) return false;
    seen.add(articleKey(a));
    return true;
  });
  const tie = (x: ArticleRef, y: ArticleRef): number => y.published - x.published || x.title.localeCompare(y.title);
  const neg = mine.filter((a) => a.score < 0).sort((x, y) => x.score - y.score || tie(x, y));
  const pos = mine.filter((a) => a.score > 0).sort((x, y) => y.score - x.score || tie(x, y));
  return { actor, mostNegative: neg.slice(0, k).map(strip), mostPositive: pos.slice(0, k).map(strip) };
}

/** Outlets ranked by mean stance toward `actor`, most favourable first; outlets with fewer than `minN` mentions are left out. */
export function rankOutlets(rows: OutletActorAggregate[], actor: string, minN = 1): OutletRank[] {
  return rows
    .filter((r) => r.actor === actor && r.n >= minN && r.n > 0)
    .map((r) => ({ outlet: r.outlet, n: r.n, mean: r.meanScore }))
    .sort((x, y) => y.mean - x.mean || y.n - x.n || x.outlet.localeCompare(y.outlet));
}

/**
 * Outlet × actor table: the `maxOutlets` outlets with the most mentions of `actors` (their own stance), busiest
 * first. `quoted` (voices the outlets quoted, see quotedByOutlet) rides along in each cell; an outlet that only
 * quoted others about an actor gets a cell with n = 0 (such outlets come after those with a stance of their own,
 * most quoted first).
 */
export function outletTable(rows: OutletActorAggregate[], actors: string[], maxOutlets: number, quoted: OutletActorAggregate[] = []): OutletTable {
  const byOutlet = new Map<string, Map<string, { own?: OutletActorAggregate; quoted?: OutletActorAggregate }>>();
  const add = (r: OutletActorAggregate, kind: 'own' | 'quoted'): void => {
    if (!actors.includes(r.actor) || r.n <= 0) return;
    const cells = byOutlet.get(r.outlet) ?? new Map<string, { own?: OutletActorAggregate; quoted?: OutletActorAggregate }>();
    cells.set(r.actor, { ...cells.get(r.actor), [kind]: r });
    byOutlet.set(r.outlet, cells);
  };
  for (const r of rows) add(r, 'own');
  for (const r of quoted) add(r, 'quoted');
  const tableRows = [...byOutlet.entries()].map(([outlet, cells]) => ({
    outlet,
    total: [...cells.values()].reduce((sum, c) => sum + (c.own?.n ?? 0), 0),
    cells: actors.map((actor) => {
      const c = cells.get(actor);
      if (!c) return null;
      return { n: c.own?.n ?? 0, mean: c.own?.meanScore ?? 0, ...(c.quoted ? { quoted: { n: c.quoted.n, mean: c.quoted.meanScore } } : {}) };
    }),
  }));
  const quotes = (r: (typeof tableRows)[number]): number => r.cells.reduce((sum, c) => sum + (c?.quoted?.n ?? 0), 0);
  tableRows.sort((x, y) => y.total - x.total || quotes(y) - quotes(x) || x.outlet.localeCompare(y.outlet));
  return { actors, rows: tableRows.slice(0, maxOutlets) };
}

/**
 * Framing terms whose use rose most against the baseline (all previous periods together).
 * For a term seen c times in the N current articles and b times in the M baseline articles, the expected
 * current count at the baseline rate is e = b·N/M, and the score is the smoothed log-ratio
 * log2((c + α) / (e + α)) with pseudo-count α (`termSmoothing`). The pseudo-count keeps rare terms from
 * dominating (1 use against 0 expected scores 1, not infinity). Terms need c ≥ `minTermCount` and a
 * positive score; with no baseline articles nothing can be said to rise and the list is empty.
 */
export function risingTerms(framing: FramingInput, options: Partial<DigestOptions> = {}): RisingTerm[] {
  const o = { ...DEFAULT_DIGEST_OPTIONS, ...options };
  const n = framing.current.articles;
  const m = framing.previous.reduce((sum, p) => sum + p.articles, 0);
  if (n <= 0 || m <= 0) return [];
  const baseline = new Map<string, number>();
  for (const p of framing.previous) {
    for (const [term, count] of Object.entries(p.counts)) baseline.set(term, (baseline.get(term) ?? 0) + count);
  }
  const rising: RisingTerm[] = [];
  for (const [term, count] of Object.entries(framing.current.counts)) {
    if (count < o.minTermCount) continue;
    const expected = ((baseline.get(term) ?? 0) * n) / m;
    const score = Math.log2((count + o.termSmoothing) / (expected + o.termSmoothing));
    if (score > 0) rising.push({ term, count, expected, score });
  }
  rising.sort((x, y) => y.score - x.score || y.count - x.count || x.term.localeCompare(y.term));
  return rising.slice(0, o.maxRisingTerms);
}

/** Per-day mean stance of `actors` over `days` (null on days without mentions), ready for the chart. */
export function chartData(series: ActorSeries[], actors: string[], days: string[]): StanceChartData {
  const byActor = new Map(series.map((s) => [s.actor, new Map(s.points.filter((p) => p.n > 0).map((p) => [p.day, p.meanScore]))]));
  return {
    days,
    series: actors.map((name) => ({ name, values: days.map((d) => byActor.get(name)?.get(d) ?? null) })),
  };
}

/** The whole digest for one period. */
export function buildDigest(input: DigestInput): Digest {
  const o = { ...DEFAULT_DIGEST_OPTIONS, ...input.options };
  const actors = summariseActors(input.actors, input.previous, input.watched, o);
  const active = actors.filter((a) => a.n > 0).map((a) => a.actor);
  const days = daysOf(input.period.from, input.period.to, input.timeZone ?? 'UTC');
  return {
    period: input.period,
    articles: input.totals.articles,
    outlets: input.totals.outlets,
    notAnalysed: input.totals.notAnalysed,
    actors,
    highlights: active.map((actor) => pickArticles(input.articles, actor, o.articlesPerActor)),
    outletTable: outletTable(input.outletActors, active.slice(0, o.maxTableActors), o.maxOutlets, quotedByOutlet(input.voices ?? [])),
    risingTerms: risingTerms(input.framing, o),
    chart: chartData(input.series, active.slice(0, o.maxChartActors), days),
    voices: actorVoices(input.voices ?? [], actors.map((a) => a.actor), o.maxVoices, (mean) => stanceLabel(mean, o.neutralBand)),
    ...(input.stories === undefined ? {} : { stories: digestStories(input.stories) }),
  };
}
