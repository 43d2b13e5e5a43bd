// Item-level recovery (feedparser's bozo model): a feed the strict parser refuses keeps its well-formed items,
// with a warning that says how many were dropped.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { parseFeedDocument } from '../../src/ingest/index.js';
import { itemSpans } from '../../src/ingest/recover.js';

const lenta = readFileSync(join(import.meta.dirname, 'fixtures', 'lenta-truncated-cdata.xml'));
const parse = (xml: string) => parseFeedDocument(Buffer.from(xml));
const rss = (items: string[]) => `<?xml version="1.0"?><rss version="2.0"><channel><title>F</title><link>https://f.example/</link>${items.join('\n')}</channel></rss>`;
const item = (n: number, title = `Item ${n}`) => `<item><title>${title}</title><link>https://f.example/${n}</link><description><![CDATA[<p>Text ${n}</p>]]></description></item>`;

describe('recovery of the well-formed items of a malformed feed', () => {
  it('a lenta.ru-shaped feed with one truncated CDATA section keeps its other three items', async () => {
    const result = await parseFeedDocument(lenta, { contentType: 'application/rss+xml; charset=utf-8', url: 'https://lenta.ru/rss' });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.title).toBe('Lenta.ru : Новости');
    expect(result.value.items.map((i) => i.title)).toEqual(['Правительство одобрило новый бюджет', 'Сборная выиграла матч', 'Курс рубля вырос']);
    expect(result.value.items[1]).toMatchObject({ link: 'https://lenta.ru/news/2026/12/04/third/', categories: ['Спорт'], published: Date.UTC(2026, 11, 4, 8) });
    expect(result.value.warnings).toContainEqual(expect.stringMatching(/^malformed document \(.+\); 1 of 4 items dropped as malformed, the others kept$/));
  });

  it('a truncated CDATA section that swallows the next item without a parse error: that item comes back, the corrupt one goes', async () => {
    const text = lenta.toString('utf8').replace('<description>&lt;p&gt;Сборная одержала победу со счетом 2:1.&lt;/p&gt;</description>', '<description><![CDATA[<p>Сборная одержала победу.</p>]]></description>');
    const result = await parse(text);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.items.map((i) => i.title)).toEqual(['Правительство одобрило новый бюджет', 'Сборная выиграла матч', 'Курс рубля вырос']);
    expect(result.value.items[1]?.summary).toBe('<p>Сборная одержала победу.</p>');
    expect(result.value.warnings).toContainEqual('malformed document (1 of 4 item tags swallowed by a malformed item); 1 of 4 items dropped as malformed, the others kept');
    const literal = rss([item(1), item(2, '<![CDATA[about the <item> element]]>'), item(3)]);
    const kept = await parse(literal);
    expect(kept.ok && kept.value.items.map((i) => i.title)).toEqual(['Item 1', 'about the <item> element', 'Item 3']);
  });

  it('an item with an unencoded "<" ("FEED_PARSE: Unencoded <" before) costs only that item', async () => {
    const result = await parse(rss([item(1), item(2, 'Prices < 5 dollars'), item(3), item(4)]));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.items.map((i) => i.title)).toEqual(['Item 1', 'Item 3', 'Item 4']);
    expect(result.value.warnings.join('\n')).toMatch(/Unencoded <.*1 of 4 items dropped/);
    const two = await parse(rss(Array.from({ length: 200 }, (_, n) => (n === 20 || n === 170 ? item(n, 'x < 1') : item(n)))));
    expect(two.ok && two.value.items.length).toBe(198);
  });

  it('works for Atom entries; an item that only lacks its end tag is closed and kept', async () => {
    const entry = (n: number, body = `<title>E${n}</title><id>urn:e${n}</id>`) => `<entry>${body}</entry>`;
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>${entry(1)}${entry(2, '<title>E2</title><id>urn:e2<id>')}${entry(3)}</feed>`;
    const result = await parse(atom);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.items.map((i) => i.id)).toEqual(['urn:e1', 'urn:e3']);
    const unclosed = rss([item(1), '<item><title>Open</title><link>https://f.example/open</link>', item(3)]);
    const kept = await parse(unclosed);
    if (!kept.ok) throw new Error(kept.error.message);
    expect(kept.value.items.map((i) => i.title)).toEqual(['Item 1', 'Open', 'Item 3']);
    expect(kept.value.warnings.join('\n')).toMatch(/0 of 3 items dropped as malformed, 1 closed where left open, the others kept/);
  });

  it('a fault outside the items is still FEED_PARSE with the parser\'s message', async () => {
    const result = await parse(`<rss version="2.0"><channel><title>a < 5</title>${item(1)}</channel></rss>`);
    expect(result).toMatchObject({ ok: false, error: { code: 'FEED_PARSE', message: expect.stringMatching(/Unencoded </) } });
  });

  it('stays linear: 20,000 items with a broken one, and 200,000 unclosed item tags, each well under the deadline', async () => {
    const many = rss(Array.from({ length: 20_000 }, (_, n) => (n === 10_000 ? item(n, 'a < b') : item(n))));
    let started = performance.now();
    const result = await parse(many);
    expect(result.ok && result.value.items.length).toBe(19_999);
    expect(performance.now() - started).toBeLessThan(15_000);
    const hostile = `<rss><channel><title>t</title>${'<item <'.repeat(200_000)}</channel></rss>`;
    started = performance.now();
    const refused = await parse(hostile);
    expect(refused).toMatchObject({ ok: false, error: { code: 'FEED_PARSE' } });
    expect(performance.now() - started).toBeLessThan(15_000);
  }, 60_000);
});

describe('itemSpans', () => {
  it('cuts items textually: closed, self-closed, unclosed (to the next item or the container end)', () => {
    const text = '<channel><item>a</item> <item/><item>b<item>c</item><items/></item><item>d</channel>';
    expect(itemSpans(text, 'item').map(([s, e]) => text.slice(s, e))).toEqual([
      '<item>a</item>', '<item/>', '<item>b', '<item>c</item>', '<item>d',
    ]);
  });
});
