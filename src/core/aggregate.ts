// Article-level stance per actor from sentence-level stances. Pure.
import { densePrediction } from './author.js';
import { holdsAuthorTerms, stanceTerms, type SentenceStance } from './stance.js';
import type { ActorStance, Evidence, StanceLabel, VoiceStance } from './types.js';

/** A sentence's vote: +1 positive, -1 negative, 0 neutral (its most probable label). */
export const voteOf = (probs: readonly number[]): number => {
  const [n, u, p] = probs as [number, number, number];
  return p > n && p > u ? 1 : n > p && n > u ? -1 : 0;
};

export interface AggregateOptions {
  /** Aggregate sentence label votes instead of scores (see voteOf). */
  votes?: boolean;
  /** |score| at or above which the article label is positive/negative. */
  threshold: number;
  /** Pseudo-count of neutral sentences: few mentions give scores closer to 0. */
  prior: number;
  /** Evidence sentences kept per actor. */
  maxEvidence: number;
  /**
   * The article head (3 x ARTICLE_FEATURES weights, class-major): when set, it labels the article from what its
   * sentences say (`articleFeatures`) and its score is P(positive) - P(negative); prior and threshold are unused.
   */
  head?: readonly number[];
}

/** Number of dense features of the article head. */
export const ARTICLE_FEATURES = 10;

/**
 * What the article head reads of an actor's sentences (author view): the mean and the largest negative and
 * positive probability, the share of negative and positive votes (with half a neutral pseudo-sentence), how many
 * sentences name the actor, the share of them that quote a source on it, and whether both polarities are voted.
 */
export function articleFeatures(probs: ReadonlyArray<readonly number[]>, voiced: readonly boolean[]): Float64Array {
  // The author's own sentences speak for its stance, and so do quoted ones that the author view still finds polar
  // (the author framed or adopted the source); a quote it relays neutrally counts only when there is nothing else.
  const relayed = (i: number): boolean => voiced[i] === true && voteOf(probs[i] as readonly number[]) === 0;
  let own = 0;
  for (let i = 0; i < probs.length; i++) if (!relayed(i)) own++;
  const counted = (i: number): boolean => own === 0 || !relayed(i);
  const n = own === 0 ? probs.length : own;
  let meanNeg = 0;
  let meanPos = 0;
  let maxNeg = 0;
  let maxPos = 0;
  let negVotes = 0;
  let posVotes = 0;
  let quoted = 0;
  for (let i = 0; i < probs.length; i++) {
    if (voiced[i]) quoted++;
    if (!counted(i)) continue;
    const p = probs[i] as readonly number[];
    const neg = p[0] as number;
    const pos = p[2] as number;
    meanNeg += neg / n;
    meanPos += pos / n;
    maxNeg = Math.max(maxNeg, neg);
    maxPos = Math.max(maxPos, pos);
    const vote = voteOf(p);
    if (vote < 0) negVotes++;
    else if (vote > 0) posVotes++;
  }
  const f = new Float64Array(ARTICLE_FEATURES);
  if (n === 0) return f;
  f[0] = 1;
  f[1] = meanNeg;
  f[2] = meanPos;
  f[3] = maxNeg;
  f[4] = maxPos;
  f[5] = negVotes / (n + 0.5);
  f[6] = posVotes / (n + 0.5);
  f[7] = Math.log(1 + n) / 3;
  f[8] = quoted / probs.length;
  f[9] = negVotes > 0 && posVotes > 0 ? 1 : 0;
  return f;
}

/**
 * Not the PerSenT optimum: `stancewatch eval --persent` ranks prior 5 / threshold 0.07 first (macro-F1 0.419 vs
 * 0.397 for these values), but that makes short articles neutral (title + one sentence) and the seed article
 * 7/9; docs/analysis.md has the figures. Kept until that trade-off is decided.
 */
export const DEFAULT_AGGREGATE: AggregateOptions = { threshold: 0.15, prior: 0.5, maxEvidence: 3 };

export const labelOf = (score: number, threshold: number): StanceLabel =>
  score >= threshold ? 'positive' : score <= -threshold ? 'negative' : 'neutral';

const agrees = (weight: number, label: StanceLabel): boolean => (label === 'positive' ? weight > 0 : label === 'negative' ? weight < 0 : true);

/** Terms of the sentence that agree with the label, each once. */
function agreeingTerms(s: SentenceStance, label: StanceLabel, view: 'author' | 'sentence'): string[] {
  const terms = new Set<string>();
  for (const t of stanceTerms(s, view)) if (agrees(t.weight, label)) terms.add(t.term);
  return [...terms];
}

function evidenceOf(s: SentenceStance, label: StanceLabel): Evidence {
  return { sentence: s.sentence, terms: agreeingTerms(s, label, 'author'), score: s.authorAlone.score };
}

