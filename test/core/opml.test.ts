import { describe, expect, it } from 'vitest';
import { checkFeedUrl } from '../../src/core/feed-url.js';
import { parseOpml, toOpml, DEFAULT_OPML_LIMITS } from '../../src/core/opml.js';

const doc = (outlines: string): string => `<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body>${outlines}</body></opml>`;

describe('parseOpml', () => {
  it('reads feeds in document order through folders, decoding entities, without duplicates', () => {
    const r = parseOpml(doc(`
      <outline text="News"><outline text="A &amp; B" title="A &amp; B" xmlUrl="https://a.example/rss?x=1&amp;y=2"/></outline>
      <outline text='Single quoted' xmlUrl='https://b.example/feed'/>
      <!-- <outline text="commented" xmlUrl="https://c.example/feed"/> -->
      <outline text="again" xmlUrl="https://a.example/rss?x=1&amp;y=2"/>`));
    expect(r.ok && r.value.entries).toEqual([
      { url: 'https://a.example/rss?x=1&y=2', title: 'A & B' },
      { url: 'https://b.example/feed', title: 'Single quoted' },
    ]);
    expect(r.ok && r.value.rejected).toEqual([{ url: 'https://a.example/rss?x=1&y=2', reason: 'listed twice' }]);
  });

  it('refuses hostile URLs one by one, with a reason each', () => {
    const r = parseOpml(doc(`
      <outline xmlUrl="file:///etc/passwd"/><outline xmlUrl="javascript:alert(1)"/><outline xmlUrl="gopher://x.example/"/>
      <outline xmlUrl="http://admin:secret@x.example/rss"/><outline xmlUrl="not a url"/><outline xmlUrl="https://x.example/&#10;feed"/>
      <outline xmlUrl="https://${'a'.repeat(3000)}.example/"/><outline xmlUrl="https://ok.example/rss"/>`));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.entries.map((e) => e.url)).toEqual(['https://ok.example/rss']);
    expect(r.value.rejected.map((x) => x.reason)).toEqual([
      'only http and https feeds are allowed, not file:',
      'only http and https feeds are allowed, not javascript:',
      'only http and https feeds are allowed, not gopher:',
      'addresses with a user name or password are refused',
      'the address contains spaces or control characters',
      'the address contains spaces or control characters',
      'the address is longer than 2048 characters',
    ]);
    expect(r.value.rejected.every((x) => x.url.length <= 200)).toBe(true);
  });

  it('does not expand entities declared in a DTD (no billion laughs)', () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
      <opml version="2.0"><body><outline title="&b;" xmlUrl="https://x.example/&b;"/></body></opml>`;
    const r = parseOpml(bomb);
    expect(r.ok && r.value.entries).toEqual([{ url: 'https://x.example/&b;', title: '&b;' }]);
  });

  it('bounds the document size and the number of entries', () => {
    expect(parseOpml('x'.repeat(DEFAULT_OPML_LIMITS.maxChars + 1))).toMatchObject({ ok: false });
    const many = Array.from({ length: 130 }, (_, i) => `<outline xmlUrl="https://f${i}.example/rss"/>`).join('');
    const r = parseOpml(doc(many));
    expect(r.ok && r.value.entries.length).toBe(DEFAULT_OPML_LIMITS.maxEntries);
    expect(r.ok && r.value.skipped).toBe(30);
  });

  it('fails cleanly on what is not OPML and never throws on junk', () => {
    expect(parseOpml('<html><body>hi</body></html>')).toEqual({ ok: false, error: 'the file is not an OPML document (no <opml> element)' });
    // The large cases take quadratic time in a naive regex scanner (far beyond the test timeout); linear here.
    const junk = [
      '', '<opml', '<opml><outline xmlUrl="', '<opml><outline xmlUrl=https://x.example/>', '\u0000\uffff<opml>&#xD800;',
      `<opml>${'<outline '.repeat(56_000)}`, `<opml>${'<!--'.repeat(120_000)}`, `<opml><outline ${'a'.repeat(500_000)}>`,
      `<opml><outline ${'a="x" '.repeat(80_000)}>`,
    ];
    for (const text of junk) expect(() => parseOpml(text)).not.toThrow();
    expect(parseOpml('<opml><outline xmlUrl=https://x.example/>')).toEqual({ ok: true, value: { entries: [], rejected: [], skipped: 0 } });
  });

  it('cleans titles: control and bidi characters removed, whitespace collapsed, length capped', () => {
    const r = parseOpml(doc(`<outline title="  Evil\u202e\u0007 name\n\n${'x'.repeat(300)}" xmlUrl="https://x.example/"/>`));
    const title = r.ok ? r.value.entries[0]?.title : null;
    expect(title?.startsWith('Evil name xxx')).toBe(true);
    expect(title?.length).toBe(DEFAULT_OPML_LIMITS.maxTitleLength);
  });
});

describe('checkFeedUrl', () => {
  it('normalises valid http(s) URLs', () => {
    expect(checkFeedUrl(' HTTPS://Example.ORG/feed ')).toEqual({ ok: true, value: 'https://example.org/feed' });
  });
});

describe('toOpml', () => {
  it('writes a document that reads back to the same entries, escaping hostile titles', () => {
    const entries = [
      { url: 'https://a.example/rss?x=1&y=2', title: 'Quotes " and \' & <tags>' },
      { url: 'https://b.example/feed', title: null },
    ];
    const xml = toOpml('My "feeds"', entries, Date.UTC(2026, 0, 2));
    expect(xml).toContain('<title>My &quot;feeds&quot;</title>');
    expect(xml).toContain('Fri, 02 Jan 2026 00:00:00 GMT');
    const back = parseOpml(xml);
    expect(back.ok && back.value.entries).toEqual([entries[0], { url: 'https://b.example/feed', title: 'https://b.example/feed' }]);
  });
});
