// Store queries -> DigestInput (src/core/digest-types.ts): the aggregates of one server over a period and the
// period before, per-day series grouped into calendar days of the server's zone, candidate articles per actor,
// framing-term counts of the period and the periods before it, and the voices quoted about the actors.
import { previousPeriod } from '../core/digest.js';
import type { ActorAggregate, ActorArticle, ActorSeries, DigestInput, Period, TermPeriod, VoiceAggregate } from '../core/digest-types.js';
import { dayKey } from '../core/tz.js';
import type { ActorStats, GuildRange, ScoredArticle, Store } from '../store/index.js';
import { storiesWithSplits } from './story-views.js';

/** Quarter hours: every zone offset in use is a multiple of 15 minutes, so buckets never straddle local days. */
const BUCKET_MS = 15 * 60_000;
/** Busiest actors shown when a server watches none. */
const DEFAULT_ACTORS = 6;
/** Stories (two outlets or more) compared for a digest's "Stories across outlets": its top ones and widest splits. */
const DIGEST_STORIES = 10;

export interface DigestQuery {
  guildId: string;
  period: Period;
  timeZone: string;
  /** Actors to cover; empty = the busiest actors of the period. */
  actors: string[];
  articlesPerActor: number;
  /** Restrict to one outlet (for /summary outlet:). */
  outlet?: string;
  /**
   * Digests: the period is when articles were first stored, and only articles new to the server count (a new
   * feed's backlog is left out), so nothing fetched after a digest is missed by the next one.
   */
  newOnly?: boolean;
  /** Earlier periods of the same length forming the framing baseline. Default 3. */
  framingPeriods?: number;
  /**
   * Digests: load the "Stories across outlets" section (stories covered by two of the server's outlets or more,
   * with an article in the period on the same time basis as the rest: with newOnly, one first stored then).
   */
  stories?: boolean;
}

export function toAggregate(s: ActorStats): ActorAggregate {
  return { actor: s.actor, n: s.n, meanScore: s.meanScore, labels: { negative: s.negative, neutral: s.neutral, positive: s.positive } };
}

async function aggregates(store: Store, range: GuildRange, outlet: string | undefined): Promise<ActorAggregate[]> {
  if (outlet === undefined) return (await store.actorStats(range)).map(toAggregate);
  return (await store.outletActorStats(range)).filter((r) => r.outlet === outlet).map(toAggregate);
}

/** Mean stance per actor per local day of `timeZone`. */
export async function daySeries(store: Store, range: GuildRange, timeZone: string, outlet?: string): Promise<ActorSeries[]> {
  const buckets = await store.actorBucketStats(range, BUCKET_MS, outlet);
  const byActor = new Map<string, Map<string, { n: number; sum: number }>>();
  for (const b of buckets) {
    const days = byActor.get(b.actor) ?? new Map<string, { n: number; sum: number }>();
    const key = dayKey(b.bucket, timeZone);
    const acc = days.get(key) ?? { n: 0, sum: 0 };
    days.set(key, { n: acc.n + b.n, sum: acc.sum + b.scoreSum });
    byActor.set(b.actor, days);
  }
  return [...byActor.entries()].map(([actor, days]) => ({
    actor,
    points: [...days.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([day, v]) => ({ day, n: v.n, meanScore: v.n > 0 ? v.sum / v.n : 0 })),
  }));
}

function toActorArticle(actor: string, a: ScoredArticle): ActorArticle {
  return {
    actor, title: a.title, outlet: a.outlet, published: a.publishedAt, score: a.score,
    terms: a.evidence?.terms ?? [],
    ...(a.link === null ? {} : { link: a.link }),
    ...(a.evidence ? { evidence: a.evidence.sentence } : {}),
  };
}

