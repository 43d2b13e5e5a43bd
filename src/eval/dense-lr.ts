// Multinomial logistic regression over a few dense features: full-batch gradient descent, class-weighted, L2
// (bias unpenalised). Deterministic: no shuffling, no randomness. Used for the author and voice heads.
import { classReport } from './scores.js';
import { densePrediction } from '../core/author.js';
import { fromProbs, LABELS, softmax } from '../core/model.js';
import type { StanceLabel } from '../core/types.js';

export interface DenseExample {
  x: Float64Array;
  /** 0 negative, 1 neutral, 2 positive. */
  y: number;
  /** Examples of one article share a group (cross-validation folds by article). */
  group: string;
}

/** Inverse class frequency, so that macro-F1 is what the loss cares about. */
function classWeights(examples: DenseExample[]): number[] {
  const n = [0, 0, 0];
  for (const e of examples) n[e.y] = (n[e.y] as number) + 1;
  return n.map((c) => (c === 0 ? 0 : Math.sqrt(examples.length / (3 * c))));
}

/** Class-major weights (3 x features) minimising the weighted log loss + l2/2 |w|^2. */
export function trainDense(examples: DenseExample[], l2: number, iterations = 600, rate = 0.5): number[] {
  const d = examples[0]?.x.length ?? 0;
  const w = new Float64Array(3 * d);
  const cw = classWeights(examples);
  const total = examples.reduce((a, e) => a + (cw[e.y] as number), 0) || 1;
  const grad = new Float64Array(3 * d);
  for (let it = 0; it < iterations; it++) {
    grad.fill(0);
    for (const e of examples) {
      const z = [0, 1, 2].map((c) => {
        let s = 0;
        for (let k = 0; k < d; k++) s += (w[c * d + k] as number) * (e.x[k] as number);
        return s;
      });
      const p = softmax(z);
      const weight = (cw[e.y] as number) / total;
      for (let c = 0; c < 3; c++) {
        const g = weight * ((p[c] as number) - (c === e.y ? 1 : 0));
        for (let k = 0; k < d; k++) grad[c * d + k] = (grad[c * d + k] as number) + g * (e.x[k] as number);
      }
    }
    const step = rate / Math.sqrt(1 + it / 50);
    for (let j = 0; j < w.length; j++) {
      const penalty = j % d === 0 ? 0 : l2 * (w[j] as number);
      w[j] = (w[j] as number) - step * ((grad[j] as number) + penalty);
    }
  }
  return [...w].map((v) => Math.round(v * 1e4) / 1e4);
}

const denseProbs = (w: readonly number[], x: Float64Array): [number, number, number] => densePrediction(w, x).probs;

export const predictDense = (w: readonly number[], x: Float64Array): StanceLabel => densePrediction(w, x).label;

/**
 * Out-of-fold probabilities with folds by group (articles are never split across folds): each example's come from
 * a head trained on the other folds (none when a fold has nothing to train on or to test).
 */
export function outOfFoldProbs(examples: DenseExample[], l2: number, folds: number): Array<[number, number, number] | undefined> {
  const groups = [...new Set(examples.map((e) => e.group))].sort();
  const foldOf = new Map(groups.map((g, i) => [g, i % folds]));
  const out = new Array<[number, number, number] | undefined>(examples.length).fill(undefined);
  for (let f = 0; f < folds; f++) {
    const train = examples.filter((e) => foldOf.get(e.group) !== f);
    if (train.length === 0) continue;
    const w = trainDense(train, l2);
    examples.forEach((e, i) => {
      if (foldOf.get(e.group) === f) out[i] = denseProbs(w, e.x);
    });
  }
  return out;
}

/** Out-of-fold macro-F1 with folds by group (see `outOfFoldProbs`). */
export function crossValidateDense(examples: DenseExample[], l2: number, folds: number): number {
  const pairs: Array<{ gold: StanceLabel; predicted: StanceLabel }> = [];
  outOfFoldProbs(examples, l2, folds).forEach((p, i) => {
    if (p) pairs.push({ gold: LABELS[(examples[i] as DenseExample).y] as StanceLabel, predicted: fromProbs(p).label });
  });
  return classReport(pairs).macroF1;
}
