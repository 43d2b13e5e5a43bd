// Hashed features of one target for the author model: the sentence view's target features (words around the
// target, its clause, lexicon masses), the author's own attributed terms, the voice flags and the sentence view's
// probabilities. Words of the whole sentence are left out on purpose: with them the model learned which actors a
// training outlet liked (cross-validated figures equal without them). Pure.
// The author model is small (trained on in-domain data only), so its buckets are folded to AUTHOR_BITS: its
// weights stay in cache beside the sentence model's.
import type { Attribution } from './attribution.js';
import { bucket, fnv1a, named, push, sizeOf, type FeatureVector } from './feature-hash.js';
import type { PreparedSentence } from './features.js';
import type { Prediction } from './model.js';
import type { VoiceFrame } from './voice.js';
import { squash } from './squash.js';
import { clauseLogits, clauseMeaning, meaningLogits, type MeaningLogits, type WordVectors } from './word-vectors.js';

export const AUTHOR_BITS = 16;
const AUTHOR_MASK = (1 << AUTHOR_BITS) - 1;
const NS = { ownTerm: 13, cue: 14 } as const;
const A = {
  bias: named('a:bias'), reported: named('a:reported'), adopted: named('a:adopted'), rejected: named('a:rejected'),
  speaking: named('a:speaking'), headline: named('a:headline'), attributed: named('a:attributed'), scare: named('a:scare'),
  svScore: named('a:sv_score'), svNeutral: named('a:sv_neutral'), ownNeg: named('a:own_neg'), ownPos: named('a:own_pos'),
  boundNeg: named('a:bound_neg'), boundPos: named('a:bound_pos'), noOwn: named('a:no_own_terms'),
  svNeg: named('a:sv_neg'), svPos: named('a:sv_pos'), agreeNeg: named('a:sv_agree_neg'), agreePos: named('a:sv_agree_pos'),
  foil: named('a:foil'), foilScore: named('a:foil_score'),
  judgeNeg: named('a:judge_neg'), judgePos: named('a:judge_pos'),
} as const;
const CUES = new Map(['verb', 'according', 'quote', 'headline', 'claim'].map((c) => [c, bucket(NS.cue, fnv1a(c))]));
/** One named feature per word-vector component of the target clause's meaning (word-vectors.ts). */
const MEANING = Array.from({ length: 100 }, (_, d) => named(`a:meaning_${d}`));
/**
 * Weight of the clause's meaning against the other features (l2 pulls on all alike). Cross-validation on the
 * training set ranks 2 first (author model 0.5997, context head 0.6305), then 1 (0.5943, 0.6230) and 0.5 (0.5910,
 * 0.6167; none 0.5850, 0.6165), measured when the vectors came (ninth session). 2 raised the l2 chosen for every
 * feature and cost the shared dev set past the quality gate (0.6103). 1 gained most on the check set but, then,
 * cost dev 0.013 (0.6378 -> 0.6244), past the gate, so 0.5 was used. With the tenth session's voice rules, 1 against
 * 0.5: CV 0.5961 / 0.6232 against 0.5925 / 0.6181 (article head 0.6265 against 0.6314), check 0.6201 / 0.6261
 * against 0.6139 / 0.6235 (sentences +0.0063, paired bootstrap by article -0.0003..+0.0130), dev 0.6322 / 0.6242
 * against 0.6389 / 0.6253 (-0.0067, -0.031..+0.016: within the gate and the dev set's noise). 1 is used: the
 * cross-validation and the larger held-out set agree on it.
 */
const MEANING_WEIGHT = 1;
const meaning = new Float64Array(MEANING.length);

/** The clause logits of the sentence read last, by clause: its targets often share a clause. */
let logitsOf: PreparedSentence | undefined;
const clauseLogitsCache = new Map<number, [number, number, number] | null>();

/** The logits of the meaning of the clause of token `target`, or undefined (do not keep or change the array). */
export function meaningOfClause(m: MeaningLogits | undefined, sentence: PreparedSentence, target: number | undefined): readonly [number, number, number] | undefined {
  if (!m || target === undefined) return undefined;
  if (logitsOf !== sentence) {
    logitsOf = sentence;
    clauseLogitsCache.clear();
  }
  const clause = sentence.clause[target] as number;
  let logits = clauseLogitsCache.get(clause);
  if (logits === undefined) {
    const out: [number, number, number] = [0, 0, 0];
    logits = clauseLogits(m, sentence, target, out) ? out : null;
    clauseLogitsCache.set(clause, logits);
  }
  return logits ?? undefined;
}

/** The author model's logits of each word's meaning (word-vectors.ts): what the clause features add, word by word. */
export function meaningLogitsOf(weights: Float32Array, vectors: WordVectors): MeaningLogits {
  return meaningLogits(vectors, (d) => {
    const j = ((MEANING[d] as number) & AUTHOR_MASK) * 3;
    return [(weights[j] as number) * MEANING_WEIGHT, (weights[j + 1] as number) * MEANING_WEIGHT, (weights[j + 2] as number) * MEANING_WEIGHT];
  });
}


