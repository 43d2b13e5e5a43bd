// Shared lines counted per outlet pair: each line once for every pair of outlets that printed it.
import { describe, expect, it } from 'vitest';
import { findSharedPhrasing, phrasingByOutletPair } from '../../src/core/shared-phrasing.js';
import type { SharedPhrase } from '../../src/core/story-types.js';

const HOUR = 3_600_000;
const line = (outlets: string[]): SharedPhrase => ({
  text: 'a line', similarity: 1, occurrences: outlets.map((outlet, i) => ({ articleId: `${outlet}-${i}`, outlet, published: i * HOUR })),
});

describe('shared phrasing per outlet pair', () => {
  it('counts a line for each pair of the outlets that printed it, most lines first, names in order', () => {
    const pairs = phrasingByOutletPair([line(['TASS', 'RT', 'KCNA']), line(['RT', 'TASS']), line(['TASS', 'TASS', 'RT'])]);
    expect(pairs).toEqual([
      { outlets: ['RT', 'TASS'], lines: 3 },
      { outlets: ['KCNA', 'RT'], lines: 1 },
      { outlets: ['KCNA', 'TASS'], lines: 1 },
    ]);
    expect(phrasingByOutletPair([])).toEqual([]);
  });

  it('adds up over several stories when given the same map', () => {
    const totals = new Map();
    phrasingByOutletPair([line(['RT', 'TASS'])], totals);
    expect(phrasingByOutletPair([line(['TASS', 'RT']), line(['Xinhua', 'CGTN'])], totals)).toEqual([
      { outlets: ['RT', 'TASS'], lines: 2 },
      { outlets: ['CGTN', 'Xinhua'], lines: 1 },
    ]);
  });

  it('from real detection: a syndicated sentence in three outlets and a second one in two', () => {
    const a = 'The ministry said the joint naval exercise in the Sea of Japan would last five days and involve ten ships.';
    const b = 'Officials stressed that the drills were not directed against any third country and followed an annual plan.';
    const members = [
      { id: 'x1', outlet: 'Xinhua', published: 0, text: `${a} ${b}` },
      { id: 'c1', outlet: 'CGTN', published: HOUR, text: `${a} ${b}` },
      { id: 't1', outlet: 'TASS', published: 2 * HOUR, text: a },
    ];
    expect(phrasingByOutletPair(findSharedPhrasing(members))).toEqual([
      { outlets: ['CGTN', 'Xinhua'], lines: 2 },
      { outlets: ['CGTN', 'TASS'], lines: 1 },
      { outlets: ['TASS', 'Xinhua'], lines: 1 },
    ]);
  });
});
