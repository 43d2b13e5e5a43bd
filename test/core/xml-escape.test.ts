import { describe, expect, it } from 'vitest';
import { escapeXmlAttribute } from '../../src/core/opml.js';
import { escapeXml, escapeXmlText } from '../../src/core/xml-escape.js';

describe('escapeXml: the one XML escaper', () => {
  it('escapes the five XML specials and nothing else', () => {
    expect(escapeXml(`a & b < c > d "e" 'f' é`)).toBe('a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos; é');
    expect(escapeXml('&amp;')).toBe('&amp;amp;');
  });

  it('character data keeps quotes as they are', () => {
    expect(escapeXmlText(`<b> & "q" 'a'`)).toBe(`&lt;b&gt; &amp; "q" 'a'`);
  });

  it('OPML attributes build on it: controls dropped, tab and newlines as character references', () => {
    expect(escapeXmlAttribute('A & "B"\u0007\tC\n')).toBe('A &amp; &quot;B&quot;&#9;C&#10;');
  });
});
