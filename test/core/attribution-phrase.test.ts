// Attribution inside noun phrases: a demonym before a title and a name ("Chinese President Xi Jinping") qualifies
// the person; the two share what the sentence says of them, and the person's conjuncts share it too. Sentences
// are written for these tests.
import { describe, expect, it } from 'vitest';
import { createAnalyser } from '../../src/core/analyse.js';
import { stanceTerms } from '../../src/core/stance.js';
import { loadAnalyserResources } from '../../src/resources.js';

const analyser = createAnalyser(loadAnalyserResources());
const ownTerms = (text: string, actor: string): string[] => {
  const s = analyser.stances({ text }).find((x) => x.actor === actor);
  return s ? stanceTerms(s, 'author').map((t) => t.term) : [];
};

describe('noun-phrase modifiers share the terms of the person they qualify', () => {
  it('"a success built by Chinese President Xi": Xi and China both get "success"', () => {
    const text = 'The corridor is a great success built by Chinese President Xi Jinping.';
    expect(ownTerms(text, 'Xi Jinping')).toContain('success');
    expect(ownTerms(text, 'China')).toContain('success');
  });

  it('a coordinated "his Russian counterpart Vladimir Putin" shares them as well', () => {
    const text = 'The corridor is a great success built by Chinese President Xi Jinping and his Russian counterpart Vladimir Putin.';
    for (const actor of ['Xi Jinping', 'Vladimir Putin', 'China', 'Russia']) expect(ownTerms(text, actor), actor).toContain('success');
  });

  it('mentions that are not one phrase still compete: the nearer clause keeps its terms', () => {
    const text = 'Japan acted wisely, while China behaved recklessly.';
    expect(ownTerms(text, 'Japan')).not.toContain('recklessly');
    expect(ownTerms(text, 'China')).not.toContain('wisely');
  });
});
