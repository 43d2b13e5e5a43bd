import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeHTML } from 'entities';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractArticleText } from '../../src/ingest/index.js';
import { body, startFeedServer, type FeedServer } from '../helpers/feed-server.js';
import { SHARED, testFetcher } from './fetch-helpers.js';

const DIR = join(SHARED, 'articles', 'readability');
const pages = readdirSync(DIR).filter((name) => !name.includes('.'));
const read = (page: string, file: string) => readFileSync(join(DIR, page, file), 'utf8');

/** Paragraph texts of Readability's expected output. */
function expectedParagraphs(page: string): string[] {
  return [...read(page, 'expected.html').matchAll(/<p\b[^>]*>([\s\S]*?)<\/p>/g)]
    .map((m) => decodeHTML((m[1] as string).replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim())
    .filter((p) => p.length > 40);
}

describe('extractArticleText', () => {
  it.each(pages)('%s: the expected paragraphs, kept apart by blank lines', (page) => {
    const extracted = extractArticleText(read(page, 'source.html'), `https://news.example/${page}`);
    expect(extracted).not.toBeNull();
    const paragraphs = extracted?.text.split('\n\n') ?? [];
    const expected = expectedParagraphs(page);
    const found = expected.filter((p) => paragraphs.includes(p)).length;
    expect(found / expected.length).toBeGreaterThanOrEqual(0.8);
  });

  it('returns null for a page without an article', () => {
    expect(extractArticleText('<html><body><nav>menu</nav></body></html>', 'https://x.example/')).toBeNull();
  });
});

describe('fetchArticleText', () => {
  let server: FeedServer;
  const fetcher = testFetcher();
  beforeAll(async () => {
    server = await startFeedServer({
      '/article': body(read(pages[0] as string, 'source.html'), { contentType: 'text/html; charset=utf-8' }),
      '/big': body(Buffer.alloc(600 * 1024, 0x20), { contentType: 'text/html' }),
    });
  });
  afterAll(async () => {
    await fetcher.close();
    await server.close();
  });

  it('fetches a page through the guard and extracts paragraphs', async () => {
    const result = await fetcher.fetchArticleText(server.url('/article'));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.finalUrl).toBe(server.url('/article'));
    expect(result.value.text.split('\n\n').length).toBeGreaterThan(3);
  });

  it('applies its own size cap', async () => {
    const small = testFetcher({ articleMaxBytes: 512 * 1024 });
    expect(await small.fetchArticleText(server.url('/big'))).toMatchObject({ ok: false, error: { code: 'FEED_TOO_LARGE' } });
    await small.close();
  });
});
