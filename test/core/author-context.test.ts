// The author view in its article (src/core/author-context.ts): a sentence's author label read with what the
// article's other sentences say of the same actor. The arithmetic is checked with hand-made weights; the committed
// context head end to end with written articles; the article label keeps reading each sentence alone.
import { describe, expect, it } from 'vitest';
import { aggregateStances, ARTICLE_FEATURES, DEFAULT_AGGREGATE } from '../../src/core/aggregate.js';
import { createAnalyser } from '../../src/core/analyse.js';
import { authorInContext, CONTEXT_FEATURES, contextFeatures } from '../../src/core/author-context.js';
import { loadAuthorHead, type AuthorHeadData } from '../../src/core/author-head.js';
import { fromProbs } from '../../src/core/model.js';
import type { SentenceStance } from '../../src/core/stance.js';
import { loadAnalyserResources } from '../../src/resources.js';

const resources = loadAnalyserResources();

/** A sentence stance whose author view alone has the given probabilities. */
function sentence(actor: string, probs: [number, number, number]): SentenceStance {
  const p = fromProbs(probs);
  return {
    actor, sentence: `${actor} ${probs.join(' ')}`, mentions: 1, prediction: p, author: p, authorAlone: p, authorAttributions: [],
    authorFeatures: { ids: [], values: [] }, authorParts: { learned: probs, gated: probs }, analyses: [],
  };
}

/** Logits = log P(own) + pull x mean P(others): with pull 0 the head gives back the sentence's own probabilities. */
function headWithPull(pull: number): number[] {
  const w = new Array<number>(3 * CONTEXT_FEATURES).fill(0);
  for (let c = 0; c < 3; c++) {
    w[c * CONTEXT_FEATURES + 1 + c] = 1;
    w[c * CONTEXT_FEATURES + 4 + c] = pull;
  }
  return w;
}

describe('contextFeatures', () => {
  it('holds a bias, the log of the sentence\'s own probabilities and the mean of the others\'', () => {
    const x = contextFeatures([0.2, 0.5, 0.3], [1.2, 0.6, 0.2], 2);
    expect(x).toHaveLength(CONTEXT_FEATURES);
    expect(x[0]).toBe(1);
    expect(x[1]).toBeCloseTo(Math.log(0.2), 12);
    expect(x[3]).toBeCloseTo(Math.log(0.3), 12);
    expect([x[4], x[5], x[6]].map((v) => Number((v as number).toFixed(12)))).toEqual([0.6, 0.3, 0.1]);
  });

  it('a zero probability is floored, never -Infinity', () => {
    expect(Number.isFinite(contextFeatures([0, 1, 0], [1, 0, 0], 1)[1])).toBe(true);
  });
});

