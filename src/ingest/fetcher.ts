// createFetcher: polite feed fetching (conditional GET, compression, deadline, caps, redirects, guard)
// mapped to FetchOutcome values.
import { Agent } from 'undici';
import type { CacheHints } from '../core/feed-check-schedule.js';
import { parseFeedDate } from './dates.js';
import { fetchArticle } from './fulltext.js';
import { guardedLookup, systemResolver } from './guard.js';
import { guardedGet, type HttpContext, type HttpResponse } from './http.js';
import { parseFeedDocument } from './parse.js';
import { createParsePool, type ParseResult } from './parse-pool.js';
import type { FeedDocument, Fetcher, FetcherOptions, FetchError, Fetched, Parsed, Validators } from './types.js';

const ACCEPT = 'application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, application/json;q=0.8, */*;q=0.5';

export function createFetcher(opts: FetcherOptions): Fetcher {
  const agent = new Agent({
    connect: { lookup: guardedLookup(opts.resolver ?? systemResolver, opts.allowPrivateAddresses) },
    keepAliveTimeout: 4_000,
  });
  const now = opts.now ?? Date.now;
  const ctx: HttpContext = {
    agent,
    allowPrivate: opts.allowPrivateAddresses,
    maxRedirects: opts.maxRedirects,
    maxBytes: opts.maxBytes,
    timeoutMs: opts.timeoutMs,
  };
  const baseHeaders = { 'user-agent': opts.userAgent, 'accept-encoding': 'gzip, deflate, br' };
  const pool = opts.parseInThread ? createParsePool({ logger: opts.logger, deadlineMs: opts.parseDeadlineMs }) : undefined;
  const parse: Parse = pool ? (bytes, options) => pool.parse(bytes, options) : parseFeedDocument;
  async function fetchDocument(url: string, validators: Validators): Promise<Fetched> {
    const headers: Record<string, string> = { ...baseHeaders, accept: ACCEPT, ...conditionalHeaders(validators) };
    const res = await guardedGet(url, headers, ctx);
    const fetched = res.ok ? toDocument(res.value, validators, now()) : res.error;
    opts.logger.debug({ url, kind: fetched.kind, code: fetched.kind === 'error' ? fetched.code : undefined }, 'feed fetched');
    return fetched;
  }
  const parseDocument = (doc: FeedDocument): Promise<Parsed> => parseFeedOf(doc, parse);
  return {
    fetchDocument,
    parseDocument,
    async fetchFeed(url, validators) {
      const fetched = await fetchDocument(url, validators);
      return fetched.kind === 'document' ? parseDocument(fetched) : fetched;
    },
    fetchArticleText: fetchArticle(ctx, baseHeaders, opts),
    async close() {
      await pool?.close();
      await agent.close();
    },
  };
}

function conditionalHeaders(validators: Validators): Record<string, string> {
  const headers: Record<string, string> = {};
  if (validators.etag) headers['if-none-match'] = validators.etag;
  if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
  return headers;
}

type Parse = (bytes: Buffer, options: { contentType?: string; url?: string }) => Promise<ParseResult>;

/** The HTTP answer as a document to parse, not modified, or an error (status, empty body); nothing is parsed here. */
function toDocument(res: HttpResponse, sent: Validators, now: number): Fetched {
  const cacheHints = cacheHintsOf(res.headers, now);
  if (res.status === 304) return { kind: 'not-modified', validators: { ...sent, ...validatorsOf(res.headers) }, cacheHints };
  const statusError = errorForStatus(res, now);
  if (statusError) return statusError;
  if (!res.body.length) return { kind: 'error', code: 'EMPTY', message: 'the response body is empty' };
  const doc: FeedDocument = {
    kind: 'document', body: res.body, finalUrl: res.finalUrl, status: res.status, validators: validatorsOf(res.headers), cacheHints,
  };
  const contentType = res.headers['content-type'];
  if (contentType !== undefined) doc.contentType = contentType;
  if (res.permanentRedirectTo) doc.permanentRedirectTo = res.permanentRedirectTo;
  return doc;
}

/** The one call of the feed parser: the document's items, or FEED_PARSE / NOT_A_FEED / EMPTY. */
async function parseFeedOf(doc: FeedDocument, parse: Parse): Promise<Parsed> {
  const parsed = await parse(doc.body, { contentType: doc.contentType, url: doc.finalUrl });
  if (!parsed.ok) return { kind: 'error', ...parsed.error };
  const feed = parsed.value;
  const cacheHints = feed.ttlMinutes === undefined ? { ...doc.cacheHints } : { ...doc.cacheHints, ttlSeconds: feed.ttlMinutes * 60 };
  const outcome: Parsed = {
    kind: 'ok', finalUrl: doc.finalUrl, status: doc.status, validators: doc.validators, cacheHints, feed, warnings: feed.warnings,
  };
  if (doc.permanentRedirectTo) outcome.permanentRedirectTo = doc.permanentRedirectTo;
  return outcome;
}

function errorForStatus(res: HttpResponse, now: number): FetchError | undefined {
  const status = res.status;
  if (status >= 200 && status < 300) return undefined;
  if (status === 410) return { kind: 'error', code: 'GONE', status, message: 'the feed is gone (410)', disable: true };
  if (status === 429 || status === 503) {
    const retryAfterMs = retryAfter(res.headers['retry-after'], now);
    const message = `rate limited or unavailable (${status})`;
    return retryAfterMs === undefined
      ? { kind: 'error', code: 'RATE_LIMITED', status, message }
      : { kind: 'error', code: 'RATE_LIMITED', status, message, retryAfterMs };
  }
  return { kind: 'error', code: 'HTTP_STATUS', status, message: `HTTP status ${status}` };
}

/** Retry-After as delay-seconds or an HTTP date, in ms from now. */
function retryAfter(value: string | undefined, now: number): number | undefined {
  if (!value) return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const date = parseFeedDate(value);
  return date ? Math.max(0, date.ms - now) : undefined;
}

function validatorsOf(headers: Record<string, string | undefined>): Validators {
  const validators: Validators = {};
  if (headers.etag) validators.etag = headers.etag;
  if (headers['last-modified']) validators.lastModified = headers['last-modified'];
  return validators;
}

function cacheHintsOf(headers: Record<string, string | undefined>, now: number): CacheHints {
  const hints: CacheHints = {};
  const cacheControl = headers['cache-control'] ?? '';
  const maxAge = /(?:^|[,\s])max-age\s*=\s*"?(\d+)/i.exec(cacheControl);
  if (maxAge && !/no-store|no-cache/i.test(cacheControl)) hints.maxAgeSeconds = Number(maxAge[1]);
  const expires = parseFeedDate(headers.expires);
  if (expires && expires.ms > now) hints.expires = expires.ms;
  return hints;
}
