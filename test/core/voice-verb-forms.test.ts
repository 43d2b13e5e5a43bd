// Reporting verbs in any tense (issue 14: "say/claim/warn/accuse/slam-verbs in any tense"): participles of the
// speech acts ("lauding", "castigating", "calling"), and verbs of saying the lists missed ("underlined that",
// "mentioned that", "saw nothing wrong", "questioned"). Sentences are written for these tests; the rule is rule 2
// of ../shared/annotation/author-stance-guideline.md.
import { describe, expect, it } from 'vitest';
import { createAnalyser } from '../../src/core/analyse.js';
import { loadAnalyserResources } from '../../src/resources.js';
import { frameReporting, voicesOf } from './voice-fixture.js';

const analyser = createAnalyser(loadAnalyserResources());
const voiceOn = (text: string, actor: string) => analyser.analyse({ text }).voices.find((v) => v.actor === actor);

describe('verbs of saying the lists missed', () => {
  it.each([
    ['underlined that', 'The spokesperson underlined that Israel bears responsibility for the crimes.', 'Israel'],
    ['mentioned that', 'Prigozhin mentioned that Putin would make the plane fall apart.', 'Vladimir Putin'],
    ['highlighted', 'The ministry highlighted that Japan keeps ignoring its commitments.', 'Japan'],
    ['observed', 'The envoy observed that Russia has no interest in talks.', 'Russia'],
  ])('"%s" reports what follows', (_verb, sentence, actor) => {
    expect(frameReporting(voicesOf(sentence).frames, actor)).toBeDefined();
  });

  it('"X questioned the elections in Georgia": a speech act aimed at Georgia, the speaker\'s and not the author\'s', () => {
    const text = 'Western governments questioned the elections in Georgia.';
    expect(voiceOn(text, 'Georgia')).toBeDefined();
    expect(analyser.analyse({ text }).actors.find((a) => a.actor === 'Georgia')?.label).toBe('neutral');
  });
});

describe('participles of evaluative speech acts take the act\'s polarity', () => {
  it.each([
    ['lauding', 'Filipinos were pleased, lauding Japan for its generous aid.', 'Japan', 'positive'],
    ['castigating', 'The foreign ministry issued a statement castigating Japan for the move.', 'Japan', 'negative'],
    ['ridiculing', 'The agency ran a commentary ridiculing NATO for its meddling.', 'NATO', 'negative'],
    ['thanking', 'The minister wrote to Ankara, thanking Turkey for its mediation.', 'Turkey', 'positive'],
  ])('"%s X": a voice on X', (_verb, text, actor, label) => {
    expect(voiceOn(text, actor)?.label).toBe(label);
  });

  it('an opening participle is the main clause speaker\'s: "Calling Zelensky a dictator, Trump warned him"', () => {
    const v = voiceOn('Calling Zelensky a "dictator", Trump warned him to move fast.', 'Volodymyr Zelensky');
    expect(v?.speaker).toContain('Trump');
    expect(v?.label).toBe('negative');
  });
});

describe('"As X put it, A"', () => {
  it('reports the main clause as X\'s words', () => {
    const f = frameReporting(voicesOf('As the minister put it in his speech, NATO is a relic of the Cold War.').frames, 'NATO');
    expect(f?.speaker).toBe('minister');
  });

  it('"put" is no speech elsewhere: "The sanctions put pressure on Russia"', () => {
    expect(voicesOf('The sanctions put pressure on Russia.').frames).toEqual([]);
  });
});

describe('more verbs of saying, and the infinitive of a vow', () => {
  it.each([
    ['proclaimed ... that', 'Mike Pompeo proclaimed at the forum on Tuesday that "the tide has turned" against China.', 'China'],
    ['retorted that', 'The envoy retorted that NATO was a relic of the Cold War.', 'NATO'],
    ['conceded that', 'The minister conceded that Russia had outplayed the alliance.', 'Russia'],
    ['vowed to + infinitive', 'Prime Minister Shinzo Abe vowed to "expel by force" any Chinese landing on the islets.', 'China'],
    ['pledged to + infinitive', 'The president pledged to punish Israel for the raid.', 'Israel'],
  ])('"%s" reports what follows', (_verb, sentence, actor) => {
    expect(frameReporting(voicesOf(sentence).frames, actor)).toBeDefined();
  });

  it('"reaffirmed" is no verb of saying ("G20 reaffirms India\'s ascendency" is the author\'s headline)', () => {
    expect(frameReporting(voicesOf("The summit reaffirmed India's global ascendency as a Great Power.").frames, 'India')).toBeUndefined();
  });
});
