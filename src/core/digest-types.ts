// Plain data shapes for digests, /summary and /actor: what the store hands in (aggregates it computed with
// SQL) and what the renderers (Markdown, Discord, chart) get out. No dependency on src/store on purpose.
import type { DigestStories, StoryDigestInput } from './digest-stories.js';
import type { StanceLabel } from './types.js';

/** Half-open interval [from, to) in epoch milliseconds (UTC). */
export interface Period {
  from: number;
  to: number;
}

export interface LabelCounts {
  negative: number;
  neutral: number;
  positive: number;
}

/** Stance toward one actor over a period: `n` analysed article mentions, mean of their scores in [-1, 1]. */
export interface ActorAggregate {
  actor: string;
  n: number;
  meanScore: number;
  labels: LabelCounts;
}

/** Per-day mean stance; `day` is a local calendar day `YYYY-MM-DD` (see `dayKey`). */
export interface DayPoint {
  day: string;
  n: number;
  meanScore: number;
}

export interface ActorSeries {
  actor: string;
  points: DayPoint[];
}

export interface OutletActorAggregate {
  outlet: string;
  actor: string;
  n: number;
  meanScore: number;
}

/** One article's stance toward one actor, with the sentence that best shows it. */
export interface ArticleRef {
  title: string;
  link?: string;
  outlet: string;
  /** Epoch milliseconds. */
  published: number;
  /** Stance toward the actor, in [-1, 1]. */
  score: number;
  evidence?: string;
  terms: string[];
}

/** A candidate article for the "most negative / most positive" lists of `actor`. */
export interface ActorArticle extends ArticleRef {
  actor: string;
}

/**
 * A speaker quoted about an actor over a period (reported voices, not the outlets' own stance): articles quoting
 * the speaker, their mean score and the outlets of those articles, most articles first.
 */
export interface VoiceAggregate {
  actor: string;
  /** As written ("Kremlin spokesman Dmitry Peskov"), or "unnamed". */
  speaker: string;
  speakerActor: string | null;
  n: number;
  meanScore: number;
  outlets: Array<{ outlet: string; n: number; meanScore: number }>;
}

/** One speaker as digests and /actor show it: "Dmitry Peskov (TASS, RT) −". */
export interface QuotedVoice {
  speaker: string;
  speakerActor?: string;
  /** Outlets that quoted the speaker, most articles first (the first few). */
  outlets: string[];
  /** Further outlets not listed. */
  moreOutlets: number;
  n: number;
  mean: number;
  label: StanceLabel;
}

/** The most quoted speakers about one actor. */
export interface ActorVoices {
  actor: string;
  voices: QuotedVoice[];
}

/** Framing-term counts of one period, with the number of analysed articles they came from. */
export interface TermPeriod {
  articles: number;
  counts: Record<string, number>;
}

export interface FramingInput {
  current: TermPeriod;
  /** Earlier periods (any order); their sum is the baseline. */
  previous: TermPeriod[];
}

export interface DigestTotals {
  articles: number;
  outlets: number;
  /** Articles stored but not analysed (unsupported language). */
  notAnalysed: number;
}

export interface DigestOptions {
  /** |mean| below this is labelled neutral. */
  neutralBand: number;
  /** |change| below this is shown as "=". */
  changeEpsilon: number;
  /** Articles per list (most negative / most positive) per actor. */
  articlesPerActor: number;
  /** Speakers shown per actor in the "voices quoted" line. */
  maxVoices: number;
  /** Rows (outlets) and columns (actors) of the outlet × actor table. */
  maxOutlets: number;
  maxTableActors: number;
  maxChartActors: number;
  maxRisingTerms: number;
  /** A term must occur at least this often in the current period to be called rising. */
  minTermCount: number;
  /** Pseudo-count added to both periods' term counts (additive smoothing). */
  termSmoothing: number;
}

export interface DigestInput {
  period: Period;
  /** IANA zone the per-day series were grouped in; day ticks of the chart use it. Default UTC. */
  timeZone?: string;
  previous: ActorAggregate[];
  actors: ActorAggregate[];
  series: ActorSeries[];
  outletActors: OutletActorAggregate[];
  /** Candidates for the per-actor article lists (the store may pre-select the top few per actor). */
  articles: ActorArticle[];
  framing: FramingInput;
  /** Reported voices about the covered actors (none when omitted). */
  voices?: VoiceAggregate[];
  /** The period's stories across outlets, biggest first, with their splits (no section when omitted). */
  stories?: StoryDigestInput[];
  totals: DigestTotals;
  /** Actors this server watches; the digest covers these, in volume order. */
  watched: string[];
  options?: Partial<DigestOptions>;
}

export type ChangeDirection = '▲' | '▼' | '=';

export interface StanceChange {
  direction: ChangeDirection;
  /** mean(now) - mean(previous). */
  delta: number;
  previousMean: number;
}

export interface ActorSummary {
  actor: string;
  n: number;
  /** null when the actor had no analysed mentions in the period. */
  mean: number | null;
  label: StanceLabel | null;
  /** null when either period has no mentions. */
  change: StanceChange | null;
  labels: LabelCounts;
}

export interface ActorHighlights {
  actor: string;
  mostNegative: ArticleRef[];
  mostPositive: ArticleRef[];
}

export interface OutletRank {
  outlet: string;
  n: number;
  mean: number;
}

/**
 * One outlet × actor cell. `n`, `mean`: the outlet's own stance (its articles' author stance); n = 0 when the
 * outlet only quoted others about the actor. `quoted`: the voices its articles quoted about the actor.
 */
export interface OutletCell {
  n: number;
  mean: number;
  quoted?: { n: number; mean: number };
}

export interface OutletTable {
  actors: string[];
  rows: { outlet: string; total: number; cells: (OutletCell | null)[] }[];
}

export interface RisingTerm {
  term: string;
  count: number;
  /** Expected count at the baseline rate: baselineCount / baselineArticles × currentArticles. */
  expected: number;
  /** log2 of the smoothed per-article rate ratio (current / baseline). */
  score: number;
}

export interface ChartSeries {
  name: string;
  /** One value per entry of `days`; null when there was no mention that day. */
  values: (number | null)[];
}

export interface StanceChartData {
  days: string[];
  series: ChartSeries[];
}

export interface Digest {
  period: Period;
  articles: number;
  outlets: number;
  notAnalysed: number;
  actors: ActorSummary[];
  highlights: ActorHighlights[];
  outletTable: OutletTable;
  risingTerms: RisingTerm[];
  chart: StanceChartData;
  /** The most quoted speakers per actor with any (absent in digests stored before voices were kept). */
  voices?: ActorVoices[];
  /** "Stories across outlets": the top stories of the period and the widest splits (absent in older digests). */
  stories?: DigestStories;
}
