// JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1) -> ParsedFeed, normalised as RSS/Atom items are:
// titles through titleText, dates through parseFeedDate, ids through articleId, links resolved and script
// schemes dropped. Only the known fields are read (no recursion over the document), so a hostile document costs
// JSON.parse and nothing more. One bad item costs that item, with a warning.
import { articleId } from '../core/article-id.js';
import { err, ok, type Result } from '../core/result.js';
import type { FeedItem, ParsedFeed } from '../core/types.js';
import { escapeXmlText } from '../core/xml-escape.js';
import { dropUndefined, readDate, webUrl } from './normalise.js';
import { titleText } from './titles.js';
import { cleanText, rawText, resolveUrl } from './xmlvalue.js';

export interface JsonFeedError {
  code: 'FEED_PARSE' | 'NOT_A_FEED';
  message: string;
}

type Json = Record<string, unknown>;

const VERSION = /^https?:\/\/jsonfeed\.org\/version\/1(\.\d+)?\/?$/;

/** Nesting a JSON Feed needs is about 4 levels; V8's JSON.parse takes microseconds per level of hostile nesting. */
const MAX_DEPTH = 512;

export function parseJsonFeed(text: string, url: string | undefined, warnings: string[]): Result<ParsedFeed, JsonFeedError> {
  if (nestedDeeperThan(text, MAX_DEPTH)) return err({ code: 'FEED_PARSE', message: `invalid JSON Feed: nested deeper than ${MAX_DEPTH} levels` });
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return err({ code: 'FEED_PARSE', message: `invalid JSON: ${(e as Error).message.split('\n')[0]?.slice(0, 160)}` });
  }
  const version = isObject(doc) ? str(doc.version) : undefined;
  // A JSON Feed names its version; one that does not must at least look like one (a title and items).
  const named = version?.includes('jsonfeed.org/version/') ?? (isObject(doc) && typeof doc.title === 'string');
  if (!isObject(doc) || !Array.isArray(doc.items) || !named) {
    return err({ code: 'NOT_A_FEED', message: 'a JSON document, but not a JSON Feed (no JSON Feed version, or no "items" array)' });
  }
  if (!version || !VERSION.test(version)) warnings.push(`unknown JSON Feed version "${(version ?? '').slice(0, 60)}"; read as 1.1`);
  const base = webUrl(resolveUrl(str(doc.feed_url), url)) ?? webUrl(url);
  const feedAuthor = authorOf(doc);
  const items: FeedItem[] = [];
  for (const [index, item] of doc.items.entries()) {
    if (!isObject(item)) {
      warnings.push(`item ${index} skipped: not an object`);
      continue;
    }
    items.push(jsonItem(item, base, feedAuthor, warnings));
  }
  return ok(dropUndefined({
    title: titleText(str(doc.title)) ?? '',
    link: webUrl(resolveUrl(str(doc.home_page_url), base)),
    description: cleanText(str(doc.description)),
    language: rawText(str(doc.language)),
    items,
    warnings: [...new Set(warnings)],
  }));
}

function jsonItem(item: Json, base: string | undefined, feedAuthor: string | undefined, warnings: string[]): FeedItem {
  const id = typeof item.id === 'number' && Number.isFinite(item.id) ? String(item.id) : rawText(str(item.id));
  const link = webUrl(resolveUrl(str(item.url) ?? str(item.external_url), base));
  const title = titleText(str(item.title)) ?? '';
  const published = readDate(rawText(str(item.date_published)), warnings) ?? readDate(rawText(str(item.date_modified)), warnings);
  const contentText = rawText(str(item.content_text));
  return dropUndefined({
    id: articleId({ guid: id, link, title, published }),
    guid: id,
    link,
    title,
    published,
    author: authorOf(item) ?? feedAuthor,
    summary: rawText(str(item.summary)),
    // content_text is plain text; FeedItem.content is HTML, as content_html and RSS/Atom content are
    content: rawText(str(item.content_html)) ?? (contentText === undefined ? undefined : escapeXmlText(contentText)),
    categories: tagsOf(item.tags),
  });
}

/** 1.1 `authors: [{ name }]`, else 1.0 `author: { name }`; names joined with ", ". */
function authorOf(holder: Json): string | undefined {
  const list = Array.isArray(holder.authors) ? holder.authors : [holder.author];
  const names = list.flatMap((a) => {
    const name = isObject(a) ? cleanText(str(a.name)) : undefined;
    return name ? [name] : [];
  });
  return names.length ? [...new Set(names)].join(', ') : undefined;
}

function tagsOf(tags: unknown): string[] {
  if (!Array.isArray(tags)) return [];
  const names = tags.flatMap((t) => {
    const name = cleanText(str(t));
    return name ? [name] : [];
  });
  return [...new Set(names)];
}

/** One pass over the text: true when arrays/objects (outside strings) nest deeper than `max`. */
function nestedDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
