// Ingest layer: fetching, guarding, decoding and parsing feeds, and full-text extraction.
//
// Contract (other layers code against this; keep it stable):
//
// createFetcher(opts: FetcherOptions): Fetcher
//   opts: { userAgent, timeoutMs, maxBytes, maxRedirects, allowPrivateAddresses, resolver?, logger,
//           articleMaxBytes? (5 MiB), articleConcurrency? (4), now? (Date.now), parseInThread? (false),
//           parseDeadlineMs? (30 s) }
//   - parseInThread: feed documents are decoded and parsed on a worker thread (parse-pool.ts); a document still
//     unparsed at parseDeadlineMs is FEED_PARSE and the thread is replaced. Same results as inline parsing.
//   - One deadline (timeoutMs) covers DNS, connect, headers and body over all redirect hops, and aborts the
//     socket when it fires. Bodies are capped at maxBytes before and after decompression.
//   - The address guard runs on every hop: http/https only (another scheme is ADDRESS_NOT_ALLOWED); IP literals
//     checked before connecting; host names checked inside the agent's DNS lookup (so every connection is
//     checked). Loopback/private/unique-local are refused unless allowPrivateAddresses; link-local
//     (169.254.169.254), multicast, unspecified, documentation and reserved ranges are always refused.
//
// fetcher.fetchDocument(url, { etag?, lastModified? }): Promise<Fetched>   (never rejects; HTTP only, parses nothing)
//   { kind: 'document', body, contentType?, finalUrl, permanentRedirectTo?, status, validators, cacheHints }
//   | { kind: 'not-modified', ... } | { kind: 'error', ... } as below (no FEED_PARSE / NOT_A_FEED here).
// fetcher.parseDocument(document): Promise<Parsed>   (never rejects) the 'ok' outcome below or a parse error;
//   the RSS <ttl> joins cacheHints here. This is the one place the worker calls the feed parser.
// fetcher.fetchFeed(url, { etag?, lastModified? }): Promise<FetchOutcome>   (never rejects) fetchDocument + parseDocument
//   { kind: 'ok', finalUrl, permanentRedirectTo?, status, validators, cacheHints, feed: ParsedFeed, warnings }
//   { kind: 'not-modified', validators, cacheHints }
//   { kind: 'error', code, message, status?, retryAfterMs?, disable? (410), suggestedFeedUrl? (NOT_A_FEED) }
//   codes: INVALID_URL ADDRESS_NOT_ALLOWED DNS CONNECT TIMEOUT HTTP_STATUS RATE_LIMITED (429/503) GONE (410)
//          FEED_TOO_LARGE REDIRECT_LOOP TOO_MANY_REDIRECTS NOT_A_FEED FEED_PARSE EMPTY
//   permanentRedirectTo is set when every hop to the final URL was 301/308: store it as the feed URL.
//   cacheHints: { ttlSeconds? (RSS <ttl>), maxAgeSeconds? (Cache-Control), expires? (epoch ms) } feed
//   src/core/feed-check-schedule.ts planNextCheck.
//
// fetcher.fetchArticleText(url): Promise<Result<{ title?, text, finalUrl }, { code, message }>>
//   Same guard and deadline, articleMaxBytes cap, articleConcurrency limit; paragraphs separated by "\n\n".
//   code NO_TEXT when Readability finds no article (callers fall back to the feed's content).
//
// fetcher.close(): Promise<void> closes pooled connections and stops the parse thread.
//
// parseFeedDocument(bytes, { contentType?, url? }): Promise<Result<ParsedFeed, { code: 'FEED_PARSE' |
//   'NOT_A_FEED' | 'EMPTY', message, suggestedFeedUrl? }>>
//   The format is detected from the content, whatever the Content-Type: JSON (first character `{` or `[`) is
//   read as JSON Feed 1.0/1.1 (jsonfeed.ts; invalid JSON is FEED_PARSE "invalid JSON: ...", other JSON (no JSON
//   Feed version, no "items" array) NOT_A_FEED), an HTML page is NOT_A_FEED, anything else is RSS/RDF/Atom XML. When the strict XML
//   parse fails (or gives fewer items than item tags: an unterminated CDATA section swallowed some), the
//   well-formed items are kept (recover.ts) with a warning naming how many were dropped.
//   gzip by magic bytes; charset from BOM > contentType charset > XML/HTML declaration > UTF-8, except that bytes
//   declaring no charset that are not UTF-8 are decoded as chardet detects (with a warning); HTML pages are
//   NOT_A_FEED with the linked feed (RSS/Atom/JSON Feed, if any) in suggestedFeedUrl; never throws. Entity
//   expansion is bounded (internal DTD entities expanded once, 1 MiB total). Item ids are stable (src/core/article-id.ts), dates are
//   epoch ms UTC (dates.ts, zone table in zones.ts: CST = US Central, IST = India, BST = British Summer).
//   ParsedFeed.warnings plays feedparser's "bozo" role (recovered truncation, dropped malformed items, detected
//   charset, bad dates, bare "&", ...).
//
// extractArticleText(html, url): { title?, text } | null
export { createFetcher } from './fetcher.js';
export { extractArticleText } from './fulltext.js';
export { parseFeedDocument, type ParseError, type ParseOptions } from './parse.js';
export { parseFeedDate, type ParsedDate } from './dates.js';
export { systemResolver, type ResolvedAddress, type Resolver } from './guard.js';
export type {
  ArticleText, FeedDocument, Fetched, FetchError, FetchErrorCode, Fetcher, FetcherOptions, FetchOutcome, Parsed, Validators,
} from './types.js';
