// The article head (src/core/aggregate.ts): an actor's article label learned from what its sentences say in the
// author view (guideline, article level: "the author's overall stance toward the actor across the text, from its
// own voice"). Features and the head's arithmetic are checked with hand-made sentences and weights; the committed
// model end to end with written articles.
import { describe, expect, it } from 'vitest';
import { aggregateStances, ARTICLE_FEATURES, articleFeatures, articleProbs, DEFAULT_AGGREGATE } from '../../src/core/aggregate.js';
import type { Attribution } from '../../src/core/attribution.js';
import { createAnalyser } from '../../src/core/analyse.js';
import { loadAuthorHead, type AuthorHeadData } from '../../src/core/author-head.js';
import { fromProbs } from '../../src/core/model.js';
import type { SentenceStance } from '../../src/core/stance.js';
import { loadAnalyserResources } from '../../src/resources.js';

const resources = loadAnalyserResources();

/** An attribution of one term of the author's to the actor (a polar reading with something to show for it). */
const ONE_TERM: Attribution = {
  terms: [{ term: 'reckless', first: 1, last: 1, weight: -2, negated: false, framing: false, share: 1 }],
  positive: 0, negative: 2, own: 1, ownPositive: 0, ownNegative: 2, boundPositive: 0, boundNegative: 0, accused: 0,
};

/**
 * A sentence stance with the given author-view probabilities (and a voice when `quoted`). A sentence read polar
 * holds a term of the author's about the actor unless `termless`; one read neutral holds none.
 */
function sentence(actor: string, probs: [number, number, number], quoted = false, termless = false): SentenceStance {
  const p = fromProbs(probs);
  const attributions = p.label !== 'neutral' && !termless ? [ONE_TERM] : [];
  return {
    actor, sentence: `${actor} ${probs.join(' ')}`, mentions: 1, prediction: p, author: p, authorAlone: p, authorAttributions: attributions,
    authorFeatures: { ids: [], values: [] }, authorParts: { learned: probs, gated: probs }, analyses: [],
    ...(quoted ? { voice: { speaker: 'a source', prediction: fromProbs([0.8, 0.1, 0.1]), features: new Float64Array(0) } } : {}),
  };
}

describe('articleFeatures', () => {
  it('reads the author\'s own sentences; a quote the author view finds neutral only counts in the quoted share', () => {
    const own = articleFeatures([[0.1, 0.2, 0.7]], [false]);
    const withQuote = articleFeatures([[0.1, 0.2, 0.7], [0.02, 0.96, 0.02]], [false, true]);
    for (let k = 1; k < 8; k++) expect(withQuote[k]).toBeCloseTo(own[k] as number, 12);
    expect(own[8]).toBe(0);
    expect(withQuote[8]).toBe(0.5);
  });

  it('an actor named only in quotes is read from those sentences', () => {
    const f = articleFeatures([[0.6, 0.3, 0.1]], [true]);
    expect(f[1]).toBeCloseTo(0.6, 12);
    expect(f[5]).toBeCloseTo(1 / 1.5, 12);
    expect(f[8]).toBe(1);
  });

  it('a quoted sentence that the author view finds polar (framed or adopted by the author) counts as the author\'s', () => {
    const f = articleFeatures([[0.05, 0.9, 0.05], [0.9, 0.05, 0.05]], [false, true]);
    expect(f[3]).toBeCloseTo(0.9, 12);
    expect(f[5]).toBeCloseTo(1 / 2.5, 12);
    expect(f[8]).toBe(0.5);
  });

  it('votes of both polarities are flagged; no sentence gives no features', () => {
    expect(articleFeatures([[0.7, 0.2, 0.1], [0.1, 0.2, 0.7]], [false, false])[9]).toBe(1);
    expect(articleFeatures([[0.7, 0.2, 0.1], [0.2, 0.7, 0.1]], [false, false])[9]).toBe(0);
    expect([...articleFeatures([], [])]).toEqual(new Array(ARTICLE_FEATURES).fill(0));
  });
});

