// Multinomial logistic regression over hashed sparse features: inference. Pure.
import { DIMENSION, HASH_BITS, sizeOf, type FeatureVector } from './feature-hash.js';
import type { TargetAnalysis } from './features.js';
import type { StanceLabel } from './types.js';
import { squash } from './squash.js';

export const LABELS: readonly StanceLabel[] = ['negative', 'neutral', 'positive'];

/** The committed model file (models/stance.json). */
export interface StanceModelData {
  format: 'stancewatch-hashed-lr';
  version: number;
  lexiconVersion: number;
  /** log2 of the number of feature buckets; must match the code's HASH_BITS. */
  bits: number;
  /** Non-zero buckets, ascending, delta-encoded (first value absolute). */
  ids: number[];
  /** Per listed bucket: weights for negative, neutral, positive (flat, 3 per bucket). */
  weights: number[];
  /** Decision-level combination with the attributed lexicon score (chosen by cross-validation). */
  fusion: Fusion;
  /** Hyper-parameters and figures of the training run, for the record. */
  training: Record<string, unknown>;
}

/**
 * Extra logits: `beta` times the squashed attributed lexicon mass, `gamma` times the squashed mass of the
 * target's own phrase/clause terms, `neutral` added to the neutral class.
 */
export interface Fusion {
  beta: number;
  gamma: number;
  neutral: number;
  /** Weight of the squashed mass of the terms bound to the target ("Beijing's peaceful rise"); 0 when absent. */
  delta?: number;
}

/** Attributed lexicon mass of a target: all, own and bound, each [negative, positive]. */
export type LexiconMass = readonly [number, number, number, number, number, number];

export const massOf = (a: TargetAnalysis['attribution']): LexiconMass =>
  [a.negative, a.positive, a.ownNegative, a.ownPositive, a.boundNegative, a.boundPositive];


/** Logits of the decision-level combination. */
export function fuse(z: readonly number[], m: LexiconMass, f: Fusion): [number, number, number] {
  return [
    (z[0] as number) + f.beta * squash(m[0]) + f.gamma * squash(m[2]) + (f.delta ?? 0) * squash(m[4]),
    (z[1] as number) + f.neutral,
    (z[2] as number) + f.beta * squash(m[1]) + f.gamma * squash(m[3]) + (f.delta ?? 0) * squash(m[5]),
  ];
}

export interface StanceModel {
  version: number;
  /** Dense weights, 3 per bucket. */
  weights: Float32Array;
  fusion: Fusion;
}

/** Dense weights from the packed form (`packWeights`). */
export function unpackWeights(bits: number, ids: readonly number[], packed: readonly number[], expected = HASH_BITS): Float32Array {
  if (bits !== expected) throw new Error(`model has ${bits} hash bits, code expects ${expected}: retrain`);
  const weights = new Float32Array((expected === HASH_BITS ? DIMENSION : 1 << expected) * 3);
  let bucketId = 0;
  ids.forEach((delta, k) => {
    bucketId += delta;
    for (let c = 0; c < 3; c++) weights[bucketId * 3 + c] = packed[k * 3 + c] as number;
  });
  return weights;
}

export function loadModel(data: StanceModelData): StanceModel {
  return { version: data.version, weights: unpackWeights(data.bits, data.ids, data.weights), fusion: data.fusion };
}

/** Sparse model data from dense weights: buckets whose rounded weights are all 0 are left out. */
export function packWeights(dense: Float64Array | Float32Array): { ids: number[]; weights: number[] } {
  const ids: number[] = [];
  const weights: number[] = [];
  const round = (v: number): number => Math.round(v * 1e3) / 1e3;
  let previous = 0;
  for (let j = 0; j < dense.length / 3; j++) {
    const w = [round(dense[j * 3] as number), round(dense[j * 3 + 1] as number), round(dense[j * 3 + 2] as number)];
    if (w.every((v) => v === 0)) continue;
    ids.push(j - previous);
    previous = j;
    weights.push(...w);
  }
  return { ids, weights };
}

export interface Prediction {
  label: StanceLabel;
  /** Class probabilities in LABELS order. */
  probs: [number, number, number];
  /** p(positive) - p(negative), in [-1, 1]. */
  score: number;
}

export function softmax(z: readonly number[]): [number, number, number] {
  const a = z[0] as number;
  const b = z[1] as number;
  const c = z[2] as number;
  const m = Math.max(a, b, c);
  const ea = Math.exp(a - m);
  const eb = Math.exp(b - m);
  const ec = Math.exp(c - m);
  const s = ea + eb + ec;
  return [ea / s, eb / s, ec / s];
}

export function logits(weights: Float32Array, f: FeatureVector, base?: readonly number[]): [number, number, number] {
  let neg = base?.[0] ?? 0;
  let neu = base?.[1] ?? 0;
  let pos = base?.[2] ?? 0;
  const n = sizeOf(f);
  for (let k = 0; k < n; k++) {
    const j = (f.ids[k] as number) * 3;
    const v = f.values[k] as number;
    neg += (weights[j] as number) * v;
    neu += (weights[j + 1] as number) * v;
    pos += (weights[j + 2] as number) * v;
  }
  return [neg, neu, pos];
}

/** A prediction as `fromProbs` builds it: a class, so that every one has one shape (they are kept per stance). */
class ModelPrediction implements Prediction {
  label: StanceLabel;
  probs: [number, number, number];
  score: number;
  constructor(label: StanceLabel, probs: [number, number, number], score: number) {
    this.label = label;
    this.probs = probs;
    this.score = score;
  }
}

export function fromProbs(probs: [number, number, number]): Prediction {
  let best = 0;
  for (let k = 1; k < 3; k++) if ((probs[k] as number) > (probs[best] as number)) best = k;
  return new ModelPrediction(LABELS[best] as StanceLabel, probs, probs[2] - probs[0]);
}

/** Logit margin given to neutral for a target only listed as an example with nothing said about it. */
const LISTED_MARGIN = 2;

/**
 * Model logits plus the decision-level lexicon term: the final stance of one target. A target that is only
 * listed as an example ("such as X and Y") and has no evaluative term of its own is neutral.
 */
export function decide(model: StanceModel, target: TargetAnalysis, base?: readonly number[]): Prediction {
  const a = target.attribution;
  const z = fuse(logits(model.weights, target.features, base), massOf(a), model.fusion);
  if (target.role.listed && a.terms.length === 0) z[1] = Math.max(z[0], z[2]) + LISTED_MARGIN;
  return fromProbs(softmax(z));
}
