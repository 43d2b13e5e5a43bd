// Shared set-up for fetcher tests: a silent logger, fetcher factory and small real-world-shaped documents.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { createFetcher } from '../../src/ingest/index.js';
import type { FetcherOptions } from '../../src/ingest/index.js';

export const SHARED = join(import.meta.dirname, '..', '..', '..', 'shared');
export const feedFile = (rel: string): Buffer => readFileSync(join(SHARED, 'feeds', rel));

export function testFetcher(overrides: Partial<FetcherOptions> = {}) {
  return createFetcher({
    userAgent: 'Stancewatch-test/1.0 (+https://example.invalid/bot)',
    timeoutMs: 2_000,
    maxBytes: 1024 * 1024,
    maxRedirects: 5,
    allowPrivateAddresses: true,
    logger: pino({ level: 'silent' }),
    ...overrides,
  });
}

/** A small RSS document with non-ASCII text, declared (or not) in its prolog. */
export function cyrillicFeed(prologEncoding?: string): string {
  const prolog = prologEncoding ? `<?xml version="1.0" encoding="${prologEncoding}"?>\n` : '';
  return `${prolog}<rss version="2.0"><channel><title>Новости дня</title><link>http://example.ru/</link>
<item><title>Москва и Пекин</title><link>http://example.ru/a/1</link><pubDate>Tue, 02 Jan 2024 10:00:00 +0300</pubDate></item>
</channel></rss>`;
}
