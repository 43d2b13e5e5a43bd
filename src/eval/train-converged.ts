// The hashed logistic regression of train.ts solved to convergence (L-BFGS, lbfgs.ts) instead of by a few epochs
// of SGD: the same objective (class-weighted mean log loss + l2/2 |w|^2) and vocabulary rule, but one minimiser,
// so the model no longer depends on the order the examples were seen in. Pure and deterministic.
import { DIMENSION } from '../core/feature-hash.js';
import { softmax } from '../core/model.js';
import { minimise } from './lbfgs.js';
import { classWeights, vocabulary, type Example, type TrainOptions } from './train.js';

/** An example over the compact index of the buckets kept. */
interface Row {
  ids: Int32Array;
  values: Float64Array;
  label: number;
  weight: number;
}

export type ConvergedOptions = Pick<TrainOptions, 'l2' | 'minCount' | 'classWeightPower'>;

/** Far above what the author model needs (40-150 iterations to a largest gradient component below 1e-7). */
const MAX_ITERATIONS = 2000;

/** Dense weights, 3 per feature bucket (buckets seen fewer than `minCount` times stay 0). */
export function trainConverged(examples: Example[], o: ConvergedOptions): Float64Array {
  const keep = vocabulary(examples, o.minCount);
  const compact = new Int32Array(DIMENSION).fill(-1);
  const buckets: number[] = [];
  for (let j = 0; j < DIMENSION; j++) if (keep[j] === 1) compact[j] = buckets.push(j) - 1;
  const cw = classWeights(examples, o.classWeightPower);
  const rows: Row[] = examples.map((e) => {
    const ids: number[] = [];
    const values: number[] = [];
    e.features.ids.forEach((j, k) => {
      const c = compact[j] as number;
      if (c < 0) return;
      ids.push(c);
      values.push(e.features.values[k] as number);
    });
    return { ids: Int32Array.from(ids), values: Float64Array.from(values), label: e.label, weight: cw[e.label] as number };
  });
  const n = rows.length || 1;
  const objective = (w: Float64Array, grad: Float64Array): number => {
    let loss = 0;
    for (let i = 0; i < w.length; i++) grad[i] = o.l2 * (w[i] as number);
    for (const r of rows) {
      const z = [0, 0, 0];
      for (let k = 0; k < r.ids.length; k++) {
        const j = (r.ids[k] as number) * 3;
        const v = r.values[k] as number;
        for (let c = 0; c < 3; c++) z[c] = (z[c] as number) + (w[j + c] as number) * v;
      }
      const p = softmax(z);
      loss -= (r.weight * Math.log(Math.max(p[r.label] as number, 1e-300))) / n;
      for (let k = 0; k < r.ids.length; k++) {
        const j = (r.ids[k] as number) * 3;
        const v = r.values[k] as number;
        for (let c = 0; c < 3; c++) grad[j + c] = (grad[j + c] as number) + (r.weight * ((p[c] as number) - (c === r.label ? 1 : 0)) * v) / n;
      }
    }
    let norm = 0;
    for (let i = 0; i < w.length; i++) norm += (w[i] as number) ** 2;
    return loss + (o.l2 / 2) * norm;
  };
  const { w } = minimise(objective, new Float64Array(buckets.length * 3), { maxIterations: MAX_ITERATIONS });
  const out = new Float64Array(DIMENSION * 3);
  buckets.forEach((j, c) => {
    for (let k = 0; k < 3; k++) out[j * 3 + k] = w[c * 3 + k] as number;
  });
  return out;
}
