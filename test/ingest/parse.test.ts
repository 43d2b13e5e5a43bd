import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseFeedDocument } from '../../src/ingest/index.js';
import { feedFile } from './fetch-helpers.js';

const parse = (xml: string, url?: string) => parseFeedDocument(Buffer.from(xml), url ? { url } : {});
const ok = async (xml: string, url?: string) => {
  const result = await parse(xml, url);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
};

describe('parseFeedDocument normalisation', () => {
  it('a bad date costs the field, not the item or the feed', async () => {
    const feed = await ok(`<rss version="2.0"><channel><title>t</title>
      <item><title>a</title><pubDate>sometime soon</pubDate></item>
      <item><title>b</title><pubDate>Tue, 02 Jan 2024 10:00:00 GMT</pubDate></item></channel></rss>`);
    expect(feed.items.map((i) => i.published)).toEqual([undefined, Date.UTC(2024, 0, 2, 10)]);
    expect(feed.warnings.join()).toMatch(/unparseable date/);
  });

  it('an unparseable Atom date does not sink the feed (rss-parser alone throws RangeError)', async () => {
    const feed = await ok(`<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
      <entry><title>a</title><id>urn:a</id><updated>not a date</updated></entry>
      <entry><title>b</title><id>urn:b</id><published>2024-01-02T10:00:00Z</published></entry></feed>`);
    expect(feed.items.map((i) => [i.id, i.published])).toEqual([['urn:a', undefined], ['urn:b', Date.UTC(2024, 0, 2, 10)]]);
  });

  it('resolves relative links against xml:base and the document URL; drops script links', async () => {
    const feed = await ok(`<feed xmlns="http://www.w3.org/2005/Atom" xml:base="/news/"><title>t</title>
      <link href="./"/>
      <entry xml:base="world/"><title>a</title><link href="a.html"/></entry>
      <entry><title>b</title><link href="javascript:alert(1)"/></entry></feed>`, 'https://site.example/feeds/atom.xml');
    expect(feed.link).toBe('https://site.example/news/');
    expect(feed.items[0]?.link).toBe('https://site.example/news/world/a.html');
    expect(feed.items[1]?.link).toBeUndefined();
  });

  it('decodes entities in titles, trims, flattens categories, accepts <rss> without version', async () => {
    const feed = await ok(`<rss><channel><title>  News &amp;amp; Views &eacute;  </title>
      <item><title> Caf&eacute; &#8220;talks&#8221; </title><category>World</category><category domain="x">Europe</category>
      <category>World</category><guid isPermaLink="false">id-1</guid></item></channel></rss>`);
    expect(feed.title).toBe('News & Views é');
    expect(feed.items[0]).toMatchObject({ title: 'Café “talks”', categories: ['World', 'Europe'], id: 'id-1' });
  });

  it('gives the same id to one article reached through two feeds', async () => {
    const one = await ok(`<rss version="2.0"><channel><title>a</title><item><title>x</title>
      <guid>https://news.example/story-1?utm_source=rss</guid></item></channel></rss>`);
    const two = await ok(`<feed xmlns="http://www.w3.org/2005/Atom"><title>b</title><entry><title>x</title>
      <link href="https://news.example/story-1?utm_medium=atom#top"/></entry></feed>`);
    expect(one.items[0]?.id).toBe('https://news.example/story-1');
    expect(two.items[0]?.id).toBe(one.items[0]?.id);
  });

  it('counts every outlet item and gives each a distinct id', async () => {
    const feed = await ok(feedFile('outlets/jmanuelbr__theguardian.xml').toString('utf8'));
    expect(new Set(feed.items.map((i) => i.id)).size).toBe(feed.items.length);
  });
});

describe('parseFeedDocument robustness', () => {
  it('bounds DTD entity expansion (billion laughs)', async () => {
    const lol = ['<!ENTITY a "' + 'x'.repeat(1000) + '">'];
    const body = '&a;'.repeat(5_000);
    const result = await parse(`<!DOCTYPE rss [${lol.join('')}]><rss version="2.0"><channel><title>${body}</title></channel></rss>`);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.title.length).toBeLessThanOrEqual(1_100_000);
    const nested = await parse('<!DOCTYPE r [<!ENTITY a "1"><!ENTITY b "&a;&a;&a;">]><rss version="2.0"><channel><title>&b;</title></channel></rss>');
    expect(nested.ok).toBe(true);
  });

  it.each([
    ['', 'EMPTY'],
    ['   \n', 'EMPTY'],
    ['<html><body>hi</body></html>', 'NOT_A_FEED'],
    ['<note><to>x</to></note>', 'NOT_A_FEED'],
    ['\u0000\u0001<<<>>>', 'FEED_PARSE'],
  ])('%j is %s', async (xml, code) => {
    const result = await parse(xml);
    expect(result.ok || result.error.code).toBe(code);
  });

  it('a document cut mid-tag is recovered with a warning', async () => {
    const feed = await ok('<rss version="2.0"><channel><title>x</title><item><title>a</title></item><item><ti');
    expect(feed.items.map((i) => i.title)).toEqual(['a', '']);
    expect(feed.warnings.join()).toMatch(/recovered by closing open elements/);
  });

  it('never throws on random and mangled input', async () => {
    const base = feedFile('outlets/rss-parser__heise.atom');
    for (let i = 0; i < 60; i++) {
      const junk = i % 2 ? randomBytes(2_000) : Buffer.concat([base.subarray(0, (i * 997) % base.length), randomBytes(50)]);
      const result = await parseFeedDocument(junk);
      expect(typeof result.ok).toBe('boolean');
    }
  });
});
