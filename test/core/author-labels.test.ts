// End-to-end author labels and reported voices of the analyser (models/author.json), clear-cut cases only, per
// family of ../shared/annotation/author-stance-guideline.md. Sentences are written for these tests.
import { describe, expect, it } from 'vitest';
import { createAnalyser } from '../../src/core/analyse.js';
import type { ArticleAnalysis, VoiceStance } from '../../src/core/types.js';
import { loadAnalyserResources } from '../../src/resources.js';

const analyser = createAnalyser(loadAnalyserResources());
const analysed = (text: string): ArticleAnalysis => analyser.analyse({ text });
const authorLabel = (text: string, actor: string): string | undefined => analysed(text).actors.find((a) => a.actor === actor)?.label;
const voicesOn = (text: string, actor: string): VoiceStance[] => analysed(text).voices.filter((v) => v.actor === actor);

describe('issue 14 acceptance sentences', () => {
  it('reported speech (rule 2): Peskov\'s harsh words leave NATO author-neutral and are kept as his voice', () => {
    const text = 'Kremlin spokesman Dmitry Peskov said NATO\'s expansion was a direct threat to Russia.';
    expect(authorLabel(text, 'NATO')).toBe('neutral');
    const voices = voicesOn(text, 'NATO');
    expect(voices).toHaveLength(1);
    expect(voices[0]?.speaker).toContain('Peskov');
    expect(voices[0]?.label).toBe('negative');
  });

  it('own voice (rule 1): the same threat in the author\'s words is hostile to NATO, with no voice', () => {
    const text = 'NATO\'s reckless expansion is a direct threat to peace.';
    expect(authorLabel(text, 'NATO')).toBe('negative');
    expect(analysed(text).voices).toEqual([]);
  });
});

describe('reported speech (rule 2): author neutral, the voice has the speaker and the actor', () => {
  it.each([
    ['"X said" with a state as speaker', 'Beijing said Tokyo\'s new defence plan was dangerous.', 'Japan', 'China'],
    ['"accused Y of"', 'Tehran has repeatedly accused Israel of sabotage.', 'Israel', 'Iran'],
    ['"X\'s spokesman said"', 'China\'s foreign ministry spokesman said the Philippines was acting recklessly.', 'Philippines', 'China'],
  ])('rule 2, %s', (_form, text, actor, speakerActor) => {
    expect(authorLabel(text, actor)).toBe('neutral');
    const voice = voicesOn(text, actor)[0];
    expect([voice?.speakerActor, voice?.label]).toEqual([speakerActor, 'negative']);
  });

  it('rule 2, unnamed officials: the voice is recorded, the author stays neutral', () => {
    const text = 'Officials said the attack on Israel was unprovoked.';
    expect(authorLabel(text, 'Israel')).toBe('neutral');
    expect(voicesOn(text, 'Israel').map((v) => v.speaker)).toEqual(['Officials']);
  });

  it('rule 2, several speakers in one sentence: each actor\'s voice is its own clause\'s speaker', () => {
    const text = 'Biden said Russia was isolated, and Putin said the West was in decline.';
    expect(authorLabel(text, 'Russia')).toBe('neutral');
    expect(authorLabel(text, 'the West')).toBe('neutral');
    expect(voicesOn(text, 'Russia').map((v) => v.speakerActor)).toEqual(['Joe Biden']);
    expect(voicesOn(text, 'the West').map((v) => v.speakerActor)).toEqual(['Vladimir Putin']);
  });

  it('article level: an article that only relays others\' views is neutral toward every actor', () => {
    const text = [
      'Kremlin spokesman Dmitry Peskov said NATO was a threat to Russia.',
      '"The alliance is reckless and hostile," he said.',
      'Chinese Foreign Minister Wang Yi said Washington was fanning the flames.',
    ].join(' ');
    const labels = analysed(text).actors.map((a) => [a.actor, a.label]);
    expect(labels.length).toBeGreaterThanOrEqual(3);
    for (const [actor, label] of labels) expect([actor, label]).toEqual([actor, 'neutral']);
  });
});

