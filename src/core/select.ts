// Hyper-parameter selection by k-fold cross-validation on the training data (folds by sentence). Pure.
import { classReport } from './metrics.js';
import { LABELS, loadModel, predict } from './model.js';
import { prng, trainModel, type Example, type TrainOptions } from './train.js';
import type { StanceLabel } from './types.js';

export interface GridResult {
  options: TrainOptions;
  /** Mean macro-F1 over the folds. */
  macroF1: number;
}

/** Macro-F1 of a weight table on examples. */
export function evaluateWeights(weights: Record<string, [number, number, number]>, examples: Example[]): number {
  const model = loadModel({ format: 'stancewatch-lr', version: 0, lexiconVersion: 0, weights, training: {} });
  return classReport(
    examples.map((e) => ({ gold: LABELS[e.label] as StanceLabel, predicted: predict(model, e.features).label })),
  ).macroF1;
}

/** Cross-validates every option set; `groups` holds the examples of one sentence together. */
export function crossValidate(groups: Example[][], grid: TrainOptions[], folds: number, seed: number): GridResult[] {
  const random = prng(seed);
  const fold = groups.map(() => Math.floor(random() * folds));
  return grid.map((options) => {
    let sum = 0;
    for (let f = 0; f < folds; f++) {
      const train = groups.filter((_, i) => fold[i] !== f).flat();
      const test = groups.filter((_, i) => fold[i] === f).flat();
      sum += evaluateWeights(trainModel(train, options), test);
    }
    return { options, macroF1: sum / folds };
  });
}
