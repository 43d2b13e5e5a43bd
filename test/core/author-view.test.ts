// Author view (src/core/author.ts with the voices of src/core/voice.ts): the terms the author holds in its own
// voice, per family of ../shared/annotation/author-stance-guideline.md. Deterministic: authorTerms on the real
// lexicons, no model. End-to-end labels are in author-labels.test.ts. Sentences are written for these tests.
import { describe, expect, it } from 'vitest';
import { ownMass, ownTerms, ownWeight } from './voice-fixture.js';

const termsOf = (sentence: string): string[] => ownTerms(sentence).map((t) => t.term);

describe('reported speech (rule 2): what a source says is none of the author\'s terms', () => {
  it.each([
    ['"X said"', 'Kremlin spokesman Dmitry Peskov said NATO\'s expansion was a direct threat to Russia.'],
    ['"X said", an evaluative adjective', 'Beijing said Tokyo\'s new defence plan was dangerous.'],
    ['"according to X, ..."', 'According to the Iranian Foreign Ministry, the new EU sanctions are illegal and cruel.'],
    ['a quotation with "the ambassador said"', '"Japan is playing with fire," the Chinese ambassador said.'],
    ['inverted "..., said X"', 'Washington is recklessly undermining stability, said Chinese Foreign Ministry spokesman Mao Ning.'],
    ['"told reporters that"', 'Foreign Minister Wang Yi told reporters that Washington was fanning the flames of war.'],
    ['"the communique says"', 'The draft communique says China poses a dangerous challenge to the alliance.'],
    ['colon headline "Lavrov: ..."', 'Lavrov: Washington is destroying arms control'],
    ['dash headline "... - Lavrov"', 'Washington is destroying arms control - Lavrov'],
    ['headline "..., officials say"', 'Pyongyang\'s reckless missile tests threaten regional peace, officials say'],
    ['two speakers joined by ", and"', 'Biden said Russia was isolated, and Putin said the West was a failure.'],
    ['"X\'s spokesman said"', 'China\'s foreign ministry spokesman said the Philippines was acting recklessly.'],
  ])('rule 2, %s: no author term', (_form, sentence) => {
    expect(termsOf(sentence)).toEqual([]);
  });

  it('rule 1 against rule 2: the same words in the author\'s own voice are the author\'s', () => {
    expect(termsOf('NATO\'s expansion was a direct threat to Russia.')).toEqual(['threat']);
    expect(ownWeight('NATO\'s reckless expansion is a direct threat to peace.')).toBeLessThan(0);
  });

  it('rule 1: a short scare quote is no voice, so the author\'s own terms around it stay', () => {
    expect(termsOf('Iran\'s "peaceful" nuclear programme is a dangerous deception.')).toContain('dangerous');
  });
});

describe('events (rule 3): what happened, told plainly, is no stance', () => {
  it.each([
    ['sanctions imposed', 'Washington imposed new sanctions on Moscow on Friday.'],
    ['a verb of sanctioning', 'The United States sanctioned three Chinese firms.'],
    ['fighting', 'Fighting resumed near the border between Russia and Ukraine.'],
    ['a strike', 'Israeli jets struck targets in Syria overnight.'],
    ['a seizure', 'Iran seized an oil tanker in the Gulf.'],
    ['missiles fired', 'North Korea fired two ballistic missiles into the sea.'],
    ['troops crossing a border', 'Russian troops crossed the border in 2022.'],
    ['a launch (AFINN scores "launched" +1)', 'Beijing launched large drills around Taiwan on Monday.'],
  ])('rule 3, %s: no author term', (_event, sentence) => {
    expect(termsOf(sentence)).toEqual([]);
  });

  it('rule 3: the event word is dropped, the author\'s own adjective on it is kept ("brutal invasion")', () => {
    const terms = termsOf('Russia\'s brutal invasion devastated Ukraine.');
    expect(terms).toContain('brutal');
    expect(terms).not.toContain('invasion');
  });
});

describe('experiencers (rule 4): an actor that feels something is no target', () => {
  it.each([
    ['"were alarmed"', 'EU capitals were alarmed by the vote.'],
    ['"expressed alarm"', 'Several EU governments expressed alarm after the cable damage.'],
    ['"is worried about"', 'Seoul is worried about the launches.'],
    ['"was deeply concerned"', 'Tokyo was deeply concerned after the incident.'],
    ['"is concerned about"', 'Israel is concerned about the new talks.'],
    ['"hopes for"', 'Zelensky hopes for a ceasefire.'],
    ['"is hoping"', 'Ukraine is hoping for a full and temporary ceasefire.'],
    ['"suffered"', 'Moscow is believed to have suffered casualties in the spring offensive.'],
    ['"wants" (AFINN scores "want" +1)', 'Moscow wants a deal before the winter.'],
    ['"desire"', 'Beijing has shown a desire to mediate.'],
  ])('rule 4, %s: no author term', (_feeling, sentence) => {
    expect(termsOf(sentence)).toEqual([]);
  });
});

