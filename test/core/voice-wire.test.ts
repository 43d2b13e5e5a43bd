// Voice attribution in wire copy: time and place adverbials between a reporting verb and what is said, trailing
// weekdays, parenthetical "X notes", and plural sources after their verb ("..., say analysts"). Sentences are
// written for these tests; the rule is rule 2 of ../shared/annotation/author-stance-guideline.md (attributed
// statements are not the author's).
import { describe, expect, it } from 'vitest';
import { createAnalyser } from '../../src/core/analyse.js';
import { loadAnalyserResources } from '../../src/resources.js';
import { frameReporting, onlyFrame, voicesOf } from './voice-fixture.js';

const analyser = createAnalyser(loadAnalyserResources());

describe('wire-copy time and place adverbials (rule 2: still reported speech)', () => {
  it.each([
    ['"said on Monday that"', 'Kremlin spokesman Dmitry Peskov said on Monday that NATO was a hostile bloc.', 'Kremlin spokesman Dmitry Peskov', 'NATO'],
    ['"said Tuesday that"', 'Beijing said Tuesday that Tokyo was stirring up trouble.', 'Beijing', 'Japan'],
    ['"told reporters in Beijing that"', 'Wang Yi told reporters in Beijing that Washington was fanning the flames.', 'Wang Yi', 'United States'],
    ['"said in a statement that"', 'The ministry said in a statement that Israel had committed a grave crime.', 'ministry', 'Israel'],
  ])('an adverbial between the verb and "that" (%s): what follows "that" is reported', (_form, sentence, speaker, reported) => {
    const f = onlyFrame(sentence);
    expect(f.speaker).toBe(speaker);
    expect(f.reports).toEqual([reported]);
  });

  it.each([
    ['a bare weekday', 'NATO\'s expansion is a direct threat, Kremlin spokesman Dmitry Peskov said Tuesday.', 'Kremlin spokesman Dmitry Peskov'],
    ['"recently"', 'The sanctions on Russia have been a complete failure, Belgian lawmaker Guy Verhofstadt said recently.', 'Belgian lawmaker Guy Verhofstadt'],
  ])('"..., X said" with %s after the verb: the clause before the speaker is reported', (_form, sentence, speaker) => {
    const f = onlyFrame(sentence);
    expect(f.speaker).toBe(speaker);
    expect(f.reports.length).toBeGreaterThan(0);
  });

  it('"X said on Monday" with no "that": the adverbial is not what was said', () => {
    const f = onlyFrame('Russia is to blame for the crisis, the ministry said on Monday.');
    expect(f.reports).toEqual(['Russia']);
    expect(f.content).not.toContain('monday');
  });

  it('a parenthetical "A, X notes, B" reports both sides of it', () => {
    const f = onlyFrame('NATO\'s expansion, Peskov notes, is a direct threat to Russia.');
    expect(f.speaker).toBe('Peskov');
    expect(f.reports.sort()).toEqual(['NATO', 'Russia']);
  });

  it.each([
    ['"say analysts"', 'North Korea\'s latest launch is designed to wreak havoc, say analysts.', 'analysts'],
    ['"said officials"', 'Iran is preparing a new strike on Israel, said officials.', 'officials'],
  ])('a plural source after its verb (%s, a headline form) speaks, lower case as it is', (_form, sentence, speaker) => {
    const f = onlyFrame(sentence);
    expect(f.speaker).toBe(speaker);
    expect(f.reports.length).toBeGreaterThan(0);
  });

  it('an adverbial of several words ("on Monday and Tuesday") still reaches its "that"', () => {
    const { frames } = voicesOf('The ministry said on Monday and Tuesday that talks with Russia would resume.');
    expect(frameReporting(frames, 'Russia')?.speaker).toBe('ministry');
  });
});

describe('object pronouns, end-colon headlines and "lashed out" (rule 2 and rule 6)', () => {
  it('"According to him, ..." is the last named speaker, as "he said" is (through the analyser)', () => {
    const text = 'Kremlin spokesman Dmitry Peskov said the talks were over. According to him, NATO is a hostile bloc.';
    const voices = analyser.analyse({ text }).voices.filter((v) => v.actor === 'NATO');
    expect(voices.map((v) => [v.speaker, v.speakerActor])).toEqual([['Kremlin spokesman Dmitry Peskov', 'Russia']]);
  });

  it('"According to her ministry, ..." is no pronoun: the phrase is the speaker', () => {
    const f = onlyFrame('According to her ministry, Japan was preparing new sanctions.');
    expect(f.speaker).toBe('her ministry');
  });

  it.each([
    ['a surname', 'Taiwan will not bow to pressure from China: Tsai', 'Tsai', ['China', 'Taiwan']],
    ['a role', 'US wants dominance over all other countries: Writer', 'Writer', ['United States']],
  ])('rule 6, a headline ending "...: %s" is attributed to the name after the colon', (_form, sentence, speaker, reported) => {
    const f = onlyFrame(sentence);
    expect([f.cue, f.speaker]).toEqual(['headline', speaker]);
    expect(f.reports.sort()).toEqual(reported);
  });

  it('rule 6, a rubric after a final colon ("...: Live Updates") names no speaker', () => {
    expect(voicesOf('Russia shells Kherson market, killing civilians: Live Updates').frames).toEqual([]);
  });

  it('"lashed out at X" is a speech act aimed at X; "storms lashed" is weather', () => {
    const f = onlyFrame('Poland\'s prime minister lashed out at Germany for its reluctance to send tanks.');
    expect([f.speaker, f.reports]).toEqual(['Poland\'s prime minister', ['Germany']]);
    expect(voicesOf('Storms lashed the coast of Japan, killing dozens.').frames).toEqual([]);
  });
});
