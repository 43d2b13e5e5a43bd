// Anaphors (guideline rule 7: mentions in context): "the North" after "North Korea", "the Russian president" after
// "Putin", "the mainland" in a cross-strait text. They count only once the article has named the actor by another
// form, and never where they start a longer name. Sentences are written for these tests.
import { describe, expect, it } from 'vitest';
import { createAnalyser } from '../../src/core/analyse.js';
import { createRegistry } from '../../src/core/actors.js';
import { loadAnalyserResources } from '../../src/resources.js';

const analyser = createAnalyser(loadAnalyserResources());
const mentionsOf = (text: string, actor: string): number => analyser.analyse({ text }).actors.find((a) => a.actor === actor)?.mentions ?? 0;

describe('anaphors count once the actor is named', () => {
  it.each([
    ['North Korea fired a missile on Monday. The North called it a warning.', 'North Korea', 2],
    ['Seoul and Pyongyang traded threats. The South raised its alert level.', 'South Korea', 2],
    ['Putin met Xi in Moscow. The Russian president praised the talks.', 'Vladimir Putin', 2],
    ['Zelensky spoke to the parliament. The Ukrainian leader asked for air defence.', 'Volodymyr Zelensky', 2],
    ['Beijing warned Taipei again. The DPP keeps provoking the mainland.', 'China', 2],
    ['NATO leaders met in Vilnius. The alliance pledged more troops.', 'NATO', 2],
    ['The EU agreed new sanctions. The 27-member bloc also froze assets.', 'European Union', 2],
    ['Xi Jinping flew to Moscow. The Chinese leader was greeted by Putin.', 'Xi Jinping', 2],
    ['NATO grows in Asia. Beijing said the Western alliance should not extend its reach.', 'NATO', 2],
  ])('"%s": %s counted %i times', (text, actor, times) => {
    expect(mentionsOf(text, actor)).toBe(times);
  });

  it.each([
    ['The North was cold this winter.', 'North Korea'],
    ['The Russian president is elected for six years.', 'Vladimir Putin'],
    ['Trade with the mainland grew.', 'China'],
    ['The alliance between the two parties held.', 'NATO'],
  ])('without the actor named first, "%s" is no mention of %s', (text, actor) => {
    expect(mentionsOf(text, actor)).toBe(0);
  });

  it('an anaphor that starts a longer name is none ("the North Atlantic Treaty Organization")', () => {
    expect(mentionsOf('North Korea tested a missile. The North Atlantic Treaty Organization condemned it.', 'North Korea')).toBe(1);
  });

  it('an exclusion blocks it ("the South China Sea" after South Korea)', () => {
    expect(mentionsOf('South Korea held drills. Tensions rose in the South China Sea.', 'South Korea')).toBe(1);
  });

  it('a demonym inside the anaphor stays a mention of its own ("the Russian president": Russia too)', () => {
    const actors = analyser.analyse({ text: 'Putin met Xi. The Russian president praised the talks.' }).actors.map((a) => a.actor);
    expect(actors).toContain('Russia');
  });

  it('a server\'s own actor can have anaphors too (the registry reads them from its definition)', () => {
    const registry = createRegistry([{ name: 'AUKUS', kind: 'bloc', aliases: ['AUKUS'], anaphors: ['the pact'] }]);
    expect(registry.findMentions('The pact was signed.').length).toBe(0);
    expect(registry.findMentions('The pact was signed.', new Set(['AUKUS'])).map((m) => m.actor)).toEqual(['AUKUS']);
  });

  it('a sentence read out of its article takes the actors the article named (training reads labelled sentences alone)', () => {
    const actors = (named?: string[]): string[] => analyser.stances({ text: 'The North fired two more missiles.', ...(named ? { named } : {}) }).map((s) => s.actor);
    expect(actors()).toEqual([]);
    expect(actors(['North Korea'])).toEqual(['North Korea']);
  });
});
