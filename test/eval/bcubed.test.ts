// B-cubed precision/recall/F1 (Bagga & Baldwin 1998) on hand-computed clusterings.
import { describe, expect, it } from 'vitest';
import { bcubed } from '../../src/eval/bcubed.js';

const map = <V>(entries: Record<string, V>): Map<string, V> => new Map(Object.entries(entries));

describe('bcubed', () => {
  it('is 1/1/1 for a perfect clustering', () => {
    const gold = map({ a: 'x', b: 'x', c: 'y' });
    expect(bcubed(gold, map({ a: '1', b: '1', c: '2' }))).toMatchObject({ precision: 1, recall: 1, f1: 1, goldClasses: 2, predictedClusters: 2 });
  });

  it('matches the hand-computed values of one merged cluster', () => {
    // gold {a,b} {c}; predicted {a,b,c}: precision (2/3+2/3+1/3)/3 = 5/9, recall 1.
    const r = bcubed(map({ a: 'x', b: 'x', c: 'y' }), map({ a: '1', b: '1', c: '1' }));
    expect(r.precision).toBeCloseTo(5 / 9, 10);
    expect(r.recall).toBe(1);
    expect(r.f1).toBeCloseTo((2 * (5 / 9)) / (5 / 9 + 1), 10);
  });

  it('matches the hand-computed values of all singletons', () => {
    // gold {a,b,c,d}; predicted four singletons: precision 1, recall 1/4.
    const r = bcubed(map({ a: 'x', b: 'x', c: 'x', d: 'x' }), map({ a: 'a', b: 'b', c: 'c', d: 'd' }));
    expect(r).toMatchObject({ precision: 1, recall: 0.25, items: 4, goldClasses: 1, predictedClusters: 4 });
    expect(r.f1).toBeCloseTo(0.4, 10);
  });

  it('treats a null gold class as a class of its own and a missing prediction as a singleton', () => {
    const r = bcubed(map<string | null>({ a: null, b: null, c: 'x' }), map({ a: '1', b: '1' }));
    // a,b wrongly together (precision 1/2 each), c alone and right: precision (0.5+0.5+1)/3, recall 1.
    expect(r.precision).toBeCloseTo(2 / 3, 10);
    expect(r.recall).toBe(1);
    expect(r.goldClasses).toBe(3);
  });
});
