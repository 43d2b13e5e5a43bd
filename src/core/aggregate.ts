// Article-level stance per actor from sentence-level stances. Pure.
import { stanceTerms, type SentenceStance } from './stance.js';
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
  return { sentence: s.sentence, terms: agreeingTerms(s, label, 'author'), score: s.author.score };
}

/** How strongly a sentence shows the label: its score toward it, or for neutral its neutral probability. */
const strengthOf = (s: SentenceStance, label: StanceLabel): number =>
  label === 'positive' ? s.author.score : label === 'negative' ? -s.author.score : s.author.probs[1];

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

export function aggregateStances(sentences: SentenceStance[], options: AggregateOptions = DEFAULT_AGGREGATE): ActorStance[] {
  const byActor = new Map<string, SentenceStance[]>();
  for (const s of sentences) {
    const list = byActor.get(s.actor);
    if (list) list.push(s);
    else byActor.set(s.actor, [s]);
  }
  const out: ActorStance[] = [];
  for (const [actor, list] of byActor) {
    const score = articleScore(list.map((s) => (options.votes ? voteOf(s.author.probs) : s.author.score)), options.prior);
    const label = labelOf(score, options.threshold);
    const k = label === 'negative' ? 0 : label === 'neutral' ? 1 : 2;
    const agreement = list.reduce((a, s) => a + (s.author.probs[k] as number), 0) / list.length;
    out.push({
      actor,
      label,
      score: Math.round(score * 1000) / 1000,
      confidence: Math.round(agreement * (list.length / (list.length + options.prior)) * 1000) / 1000,
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