describe('aggregateStances with an article head', () => {
  // A head that only reads the mean negative and positive probability (features 1 and 2), nothing else.
  const head = new Array<number>(3 * ARTICLE_FEATURES).fill(0);
  head[1] = 6; // negative row, mean negative
  head[ARTICLE_FEATURES] = 1; // neutral row, bias
  head[2 * ARTICLE_FEATURES + 2] = 6; // positive row, mean positive
  const options = { ...DEFAULT_AGGREGATE, head };

  it('labels each actor from its sentences; the score is P(positive) - P(negative), the confidence the label\'s probability', () => {
    const actors = aggregateStances([sentence('NATO', [0.9, 0.05, 0.05]), sentence('NATO', [0.8, 0.1, 0.1]), sentence('China', [0.05, 0.05, 0.9])], options);
    const nato = actors.find((a) => a.actor === 'NATO');
    const china = actors.find((a) => a.actor === 'China');
    expect(nato?.label).toBe('negative');
    expect(china?.label).toBe('positive');
    expect(nato?.score).toBeLessThan(0);
    expect(china?.score).toBeGreaterThan(0);
    expect(nato?.confidence).toBeGreaterThan(0.5);
    expect(nato?.mentions).toBe(2);
  });

  it('quotes relayed neutrally do not dilute the author\'s own hostile sentence', () => {
    const own = sentence('NATO', [0.5, 0.4, 0.1]);
    const relayed = (quoted: boolean): SentenceStance[] => Array.from({ length: 4 }, () => sentence('NATO', [0.05, 0.9, 0.05], quoted));
    expect(aggregateStances([own, ...relayed(true)], options)[0]?.label).toBe('negative');
    expect(aggregateStances([own, ...relayed(false)], options)[0]?.label).toBe('neutral');
  });

  it('a sentence that holds no term of the author\'s about the actor counts as neutral ("It is known that NATO is ...")', () => {
    expect(aggregateStances([sentence('NATO', [0.9, 0.05, 0.05])], options)[0]?.label).toBe('negative');
    expect(aggregateStances([sentence('NATO', [0.9, 0.05, 0.05], false, true)], options)[0]?.label).toBe('neutral');
    expect(articleProbs([[0.9, 0.05, 0.05], [0.1, 0.1, 0.8]], [true, false])).toEqual([[0, 1, 0], [0.1, 0.1, 0.8]]);
  });

  it('without a head, the rule (votes over sentences + prior, threshold) labels as before', () => {
    const actors = aggregateStances([sentence('NATO', [0.05, 0.9, 0.05]), sentence('NATO', [0.9, 0.05, 0.05], true)], { ...DEFAULT_AGGREGATE, votes: true, threshold: 0.1 });
    expect(actors[0]?.label).toBe('negative');
  });
});

describe('the committed article head (models/author.json)', () => {
  it('has 3 x ARTICLE_FEATURES weights, and a head of another size is refused with a message', () => {
    const data = resources.author.head as AuthorHeadData;
    expect(data.aggregate.head).toHaveLength(3 * ARTICLE_FEATURES);
    expect(() => loadAuthorHead({ ...data, aggregate: { ...data.aggregate, head: [1, 2, 3] } })).toThrow(/article head has 3 weights/);
  });

  const analyser = createAnalyser(resources);
  const labelIn = (text: string, actor: string): string | undefined => analyser.analyse({ text }).actors.find((a) => a.actor === actor)?.label;

  it('an article that only relays a source\'s hostility is neutral toward the actor', () => {
    const text = 'Kremlin spokesman Dmitry Peskov said NATO was a reckless and aggressive bloc. The talks will resume on Monday in Geneva. Delegations from both sides are expected to attend.';
    expect(labelIn(text, 'NATO')).toBe('neutral');
  });

  it('an article hostile in its own voice is negative toward the actor', () => {
    const text = 'NATO\'s reckless expansion is a direct threat to peace. The bloc\'s arrogance and hypocrisy have poisoned European security. Its aggressive posture serves only Washington\'s hegemony.';
    expect(labelIn(text, 'NATO')).toBe('negative');
  });

  it('an article that praises the actor in its own voice is positive toward it', () => {
    const text = 'China\'s wise and generous aid has won admiration across Africa. Its commendable projects bring prosperity. China remains a reliable and trusted partner.';
    expect(labelIn(text, 'China')).toBe('positive');
  });
});
