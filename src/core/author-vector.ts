// Hashed features of one target for the author model: the sentence view's target features, words of the author's
// own voice apart from words of reported content, the author's attributed terms, and the voice flags. Pure.
// The author model is small (trained on in-domain data only), so its buckets are folded to AUTHOR_BITS: its
// weights stay in cache beside the sentence model's.
import type { Attribution } from './attribution.js';
import { bucket, fnv1a, named, push, type FeatureVector } from './feature-hash.js';
import type { PreparedSentence } from './features.js';
import type { Prediction } from './model.js';
import type { VoiceFrame } from './voice.js';

export const AUTHOR_BITS = 16;
const AUTHOR_MASK = (1 << AUTHOR_BITS) - 1;
const NS = { own: 11, reported: 12, ownTerm: 13, cue: 14 } as const;
const OTHER = fnv1a('<o>');
const squash = (x: number): number => Math.tanh(x / 4);
const A = {
  bias: named('a:bias'), reported: named('a:reported'), adopted: named('a:adopted'), rejected: named('a:rejected'),
  speaking: named('a:speaking'), headline: named('a:headline'), attributed: named('a:attributed'), scare: named('a:scare'),
  svScore: named('a:sv_score'), svNeutral: named('a:sv_neutral'), ownNeg: named('a:own_neg'), ownPos: named('a:own_pos'),
  boundNeg: named('a:bound_neg'), boundPos: named('a:bound_pos'), noOwn: named('a:no_own_terms'),
  svNeg: named('a:sv_neg'), svPos: named('a:sv_pos'), agreeNeg: named('a:sv_agree_neg'), agreePos: named('a:sv_agree_pos'),
  foil: named('a:foil'), foilScore: named('a:foil_score'),
} as const;
const CUES = new Map(['verb', 'according', 'quote', 'headline', 'claim'].map((c) => [c, bucket(NS.cue, fnv1a(c))]));

/** What the author features of a sentence share across its targets: each word's bucket (own voice or reported). */
export interface AuthorSentence {
  tokenBuckets: Int32Array;
  /** Buckets of another mention's token, in the own and in the reported namespace. */
  otherOwn: number;
  otherReported: number;
  reported: Uint8Array;
}

export function prepareAuthorSentence(s: PreparedSentence, frames: VoiceFrame[]): AuthorSentence {
  const n = s.tokens.length;
  const reported = new Uint8Array(n);
  for (const f of frames) {
    if (f.adoption === 1) continue;
    for (const [a, b] of f.content) for (let i = a; i <= b && i < n; i++) reported[i] = 1;
  }
  const tokenBuckets = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const t = s.tokens[i];
    if (t !== undefined && !t.punct) tokenBuckets[i] = bucket(reported[i] ? NS.reported : NS.own, t.hash);
  }
  return { tokenBuckets, otherOwn: bucket(NS.own, OTHER), otherReported: bucket(NS.reported, OTHER), reported };
}

export interface AuthorInputs {
  sentence: PreparedSentence;
  shared: AuthorSentence;
  /** Mention index of every token (-1 for none) and the actor of every mention. */
  mentionAt: Int16Array;
  actors: readonly string[];
  /** The target's mention index and actor. */
  target: number;
  actor: string;
  own: Attribution;
  sentenceView: Prediction;
  /** "unlike X": the target is a foil. */
  foil: boolean;
  reportedFrame?: VoiceFrame;
  speaking: boolean;
  headline: boolean;
  attributed: boolean;
  scareQuotes: number;
}

/** The author-specific features of a target (the sentence view's target features complete them). */
export function authorExtras(x: AuthorInputs, f: FeatureVector): void {
  push(f, A.bias);
  const b = x.shared.tokenBuckets;
  for (let i = 0; i < b.length; i++) {
    const m = x.mentionAt[i] as number;
    if ((b[i] as number) < 0 || m === x.target) continue;
    const rival = m >= 0 && x.actors[m] !== x.actor;
    push(f, rival ? (x.shared.reported[i] ? x.shared.otherReported : x.shared.otherOwn) : (b[i] as number));
  }
  const tokens = x.sentence.tokens;
  for (const t of x.own.terms) push(f, bucket(NS.ownTerm, tokens[t.first]?.hash ?? 0, t.weight * t.share > 0 ? 1 : 2));
  const frame = x.reportedFrame;
  const reported = frame !== undefined && frame.adoption !== 1;
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
}

/** Author-model logits of the target's features and its author extras, buckets folded to AUTHOR_BITS. */
export function authorLogits(weights: Float32Array, parts: readonly FeatureVector[]): [number, number, number] {
  let neg = 0;
  let neu = 0;
  let pos = 0;
  for (const f of parts) {
    for (let k = 0; k < f.ids.length; k++) {
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
  for (const f of parts) for (let k = 0; k < f.ids.length; k++) push(out, (f.ids[k] as number) & AUTHOR_MASK, f.values[k] as number);
  return out;
}