describe('authorInContext with hand-made weights', () => {
  it('a sentence neutral alone turns negative among sentences hostile to the same actor; its alone view is kept', () => {
    const stances = [sentence('NATO', [0.9, 0.05, 0.05]), sentence('NATO', [0.85, 0.1, 0.05]), sentence('NATO', [0.3, 0.6, 0.1])];
    authorInContext(stances, headWithPull(4));
    expect(stances[2]?.authorAlone.label).toBe('neutral');
    expect(stances[2]?.author.label).toBe('negative');
    expect(stances[0]?.author.label).toBe('negative');
  });

  it('reads only the same actor\'s sentences, and all of them alone (the order of re-deciding does not matter)', () => {
    const stances = [sentence('China', [0.05, 0.1, 0.85]), sentence('China', [0.05, 0.1, 0.85]), sentence('NATO', [0.3, 0.6, 0.1]), sentence('NATO', [0.3, 0.6, 0.1])];
    // Pull 8: China's sentences, if they were read as NATO's context, would turn NATO positive.
    authorInContext(stances, headWithPull(8));
    expect(stances[2]?.author.label).toBe('neutral');
    expect(stances[2]?.author.probs).toEqual(stances[3]?.author.probs);
  });

  it('an actor named in one sentence has no context to read: it keeps its own view', () => {
    const stances = [sentence('China', [0.3, 0.6, 0.1]), sentence('NATO', [0.9, 0.05, 0.05]), sentence('NATO', [0.9, 0.05, 0.05])];
    authorInContext(stances, headWithPull(8));
    expect(stances[0]?.author).toBe(stances[0]?.authorAlone);
  });

  it('with no pull the head gives back each sentence\'s own probabilities', () => {
    const stances = [sentence('NATO', [0.2, 0.5, 0.3]), sentence('NATO', [0.7, 0.2, 0.1])];
    authorInContext(stances, headWithPull(0));
    stances.forEach((s) => s.author.probs.forEach((p, c) => expect(p).toBeCloseTo(s.authorAlone.probs[c] as number, 9)));
  });

  // An article head that reads only the mean negative and positive probability (as in article-head.test.ts).
  const articleHead = new Array<number>(3 * ARTICLE_FEATURES).fill(0);
  articleHead[1] = 6;
  articleHead[ARTICLE_FEATURES] = 1;
  articleHead[2 * ARTICLE_FEATURES + 2] = 6;

  for (const [name, options] of [['the vote rule', DEFAULT_AGGREGATE], ['an article head', { ...DEFAULT_AGGREGATE, head: articleHead }]] as const) {
    it(`the article label reads each sentence alone, with ${name}: the context does not count twice`, () => {
      const stances = [sentence('NATO', [0.1, 0.85, 0.05]), sentence('NATO', [0.1, 0.85, 0.05]), sentence('NATO', [0.15, 0.8, 0.05])];
      const before = aggregateStances(stances, options)[0];
      // A head with a strong negative bias: in context every sentence turns negative.
      const hostile = headWithPull(0);
      hostile[0] = 10;
      authorInContext(stances, hostile);
      expect(stances.every((s) => s.author.label === 'negative')).toBe(true);
      expect(before?.label).toBe('neutral');
      expect(aggregateStances(stances, options)[0]).toEqual(before);
    });
  }
});

describe('the committed context head (models/author.json)', () => {
  const data = resources.author.head as AuthorHeadData;
  const analyser = createAnalyser(resources);
  const stanceOf = (text: string, sentenceStart: string, actor: string): SentenceStance | undefined =>
    analyser.stances({ text }).find((s) => s.actor === actor && s.sentence.startsWith(sentenceStart));

  it('has 3 x CONTEXT_FEATURES weights, and a head of another size is refused with a message', () => {
    expect(data.context).toHaveLength(3 * CONTEXT_FEATURES);
    expect(() => loadAuthorHead({ ...data, context: [1, 2, 3] })).toThrow(/context head has 3 weights/);
  });

  it('a plain sentence reads as the article\'s hostility toward the same actor, and stays neutral in a neutral article', () => {
    // A plain sentence: no evaluative word (alone it reads neutral, 0.68). "... will hold talks with Japan" moves
    // from 0.08 to 0.44 negative in the hostile article and stops at the boundary (neutral 0.48) since the clause
    // meaning weighs fully (MEANING_WEIGHT 1); the mechanism is the same.
    const plain = 'The United States will send more warships to Japan next week.';
    const hostile = `Washington's reckless provocations threaten peace in the region. The United States has once again shown its contempt for international law. ${plain}`;
    const calm = `The United States and Japan have held such talks every year since 2015. ${plain}`;
    const inHostile = stanceOf(hostile, 'The United States will', 'United States');
    expect(inHostile?.authorAlone.label).toBe('neutral');
    expect(inHostile?.author.label).toBe('negative');
    expect(stanceOf(calm, 'The United States will', 'United States')?.author.label).toBe('neutral');
    // Japan, named once, has no context of its own: what the article says of the United States does not reach it.
    const japan = stanceOf(hostile, 'The United States will', 'Japan');
    expect(japan?.author).toBe(japan?.authorAlone);
  });

  it('a model without a context head reads every sentence alone', () => {
    const { context: _, ...withoutContext } = data;
    const alone = createAnalyser({ ...resources, author: { ...resources.author, head: withoutContext } });
    const stances = alone.stances({ text: 'NATO\'s reckless expansion threatens peace. NATO will meet in Brussels on Monday.' });
    expect(stances.length).toBeGreaterThan(1);
    for (const s of stances) expect(s.author).toBe(s.authorAlone);
  });
});
