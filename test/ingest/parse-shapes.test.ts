// Parser gaps closed for the feedparser corpus: plain titles, repeated dates, relative ids, prefixed RSS/Atom
// elements, <rss> without <channel>, DOCTYPE text outside the prolog, XHTML 1.0 entity values.
import { describe, expect, it } from 'vitest';
import { parseFeedDocument } from '../../src/ingest/index.js';

const ok = async (xml: string, url?: string) => {
  const result = await parseFeedDocument(Buffer.from(xml), url ? { url } : {});
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
};
const b64 = (text: string) => Buffer.from(text).toString('base64');
const atomEntry = (inner: string) => `<feed xmlns="http://www.w3.org/2005/Atom"><title>f</title><entry>${inner}</entry></feed>`;

describe('titles are plain text', () => {
  it('strips escaped HTML markup and decodes its entities', async () => {
    const feed = await ok(atomEntry('<title type="html">&lt;div&gt;History of the &amp;lt;blink&amp;gt; tag&lt;/div&gt;</title>'));
    expect(feed.items[0]?.title).toBe('History of the <blink> tag');
  });

  it('reads base64 titles (Atom 0.3 mode and Atom 1.0 binary type) as HTML when they are HTML', async () => {
    const html = '<p>History of the &lt;blink&gt; tag</p>';
    const v03 = await ok(`<feed version="0.3" xmlns="http://purl.org/atom/ns#"><entry>
      <title mode="base64">${b64(html)}</title></entry></feed>`);
    const v10 = await ok(atomEntry(`<title type="application/octet-stream">${b64(html)}</title>`));
    expect([v03.items[0]?.title, v10.items[0]?.title]).toEqual(['History of the <blink> tag', 'History of the <blink> tag']);
  });

  it('keeps brackets of type="text" and inline XHTML titles as the literal characters they are', async () => {
    const text = await ok(atomEntry('<title type="text">1 &lt; 2 and &lt;b&gt;x&lt;/b&gt;</title>'));
    const xhtml = await ok(atomEntry('<title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">a &lt;blink&gt; <b>tag</b></div></title>'));
    expect(text.items[0]?.title).toBe('1 < 2 and <b>x</b>');
    expect(xhtml.items[0]?.title).toBe('a <blink> tag');
  });

  it('strips HTML-looking RSS titles, keeps other angle brackets, falls back to media:title', async () => {
    const feed = await ok(`<rss xmlns:media="http://search.yahoo.com/mrss/"><channel><title>c</title>
      <item><title>Why &lt;b&gt;bold&lt;/b&gt;
        matters</title></item><item><title>2 &gt; 1 &lt;3</title></item>
      <item><media:title>bar</media:title></item></channel></rss>`);
    expect(feed.items.map((i) => i.title)).toEqual(['Why bold matters', '2 > 1 <3', 'bar']);
  });
});

describe('feed shapes', () => {
  it('a repeated date element counts by its last value', async () => {
    const feed = await ok(`<feed version="0.3" xmlns="http://purl.org/atom/ns#"><entry><title>a</title>
      <created>2010-12-01T10:14:55Z</created><created>2003-12-31T10:14:55Z</created></entry></feed>`);
    expect(feed.items[0]?.published).toBe(Date.UTC(2003, 11, 31, 10, 14, 55));
  });

  it('resolves path-relative ids against the base, leaves opaque ids and non-permalink guids alone', async () => {
    const atom = await ok(atomEntry('<title>a</title><id>/relative/link</id>'), 'http://example.com/feed.xml');
    const rss = await ok(`<rss><channel><title>c</title><item><title>a</title><guid>12345</guid></item>
      <item><title>b</title><guid isPermaLink="false">/x/1</guid></item></channel></rss>`, 'http://example.com/rss');
    expect(atom.items[0]?.guid).toBe('http://example.com/relative/link');
    expect(rss.items.map((i) => i.guid)).toEqual(['12345', '/x/1']);
  });

  it('reads RSS 1.0 and RSS 2.0 elements written with a namespace prefix', async () => {
    const rdf = await ok(`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:rss="http://purl.org/rss/1.0/">
      <rss:channel><rss:title>one</rss:title></rss:channel><rss:item><rss:title>item one</rss:title></rss:item></rdf:RDF>`);
    const rss2 = await ok(`<r:rss version="2.0" xmlns:r="http://backend.userland.com/rss2"><r:channel><r:title>two</r:title>
      <r:item><r:title>item two</r:title></r:item></r:channel></r:rss>`);
    expect([rdf.title, rdf.items[0]?.title, rss2.title, rss2.items[0]?.title]).toEqual(['one', 'item one', 'two', 'item two']);
  });

  it('accepts <rss> and <rdf:RDF> without a channel (items directly under <rss>, or none)', async () => {
    const empty = await ok('<rss version="2.0">\n</rss>');
    const bare = await ok('<rss><item><title>lone</title></item></rss>');
    const rdf = await ok('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"></rdf:RDF>');
    expect([empty.items.length, bare.items[0]?.title, rdf.items.length]).toEqual([0, 'lone', 0]);
  });

  it('treats <!DOCTYPE outside the prolog as content, and uses XHTML 1.0 values for &lang; / &rang;', async () => {
    const feed = await ok(`<rss><channel><title>&lang;x&rang;</title>
      <item><title>a</title><description><![CDATA[ <!DOCTYPE ]]></description></item></channel></rss>`);
    expect(feed.title).toBe('\u2329x\u232A');
    expect(feed.items[0]?.summary).toBe('<!DOCTYPE');
  });
});
