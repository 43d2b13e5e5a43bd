// Claims named by a noun (voice-claims.ts): a possessor or a source after "from"/"by" owns what follows "that".
// Nouns that may be the author's own framing ("the statement that", "the view that") report only with their owner
// named. Sentences are written for these tests; rule 2 of ../shared/annotation/author-stance-guideline.md.
import { describe, expect, it } from 'vitest';
import { frameReporting, speakerOn, voicesOf } from './voice-fixture.js';


describe('claim nouns', () => {
  it('"accusations from China that the US is backing ...": the source after "from" speaks', () => {
    expect(speakerOn('United States', 'The drills led to accusations from China that the US is backing Manila\'s "provocations."')).toBe('China');
  });

  it('"claims by Manila that ...": the source after "by"', () => {
    expect(speakerOn('China', 'Claims by Manila that China rammed its vessel were rejected.')).toBe('Manila');
  });

  it('"Misri\'s statement that China has shown ...": an owned statement reports what follows', () => {
    expect(speakerOn('China', "Foreign Secretary Vikram Misri's statement that China has shown understanding is a welcome signal.")).toBe('Foreign Secretary Vikram Misri');
  });

  it('an owner after an opening participle: "Responding to India\'s claims that ..." is India\'s', () => {
    expect(speakerOn('China', "Responding to India's claims that Chinese soldiers made an incursion, Beijing said nothing.")).toBe('India');
  });

  it('"the statement that ..." or "the view that ..." without an owner reports nothing', () => {
    expect(speakerOn('China', 'The statement that China is aggressive is false.')).toBeUndefined();
    expect(frameReporting(voicesOf('The view that Russia is weak is widespread in Europe.').frames, 'Russia')).toBeUndefined();
  });
});
