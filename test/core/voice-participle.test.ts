// A sentence that opens with the participle of a speech act ("Hailing China as a reliable friend, Putin said
// ..."): the participle's subject is the speaker of the main clause, so the opening clause is the speaker's words
// (guideline rule 2), not the author's. Sentences are written for these tests.
import { describe, expect, it } from 'vitest';
import { frameReporting, onlyFrame, voicesOf } from './voice-fixture.js';

describe('an opening speech-act participle belongs to the speaker of the main clause', () => {
  it.each([
    ['hailing', 'Hailing China as a dependable partner, Putin told officials in Moscow that closer ties with China come first for Russia.', 'China', 'Putin'],
    ['accusing', 'Accusing Washington of reckless provocations, the Chinese foreign ministry said Beijing would respond.', 'United States', 'Chinese foreign ministry'],
    ['calling', 'Calling NATO a relic of the Cold War, Lavrov told reporters the alliance should disband.', 'NATO', 'Lavrov'],
  ])('%s: the opening clause is reported by the speaker', (_verb, sentence, actor, speaker) => {
    const frame = onlyFrame(sentence);
    expect(frame.speaker).toContain(speaker);
    expect(frameReporting([frame], actor)).toBeDefined();
  });

  it('a participle that is no speech act stays the author\'s ("Facing sanctions, Russia said ...")', () => {
    const frame = onlyFrame('Facing harsh sanctions from the European Union, Russia said it would cut gas supplies.');
    expect(frameReporting([frame], 'European Union')).toBeUndefined();
  });

  it('the participle\'s subject must be the speaker: "Praising China ..., Moscow sent a delegation, Reuters reported" is Moscow\'s act, reported by Reuters as a whole', () => {
    const { frames } = voicesOf('Praising China for its help, Moscow sent a large delegation to Beijing, Reuters reported.');
    expect(frames.some((f) => f.content.startsWith('praising') && f.speaker !== 'Reuters')).toBe(false);
  });
});

describe('an actor named in the author\'s voice and again in a quotation keeps the author\'s stance', () => {
  it('the quoted mention does not dilute the own-voice one', async () => {
    const { createAnalyser } = await import('../../src/core/analyse.js');
    const { loadAnalyserResources } = await import('../../src/resources.js');
    const analyser = createAnalyser(loadAnalyserResources());
    const text = 'NATO\'s reckless overreach into Asia is plain to see, as its chief peddled the notion that "the Pacific is a concern for NATO".';
    const stance = analyser.stances({ text }).find((s) => s.actor === 'NATO');
    expect(stance?.mentions).toBe(2);
    expect(stance?.author.label).toBe('negative');
  });
});

describe('"As X said ..., A": what X said is the main clause after the as-clause', () => {
  it('the main clause is X\'s, adopted (rule 2: "as X has pointed out")', () => {
    const frame = onlyFrame('As President Xi Jinping said in a speech at the summit in Lima, Peru, China\'s growth is a strong engine for the world economy.');
    expect(frame.speaker).toBe('President Xi Jinping');
    expect(frame.adoption).toBe(1);
    expect(frameReporting([frame], 'China')).toBeDefined();
  });

  it('with an article before the speaker', () => {
    const frame = onlyFrame('As the Chinese Foreign Ministry has pointed out, it is the Philippines that keeps stirring up trouble at sea.');
    expect(frameReporting([frame], 'Philippines')).toBeDefined();
  });
});
