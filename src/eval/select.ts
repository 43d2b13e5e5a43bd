// Hyper-parameter selection by k-fold cross-validation on the training data (folds by sentence). Pure.
import { classReport } from './scores.js';
import { fromProbs, fuse, LABELS, logits, softmax, type Fusion } from '../core/model.js';
import { prng, trainModel, type Example, type TrainOptions } from './train.js';
import type { StanceLabel } from '../core/types.js';

export interface GridResult {
  options: TrainOptions;
  /** Macro-F1 of the out-of-fold predictions. */
  macroF1: number;
  /** Out-of-fold model logits of every example, in the order of `groups.flat()`. */
  outOfFold: Array<[number, number, number]>;
}

/** Macro-F1 of logits (plus a decision-level fusion) against the examples' labels. */
export function fusedMacroF1(examples: Example[], z: Array<[number, number, number]>, fusion: Fusion): number {
  return classReport(
    examples.map((e, i) => {
      const probs = softmax(fuse(z[i] as [number, number, number], e.lexicon, fusion));
      return { gold: LABELS[e.label] as StanceLabel, predicted: fromProbs(probs).label };
    }),
  ).macroF1;
}

/**
 * Cross-validates every option set; `groups` holds the examples of one sentence together. `extra` examples are
 * added to every fold's training part and never held out (the figures stay those of `groups`).
 */
export function crossValidate(groups: Example[][], grid: TrainOptions[], folds: number, seed: number, extra: Example[] = []): GridResult[] {
  const random = prng(seed);
  const fold = groups.map(() => Math.floor(random() * folds));
  const flat = groups.flat();
  const foldOf = groups.flatMap((g, i) => g.map(() => fold[i] as number));
  return grid.map((options) => {
    const outOfFold: Array<[number, number, number]> = flat.map(() => [0, 0, 0]);
    for (let f = 0; f < folds; f++) {
      const weights = Float32Array.from(trainModel([...flat.filter((_, i) => foldOf[i] !== f), ...extra], options));
      flat.forEach((e, i) => {
        if (foldOf[i] === f) outOfFold[i] = logits(weights, e.features);
      });
    }
    return { options, outOfFold, macroF1: fusedMacroF1(flat, outOfFold, NO_FUSION) };
  });
}

const NO_FUSION: Fusion = { beta: 0, gamma: 0, neutral: 0 };
const BETAS = [0, 0.5, 1, 1.5, 2, 3, 4];
const NEUTRAL = [-0.5, -0.25, 0, 0.25, 0.5];

/** The fusion with the best out-of-fold macro-F1 (ties: the smaller change). */
export function selectFusion(examples: Example[], outOfFold: Array<[number, number, number]>): { fusion: Fusion; macroF1: number } {
  let best = { fusion: NO_FUSION, macroF1: fusedMacroF1(examples, outOfFold, NO_FUSION) };
  for (const beta of BETAS) {
    for (const gamma of BETAS) {
      for (const delta of BETAS) {
        for (const neutral of NEUTRAL) {
          const macroF1 = fusedMacroF1(examples, outOfFold, { beta, gamma, neutral, delta });
          if (macroF1 > best.macroF1 + 1e-9) best = { fusion: { beta, gamma, neutral, delta }, macroF1 };
        }
      }
    }
  }
  return best;
}
