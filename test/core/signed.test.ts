import { describe, expect, it } from 'vitest';
import { signed } from '../../src/core/signed.js';
import { signed as signedInViews } from '../../src/discord/views/format.js';

describe('signed: the one signed-number formatter', () => {
  it('plus on positives, a true minus on negatives, no sign when it rounds to zero', () => {
    expect([signed(0.5), signed(-0.125), signed(-0.001), signed(0), signed(0.004)]).toEqual(['+0.50', '−0.13', '0.00', '0.00', '0.00']);
    expect([signed(1.234, 1), signed(-2, 0)]).toEqual(['+1.2', '−2']);
  });

  it('the Discord views use the same function', () => {
    expect(signedInViews).toBe(signed);
  });
});