describe('defence framing (rule 5): a negated event defends its subject', () => {
  it.each([
    ['"has never invaded"', 'China has never invaded another country.', 'invaded'],
    ['"has never sought ... territory"', 'India has never sought an inch of anyone\'s territory.', 'sought'],
    ['"has never attacked"', 'Vietnam has never attacked its neighbours.', 'attacked'],
    ['"has never threatened"', 'Russia has never threatened its neighbours.', 'threatened'],
  ])('rule 5, %s: a positive, negated term', (_frame, sentence, term) => {
    const t = ownTerms(sentence).find((x) => x.term === term);
    expect(t?.negated).toBe(true);
    expect(ownWeight(sentence)).toBeGreaterThan(0);
  });

  it('rule 3 against rule 5: the same event not negated is no term at all', () => {
    expect(termsOf('China invaded another country.')).toEqual([]);
  });
});

describe('praise words (rule 1: the author\'s own evaluative words)', () => {
  it.each([
    ['"admirable"', 'China is admirable.'],
    ['"wise and commendable"', 'Germany made a wise and commendable decision.'],
    ['"commendable"', 'The EU\'s response was commendable.'],
    ['"laudable"', 'The Philippines has become a laudable example of restraint.'],
    ['"wise and principled"', 'India\'s approach is wise and principled.'],
  ])('rule 1, %s: positive author weight', (_praise, sentence) => {
    expect(ownWeight(sentence)).toBeGreaterThan(0);
  });

  it('rule 1: a negated praise word turns against its subject', () => {
    expect(ownWeight('Japan\'s decision was not admirable.')).toBeLessThan(0);
  });
});

describe('role nouns (rule 1: loaded labels are the author\'s)', () => {
  it.each([
    ['"troublemaker for hire"', 'Canberra has chosen to act as a troublemaker for hire.'],
    ['"troublemaker"', 'Japan has become a troublemaker in the region.'],
    ['"puppet"', 'Manila is a puppet of Washington.'],
    ['"aggressor"', 'Israel is the aggressor in this war.'],
    ['"bully"', 'Seoul is a bully to its neighbours.'],
  ])('rule 1, %s: negative author weight', (_role, sentence) => {
    expect(ownWeight(sentence)).toBeLessThan(0);
  });
});

describe('adopted and rejected sources (rule 2: the author frames a source in its own voice)', () => {
  it.each([
    ['"as X rightly pointed out"', 'As Tokyo rightly pointed out, Pyongyang\'s provocations endanger the region.', 'provocations'],
    ['"as X correctly noted"', 'As Beijing correctly noted, Washington\'s hegemony harms the world.', 'hegemony'],
    ['vague "critics say"', 'Critics say the EU has been naive about Beijing.', 'naive'],
  ])('adopted by %s: the reported term is the author\'s', (_marker, sentence, term) => {
    expect(termsOf(sentence)).toContain(term);
  });

  it.each([
    ['"X\'s baseless claims that"', 'Washington\'s baseless claims that China is a dangerous predator in Africa have been debunked.', 'dangerous'],
    ['"falsely claimed that"', 'Washington falsely claimed that Iran was a dangerous aggressor.', 'dangerous'],
  ])('rejected by %s: the reported term is not the author\'s', (_marker, sentence, term) => {
    expect(termsOf(sentence)).not.toContain(term);
  });
});

it('"unkept promises" is the author\'s judgement of who made them', () => {
  expect(ownMass('China made a series of unkept promises to its neighbours.', 'China').net).toBeLessThan(0);
});

describe('"less" before a quality: a lower degree of it, no praise', () => {
  it('"America is less reliable" is negative, "more reliable" positive', () => {
    expect(ownWeight('America is less reliable than before.')).toBeLessThan(0);
    expect(ownWeight('America is more reliable than before.')).toBeGreaterThan(0);
  });

  it('"less dangerous" is a milder word, no longer a negative one', () => {
    expect(ownWeight('The new government is less dangerous.')).toBeGreaterThan(0);
  });
});

describe('AFINN words that say nothing of anyone in news are no terms (framing.yaml weight 0)', () => {
  it.each([
    ['"like" as a preposition', 'Countries like China keep building ports.'],
    ['"effectively" (in effect)', 'Russia effectively banned the group.'],
    ['"exclusive economic zone"', 'The ship entered the Philippines\' exclusive economic zone.'],
    ['"top diplomat"', 'China\'s top diplomat arrived in Moscow.'],
    ['"certain countries"', 'Certain countries have sent warships to the region.'],
  ])('%s', (_word, sentence) => {
    expect(termsOf(sentence)).toEqual([]);
  });
});
