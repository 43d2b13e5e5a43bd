// JSON Feed 1.0 and 1.1: format detection before parsing, and the mapping of JSON Feed fields to FeedItem with
// the same normalisation as RSS/Atom (titles, dates, ids, links).
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseFeedDocument } from '../../src/ingest/index.js';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name));
const parseOk = async (bytes: Buffer, opts: { contentType?: string; url?: string } = {}) => {
  const result = await parseFeedDocument(bytes, opts);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
};

describe('JSON Feed', () => {
  it('1.0: feed fields, item fields, author 1.0, tags, content_text, dates, ids and links as for RSS/Atom', async () => {
    const feed = await parseOk(fixture('jsonfeed-1.0.json'), { contentType: 'application/feed+json' });
    expect(feed).toMatchObject({ title: 'Daily Wire & World', link: 'https://news.example/', description: 'World news, every day.' });
    expect(feed.items).toHaveLength(3);
    expect(feed.items[0]).toEqual({
      id: 'https://news.example/2024/01/02/summit',
      guid: 'https://news.example/2024/01/02/summit?utm_source=jsonfeed',
      link: 'https://news.example/2024/01/02/summit?utm_source=jsonfeed',
      title: 'Leaders meet at the summit',
      published: Date.UTC(2024, 0, 2, 9),
      author: 'Jane Roe',
      summary: 'A short summary.',
      content: '<p>NATO and the EU met in Brussels.</p>',
      categories: ['World', 'Europe'],
    });
    expect(feed.items[1]).toMatchObject({
      id: '42', title: 'Markets rally', link: 'https://news.example/2024/01/03/markets', author: 'The Desk',
      published: Date.UTC(2024, 0, 3, 8, 30), content: 'Stocks rose 3% as traders bet on rates &lt; 5%.',
    });
    expect(feed.items[2]).toMatchObject({ id: 'tag:news.example,2024:3', title: '', link: 'https://elsewhere.example/story' });
    expect(feed.items[2]?.published).toBeUndefined();
    expect(feed.warnings).toEqual(['unparseable date "sometime soon" ignored', 'item 3 skipped: not an object']);
  });

  it('1.1: authors (item, else feed), language, script links dropped', async () => {
    const feed = await parseOk(fixture('jsonfeed-1.1.json'), { contentType: 'application/json' });
    expect(feed).toMatchObject({ title: 'Новости дня', link: 'https://news.example.ru/', language: 'ru', warnings: [] });
    expect(feed.items.map((i) => [i.id, i.author, i.published])).toEqual([
      ['1', 'Иван Петров, Анна Смирнова', Date.UTC(2024, 0, 2, 7)],
      ['2', 'Редакция', Date.UTC(2024, 0, 2, 6)],
    ]);
    expect(feed.items[1]?.link).toBeUndefined();
    expect(feed.items[1]?.summary).toBe('Краткое содержание.');
  });

  it('is recognised by its content whatever it is served as; an XML prolog or <meta> inside it is no charset', async () => {
    const json = fixture('jsonfeed-1.1.json');
    for (const contentType of [undefined, 'text/plain', 'text/html; charset=utf-8', 'application/octet-stream']) {
      expect((await parseOk(json, contentType ? { contentType } : {})).title).toBe('Новости дня');
    }
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('\n  '), json]);
    expect((await parseOk(withBom)).items).toHaveLength(2);
    const meta = JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Café', items: [{ id: 'x', content_html: '<?xml version="1.0" encoding="koi8-r"?><meta charset="koi8-r">é' }] });
    const parsed = await parseOk(Buffer.from(meta));
    expect(parsed.title).toBe('Café');
    expect(parsed.items[0]?.content).toContain('>é');
    const latin1 = await parseOk(iconv.encode(meta, 'windows-1252'), { contentType: 'application/feed+json; charset=windows-1252' });
    expect(latin1.title).toBe('Café');
  });

  it('relative item URLs resolve against feed_url, else the document URL', async () => {
    const doc = (extra: object) => Buffer.from(JSON.stringify({ version: 'https://jsonfeed.org/version/1', title: 't', ...extra, items: [{ id: 'a', url: 'a.html' }] }));
    expect((await parseOk(doc({}), { url: 'https://x.example/feeds/f.json' })).items[0]?.link).toBe('https://x.example/feeds/a.html');
    expect((await parseOk(doc({ feed_url: 'https://y.example/z/f.json' }), { url: 'https://x.example/f.json' })).items[0]?.link).toBe('https://y.example/z/a.html');
  });

  it('invalid JSON is a clear FEED_PARSE error; JSON that is not a JSON Feed (other API, no version) is NOT_A_FEED', async () => {
    const truncated = fixture('jsonfeed-1.0.json').subarray(0, 300);
    expect(await parseFeedDocument(truncated, { contentType: 'application/feed+json' })).toEqual({
      ok: false, error: { code: 'FEED_PARSE', message: expect.stringMatching(/^invalid JSON: /) },
    });
    expect(await parseFeedDocument(Buffer.from('{"title": "x", items: []}'))).toMatchObject({ ok: false, error: { code: 'FEED_PARSE', message: expect.stringMatching(/^invalid JSON: /) } });
    expect(await parseFeedDocument(Buffer.from('{"title": "x"}'))).toMatchObject({ ok: false, error: { code: 'NOT_A_FEED', message: expect.stringContaining('not a JSON Feed') } });
    expect(await parseFeedDocument(Buffer.from('[1, 2]'))).toMatchObject({ ok: false, error: { code: 'NOT_A_FEED' } });
    expect(await parseFeedDocument(Buffer.from('{"count": 2, "items": [{"id": 1}, {"id": 2}]}'))).toMatchObject({ ok: false, error: { code: 'NOT_A_FEED' } });
    expect(await parseFeedDocument(Buffer.from('{"version": "https://example.org/api/v2", "title": "x", "items": []}'))).toMatchObject({ ok: false, error: { code: 'NOT_A_FEED' } });
    const unversioned = await parseOk(Buffer.from('{"title": "Old", "items": [{"id": "a", "title": "A"}]}'));
    expect(unversioned.items.map((i) => i.title)).toEqual(['A']);
    expect(unversioned.warnings.join()).toMatch(/unknown JSON Feed version ""/);
  });

  it('hostile nesting is refused in one linear pass, before JSON.parse', async () => {
    const deep = `{"version": "https://jsonfeed.org/version/1.1", "items": [${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}]}`;
    const started = performance.now();
    expect(await parseFeedDocument(Buffer.from(deep))).toMatchObject({ ok: false, error: { code: 'FEED_PARSE', message: expect.stringContaining('nested deeper than') } });
    expect(performance.now() - started).toBeLessThan(2_000);
    const inStrings = JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: '[{'.repeat(5_000) + '\\"[', items: [] });
    expect((await parseOk(Buffer.from(inStrings))).title).toContain('[{[{');
  });

  it('an unknown version is read with a warning; non-string fields are ignored, not trusted', async () => {
    const doc = { version: 'https://jsonfeed.org/version/2', title: 5, items: [{ id: { x: 1 }, title: ['a'], url: 7, tags: ['ok', 3, null], authors: 'me', date_published: 1 }] };
    const feed = await parseOk(Buffer.from(JSON.stringify(doc)));
    expect(feed.title).toBe('');
    expect(feed.items[0]).toMatchObject({ title: '', categories: ['ok'] });
    expect(feed.items[0]?.guid).toBeUndefined();
    expect(feed.warnings.join()).toMatch(/unknown JSON Feed version/);
  });
});
