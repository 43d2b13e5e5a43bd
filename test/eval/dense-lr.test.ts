// The dense heads' trainer (src/eval/dense-lr.ts): out-of-fold probabilities come from heads that never saw the
// example's group (article), which is what keeps the stacked heads (context, article) honest.
import { describe, expect, it } from 'vitest';
import { crossValidateDense, outOfFoldProbs, trainDense, type DenseExample } from '../../src/eval/dense-lr.js';
import { densePrediction } from '../../src/core/author.js';

/** Ten groups; each has a feature of its own (one-hot after the bias) and one label, cycling through the classes. */
function memorisable(): DenseExample[] {
  const out: DenseExample[] = [];
  for (let g = 0; g < 10; g++) {
    for (let k = 0; k < 4; k++) {
      const x = new Float64Array(11);
      x[0] = 1;
      x[1 + g] = 1;
      out.push({ x, y: g % 3, group: `a${g}` });
    }
  }
  return out;
}

describe('outOfFoldProbs', () => {
  it('gives every example probabilities from a head trained without its group', () => {
    const examples = memorisable();
    const inSample = trainDense(examples, 1e-3);
    const oof = outOfFoldProbs(examples, 1e-3, 5);
    examples.forEach((e, i) => {
      // Trained on all groups, the group's own feature gives its label away; out of fold that feature was never seen.
      expect(densePrediction(inSample, e.x).probs[e.y]).toBeGreaterThan(0.8);
      expect(oof[i]?.[e.y]).toBeLessThan(0.5);
    });
  });

  it('leaves an example without probabilities when its fold has nothing to train on', () => {
    const one = memorisable().filter((e) => e.group === 'a0');
    expect(outOfFoldProbs(one, 1e-3, 5).every((p) => p === undefined)).toBe(true);
  });

  it('crossValidateDense scores those probabilities', () => {
    const examples = memorisable();
    expect(crossValidateDense(examples, 1e-3, 5)).toBeLessThan(0.5);
    const separable = examples.map((e) => ({ ...e, x: Float64Array.from([1, e.y === 0 ? 1 : 0, e.y === 2 ? 1 : 0]) }));
    expect(crossValidateDense(separable, 1e-3, 5)).toBe(1);
  });
});
