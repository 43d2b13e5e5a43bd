import { describe, expect, it } from 'vitest';
import { createAnalyser } from '../../src/core/analyse.js';
import { isBlankText, normaliseText, normaliseTypography, splitSentences, stripHtml } from '../../src/core/text.js';
import { loadAnalyserResources } from '../../src/resources.js';

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

  it('collapses tabs and space runs, trims lines and drops empty ones, and leaves tidy text as it is', () => {
    expect(normaliseText(' NATO\tmet  the EU \n\n\u00A0Russia. \nChina\n')).toBe('NATO met the EU\nRussia.\nChina');
    expect(normaliseText('a\n b')).toBe('a\nb');
    expect(normaliseText('a \nb')).toBe('a\nb');
    const tidy = 'NATO met the EU.\nRussia and China did not.';
    expect(normaliseText(tidy)).toBe(tidy);
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

describe('invisible and format characters', () => {
  const analyser = createAnalyser(loadAnalyserResources());

  it('removes zero-width and format characters, and maps other spaces to a space', () => {
    expect(normaliseText('N\u200BA\u200BT\u200BO is\u00A0here')).toBe('NATO is here');
    expect(normaliseText('\uFEFFre\u00ADckless \u2066NATO\u2069 and \u202Eevil\u202C.')).toBe('reckless NATO and evil.');
    expect(normaliseText('NATO\uFE0F\u2060 is\u200E here')).toBe('NATO is here');
  });

  it('removes every Unicode format character (\\p{Cf}) and variation selector between ASCII letters', () => {
    const invisible: string[] = [];
    for (let c = 0x80; c <= 0x10ffff; c++) {
      const ch = String.fromCodePoint(c);
      if (/[\p{Cf}\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/u.test(ch)) invisible.push(ch);
    }
    expect(invisible.length).toBeGreaterThan(150);
    const left = invisible.filter((ch) => normaliseText(`N${ch}A${ch}T${ch}O`) !== 'NATO');
    expect(left.map((ch) => ch.codePointAt(0)?.toString(16))).toEqual([]);
  });

  it('keeps a zero-width joiner between letters of a script that needs it', () => {
    expect(normaliseText('\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645 and N\u200CATO')).toBe('\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645 and NATO');
  });

  it('ends a sentence at a line or paragraph separator', () => {
    expect(splitSentences(normaliseText('NATO is reckless\u2028Russia is calm\u2029China waits\rThe end'))).toEqual([
      'NATO is reckless', 'Russia is calm', 'China waits', 'The end',
    ]);
  });

  it('is blank when only invisible characters are left', () => {
    expect(isBlankText('\u200B\u200C\u2060\uFEFF \u00A0\n\u202E')).toBe(true);
    expect(isBlankText('\u200BNATO')).toBe(false);
  });

  it('finds an actor hidden by zero-width spaces, negative, with the cleaned sentence as evidence', () => {
    const nato = analyser.analyse({ text: 'N\u200BA\u200BT\u200BO is reckless and aggressive.' }).actors.find((a) => a.actor === 'NATO');
    expect(nato?.label).toBe('negative');
    expect(nato?.evidence[0]?.sentence).toBe('NATO is reckless and aggressive.');
  });

  it('does not let bidi controls merge sentences or leak into evidence', () => {
    const text = 'Russia is peaceful and friendly.\u202B NATO is reckless and aggressive.\u202C';
    const actors = analyser.analyse({ text }).actors;
    expect(actors.find((a) => a.actor === 'NATO')?.evidence[0]?.sentence).toBe('NATO is reckless and aggressive.');
    expect(actors.find((a) => a.actor === 'Russia')?.label).toBe('positive');
  });
});
