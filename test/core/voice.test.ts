// Voice attribution (src/core/voice.ts, voice-constructions.ts): who speaks in a sentence, which actor's mention is
// reported content, and whether the author adopts or rejects it. Each case names the family and the rule of
// ../shared/annotation/author-stance-guideline.md it checks. Sentences are written for these tests.
import { describe, expect, it } from 'vitest';
import { frameReporting, onlyFrame, readVoices, voicesOf } from './voice-fixture.js';

describe('reported speech in each form (rule 2: attributed statements are not the author\'s)', () => {
  it.each([
    ['past "said"', 'Kremlin spokesman Dmitry Peskov said NATO\'s expansion was a direct threat to Russia.', 'Kremlin spokesman Dmitry Peskov', 'Russia', 'NATO'],
    ['present "says"', 'Beijing says Tokyo\'s new defence plan is dangerous.', 'Beijing', 'China', 'Japan'],
    ['"warned that"', 'The Pentagon warned that Iran\'s drone programme posed a serious danger.', 'Pentagon', 'United States', 'Iran'],
    ['"accused Y of"', 'Tehran has repeatedly accused Israel of sabotage.', 'Tehran', 'Iran', 'Israel'],
    ['"claimed"', 'Moscow claimed the West wanted to weaken Russia.', 'Moscow', 'Russia', 'the West'],
    ['"denounced", speaker with an article', 'The Kremlin denounced the new sanctions against Russia.', 'Kremlin', 'Russia', 'Russia'],
    ['"told reporters that"', 'Foreign Minister Wang Yi told reporters that Washington was fanning the flames.', 'Foreign Minister Wang Yi', undefined, 'United States'],
    ['"told journalists" without "that"', 'The Chinese envoy told journalists the Philippines was acting recklessly.', 'Chinese envoy', 'China', 'Philippines'],
    ['a speaker whose name ends in -ly', 'Italy said the proposal from Kyiv was unworkable.', 'Italy', undefined, 'Ukraine'],
    ['a newspaper named "Daily"', 'The People\'s Daily wrote that Washington was a hypocrite.', 'People\'s Daily', undefined, 'United States'],
  ])('rule 2, verb form %s: speaker and reported actor', (_form, sentence, speaker, speakerActor, reported) => {
    const f = onlyFrame(sentence);
    expect(f.speaker).toBe(speaker);
    expect(f.speakerActor).toBe(speakerActor);
    expect(f.reports).toContain(reported);
    expect(f.adoption).toBe(0);
  });

  it.each([
    ['a quotation before "X told the BBC"', '"Russia will never accept this," Zelensky told the BBC.', 'Russia'],
    ['a clause before "X told the BBC"', 'Russia is a threat to Europe, Zelensky told the BBC.', 'Russia'],
    ['"told Xinhua that"', 'Japan\'s ambassador told Xinhua that Beijing wanted calm.', 'China'],
  ])('rule 2, a named audience (%s) is not what is said', (_form, sentence, reported) => {
    const f = onlyFrame(sentence);
    expect(f.reports).toEqual([reported]);
    expect(f.content).not.toMatch(/bbc|xinhua/);
  });

  it('rule 2, an apposition before the verb ("Lavrov, the Russian foreign minister, said NATO ...") is no inversion', () => {
    const f = onlyFrame('Sergei Lavrov, the Russian foreign minister, said NATO was hostile.');
    expect([f.speaker, f.reports]).toEqual(['Sergei Lavrov', ['NATO']]);
  });

  it('rule 2, "While X said A, B": A is reported, the main clause B is the author\'s', () => {
    const f = onlyFrame('While Tokyo said the drills were routine, the Philippines has quietly invited Washington to provoke China.');
    expect(f.speakerActor).toBe('Japan');
    expect(f.reports).toEqual([]);
    expect(f.content).toBe('the drills were routine');
  });

  it('rule 2, a reporting clause set inside the sentence ("A, X has said, B") reports both sides', () => {
    const f = onlyFrame('Within five years, Denmark\'s defence minister has said, Mr Putin could be ready to take on NATO.');
    expect(f.reports).toEqual(['Vladimir Putin', 'NATO']);
  });

  it('rule 2, "..., X said, as ...": a clause of the author\'s after the reporting clause is not reported', () => {
    expect(onlyFrame('Russia is a threat, Zelensky said, as the war entered its third year.').content).toBe('russia is a threat');
  });

  it.each([
    ['"points of view" is no "points out"', 'Washington wants to suppress alternative points of view, Kremlin spokesman Dmitry Peskov said on Monday.', 'Kremlin spokesman Dmitry Peskov'],
    ['"blasts" is an event noun, not "slams"', 'Two blasts hit central Kyiv, Ukrainian officials said.', 'Ukrainian officials'],
  ])('rule 2, a noun that looks like a reporting verb (%s) does not hide the real speaker', (_form, sentence, speaker) => {
    expect(voicesOf(sentence).frames.map((f) => f.speaker)).toEqual([speaker]);
  });

  it('rule 2, "X was quoted by an agency as saying": the subject of "quoted" speaks', () => {
    const f = onlyFrame('Lavrov was quoted by TASS as saying that NATO was hostile.');
    expect([f.speaker, f.reports]).toEqual(['Lavrov', ['NATO']]);
  });

  it('rule 2, "according to X, ...": the clause after the source is reported', () => {
    const f = onlyFrame('According to the Iranian Foreign Ministry, the new EU sanctions are illegal.');
    expect([f.cue, f.speaker, f.speakerActor]).toEqual(['according', 'the Iranian Foreign Ministry', 'Iran']);
    expect(f.reports).toEqual(['European Union']);
  });

  it('rule 2, "..., according to X": the clause before the source is reported', () => {
    const f = onlyFrame('The EU\'s latest measures are unlawful, according to a Kremlin statement.');
    expect([f.cue, f.speakerActor]).toEqual(['according', 'Russia']);
    expect(f.reports).toEqual(['European Union']);
  });

  it('rule 2, "X\'s spokesman said": the speaker phrase names the actor it speaks for', () => {
    const f = onlyFrame('China\'s foreign ministry spokesman said the Philippines was acting recklessly.');
    expect([f.speaker, f.speakerActor, f.reports]).toEqual(['China\'s foreign ministry spokesman', 'China', ['Philippines']]);
  });

  it('rule 2, "a spokesman for X said": the actor after "for" is the speaker\'s', () => {
    const f = onlyFrame('A spokesman for the Chinese embassy said Manila\'s decision was unwise.');
    expect(f.speakerActor).toBe('China');
    expect(f.reports).toContain('Philippines');
  });

  it('rule 2, inverted "..., said X": the clause before the verb is reported, the speaker follows it', () => {
    const f = onlyFrame('Washington is undermining stability in the region, said Chinese Foreign Ministry spokesman Mao Ning.');
    expect([f.speaker, f.speakerActor, f.reports]).toEqual(['Chinese Foreign Ministry spokesman Mao Ning', 'China', ['United States']]);
  });

  it('rule 2, quotation then "the ambassador said": the quotation is reported', () => {
    const f = onlyFrame('"Japan is playing with fire," the Chinese ambassador said.');
    expect([f.speakerActor, f.reports]).toEqual(['China', ['Japan']]);
  });

  it('rule 2, participle "..., adding that": the clause\'s speaker goes on into what it adds', () => {
    const { frames } = voicesOf('NATO\'s push east has backfired, Beijing said, adding that Washington had ignored Moscow\'s concerns.');
    expect(frameReporting(frames, 'NATO')?.speakerActor).toBe('China');
    expect(frameReporting(frames, 'United States')?.speakerActor).toBe('China');
    expect(frameReporting(frames, 'Russia')?.speaker).toBe('Beijing');
  });

  it('rule 2, participle after an opening phrase: the subject after the phrase speaks, not a venue inside it', () => {
    const f = onlyFrame('During his stop in Tokyo, the NATO chief sought support for Kyiv, claiming that China was bullying its neighbours.');
    expect([f.speakerActor, f.reports]).toEqual(['NATO', ['China']]);
  });

  it.each([
    ['the communique says', 'The draft communique says China poses a systemic challenge to the alliance.', 'draft communique', 'China'],
    ['the statement says', 'The statement says Russia bears full responsibility for the crisis.', 'statement', 'Russia'],
    ['the newspaper wrote', 'The newspaper wrote that Tokyo had betrayed its neighbours.', 'newspaper', 'Japan'],
  ])('rule 2, a document speaks ("%s"): the document is the speaker', (_form, sentence, speaker, reported) => {
    const f = onlyFrame(sentence);
    expect(f.speaker).toBe(speaker);
    expect(f.reports).toEqual([reported]);
  });
});

