// Full text of an article page: fetched through the same guard and deadline (5 MiB cap, limited concurrency),
// extracted with @mozilla/readability over linkedom, paragraphs kept apart by blank lines.
import { Readability } from '@mozilla/readability';
import { decodeHTML } from 'entities';
import { parseHTML } from 'linkedom';
import { err, ok } from '../core/result.js';
import { decodeText } from './decode.js';
import { guardedGet, type HttpContext } from './http.js';
import type { Fetcher, FetcherOptions } from './types.js';

const ARTICLE_MAX_BYTES = 5 * 1024 * 1024;
/** Less text than this is a menu or a teaser, not an article: callers fall back to the feed's content. */
const MIN_TEXT_CHARS = 200;
const BLOCK_TAGS = /<\/?(?:p|div|section|article|h[1-6]|li|ul|ol|blockquote|pre|figure|figcaption|table|tr|br|hr)\b[^>]*>/gi;

/** Title and paragraph text of an article page, or null when Readability finds no article. */
export function extractArticleText(html: string, url: string): { title?: string; text: string } | null {
  try {
    const { document } = parseHTML(html);
    setDocumentUrl(document, url);
    const article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse();
    if (!article?.content) return null;
    const text = paragraphs(article.content);
    if (text.length < MIN_TEXT_CHARS) return null;
    const title = article.title?.trim();
    return title ? { title, text } : { text };
  } catch {
    return null;
  }
}

/** Readability resolves links against documentURI; linkedom leaves it unset. */
function setDocumentUrl(document: object, url: string): void {
  for (const key of ['documentURI', 'baseURI']) {
    Object.defineProperty(document, key, { value: url, configurable: true });
  }
}

function paragraphs(html: string): string {
  return html
    .replace(BLOCK_TAGS, '\n\n')
    .replace(/<[^>]*>/g, '')
    .split(/\n\s*\n/)
    .map((p) => decodeHTML(p).replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
}

/** A small FIFO semaphore. */
function limiter(max: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (active >= max) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await task();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}

export function fetchArticle(
  ctx: HttpContext,
  baseHeaders: Record<string, string>,
  opts: FetcherOptions,
): Fetcher['fetchArticleText'] {
  const limit = limiter(opts.articleConcurrency ?? 4);
  const articleCtx = { ...ctx, maxBytes: opts.articleMaxBytes ?? ARTICLE_MAX_BYTES };
  const headers = { ...baseHeaders, accept: 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5' };
  return (url) =>
    limit(async () => {
      const res = await guardedGet(url, headers, articleCtx);
      if (!res.ok) return err({ code: res.error.code, message: res.error.message });
      const { status, body, finalUrl } = res.value;
      if (status < 200 || status >= 300) return err({ code: 'HTTP_STATUS' as const, message: `HTTP status ${status}` });
      const html = decodeText(body, res.value.headers['content-type']).text;
      const extracted = extractArticleText(html, finalUrl);
      if (!extracted) return err({ code: 'NO_TEXT' as const, message: 'no article text found on the page' });
      return ok({ ...extracted, finalUrl });
    });
}