export interface AuthorInputs {
  sentence: PreparedSentence;
  own: Attribution;
  sentenceView: Prediction;
  /** "unlike X": the target is a foil. */
  foil: boolean;
  reportedFrame?: VoiceFrame;
  speaking: boolean;
  headline: boolean;
  attributed: boolean;
  scareQuotes: number;
  /** The author lexicon's own terms (praise, role nouns): with the framing lexicon's, the judgement words. */
  judgementWords: ReadonlyMap<string, number>;
  /** Word vectors, and the target's first token: the meaning of the target's clause. */
  vectors?: WordVectors;
  target?: number;
}

/** The author-specific features of a target (the sentence view's target features complete them). */
export function authorExtras(x: AuthorInputs, f: FeatureVector): void {
  push(f, A.bias);
  const tokens = x.sentence.tokens;
  for (const t of x.own.terms) push(f, bucket(NS.ownTerm, tokens[t.first]?.hash ?? 0, t.weight * t.share > 0 ? 1 : 2));
  const frame = x.reportedFrame;
  const reported = frame !== undefined && frame.adoption !== 1 && !frame.passive;
  if (reported) push(f, A.reported);
  if (frame?.adoption === 1) push(f, A.adopted);
  if (frame?.adoption === -1) push(f, A.rejected);
  if (frame) push(f, CUES.get(frame.cue) as number);
  if (x.speaking) push(f, A.speaking);
  if (x.headline) push(f, A.headline);
  if (x.attributed) push(f, A.attributed);
  if (x.scareQuotes > 0) push(f, A.scare);
  push(f, A.svScore, reported ? 0 : x.sentenceView.score);
  push(f, A.svNeutral, x.sentenceView.probs[1]);
  if (!reported) {
    // The sentence view where the author's own words agree with it: the model may trust it there.
    const [pNeg, , pPos] = x.sentenceView.probs;
    push(f, A.svNeg, pNeg);
    push(f, A.svPos, pPos);
    if (x.own.negative > 0) push(f, A.agreeNeg, pNeg);
    if (x.own.positive > 0) push(f, A.agreePos, pPos);
  }
  if (x.foil) {
    push(f, A.foil);
    push(f, A.foilScore, x.sentenceView.score);
  }
  push(f, A.ownNeg, squash(x.own.negative));
  push(f, A.ownPos, squash(x.own.positive));
  if (x.own.boundNegative > 0) push(f, A.boundNeg, squash(x.own.boundNegative));
  if (x.own.boundPositive > 0) push(f, A.boundPos, squash(x.own.boundPositive));
  if (x.own.terms.length === 0) push(f, A.noOwn);
  // Judgement words in the target's own clause or phrase, by class: a word seen once or never in training still
  // counts through its class (role nouns, state-media vocabulary, praise), where the word's own feature is empty.
  let judgeNeg = 0;
  let judgePos = 0;
  for (const t of x.own.terms) {
    if (Math.abs(t.share) < 1 || !(t.framing || x.judgementWords.has(t.term))) continue;
    const w = t.weight * t.share;
    if (w < 0) judgeNeg -= w;
    else judgePos += w;
  }
  if (judgeNeg > 0) push(f, A.judgeNeg, squash(judgeNeg));
  if (judgePos > 0) push(f, A.judgePos, squash(judgePos));
  // What the target's clause is about, whether or not a lexicon lists its words ("a troublemaker for hire").
  // (Training reads the features; the analyser adds their logits through `meaningLogitsOf`, the same numbers.)
  if (x.vectors && x.target !== undefined && x.vectors.dims <= MEANING.length && clauseMeaning(x.vectors, x.sentence, x.target, meaning) > 0) {
    for (let d = 0; d < x.vectors.dims; d++) push(f, MEANING[d] as number, MEANING_WEIGHT * (meaning[d] as number));
  }
}

/** Author-model logits of the target's features and its author extras, buckets folded to AUTHOR_BITS. */
export function authorLogits(weights: Float32Array, parts: readonly FeatureVector[], base?: readonly [number, number, number]): [number, number, number] {
  let neg = base?.[0] ?? 0;
  let neu = base?.[1] ?? 0;
  let pos = base?.[2] ?? 0;
  for (const f of parts) {
    const n = sizeOf(f);
    for (let k = 0; k < n; k++) {
      const j = ((f.ids[k] as number) & AUTHOR_MASK) * 3;
      const v = f.values[k] as number;
      neg += (weights[j] as number) * v;
      neu += (weights[j + 1] as number) * v;
      pos += (weights[j + 2] as number) * v;
    }
  }
  return [neg, neu, pos];
}

/** One folded vector of the parts (training keeps it). */
export function foldedVector(parts: readonly FeatureVector[]): FeatureVector {
  const out: FeatureVector = { ids: [], values: [] };
  for (const f of parts) {
    const n = sizeOf(f);
    for (let k = 0; k < n; k++) {
      out.ids.push((f.ids[k] as number) & AUTHOR_MASK);
      out.values.push(f.values[k] as number);
    }
  }
  return out;
}
