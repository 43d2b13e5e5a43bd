// The author model's judgement-word class: praise, role nouns and state-media vocabulary (the author lexicon's
// own terms and the framing lexicon) given to the target in its own clause count as a class, so a judgement word
// seen once or never in training still weighs as one. General lexicon words (AFINN: "problems", "crisis") and
// reported words do not. Sentences are written for these tests (guideline rule 1: the author's own evaluative words).
import { describe, expect, it } from 'vitest';
import { createAnalyser } from '../../src/core/analyse.js';
import { AUTHOR_BITS } from '../../src/core/author-vector.js';
import { named } from '../../src/core/feature-hash.js';
import { loadAnalyserResources } from '../../src/resources.js';

const analyser = createAnalyser(loadAnalyserResources(), { keepAuthorFeatures: true });
const MASK = (1 << AUTHOR_BITS) - 1;
const JUDGE_NEG = named('a:judge_neg') & MASK;
const JUDGE_POS = named('a:judge_pos') & MASK;

/** The judgement-class features of the actor's first stance in the text: [negative, positive] values (0 when absent). */
function judgement(text: string, actor: string): [number, number] {
  const stance = analyser.stances({ text }).find((s) => s.actor === actor);
  if (!stance) throw new Error(`no stance on ${actor} in: ${text}`);
  const value = (id: number): number => {
    const k = stance.authorFeatures.ids.indexOf(id);
    return k < 0 ? 0 : (stance.authorFeatures.values[k] as number);
  };
  return [value(JUDGE_NEG), value(JUDGE_POS)];
}

describe('judgement words as a class (author model features)', () => {
  it.each([
    ['a role noun', 'Tokyo has chosen to act as a troublemaker in the region.', 'Japan'],
    ['state-media vocabulary', "Washington's hegemony is plain for all to see.", 'United States'],
    ['an inflection the lexicon now has', 'The dictators in Pyongyang keep testing missiles.', 'North Korea'],
  ])('%s given to the target counts as a negative judgement', (_kind, text, actor) => {
    const [neg, pos] = judgement(text, actor);
    expect(neg).toBeGreaterThan(0);
    expect(pos).toBe(0);
  });

  it.each([
    ['contempt for conduct ("petty")', 'They have resisted the petty actions taken by Washington in this regard.', 'United States', -1],
    ['a hyphenated word ("ill-conceived")', "Brussels's ill-conceived sanctions have hurt its own industry.", 'European Union', -1],
    ['"pandering" and "a shakedown"', "Mr Trump's shakedown of Europe and pandering to Moscow have cast doubt on the alliance.", 'Donald Trump', -1],
    ['praise of conduct ("even-handed")', "Beijing's judicious and even-handed diplomacy has won respect.", 'China', 1],
  ])('version 10 of the author lexicon: %s is a judgement word', (_kind, text, actor, sign) => {
    const [neg, pos] = judgement(text, actor);
    expect(sign < 0 ? neg : pos).toBeGreaterThan(0);
    expect(sign < 0 ? pos : neg).toBe(0);
  });

  it('a praise word counts as a positive judgement', () => {
    const [neg, pos] = judgement("Beijing's commendable restraint has calmed the region.", 'China');
    expect(pos).toBeGreaterThan(0);
    expect(neg).toBe(0);
  });

  it('a general lexicon word ("problems") is no judgement word', () => {
    expect(judgement("Washington's problems are plain for all to see.", 'United States')).toEqual([0, 0]);
  });

  it('a judgement word inside reported speech is the speaker\'s, not the author\'s', () => {
    expect(judgement("Lavrov said Washington's hegemony is plain for all to see.", 'United States')).toEqual([0, 0]);
  });

  it('a stronger judgement weighs more (squashed mass)', () => {
    const [one] = judgement('Tokyo has chosen to act as a troublemaker.', 'Japan');
    const [two] = judgement('Tokyo has chosen to act as a reckless and arrogant troublemaker.', 'Japan');
    expect(two).toBeGreaterThan(one);
  });
});
