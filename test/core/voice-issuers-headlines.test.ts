// "X issued a statement condemning Y": the one who issues a document speaks through it, and the participle after
// the document reports what it says; a headline may end with a described speaker ("... – Russian spy agency").
// Sentences are written for these tests.
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

describe('a headline that ends with a described speaker', () => {
  it.each([
    ['Russia sanctions have completely backfired – ex-EU commissioner', 'Russia', 'ex-EU commissioner'],
    ['US has new tool for meddling in elections – Russian spy agency', 'United States', 'Russian spy agency'],
    ['Alliance with US may still hinder Japan-China ties: expert', 'Japan', 'expert'],
  ])('%s', (sentence, actor, speaker) => {
    expect(frameOn(actor, sentence)?.speaker).toBe(speaker);
  });

  it('a final dash before words that name no speaker is no attribution: "... - the end"', () => {
    expect(frameOn('China', 'China is a menace to the region - the end')).toBeUndefined();
  });
});

describe('a headline that opens with a described speaker and a colon', () => {
  it.each([
    ['Uganda leader: An attack on Russia is an attack on Africa', 'Russia', 'Uganda leader'],
    ['Chinese envoy: NATO must not meddle in Asia', 'NATO', 'Chinese envoy'],
  ])('%s', (sentence, actor, speaker) => {
    expect(frameOn(actor, sentence)?.speaker).toBe(speaker);
  });

  it('a topic before the colon is no speaker: "Trade war: China hits back at US tariffs"', () => {
    expect(frameOn('United States', 'Trade war: China hits back at US tariffs')).toBeUndefined();
  });
});
