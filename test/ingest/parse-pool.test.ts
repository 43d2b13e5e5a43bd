// The parse thread gives the same results as parsing inline, keeps answers apart under concurrency, abandons a
// document past the deadline and carries on with a new thread, and falls back to inline parsing once closed.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { parseFeedDocument } from '../../src/ingest/index.js';
import { createParsePool } from '../../src/ingest/parse-pool.js';
import { feedFile, testFetcher } from './fetch-helpers.js';

const silent = pino({ level: 'silent' });
const OUTLETS = ['outlets/jmanuelbr__bbc.xml', 'outlets/rss-parser__heise.atom', 'outlets/feed-rs__rss_2.0_spiegel.xml', 'outlets/jmanuelbr__nytimes.xml'];

function bigFeed(items: number): Buffer {
  const item = (k: number) => `<item><title>Item ${k} &amp; more</title><link>https://example.org/${k}</link><description>${'word '.repeat(200)}</description></item>`;
  return Buffer.from(`<rss version="2.0"><channel><title>big</title>${Array.from({ length: items }, (_, k) => item(k)).join('')}</channel></rss>`);
}

describe('parse pool', () => {
  const pool = createParsePool({ logger: silent });
  afterAll(() => pool.close());

  it('gives exactly what inline parsing gives, for real feeds parsed at once', async () => {
    const docs = OUTLETS.map((f) => ({ bytes: feedFile(f), options: { contentType: 'application/rss+xml', url: `https://example.org/${f}` } }));
    const threaded = await Promise.all(docs.map((d) => pool.parse(d.bytes, d.options)));
    const direct = await Promise.all(docs.map((d) => parseFeedDocument(d.bytes, d.options)));
    expect(threaded).toEqual(direct);
    expect(threaded.every((r) => r.ok && r.value.items.length > 0)).toBe(true);
  });

  it('returns errors as values: broken XML, an HTML page with its feed link, an empty body', async () => {
    const broken = await pool.parse(Buffer.from('<rss><channel><title>x</titl'), {});
    const html = await pool.parse(Buffer.from('<html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head></html>'), { url: 'https://example.org/' });
    const empty = await pool.parse(Buffer.alloc(0), {});
    expect(broken).toEqual(await parseFeedDocument(Buffer.from('<rss><channel><title>x</titl'), {}));
    expect(html).toMatchObject({ ok: false, error: { code: 'NOT_A_FEED', suggestedFeedUrl: 'https://example.org/feed.xml' } });
    expect(empty).toMatchObject({ ok: false, error: { code: 'EMPTY' } });
  });

  it('abandons a document past the deadline (FEED_PARSE), then parses the next on a new thread', async () => {
    const strict = createParsePool({ logger: silent, deadlineMs: 300 });
    try {
      expect((await strict.parse(bigFeed(1), {})).ok).toBe(true);
      const slow = await strict.parse(bigFeed(20_000), {});
      expect(slow).toMatchObject({ ok: false, error: { code: 'FEED_PARSE', message: expect.stringMatching(/longer than 0.3 s/) } });
      const next = await strict.parse(feedFile(OUTLETS[1]!), {});
      expect(next.ok && next.value.items.length).toBeGreaterThan(0);
    } finally {
      await strict.close();
    }
  });

  it('parses inline once closed', async () => {
    const closing = createParsePool({ logger: silent });
    await closing.close();
    const result = await closing.parse(feedFile(OUTLETS[0]!), {});
    expect(result).toEqual(await parseFeedDocument(feedFile(OUTLETS[0]!), {}));
  });

  it('the fetcher with parseInThread returns the same outcome as without', async () => {
    const body = feedFile(OUTLETS[2]!);
    const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(body));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.xml`;
    const threaded = testFetcher({ parseInThread: true });
    const direct = testFetcher();
    try {
      const [a, b] = [await threaded.fetchFeed(url, {}), await direct.fetchFeed(url, {})];
      expect(a.kind).toBe('ok');
      expect(a).toEqual(b);
    } finally {
      await threaded.close();
      await direct.close();
      server.close();
    }
  });
});
