// Reporting forms the attribution missed: an inverted speaker after an article ("..., said the ministry",
// "..., says an author"), "explaining that" going on with the speaker, and the pronoun "it" as a speaker ("..., it said"; "It also condemns ...",
// an agency, ministry or document already named) and hearsay adverbs ("the threat allegedly posed by China",
// "Russia reportedly moved troops"). Sentences are written for these tests; the rule is rule 2 of
// ../shared/annotation/author-stance-guideline.md (what the author attributes is not the author's own stance).
import { describe, expect, it } from 'vitest';
import { createAnalyser } from '../../src/core/analyse.js';
import { loadAnalyserResources } from '../../src/resources.js';
import { onlyFrame, voicesOf } from './voice-fixture.js';

const analyser = createAnalyser(loadAnalyserResources());
const authorLabel = (text: string, actor: string): string | undefined => analyser.analyse({ text }).actors.find((a) => a.actor === actor)?.label;

describe('"it" as the speaker (rule 2)', () => {
  it.each([
    ['a trailing "it said"', 'Beijing\'s hostility makes a mockery of its own promises, it said.', 'China'],
    ['"It also condemns ..."', 'It also condemns Western nations for their reckless sanctions policy.', 'the West'],
    ['"it warned"', 'It warned that Tokyo\'s militarist ambitions were a danger to the region.', 'Japan'],
  ])('%s: the clause is reported, the author takes no side', (_form, sentence, actor) => {
    const f = onlyFrame(sentence);
    expect(f.reports).toEqual([actor]);
    expect(authorLabel(sentence, actor)).toBe('neutral');
  });

  it('"he said" keeps working as before', () => {
    expect(onlyFrame('Beijing\'s hostility makes a mockery of its own promises, he said.').reports).toEqual(['China']);
  });

  it('"it" that is not a speaker ("It was reckless of NATO to expand.") reports nothing', () => {
    expect(voicesOf('It was reckless of NATO to expand.').frames).toEqual([]);
    expect(authorLabel('It was reckless of NATO to expand.', 'NATO')).toBe('negative');
  });
});

describe('hearsay adverbs mark a claim as someone else\'s (rule 2)', () => {
  it.each([
    ['"allegedly" after the noun it qualifies', 'Officials often cite the grave threat allegedly posed to the order by China.', 'China'],
    ['"reportedly" before the verb', 'Russia reportedly carried out a brutal assault on the village.', 'Russia'],
  ])('%s: the comma-bounded stretch is an unattributed claim', (_form, sentence, actor) => {
    const f = onlyFrame(sentence);
    expect([f.speaker, f.cue]).toEqual(['unnamed', 'claim']);
    expect(f.reports).toEqual([actor]);
  });

  it('the claim ends at the comma: the author\'s own clause after it stays the author\'s', () => {
    const sentence = 'Russia reportedly moved troops to the border, and NATO\'s reckless expansion is to blame.';
    const f = onlyFrame(sentence);
    expect(f.reports).toEqual(['Russia']);
    expect(authorLabel(sentence, 'NATO')).toBe('negative');
  });

  it.each([
    ['"supposedly" (the writer\'s scepticism)', 'What rules is America supposedly abiding by?'],
    ['"apparently" (the writer\'s own inference)', 'North Korea apparently launched a missile on Wednesday.'],
  ])('%s is the author\'s voice: no frame', (_form, sentence) => {
    expect(voicesOf(sentence).frames).toEqual([]);
  });
});

describe('an inverted speaker after an article (rule 2)', () => {
  it.each([
    ['"said the ministry"', 'NATO is a hostile bloc, said the ministry.', 'the ministry', 'NATO'],
    ['"said the Foreign Ministry"', 'Russia is reckless, said the Foreign Ministry.', 'the Foreign Ministry', 'Russia'],
    ['"says an author"', 'All US policies in West Asia are failing and its hegemony is ending, says an author.', 'an author', 'United States'],
    ['"said a spokesman for ..."', 'Japan is a troublemaker, said a spokesman for the embassy.', 'a spokesman', 'Japan'],
  ])('%s: the clause before it is reported, the speaker as written', (_form, sentence, speaker, actor) => {
    const f = onlyFrame(sentence);
    expect([f.speaker, f.reports]).toEqual([speaker, [actor]]);
    expect(authorLabel(sentence, actor)).toBe('neutral');
  });

  it('an article before a plain noun phrase is no inverted speaker: "X, on the other hand, portrayed a threatening China"', () => {
    const f = onlyFrame('Japan\'s defense white paper, on the other hand, portrayed a threatening China seeking to expand its influence.');
    expect(f.speaker).toBe('Japan\'s defense white paper');
    expect(f.reports).toEqual(['China']);
  });

  it('"..., X said, explaining that ..." goes on with X', () => {
    const text = 'The riots in Iran failed, Shadjareh said, explaining that the riots were backed by the reckless US.';
    const voices = analyser.analyse({ text }).voices.filter((v) => v.actor === 'United States');
    expect(voices.map((v) => v.speaker)).toEqual(['Shadjareh']);
    expect(authorLabel(text, 'United States')).toBe('neutral');
  });
});
