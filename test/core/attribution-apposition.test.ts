// Apposition: a noun phrase that a comma joins to a name names the same one, so its words are about that name
// ("its dictator, Xi Jinping"). Deterministic: the author's terms given to each actor (authorAttribution on the
// real lexicons), no model. Sentences are written for these tests.
import { describe, expect, it } from 'vitest';
import { ownMass } from './voice-fixture.js';

describe('apposition: the phrase beside a name is said of the name', () => {
  it('before the name: "the aggressive posture of its dictator, Xi Jinping, ..." blames Xi in full', () => {
    const sentence = 'Analysts fear the belligerent stance of its dictator, Xi Jinping, and his plans.';
    expect(ownMass(sentence, 'Xi Jinping').bound).toBeLessThan(0);
  });

  it('after the name, between commas: "Xi Jinping, the dictator of China, ..." is said of Xi', () => {
    const sentence = 'Xi Jinping, the dictator of China, arrived in Moscow on Monday.';
    expect(ownMass(sentence, 'Xi Jinping').bound).toBeLessThan(0);
  });

  it('a pair joined by "and" before the comma: the first name is the apposition\'s', () => {
    const sentence = 'Putin and his host, the reckless tyrants of the region, met in the capital.';
    expect(ownMass(sentence, 'Vladimir Putin').bound).toBeLessThan(0);
  });

  it('a phrase between commas that opens with no determiner may be a verb phrase: not given to the name', () => {
    const sentence = 'Russia, desperately short of shells, buys them from North Korea.';
    expect(ownMass(sentence, 'North Korea').bound).toBe(0);
    const adverbial = 'Russia, in a brutal war against Ukraine, needs shells from North Korea.';
    expect(ownMass(adverbial, 'Russia').bound).toBe(0);
  });

  it('before the name, no determiner or possessive opening the phrase: no apposition ("China is aggressive, Russia said")', () => {
    expect(ownMass('Critics call it aggressive, Russia and China included.', 'Russia').bound).toBe(0);
  });
});
