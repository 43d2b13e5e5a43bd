// The squashing of lexicon masses and scores into features: tanh(x / 4). Pure.

/**
 * tanh(x / 4), into (-1, 1). Zero (most masses of most targets) skips the call: tanh of ±0 is that very zero, and
 * Math.tanh was a visible part of a target's features.
 */
export const squash = (x: number): number => (x === 0 ? x : Math.tanh(x / 4));