/** How strongly a sentence shows the label: its score toward it, or for neutral its neutral probability. */
const strengthOf = (s: SentenceStance, label: StanceLabel): number =>
  label === 'positive' ? s.authorAlone.score : label === 'negative' ? -s.authorAlone.score : s.authorAlone.probs[1];

/** Sentences that agree with the article label, strongest first; for a neutral actor, the most neutral. */
function pickEvidence(sentences: SentenceStance[], label: StanceLabel, max: number): Evidence[] {
  return [...sentences]
    .sort((a, b) => strengthOf(b, label) - strengthOf(a, label))
    .slice(0, max)
    .map((s) => evidenceOf(s, label));
}

/** Article score of an actor from its sentence scores: their sum over (sentences + prior). */
export function articleScore(scores: readonly number[], prior: number): number {
  let total = 0;
  for (const x of scores) total += x;
  return total / (scores.length + prior);
}

interface ArticleLabel {
  label: StanceLabel;
  score: number;
  confidence: number;
}

/** The sentences' scores (or votes) summed over (sentences + prior), labelled by the threshold. */
function voteLabel(options: AggregateOptions, list: SentenceStance[]): ArticleLabel {
  const score = articleScore(list.map((s) => (options.votes ? voteOf(s.authorAlone.probs) : s.authorAlone.score)), options.prior);
  const label = labelOf(score, options.threshold);
  const k = label === 'negative' ? 0 : label === 'neutral' ? 1 : 2;
  const agreement = list.reduce((a, s) => a + (s.authorAlone.probs[k] as number), 0) / list.length;
  return { label, score, confidence: agreement * (list.length / (list.length + options.prior)) };
}

/** What a sentence that holds no term of the author's about the actor says of it at the article level. */
const SAYS_NOTHING: readonly number[] = [0, 1, 0];

/**
 * The sentence probabilities the article head reads: a sentence whose author view attributes no term to the actor
 * counts as neutral ("It is known that NATO is shortened to ...": a polar reading there comes from the actor's
 * name and the sentence's shape, and of such readings about one in three is right out of fold).
 */
export const articleProbs = (probs: ReadonlyArray<readonly number[]>, termless: readonly boolean[]): Array<readonly number[]> =>
  probs.map((p, i) => (termless[i] === true ? SAYS_NOTHING : p));

/** The article head's label; its score is P(positive) - P(negative) and its confidence the label's probability. */
function headLabel(head: readonly number[], list: SentenceStance[]): ArticleLabel {
  const probs = articleProbs(list.map((s) => s.authorAlone.probs), list.map((s) => !holdsAuthorTerms(s)));
  const p = densePrediction(head, articleFeatures(probs, list.map((s) => s.voice !== undefined)));
  return { label: p.label, score: p.score, confidence: Math.max(...p.probs) };
}

export function aggregateStances(sentences: SentenceStance[], options: AggregateOptions = DEFAULT_AGGREGATE): ActorStance[] {
  const byActor = new Map<string, SentenceStance[]>();
  for (const s of sentences) {
    const list = byActor.get(s.actor);
    if (list) list.push(s);
    else byActor.set(s.actor, [s]);
  }
  const out: ActorStance[] = [];
  for (const [actor, list] of byActor) {
    const { label, score, confidence } = options.head ? headLabel(options.head, list) : voteLabel(options, list);
    out.push({
      actor,
      label,
      score: Math.round(score * 1000) / 1000,
      confidence: Math.round(confidence * 1000) / 1000,
      mentions: list.reduce((a, s) => a + s.mentions, 0),
      evidence: pickEvidence(list, label, options.maxEvidence),
    });
  }
  return out.sort((a, b) => b.mentions - a.mentions || a.actor.localeCompare(b.actor));
}

/** Reported voices per (speaker, actor): the sentence-view stance of what each source is reported to say. */
export function aggregateVoices(sentences: SentenceStance[], options: AggregateOptions = DEFAULT_AGGREGATE): VoiceStance[] {
  const groups = new Map<string, SentenceStance[]>();
  for (const s of sentences) {
    if (!s.voice) continue;
    const key = `${s.voice.speakerActor ?? ''}\u0000${s.voice.speaker}\u0000${s.actor}`;
    const list = groups.get(key);
    if (list) list.push(s);
    else groups.set(key, [s]);
  }
  const out: VoiceStance[] = [];
  for (const list of groups.values()) {
    const first = list[0] as SentenceStance;
    const voice = first.voice as NonNullable<SentenceStance['voice']>;
    const scores = list.map((s) => s.voice?.prediction.score ?? 0);
    const score = scores.reduce((a, b) => a + b, 0) / scores.length;
    const label = labelOf(score, options.threshold);
    const evidence = list.slice(0, options.maxEvidence).map((s) => ({ sentence: s.sentence, terms: agreeingTerms(s, label, 'sentence') }));
    out.push({ speaker: voice.speaker, ...(voice.speakerActor ? { speakerActor: voice.speakerActor } : {}), actor: first.actor, label, score: Math.round(score * 1000) / 1000, evidence });
  }
  return out;
}
