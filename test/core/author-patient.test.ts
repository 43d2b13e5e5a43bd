// The doer and the one done to of a judged negative act in the author's own voice (guideline rule 3: the victim
// of an event gets 0 unless the author portrays it). Deterministic: the author's terms given to each actor
// (authorAttribution on the real lexicons), no model. Sentences are written for these tests.
import { describe, expect, it } from 'vitest';
import { ownMass } from './voice-fixture.js';

describe('a judged negative act: the doer is blamed, the one it is done to gets nothing from it', () => {
  it.each([
    ['past tense, adverb between', 'Beijing has repeatedly provoked Tokyo near the islands.', 'China', 'Japan'],
    ['third person present', 'Moscow bullies Georgia whenever it can.', 'Russia', 'Georgia'],
    ['determiner before the object', 'London deceived the Ukrainians again.', 'United Kingdom', 'Ukraine'],
    ['gerund', 'Tehran keeps harassing Israel along the border.', 'Iran', 'Israel'],
  ])('%s', (_form, sentence, doer, patient) => {
    expect(ownMass(sentence, doer).net).toBeLessThan(0);
    expect(ownMass(sentence, patient).net).toBe(0);
  });

  it('passive with its agent: "Tokyo was provoked by Beijing" blames China, not Japan', () => {
    const sentence = 'Tokyo was provoked by Beijing once again.';
    expect(ownMass(sentence, 'China').net).toBeLessThan(0);
    expect(ownMass(sentence, 'Japan').net).toBe(0);
  });

  it('an attributive participle is no act: "the saber-rattling NATO chief" stays negative for NATO', () => {
    expect(ownMass('The saber-rattling NATO chief arrived in Tokyo.', 'NATO').net).toBeLessThan(0);
  });

  it('a feeling caused is no act (rule 4): "angers" judges neither side', () => {
    const sentence = 'Pyongyang launch angers Tokyo.';
    expect(ownMass(sentence, 'North Korea').net).toBe(0);
    expect(ownMass(sentence, 'Japan').net).toBe(0);
  });

  it('with no mention after the verb, the usual attribution applies', () => {
    expect(ownMass('Russia betrayed its own promises.', 'Russia').net).toBeLessThan(0);
  });

  it.each([
    ['"aggression against"', 'The drill is a rehearsal for aggression against the DPRK.', 'North Korea'],
    ['"provocations against"', 'Endless provocations against Russia only escalate tensions.', 'Russia'],
    ['"blackmail against"', 'The sanctions amount to blackmail against India.', 'India'],
  ])('the patient after a preposition (%s) gets nothing from the act', (_form, sentence, patient) => {
    expect(ownMass(sentence, patient).net).toBe(0);
  });

  it('the doer of an act with a prepositional patient is still blamed: "Canberra\'s hostility toward Manila"', () => {
    expect(ownMass("Canberra's hostility toward the Philippines is plain.", 'Australia').net).toBeLessThan(0);
    expect(ownMass("Canberra's hostility toward the Philippines is plain.", 'Philippines').net).toBe(0);
  });

  it('"in" after an intrusion names the patient; after anything else a place: "the dictators in Pyongyang"', () => {
    expect(ownMass("Such meddling in Taiwan's internal affairs must end.", 'Taiwan').net).toBe(0);
    expect(ownMass('The dictators in Pyongyang keep testing missiles.', 'North Korea').net).toBeLessThan(0);
  });

  it('"of" names either side and is left to the usual attribution: "the hypocrisy of Washington"', () => {
    expect(ownMass('The hypocrisy of Washington is plain to see.', 'United States').net).toBeLessThan(0);
  });
});
