import { describe, expect, it } from 'vitest';
import { normaliseText, normaliseTypography, splitSentences, stripHtml } from '../../src/core/text.js';

describe('text', () => {
  it('keeps offsets when normalising typography', () => {
    const s = 'Moscow\u2019s \u201Cview\u201D \u2014 firm';
    expect(normaliseTypography(s)).toBe(`Moscow's "view" - firm`);
    expect(normaliseTypography(s)).toHaveLength(s.length);
  });

  it('strips HTML remnants and entities', () => {
    expect(normaliseText('<p>NATO &amp; the EU</p><script>x()</script><p>met.</p>')).toBe('NATO & the EU\nmet.');
    expect(stripHtml('a&#8217;b')).toBe('a\u2019b');
  });

  it('does not split after abbreviations and initials', () => {
    expect(splitSentences('Mr. Smith met Gen. Lee in the U.S. Capitol. Judge Neil M. Gorsuch agreed. No. 5 won.')).toEqual([
      'Mr. Smith met Gen. Lee in the U.S. Capitol.',
      'Judge Neil M. Gorsuch agreed.',
      'No. 5 won.',
    ]);
  });

  it('splits after closing quotes and on line breaks', () => {
    expect(splitSentences('"We object," he said. "It is wrong!" She left\nNew line')).toEqual([
      '"We object," he said.',
      '"It is wrong!"',
      'She left',
      'New line',
    ]);
  });
});
