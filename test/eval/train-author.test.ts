// The author model's training (src/eval/train-author.ts): the mean of the two option sets that cross-validate best,
// so which of two near-equal strengths wins no longer decides the model.
import { describe, expect, it } from 'vitest';
import { logits, softmax } from '../../src/core/model.js';
import type { Example } from '../../src/eval/train.js';
import { authorEnsemble } from '../../src/eval/train-author.js';

/** Twenty groups of six examples; feature 1 + label says the label, a group feature says nothing. */
function examples(): Array<Example & { group: string }> {
  const out: Array<Example & { group: string }> = [];
  for (let g = 0; g < 20; g++) {
    for (let k = 0; k < 6; k++) {
      const label = (g + k) % 3;
      out.push({ features: { ids: [0, 1 + label, 10 + g], values: [1, 1, 1] }, label, lexicon: [0, 0, 0, 0, 0, 0], group: `a${g}` });
    }
  }
  return out;
}

describe('authorEnsemble', () => {
  const report: string[] = [];
  const result = authorEnsemble(examples(), 5, report);

  it('averages the two option sets with the best out-of-fold macro-F1, and says which', () => {
    expect(result.options).toHaveLength(2);
    expect(report.filter((l) => l.startsWith('author model cv'))).toHaveLength(8);
    expect(report.at(-1)).toMatch(/^author model: the mean of l2=\S+ class weights\^\S+ and l2=\S+ class weights\^\S+, out of fold /);
  });

  it('learns the labels, and its out-of-fold scores are probabilities that name them', () => {
    const w = Float32Array.from(result.weights);
    examples().forEach((e, i) => {
      expect(softmax(logits(w, e.features)).indexOf(Math.max(...softmax(logits(w, e.features))))).toBe(e.label);
      const p = result.scores[i] as [number, number, number];
      expect(p[0] + p[1] + p[2]).toBeCloseTo(1, 6);
      expect(p.indexOf(Math.max(...p))).toBe(e.label);
    });
  });
});
