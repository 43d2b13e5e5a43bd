// How `eval --indomain` decides that a predicted speaker names the gold one: a shared name word. Names of two
// letters count ("Xi", "Wu"); honorifics and the two-letter abbreviations of states and blocs do not.
import { describe, expect, it } from 'vitest';
import { sameSpeaker } from '../../src/eval/indomain.js';

describe('sameSpeaker', () => {
  it.each([
    ['Xi Jinping', 'Xi'],
    ['Wu Jianghao', 'Wu'],
    ['Dmitry Peskov', 'Kremlin spokesman Dmitry Peskov'],
    ['Chinese Foreign Ministry', "China's foreign ministry"],
  ])('%s is named by "%s"', (gold, predicted) => {
    expect(sameSpeaker(gold, predicted)).toBe(true);
  });

  it.each([
    ['Stephen Kinnock', 'Mr Kelin'],
    ['US State Department', 'US President Donald Trump'],
    ['EU foreign policy chief', 'EU Commission'],
    ['Jens Stoltenberg', 'the alliance'],
  ])('%s is not named by "%s"', (gold, predicted) => {
    expect(sameSpeaker(gold, predicted)).toBe(false);
  });

  it('two unnamed speakers are the same; an unnamed gold speaker matches a predicted description without a name', () => {
    expect(sameSpeaker('unnamed', 'unnamed')).toBe(true);
    expect(sameSpeaker('unnamed', 'sources')).toBe(true);
    expect(sameSpeaker('unnamed', 'Wang Yi')).toBe(false);
  });
});