describe('events (rule 3): author neutral', () => {
  it.each([
    ['sanctions', 'Washington imposed new sanctions on Moscow on Friday.', ['United States', 'Russia']],
    ['fighting', 'Fighting resumed near the border between Russia and Ukraine.', ['Russia', 'Ukraine']],
    ['a border crossing', 'Russian troops crossed the border in 2022.', ['Russia']],
    ['a seizure', 'Iran seized an oil tanker in the Gulf.', ['Iran']],
    ['talks', 'Washington and Beijing held talks in Geneva.', ['United States', 'China']],
    ['a signed agreement', 'Japan and China signed a trade agreement.', ['Japan', 'China']],
  ])('rule 3, %s: every actor neutral', (_event, text, actors) => {
    for (const actor of actors) expect([actor, authorLabel(text, actor)]).toEqual([actor, 'neutral']);
  });
});

describe('experiencers (rule 4): author neutral', () => {
  it('rule 4, "was deeply concerned": Japan neutral', () => {
    expect(authorLabel('Tokyo was deeply concerned after the incident.', 'Japan')).toBe('neutral');
  });
});

describe('own voice: defence, praise, role nouns (rules 1 and 5)', () => {
  it.each([
    ['defence, "has never invaded" (rule 5)', 'China has never invaded another country.', 'China', 'positive'],
    ['praise, "wise and principled" (rule 1)', 'India\'s approach is wise and principled.', 'India', 'positive'],
    ['praise, "commendable restraint" (rule 1)', 'Japan deserves praise for its commendable restraint.', 'Japan', 'positive'],
    ['role noun, "troublemaker" (rule 1)', 'Japan has become a troublemaker in the region.', 'Japan', 'negative'],
    ['role noun, "puppet" (rule 1)', 'Taiwan acts as a puppet of foreign forces.', 'Taiwan', 'negative'],
    ['role noun, "aggressor" (rule 1)', 'Israel is the aggressor in this war.', 'Israel', 'negative'],
    ['own adjective on an event, "brutal invasion" (rules 1, 3)', 'Russia\'s brutal invasion devastated Ukraine.', 'Russia', 'negative'],
    ['defence by accusation, the one smeared (rules 1, 5)', 'The West keeps trying to smear China with groundless claims.', 'China', 'positive'],
    ['defence by accusation, the one who smears (rules 1, 5)', 'The West keeps trying to smear China with groundless claims.', 'the West', 'negative'],
    ['defence by accusation, "slander against X" (rules 1, 5)', 'Washington\'s slander against Beijing\'s peace plan is absurd.', 'China', 'positive'],
  ])('%s', (_family, text, actor, label) => {
    expect(authorLabel(text, actor)).toBe(label);
  });
});

describe('adopted and rejected sources (rule 2)', () => {
  it.each([
    ['"as X rightly pointed out"', 'As Tokyo rightly pointed out, Pyongyang\'s provocations endanger the region.', 'North Korea'],
    ['"as X correctly noted"', 'As Beijing correctly noted, Washington\'s hegemony harms the world.', 'United States'],
  ])('adopted by %s: the reported actor is negative in the author\'s voice', (_marker, text, actor) => {
    expect(authorLabel(text, actor)).toBe('negative');
  });

  it.each([
    ['"X\'s baseless claims that"', 'Washington\'s baseless claims that China spies on Africa have been debunked.', 'China'],
    ['"X\'s baseless claims that ... are lies"', 'Kyiv\'s baseless claims that Russia shelled the plant are lies.', 'Russia'],
  ])('rejected by %s: the actor the claim is about is not negative', (_marker, text, actor) => {
    expect(authorLabel(text, actor)).not.toBe('negative');
  });
});

describe('experiencers (rule 4): an actor that feels something gets no stance from it', () => {
  it.each([
    ['EU capitals were alarmed by the vote.', 'European Union'],
    ["Seoul is worried about Pyongyang's launches.", 'South Korea'],
    ['Chinese officials are deeply concerned about the drills.', 'China'],
    ['Tehran has been frustrated by the firm response of the Gulf states.', 'Iran'],
    ['Britain fears the impact that a boycott of Russia might have.', 'United Kingdom'],
  ])('%s', (text, actor) => {
    const sentence = analyser.stances({ text }).find((s) => s.actor === actor);
    expect(sentence?.author.label).toBe('neutral');
    expect(authorLabel(text, actor)).toBe('neutral');
  });

  it('the author\'s own word on the experiencer still counts: "The reckless regime in Tehran is worried ..."', () => {
    expect(authorLabel('The reckless and brutal regime in Tehran is worried about the protests.', 'Iran')).toBe('negative');
  });
});
