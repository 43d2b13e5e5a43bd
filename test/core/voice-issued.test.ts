// "X issued a statement condemning Y": the one who issues a document speaks through it, and the participle after
// the document reports what it says. Sentences are written for these tests.
import { describe, expect, it } from 'vitest';
import { frameReporting, readVoices } from './voice-fixture.js';

const frameOn = (actor: string, sentence: string) => frameReporting(readVoices(sentence)[0]?.frames ?? [], actor);

describe('an issued document', () => {
  it.each([
    ["Iran's foreign ministry issued a statement condemning the Israeli strikes.", 'Israel', "Iran's foreign ministry"],
    ['Bahram Ghasemi issued an announcement late on Thursday condemning the raid by Israel.', 'Israel', 'Bahram Ghasemi'],
    ["China's foreign ministry released a statement saying the United States was a bully.", 'United States', "China's foreign ministry"],
    ['The Kremlin published a statement accusing NATO of provocations.', 'NATO', 'Kremlin'],
  ])('%s', (sentence, actor, speaker) => {
    expect(frameOn(actor, sentence)?.speaker).toBe(speaker);
  });

  it('a document that is the subject still speaks itself: "The statement said NATO ..."', () => {
    expect(frameOn('NATO', 'The statement said NATO had broken its promises.')?.speaker).toBe('statement');
  });
});
