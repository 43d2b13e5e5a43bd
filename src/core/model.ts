// Multinomial logistic regression over sparse named features: inference. Pure.
import type { StanceLabel } from './types.js';
import type { FeatureVector } from './features.js';

export const LABELS: readonly StanceLabel[] = ['negative', 'neutral', 'positive'];

/** The committed model file (models/stance.json). */
export interface StanceModelData {
  format: 'stancewatch-lr';
  version: number;
  lexiconVersion: number;
  /** Per feature: weights for negative, neutral, positive. */
  weights: Record<string, [number, number, number]>;
  /** Hyper-parameters and figures of the training run, for the record. */
  training: Record<string, unknown>;
}

export interface StanceModel {
  version: number;
  weights: Map<string, readonly number[]>;
}

export const loadModel = (data: StanceModelData): StanceModel => ({
  version: data.version,
  weights: new Map(Object.entries(data.weights)),
});

export interface Prediction {
  label: StanceLabel;
  /** Class probabilities in LABELS order. */
  probs: [number, number, number];
  /** p(positive) - p(negative), in [-1, 1]. */
  score: number;
}

export function softmax(z: number[]): [number, number, number] {
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return [(e[0] as number) / s, (e[1] as number) / s, (e[2] as number) / s];
}

export function logits(weights: Map<string, readonly number[]>, features: FeatureVector): number[] {
  let neg = 0;
  let neu = 0;
  let pos = 0;
  for (const [name, value] of features) {
    const w = weights.get(name);
    if (!w) continue;
    neg += (w[0] as number) * value;
    neu += (w[1] as number) * value;
    pos += (w[2] as number) * value;
  }
  return [neg, neu, pos];
}

/** Prediction from features, optionally on top of logits computed once for features shared by many targets. */
export function predict(model: StanceModel, features: FeatureVector, base?: number[]): Prediction {
  const z = logits(model.weights, features);
  const probs = softmax(base ? z.map((v, k) => v + (base[k] as number)) : z);
  let best = 0;
  for (let k = 1; k < 3; k++) if ((probs[k] as number) > (probs[best] as number)) best = k;
  return { label: LABELS[best] as StanceLabel, probs, score: probs[2] - probs[0] };
}
