// Training of the stance model: multinomial logistic regression, SGD with decaying rate, L2, deterministic. Pure.
import type { FeatureVector } from './features.js';
import { softmax } from './model.js';

export interface Example {
  features: FeatureVector;
  /** 0 negative, 1 neutral, 2 positive. */
  label: number;
}

export interface TrainOptions {
  epochs: number;
  learningRate: number;
  /** L2 penalty per example (objective: mean loss + l2/2 |w|^2). */
  l2: number;
  /** Features seen in fewer training examples are dropped. */
  minCount: number;
  seed: number;
}

/** mulberry32: small deterministic PRNG for the shuffles. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

function vocabulary(examples: Example[], minCount: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of examples) for (const name of e.features.keys()) counts.set(name, (counts.get(name) ?? 0) + 1);
  const vocab = new Map<string, number>();
  for (const [name, n] of [...counts].sort(([a], [b]) => (a < b ? -1 : 1))) if (n >= minCount) vocab.set(name, vocab.size);
  return vocab;
}

/** Inverse class frequency, so that macro-F1 is what the loss cares about. */
function classWeights(examples: Example[]): number[] {
  const n = [0, 0, 0];
  for (const e of examples) n[e.label] = (n[e.label] as number) + 1;
  return n.map((c) => (c === 0 ? 0 : examples.length / (3 * c)));
}

type Sparse = Array<[number, number]>;

/** Weights kept as `raw * scale`, so that L2 decay of every weight costs O(1) per step. */
interface Weights {
  raw: Float64Array;
  scale: number;
}

function step(w: Weights, x: Sparse, label: number, weight: number, rate: number, l2: number): void {
  const z = [0, 0, 0];
  for (const [j, v] of x) for (let k = 0; k < 3; k++) z[k] = (z[k] as number) + (w.raw[j * 3 + k] as number) * w.scale * v;
  const p = softmax(z);
  w.scale *= 1 - rate * l2;
  for (const [j, v] of x) {
    for (let k = 0; k < 3; k++) {
      const grad = weight * ((p[k] as number) - (k === label ? 1 : 0)) * v;
      w.raw[j * 3 + k] = (w.raw[j * 3 + k] as number) - (rate * grad) / w.scale;
    }
  }
  if (w.scale < 1e-6) {
    for (let i = 0; i < w.raw.length; i++) w.raw[i] = (w.raw[i] as number) * w.scale;
    w.scale = 1;
  }
}

/** Returns rounded per-feature weights; features whose weights all round to 0 are left out. */
export function trainModel(examples: Example[], o: TrainOptions): Record<string, [number, number, number]> {
  const vocab = vocabulary(examples, o.minCount);
  const rows = examples.map((e) => ({
    x: [...e.features].flatMap(([name, v]): Sparse => (vocab.has(name) ? [[vocab.get(name) as number, v]] : [])),
    label: e.label,
  }));
  const cw = classWeights(examples);
  const w: Weights = { raw: new Float64Array(vocab.size * 3), scale: 1 };
  const random = prng(o.seed);
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    const rate = o.learningRate / (1 + epoch);
    for (const row of shuffle(rows, random)) step(w, row.x, row.label, cw[row.label] as number, rate, o.l2);
  }
  const out: Record<string, [number, number, number]> = {};
  const round = (v: number): number => Math.round(v * 1e4) / 1e4;
  for (const [name, j] of vocab) {
    const at = (k: number): number => round((w.raw[j * 3 + k] as number) * w.scale);
    const ws: [number, number, number] = [at(0), at(1), at(2)];
    if (ws.some((v) => v !== 0)) out[name] = ws;
  }
  return out;
}
