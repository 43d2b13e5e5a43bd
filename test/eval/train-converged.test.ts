// The hashed logistic regression solved to convergence (src/eval/train-converged.ts): one minimiser, whatever the
// order of the examples, where SGD stopped after a few epochs gave a different model for every order.
import { describe, expect, it } from 'vitest';
import { logits } from '../../src/core/model.js';
import { prng, trainModel, type Example } from '../../src/eval/train.js';
import { trainConverged } from '../../src/eval/train-converged.js';

/** Noisy data: feature 1 + label says the label four times in five, feature 20 + g is an article's own word. */
function examples(): Example[] {
  const random = prng(7);
  const out: Example[] = [];
  for (let i = 0; i < 300; i++) {
    const label = i % 3;
    const shown = random() < 0.8 ? label : (label + 1) % 3;
    out.push({ features: { ids: [0, 1 + shown, 20 + (i % 40)], values: [1, 1, 0.5] }, label, lexicon: [0, 0, 0, 0, 0, 0] });
  }
  return out;
}

const shuffled = <T>(items: T[], seed: number): T[] => {
  const random = prng(seed);
  return items.map((x) => [random(), x] as const).sort((a, b) => a[0] - b[0]).map(([, x]) => x);
};

const distance = (a: Float64Array, b: Float64Array): number => Math.sqrt(a.reduce((s, v, i) => s + (v - (b[i] as number)) ** 2, 0));

describe('trainConverged', () => {
  const options = { l2: 1e-3, minCount: 1, classWeightPower: 0.5 };
  const base = trainConverged(examples(), options);

  it('gives the same model for every order of the examples', () => {
    for (const seed of [1, 2, 3]) expect(distance(trainConverged(shuffled(examples(), seed), options), base)).toBeLessThan(1e-4);
  });

  it('where twelve epochs of SGD give models that differ with the order', () => {
    const sgd = (seed: number): Float64Array => trainModel(examples(), { ...options, epochs: 12, learningRate: 0.1, seed });
    expect(distance(sgd(1), sgd(2))).toBeGreaterThan(100 * distance(trainConverged(shuffled(examples(), 1), options), base));
  });

  it('learns the signal and leaves the buckets below minCount at zero', () => {
    const w = Float32Array.from(base);
    for (let label = 0; label < 3; label++) {
      const z = logits(w, { ids: [0, 1 + label], values: [1, 1] });
      expect(z.indexOf(Math.max(...z))).toBe(label);
    }
    const pruned = trainConverged([...examples(), { features: { ids: [0, 99], values: [1, 1] }, label: 0, lexicon: [0, 0, 0, 0, 0, 0] }], { ...options, minCount: 2 });
    expect([...pruned.slice(99 * 3, 99 * 3 + 3)]).toEqual([0, 0, 0]);
  });

  it('a stronger l2 gives smaller weights', () => {
    const norm = (w: Float64Array): number => Math.sqrt(w.reduce((s, v) => s + v * v, 0));
    expect(norm(trainConverged(examples(), { ...options, l2: 1e-1 }))).toBeLessThan(norm(base));
  });
});
