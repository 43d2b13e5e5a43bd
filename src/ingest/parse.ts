// parseFeedDocument: bytes -> decompress -> detect the format (JSON Feed, HTML page or XML, as Miniflux's
// parser does) -> JSON Feed mapping, or repair + rss-parser parseString (+ item-level recovery) + normalise.
// Never throws.
import Parser from 'rss-parser';
import { err, ok, type Result } from '../core/result.js';
import type { ParsedFeed } from '../core/types.js';
import { decodeText, decompress } from './decode.js';
import { discoverFeedLink, looksLikeHtml } from './discover.js';
import { parseJsonFeed } from './jsonfeed.js';
import { CUSTOM_FIELDS, normaliseFeed } from './normalise.js';
import { itemTagCount, recoverItems } from './recover.js';
import { closeOpenElements, prepareXml } from './xmlprep.js';
import { asArray } from './xmlvalue.js';
import { reshapeFeed, rootName } from './xmlshape.js';

export type ParseErrorCode = 'FEED_PARSE' | 'NOT_A_FEED' | 'EMPTY';

export interface ParseError {
  code: ParseErrorCode;
  message: string;
  suggestedFeedUrl?: string;
}

export interface ParseOptions {
  /** Content-Type the bytes were (or are treated as) served with; its charset wins over the prolog's. */
  contentType?: string;
  /** URL of the document: base for relative links and discovered feed links. */
  url?: string;
}

/** Largest decompressed document accepted when the bytes arrive still compressed (e.g. a .gz file). */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

type ParserOutput = Record<string, unknown>;

export async function parseFeedDocument(bytes: Buffer, opts: ParseOptions = {}): Promise<Result<ParsedFeed, ParseError>> {
  try {
    return await parseUnguarded(bytes, opts);
  } catch (e) {
    return err({ code: 'FEED_PARSE', message: `unexpected parser failure: ${firstLine(e)}` });
  }
}

async function parseUnguarded(bytes: Buffer, opts: ParseOptions): Promise<Result<ParsedFeed, ParseError>> {
  const inflated = decompress(bytes, undefined, MAX_DOCUMENT_BYTES);
  if (!inflated.ok) return err({ code: 'FEED_PARSE', message: `compressed document: ${inflated.error}` });
  const json = startsLikeJson(inflated.value);
  const decoded = decodeText(inflated.value, opts.contentType, { ignoreDocumentDeclaration: json });
  if (!decoded.text.trim()) return err({ code: 'EMPTY', message: 'the document is empty' });
  if (json) return parseJsonFeed(decoded.text, opts.url, decoded.warnings);
  if (looksLikeHtml(decoded.text, opts.contentType)) return notAFeed(decoded.text, opts.url);
  const prepared = prepareXml(decoded.text);
  const warnings = [...decoded.warnings, ...prepared.warnings];
  const text = reshapeFeed(prepared.text);
  const parsed = await parseXml(text, warnings);
  if (!parsed.ok) return parsed;
  const atom = rootName(text) === 'feed';
  return ok(normaliseFeed(parsed.value, { url: opts.url, atom, warnings: [...new Set(warnings)] }));
}

/** JSON (a JSON Feed is an object): the first byte after a UTF-8 BOM and whitespace is `{` or `[`. */
function startsLikeJson(bytes: Buffer): boolean {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d) i++;
  return bytes[i] === 0x7b || bytes[i] === 0x5b;
}

/**
 * Strict parse; else the same with open elements closed (truncation); else without the malformed items. A strict
 * parse that yields fewer items than the document has item tags lost some to a malformed one (an unterminated
 * CDATA section runs on to the next `]]>`, taking the items on the way): then too the malformed items are
 * dropped, and that result wins unless it has fewer items (a corrupt item gives way to the one it swallowed).
 */
async function parseXml(text: string, warnings: string[]): Promise<Result<ParserOutput, ParseError>> {
  const first = await runParser(text);
  if (first.ok) {
    const parsed = itemsOf(first.value);
    const tagged = itemTagCount(text, rootName(text));
    if (tagged <= parsed) return first;
    const fault = `${tagged - parsed} of ${tagged} item tags swallowed by a malformed item`;
    return (await withoutMalformedItems(text, fault, warnings, parsed)) ?? first;
  }
  if (first.error.code !== 'FEED_PARSE') return first;
  const closedText = closeOpenElements(text);
  if (closedText !== undefined) {
    const second = await runParser(closedText);
    if (second.ok) {
      warnings.push(`malformed document (${first.error.message}); recovered by closing open elements`);
      return second;
    }
  }
  return (await withoutMalformedItems(text, first.error.message, warnings)) ?? first;
}

const itemsOf = (out: ParserOutput): number => asArray(out.items).length;

/**
 * The document parsed without its malformed items, when that works and gives at least as many items as the
 * strict parse, if it worked. After a strict parse that worked, no item is closed and kept: a piece cut short by
 * the textual cut (at an `<item>` inside CDATA) would pass for one.
 */
async function withoutMalformedItems(
  text: string,
  fault: string,
  warnings: string[],
  strictItems?: number,
): Promise<Result<ParserOutput, ParseError> | undefined> {
  const parser = { parse: runParser, itemCount: itemsOf, closeOpenItems: strictItems === undefined };
  const recovered = await recoverItems(text, rootName(text), parser);
  if (!recovered?.result.ok || itemsOf(recovered.result.value) < (strictItems ?? 0)) return undefined;
  const { total, dropped, repaired } = recovered;
  const closed = repaired ? `, ${repaired} closed where left open` : '';
  warnings.push(`malformed document (${fault}); ${dropped} of ${total} items dropped as malformed${closed}, the others kept`);
  return recovered.result;
}

async function runParser(text: string): Promise<Result<ParserOutput, ParseError>> {
  // A fresh parser per document: rss-parser's xml2js parser keeps state after an error.
  const parser = new Parser({ defaultRSS: 2, customFields: CUSTOM_FIELDS as never });
  try {
    return ok((await parser.parseString(text)) as unknown as ParserOutput);
  } catch (e) {
    const message = firstLine(e);
    if (/not recognized as RSS/i.test(message)) {
      return err({ code: 'NOT_A_FEED', message: `root element <${rootName(text) ?? '?'}> is not RSS, RDF or Atom` });
    }
    return err({ code: 'FEED_PARSE', message });
  }
}

function notAFeed(html: string, url: string | undefined): Result<never, ParseError> {
  const suggestedFeedUrl = discoverFeedLink(html, url);
  const message = suggestedFeedUrl
    ? `an HTML page, not a feed; the page links the feed ${suggestedFeedUrl}`
    : 'an HTML page, not a feed, and it links no feed';
  return err(suggestedFeedUrl ? { code: 'NOT_A_FEED', message, suggestedFeedUrl } : { code: 'NOT_A_FEED', message });
}

function firstLine(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  return (message.split('\n')[0] ?? '').slice(0, 200);
}
