// Targets joined in one phrase that the author's own words reach alike share one author stance (the mean of
// theirs): "promoted by Chinese President Xi Jinping and his Russian counterpart Vladimir Putin" says the same of
// both, so their place in the phrase must not tell them apart (the seed op-ed's one own-voice sentence on Putin).
// Sentences are written for these tests but the first, from ../shared/seed/sino-russian-strategic-engagement.txt.
import { describe, expect, it } from 'vitest';
import { createAnalyser } from '../../src/core/analyse.js';
import { loadAnalyserResources } from '../../src/resources.js';

const analyser = createAnalyser(loadAnalyserResources());
const authorOf = (text: string, actor: string) => analyser.stances({ text }).find((s) => s.actor === actor)?.author;

describe('joined targets with the same own terms share the author stance', () => {
  it('Xi and "his Russian counterpart Vladimir Putin" get one stance from the praise of what they promoted', () => {
    const text = 'Consider the case of Far East development: it is a cooperation pivot jointly promoted by Chinese President Xi Jinping and his Russian counterpart Vladimir Putin.';
    const xi = authorOf(text, 'Xi Jinping');
    const putin = authorOf(text, 'Vladimir Putin');
    expect(putin?.probs).toEqual(xi?.probs);
    expect(putin?.label).toBe('positive');
  });

  it('"China and Russia" reached by the same words are one stance', () => {
    const text = 'China and Russia have built a model of mutually beneficial cooperation.';
    expect(authorOf(text, 'Russia')?.probs).toEqual(authorOf(text, 'China')?.probs);
  });

  it('targets the author\'s words tell apart keep their own stances ("reckless Washington and peaceful Beijing")', () => {
    const text = "Washington's reckless provocations contrast with Beijing's peaceful restraint.";
    expect(authorOf(text, 'United States')?.label).toBe('negative');
    expect(authorOf(text, 'China')?.probs).not.toEqual(authorOf(text, 'United States')?.probs);
  });

  it('a reported target is not merged with the author\'s own: the voice stays apart', () => {
    const text = "Lavrov said Washington's policy was reckless, and the Kremlin's restraint was admirable.";
    const us = analyser.stances({ text }).find((s) => s.actor === 'United States');
    expect(us?.voice).toBeDefined();
    expect(us?.author.label).toBe('neutral');
  });
});