describe('speakers resolved across sentences (voices section: record the speaker as named)', () => {
  it('a pronoun speaker ("He added") is the last named speaker, with its actor', () => {
    const [, second] = readVoices('Russian Foreign Minister Sergey Lavrov said NATO had broken its promises.', 'He added that the EU was a vassal of Washington.');
    const f = second?.frames[0];
    expect([f?.speaker, f?.speakerActor]).toEqual(['Russian Foreign Minister Sergey Lavrov', 'Russia']);
    expect(f?.reports).toEqual(['European Union', 'United States']);
  });

  it('a surname met again ("Lavrov also said") is the fuller form named before', () => {
    const [, second] = readVoices('Russian Foreign Minister Sergey Lavrov said NATO had broken its promises.', 'Lavrov also said Kyiv was sabotaging the talks.');
    expect(second?.frames[0]?.speaker).toBe('Russian Foreign Minister Sergey Lavrov');
    expect(second?.frames[0]?.speakerActor).toBe('Russia');
  });

  it('a pronoun with no named speaker before it stays unnamed', () => {
    expect(onlyFrame('She said the agreement with Seoul was unfair.').speaker).toBe('unnamed');
  });

  it('unnamed sources ("officials said") are recorded as written, with no actor', () => {
    const f = onlyFrame('Officials said the attack on Israel was unprovoked.');
    expect([f.speaker, f.speakerActor, f.reports]).toEqual(['Officials', undefined, ['Israel']]);
  });
});

