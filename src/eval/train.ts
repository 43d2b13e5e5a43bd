// Training of the stance model: multinomial logistic regression, SGD with decaying rate, L2, deterministic. Pure.
import { DIMENSION, type FeatureVector } from '../core/feature-hash.js';
import { softmax, type LexiconMass } from '../core/model.js';
import { mulberry32 } from './prng.js';

export interface Example {
  features: FeatureVector;
  /** 0 negative, 1 neutral, 2 positive. */
  label: number;
  /** Attributed lexicon mass: negative, positive, own negative, own positive (decision-level combination). */
  lexicon: LexiconMass;
}

export interface TrainOptions {
  epochs: number;
  learningRate: number;
  /** L2 penalty per example (objective: mean loss + l2/2 |w|^2). */
  l2: number;
  /** Features seen in fewer training examples are dropped. */
  minCount: number;
  seed: number;
  /** Class weights are (inverse class frequency)^power: 1 (the default) balances the classes fully. */
  classWeightPower?: number;
}

/** Deterministic shuffles (see prng.ts). */
export const prng = mulberry32;

function shuffle<T>(items: T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** Buckets seen in at least `minCount` examples. */
export function vocabulary(examples: Example[], minCount: number): Uint8Array {
  const counts = new Uint16Array(DIMENSION);
  for (const e of examples) for (const j of new Set(e.features.ids)) counts[j] = Math.min(65535, (counts[j] as number) + 1);
  const keep = new Uint8Array(DIMENSION);
  for (let j = 0; j < DIMENSION; j++) keep[j] = (counts[j] as number) >= minCount ? 1 : 0;
  return keep;
}

/** Inverse class frequency, so that macro-F1 is what the loss cares about. */
export function classWeights(examples: Example[], power = 1): number[] {
  const n = [0, 0, 0];
  for (const e of examples) n[e.label] = (n[e.label] as number) + 1;
  return n.map((c) => (c === 0 ? 0 : (examples.length / (3 * c)) ** power));
}

interface Row {
  ids: number[];
  values: number[];
  label: number;
}

/** Weights kept as `raw * scale`, so that L2 decay of every weight costs O(1) per step. */
interface Weights {
  raw: Float64Array;
  scale: number;
}

function step(w: Weights, x: Row, weight: number, rate: number, l2: number): void {
  const z = [0, 0, 0];
  for (let k = 0; k < x.ids.length; k++) {
    const j = (x.ids[k] as number) * 3;
    const v = (x.values[k] as number) * w.scale;
    for (let c = 0; c < 3; c++) z[c] = (z[c] as number) + (w.raw[j + c] as number) * v;
  }
  const p = softmax(z);
  w.scale *= 1 - rate * l2;
  for (let k = 0; k < x.ids.length; k++) {
    const j = (x.ids[k] as number) * 3;
    const v = x.values[k] as number;
    for (let c = 0; c < 3; c++) {
      const grad = weight * ((p[c] as number) - (c === x.label ? 1 : 0)) * v;
      w.raw[j + c] = (w.raw[j + c] as number) - (rate * grad) / w.scale;
    }
  }
  if (w.scale < 1e-6) {
    for (let i = 0; i < w.raw.length; i++) w.raw[i] = (w.raw[i] as number) * w.scale;
    w.scale = 1;
  }
}

/** Dense weights, 3 per feature bucket (buckets seen fewer than `minCount` times stay 0). */
export function trainModel(examples: Example[], o: TrainOptions): Float64Array {
  const keep = vocabulary(examples, o.minCount);
  const rows: Row[] = examples.map((e) => {
    const row: Row = { ids: [], values: [], label: e.label };
    e.features.ids.forEach((j, k) => {
      if (keep[j] === 0) return;
      row.ids.push(j);
      row.values.push(e.features.values[k] as number);
    });
    return row;
  });
  const cw = classWeights(examples, o.classWeightPower);
  const w: Weights = { raw: new Float64Array(DIMENSION * 3), scale: 1 };
  const random = prng(o.seed);
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    const rate = o.learningRate / (1 + epoch);
    for (const row of shuffle(rows, random)) step(w, row, cw[row.label] as number, rate, o.l2);
  }
  return w.raw.map((v) => v * w.scale);
}
