// A definite description as the speaker ("the minister said", "the paper says", "the Turkish diplomat added")
// refers back to a speaker already named. Sentences are written for these tests.
import { describe, expect, it } from 'vitest';
import { speakerOn } from './voice-fixture.js';


describe('a role, media or organisation noun refers back to a named speaker', () => {
  it('"the minister": the latest speaker whose name holds the noun', () => {
    expect(speakerOn('NATO',
      'Russian Foreign Minister Sergei Lavrov said the talks were useful.',
      'Kremlin spokesman Dmitry Peskov said the talks would go on.',
      'The minister said NATO was a relic of the Cold War.')).toBe('Russian Foreign Minister Sergei Lavrov');
  });

  it('"the Turkish diplomat": a demonym may qualify the noun; the last named speaker', () => {
    expect(speakerOn('Russia',
      'Turkish Foreign Minister Hakan Fidan said the corridor would stay open.',
      'The Turkish diplomat added that Russia had kept its word.')).toBe('Turkish Foreign Minister Hakan Fidan');
  });

  it('"the paper": the latest named publication, not the latest speaker', () => {
    expect(speakerOn('Japan',
      'The Yomiuri Shimbun said in an editorial that the budget was too small.',
      'Prime Minister Kishida said the budget was enough.',
      'The paper says Japan must do more for its own defence.')).toBe('Yomiuri Shimbun');
  });

  it('"the article" with no publication named stays as written', () => {
    expect(speakerOn('NATO',
      'Lavrov said the talks were useful.',
      'The article argues that NATO is expanding recklessly.')).not.toBe('Lavrov');
  });

  it('"the ministry" is not the spokesman quoted last', () => {
    expect(speakerOn('Japan',
      'Spokesman Wang Wenbin said the visit was a provocation.',
      'The ministry said Japan should reflect on its history.')).not.toBe('Spokesman Wang Wenbin');
  });

  it('a title in capitals is still a description: "The Foreign Minister stressed" is the speaker named before', () => {
    expect(speakerOn('Russia',
      'Sybiha: Russian strikes send the true message.',
      'The Foreign Minister stressed that Russia attacks cities every night.')).toBe('Sybiha');
    expect(speakerOn('Israel',
      'Prime Minister Kishida said the talks were useful.',
      'Foreign Minister Hakan Fidan said the talks would go on.',
      'The Prime Minister said Israel had ignored every warning.')).toBe('Prime Minister Kishida');
  });

  it('a title must be in the name: "the prime minister" is not the foreign minister named before', () => {
    expect(speakerOn('Israel',
      'Foreign Minister Hakan Fidan said the talks were useful.',
      'The prime minister said Israel had ignored every warning.')).not.toBe('Foreign Minister Hakan Fidan');
  });

  it('a capitalised name in the phrase is a name, not a description: "the Global Times editorial said"', () => {
    expect(speakerOn('United States',
      'Lavrov said the talks were useful.',
      'The Global Times editorial said the United States had lost its foothold.')).not.toBe('Lavrov');
  });
});

describe('a description by demonym and role names no one: the name the article gives next is the one referred to', () => {
  it('"the envoy" after "Indian envoy to China ..." and "Vikram Misri told PTI" is Vikram Misri', () => {
    expect(speakerOn('China',
      'The only way out is for Beijing to stop building, Indian envoy to China was quoted as saying.',
      '"Only way to resolve the standoff is for China to stop erecting new structures," Vikram Misri told PTI.',
      'China should stop creating obstructions, the envoy said.')).toBe('Vikram Misri');
  });

  it('"The Iranian president said" after "Masoud Pezeshkian said" is Masoud Pezeshkian, also as "added the president"', () => {
    const opening = ['The Iranian president said on Thursday that Tehran seeks no war.', '"We have never pursued war," Masoud Pezeshkian said in a phone call.'];
    expect(speakerOn('Israel', ...opening, 'The Iranian president said that Israel was the aggressor.')).toBe('Masoud Pezeshkian');
    expect(speakerOn('Israel', ...opening, 'Israel is the aggressor in the region, added the president.')).toBe('Masoud Pezeshkian');
  });
});