describe('quotations (rule 1: scare quotes are the author\'s; rule 2: quotations are the speaker\'s)', () => {
  it('a quotation opened in one sentence and closed in the next belongs to the last named speaker', () => {
    const [, open, close] = readVoices('Chinese Foreign Minister Wang Yi said Beijing wanted calm.', '"The United States must stop meddling in Asia.', 'It is a destabilising force," he said.');
    expect(open?.frames.map((f) => [f.speaker, f.cue, f.reports])).toEqual([['Chinese Foreign Minister Wang Yi', 'quote', ['United States']]]);
    expect(close?.frames[0]?.speakerActor).toBe('China');
  });

  it('a whole-sentence quotation after an attributed one goes on in the same speaker\'s voice', () => {
    const [, next] = readVoices('"Washington cannot be trusted on trade," Chinese Premier Li Qiang said.', '"The EU, however, has been a reliable partner."');
    expect(next?.frames.map((f) => [f.speaker, f.reports])).toEqual([['Chinese Premier Li Qiang', ['European Union']]]);
  });

  it.each([
    ['double quotes', 'Iran\'s "peaceful" nuclear programme worries its neighbours.', 'peaceful'],
    ['single quotes after so-called', 'Beijing\'s so-called \'peaceful rise\' is a myth.', 'peaceful rise'],
    ['a quoted label', 'The "rules-based order" is a tool of Washington.', 'rules-based order'],
  ])('rule 1, scare quotes (%s) are no one\'s voice but the author\'s', (_kind, sentence, quoted) => {
    const v = voicesOf(sentence);
    expect(v.frames).toEqual([]);
    expect(v.scareQuotes).toEqual([quoted]);
  });
});

describe('headlines (rule 6: the author\'s voice unless they attribute)', () => {
  it('colon headline "Lavrov: ...": the name before the colon speaks', () => {
    const f = onlyFrame('Lavrov: Washington is destroying arms control');
    expect([f.cue, f.speaker, f.reports]).toEqual(['headline', 'Lavrov', ['United States']]);
  });

  it('dash headline "... - Lavrov": the name after the final dash speaks', () => {
    const f = onlyFrame('Washington is destroying arms control - Lavrov');
    expect([f.cue, f.speaker, f.reports]).toEqual(['headline', 'Lavrov', ['United States']]);
  });

  it('"..., officials say": the headline is attributed to unnamed officials', () => {
    const f = onlyFrame('Pyongyang\'s missile tests threaten regional peace, officials say');
    expect([f.speaker, f.reports]).toEqual(['officials', ['North Korea']]);
  });

  it.each([
    ['a rubric before the colon', 'Analysis: NATO\'s expansion has backfired'],
    ['an exclusive tag', 'Exclusive: Tehran weighs new talks with Washington'],
    ['no attribution at all', 'Japan\'s new defence budget alarms its neighbours'],
  ])('a headline with %s has no speaker', (_kind, headline) => {
    expect(voicesOf(headline).frames).toEqual([]);
  });
});

