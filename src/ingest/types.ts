// Public shapes of the ingest layer (see index.ts for the contract).
import type { Logger } from 'pino';
import type { CacheHints } from '../core/feed-check-schedule.js';
import type { ParsedFeed } from '../core/types.js';
import type { Result } from '../core/result.js';
import type { Resolver } from './guard.js';

export interface FetcherOptions {
  userAgent: string;
  /** One deadline for connect + headers + body (and all redirect hops). */
  timeoutMs: number;
  /** Body cap for feeds, compressed and decompressed. */
  maxBytes: number;
  maxRedirects: number;
  /** Allows loopback/private/unique-local targets (tests, intranet feeds). Link-local etc. stay refused. */
  allowPrivateAddresses: boolean;
  resolver?: Resolver;
  logger: Logger;
  /** Body cap for article pages (default 5 MiB). */
  articleMaxBytes?: number;
  /** Concurrent article-page fetches (default 4). */
  articleConcurrency?: number;
  /** Parse feed documents on a worker thread (parse-pool.ts) instead of the calling thread. Default false. */
  parseInThread?: boolean;
  /** With parseInThread: the longest one document may take (default 30 s); past it the feed gets FEED_PARSE. */
  parseDeadlineMs?: number;
  /** Clock for Retry-After / Expires dates (default Date.now). */
  now?: () => number;
}

export interface Validators {
  etag?: string;
  lastModified?: string;
}

export type FetchErrorCode =
  | 'INVALID_URL' | 'ADDRESS_NOT_ALLOWED' | 'DNS' | 'CONNECT' | 'TIMEOUT' | 'HTTP_STATUS' | 'RATE_LIMITED'
  | 'GONE' | 'FEED_TOO_LARGE' | 'REDIRECT_LOOP' | 'TOO_MANY_REDIRECTS' | 'NOT_A_FEED' | 'FEED_PARSE' | 'EMPTY';

export interface FetchError {
  kind: 'error';
  code: FetchErrorCode;
  message: string;
  /** HTTP status when the error came from one. */
  status?: number;
  retryAfterMs?: number;
  /** The feed should be disabled (410 Gone). */
  disable?: boolean;
  /** NOT_A_FEED: the feed the HTML page links to. */
  suggestedFeedUrl?: string;
}

export type FetchOutcome =
  | {
      kind: 'ok';
      finalUrl: string;
      /** Set when every hop to finalUrl was permanent (301/308): store this as the feed's URL. */
      permanentRedirectTo?: string;
      status: number;
      validators: Validators;
      cacheHints: CacheHints;
      feed: ParsedFeed;
      warnings: string[];
    }
  | { kind: 'not-modified'; validators: Validators; cacheHints: CacheHints }
  | FetchError;

/** A feed document as fetched, not parsed yet (Fetcher.fetchDocument). */
export interface FeedDocument {
  kind: 'document';
  body: Buffer;
  contentType?: string;
  finalUrl: string;
  /** Set when every hop to finalUrl was permanent (301/308): store this as the feed's URL. */
  permanentRedirectTo?: string;
  status: number;
  validators: Validators;
  cacheHints: CacheHints;
}

/** What an HTTP fetch gives: a document to parse, not modified, or an error. */
export type Fetched = FeedDocument | Extract<FetchOutcome, { kind: 'not-modified' }> | FetchError;

/** What parsing a fetched document gives: the feed, or FEED_PARSE / NOT_A_FEED / EMPTY. */
export type Parsed = Extract<FetchOutcome, { kind: 'ok' }> | FetchError;

export interface ArticleText {
  title?: string;
  text: string;
  finalUrl: string;
}

export interface Fetcher {
  /** HTTP only: the document, not modified, or an error; never rejects. */
  fetchDocument(url: string, validators: Validators): Promise<Fetched>;
  /** The feed in a fetched document; never rejects. */
  parseDocument(doc: FeedDocument): Promise<Parsed>;
  /** fetchDocument, then parseDocument (for one-off fetches: /feeds add, the fetch-feed command). */
  fetchFeed(url: string, validators: Validators): Promise<FetchOutcome>;
  fetchArticleText(url: string): Promise<Result<ArticleText, { code: FetchErrorCode | 'NO_TEXT'; message: string }>>;
  /** Closes pooled connections. */
  close(): Promise<void>;
}
