// Verbs of unjust accusation in the author's own voice (guideline rules 1 and 5): "the West is trying to smear
// China" defends China and blames the West. Deterministic: the author's terms given to each actor
// (authorAttribution on the real lexicons, config/lexicon/author.yaml `accusations`), no model.
// Sentences are written for these tests.
import { describe, expect, it } from 'vitest';
import { ownMass } from './voice-fixture.js';

describe('verbs of unjust accusation: the one accused is defended, the accuser blamed', () => {
  it.each([
    ['smear, object after the verb', 'The West is trying to smear China to keep Africa captive.', 'China', 'the West'],
    ['smearing, gerund', 'Washington keeps smearing Beijing with groundless claims.', 'China', 'United States'],
    ['defame, object with a possessive', "Some politicians in Washington try to defame China's policy in Xinjiang.", 'China', 'United States'],
    ['slandered, past tense', 'Western media slandered Russia for years.', 'Russia', 'the West'],
    ['demonize', 'NATO continues to demonize Russia at every summit.', 'Russia', 'NATO'],
    ['discredit', 'Manila released the footage to discredit China.', 'China', 'Philippines'],
    ['vilify, British spelling of the list', 'London chose to vilify Iran instead of talking to it.', 'Iran', 'United Kingdom'],
    ['scapegoating', 'Brussels is scapegoating Beijing for its own industrial decline.', 'China', 'European Union'],
  ])('%s: the accused gets a bound positive share, the accuser a negative one', (_form, sentence, accused, accuser) => {
    const wronged = ownMass(sentence, accused);
    expect(wronged.net).toBeGreaterThan(0);
    expect(wronged.bound).toBeGreaterThan(0);
    expect(ownMass(sentence, accuser).net).toBeLessThan(0);
  });

  it('passive: "China has been smeared" defends China', () => {
    expect(ownMass('China has been smeared by the Western press for years.', 'China').net).toBeGreaterThan(0);
  });

  it('reported (rule 2): a source who says another smears is not the author; no term at all', () => {
    expect(ownMass('Beijing said the United States was trying to smear China.', 'China').net).toBe(0);
  });

  it('an adjectival participle is no accusation: "the discredited regime in Iran" stays negative for Iran', () => {
    expect(ownMass('The discredited regime in Iran arrested more protesters.', 'Iran').net).toBeLessThan(0);
  });

  it('with no accused among the mentions, the verb is the usual negative term of its clause', () => {
    expect(ownMass('Russia smears its critics at home.', 'Russia').net).toBeLessThan(0);
  });
});