/** The most negative and most positive articles about each actor (candidates for the digest's lists). */
export async function candidateArticles(store: Store, range: GuildRange, actors: string[], q: Pick<DigestQuery, 'articlesPerActor' | 'outlet' | 'newOnly'>): Promise<ActorArticle[]> {
  const lists = await Promise.all(actors.flatMap((actor) => (['negative', 'positive'] as const).map(async (direction) => {
    const rows = await store.topArticles({
      ...range, actor, direction, limit: q.articlesPerActor,
      ...(q.outlet === undefined ? {} : { outlet: q.outlet }), ...(q.newOnly ? { eligibleOnly: true } : {}),
    });
    return rows.map((r) => toActorArticle(actor, r));
  })));
  return lists.flat();
}

/** Voices quoted about the actors; with `outlet`, only what that outlet's articles quoted. */
export async function quotedVoices(store: Store, range: GuildRange, outlet: string | undefined): Promise<VoiceAggregate[]> {
  const voices = await store.voiceStats(range);
  if (outlet === undefined) return voices;
  return voices.flatMap((v) => v.outlets.filter((o) => o.outlet === outlet).map((o) => ({ ...v, n: o.n, meanScore: o.meanScore, outlets: [o] })));
}

async function termPeriod(store: Store, range: GuildRange): Promise<TermPeriod> {
  const [counts, totals] = await Promise.all([store.framingCounts(range), store.periodTotals(range)]);
  return { articles: Math.max(0, totals.articles - totals.notAnalysed), counts };
}

/** Actors to cover: the requested ones, else the busiest of the period. */
export function coveredActors(requested: string[], current: ActorAggregate[]): string[] {
  if (requested.length > 0) return requested;
  return [...current].sort((a, b) => b.n - a.n || a.actor.localeCompare(b.actor)).slice(0, DEFAULT_ACTORS).map((a) => a.actor);
}

export async function loadDigestInput(store: Store, q: DigestQuery): Promise<DigestInput> {
  const basis = q.newOnly ? { basis: 'seen' as const } : {};
  const base = { guildId: q.guildId, ...basis, ...(q.actors.length > 0 ? { actors: q.actors } : {}) };
  const range: GuildRange = { ...base, from: q.period.from, to: q.period.to };
  const before = previousPeriod(q.period);
  const current = await aggregates(store, range, q.outlet);
  const watched = coveredActors(q.actors, current);
  const scoped: GuildRange = { ...range, actors: watched };
  const earlier = Array.from({ length: q.framingPeriods ?? 3 }, (_, i) => {
    const len = q.period.to - q.period.from;
    return { guildId: q.guildId, ...basis, from: q.period.from - (i + 1) * len, to: q.period.to - (i + 1) * len };
  });
  const [previous, series, outletStats, articles, framingNow, framingBefore, totals, voices, stories] = await Promise.all([
    aggregates(store, { ...scoped, from: before.from, to: before.to }, q.outlet),
    daySeries(store, scoped, q.timeZone, q.outlet),
    store.outletActorStats(scoped),
    candidateArticles(store, scoped, watched, q),
    termPeriod(store, { guildId: q.guildId, ...basis, from: range.from, to: range.to }),
    Promise.all(earlier.map((r) => termPeriod(store, r))),
    store.periodTotals({ guildId: q.guildId, ...basis, from: range.from, to: range.to }),
    quotedVoices(store, scoped, q.outlet),
    q.stories ? storiesWithSplits(store, { guildId: q.guildId, ...basis, from: range.from, to: range.to, minOutlets: 2, limit: DIGEST_STORIES }) : undefined,
  ]);
  return {
    period: q.period, timeZone: q.timeZone, previous, actors: current, series,
    outletActors: outletStats.filter((r) => q.outlet === undefined || r.outlet === q.outlet)
      .map((r) => ({ outlet: r.outlet, actor: r.actor, n: r.n, meanScore: r.meanScore })),
    articles, framing: { current: framingNow, previous: framingBefore }, totals, watched, voices,
    ...(stories === undefined ? {} : { stories }),
    options: { articlesPerActor: q.articlesPerActor },
  };
}