describe('adoption and rejection (rule 2: the author adopts or frames a source in its own voice)', () => {
  it.each([
    ['"as X rightly pointed out"', 'As Tokyo rightly pointed out, Pyongyang\'s provocations endanger the region.', 'North Korea', 1],
    ['"X exposed ..."', 'The report exposed Moscow\'s campaign of disinformation.', 'Russia', 1],
    ['vague "critics say"', 'Critics say the EU has been naive about Beijing.', 'European Union', 1],
    ['vague "observers have long warned"', 'Observers have long warned that Pyongyang is preparing a nuclear test.', 'North Korea', 1],
    ['"X\'s baseless claims that"', 'Washington\'s baseless claims that China spies on Africa have been debunked.', 'China', -1],
    ['"falsely claimed"', 'Washington falsely claimed that Iran was hiding enriched uranium.', 'Iran', -1],
    ['a plain "said"', 'Tokyo said Pyongyang\'s provocations endanger the region.', 'North Korea', 0],
  ])('%s: adoption of the frame reporting the actor', (_marker, sentence, actor, adoption) => {
    expect(frameReporting(voicesOf(sentence).frames, actor)?.adoption).toBe(adoption);
  });

  it.each([
    ['"dismissed the report as fabricated"', 'Moscow dismissed the Ukrainian report as fabricated.', 'Ukraine'],
    ['"rejected Y\'s accusations as baseless"', 'Israel has rejected Iran\'s accusations as baseless.', 'Iran'],
  ])('a rejection word inside what is reported (%s) is the speaker\'s, not the author\'s rejection', (_form, sentence, actor) => {
    expect(frameReporting(voicesOf(sentence).frames, actor)?.adoption).toBe(0);
  });

  it('"X\'s baseless claims": the owner of the claims is its speaker', () => {
    const f = onlyFrame('Washington\'s baseless claims that China spies on Africa have been debunked.');
    expect([f.cue, f.speakerActor]).toEqual(['claim', 'United States']);
  });
});

describe('several speakers in one sentence (voices section: each speaker with its own stance)', () => {
  it.each([
    ['", and"', 'Biden said Russia was isolated, and Putin said the West was in decline.', [['Russia', 'Joe Biden'], ['the West', 'Vladimir Putin']]],
    ['", while"', 'Kremlin spokesman Dmitry Peskov said the talks with Kyiv were useful, while Zelensky said Russia could not be trusted.', [['Ukraine', 'Russia'], ['Russia', 'Volodymyr Zelensky']]],
    ['a semicolon', 'Germany called Russia a threat; France called Iran a partner.', [['Russia', 'Germany'], ['Iran', 'France']]],
  ])('clauses joined by %s: each reported actor goes to its own clause\'s speaker', (_joint, sentence, pairs) => {
    const { frames } = voicesOf(sentence);
    expect(frames.length).toBeGreaterThanOrEqual(2);
    for (const [actor, speakerActor] of pairs as Array<[string, string]>) expect(frameReporting(frames, actor)?.speakerActor).toBe(speakerActor);
  });

  it('a second speaker inside one clause does not split it', () => {
    const f = onlyFrame('Beijing slammed Manila on Monday, accusing it of provocations near the shoal.');
    expect([f.speakerActor, f.reports]).toEqual(['China', ['Philippines']]);
  });
});

describe('events and own voice (rule 3 and rule 1: no one is reported)', () => {
  it.each([
    ['an event told plainly', 'Washington imposed new sanctions on Moscow on Friday.'],
    ['own-voice evaluation', 'NATO\'s reckless expansion is a direct threat to peace.'],
    ['a victim of an event', 'Israeli jets struck targets in Syria overnight.'],
  ])('%s has no voice frame', (_kind, sentence) => {
    expect(voicesOf(sentence).frames).toEqual([]);
  });
});
