// rss-parser output (plus the raw fields requested through customFields) -> ParsedFeed.
// One bad item costs that item, one bad date costs that field; both are recorded as warnings.
import { articleId } from '../core/article-id.js';
import type { FeedItem, ParsedFeed } from '../core/types.js';
import { parseFeedDate } from './dates.js';
import { titleText } from './titles.js';
import { asArray, attrsOf, cleanText, rawText, resolveUrl, textOf, type XmlValue } from './xmlvalue.js';

/** Fields asked of rss-parser beyond its defaults (raw, so nothing is lost to its conversions). */
export const CUSTOM_FIELDS = {
  feed: [
    ['$', 'swAttrs', { keepArray: true }],
    ['link', 'swLinks', { keepArray: true }],
    ['title', 'swTitle', { keepArray: true }],
    ['subtitle', 'swSubtitle'],
    ['dc:language', 'swLanguage'],
  ],
  item: [
    ['$', 'swAttrs', { keepArray: true }],
    ['link', 'swLinks', { keepArray: true }],
    ['title', 'swTitle', { keepArray: true }],
    ['guid', 'swGuid', { keepArray: true }],
    ['category', 'swCategories', { keepArray: true }],
    ['dc:subject', 'swSubjects', { keepArray: true }],
    ['media:title', 'swMediaTitle'],
    ['sw-published', 'swPublished', { keepArray: true }],
    ['sw-updated', 'swUpdated', { keepArray: true }],
    ['pubDate', 'swPubDate', { keepArray: true }],
    ['dc:date', 'swDcDate', { keepArray: true }],
    ['dcterms:issued', 'swIssued', { keepArray: true }],
    ['dcterms:created', 'swCreated', { keepArray: true }],
    ['dcterms:modified', 'swModified', { keepArray: true }],
    ['issued', 'swIssued03', { keepArray: true }],
    ['created', 'swCreated03', { keepArray: true }],
    ['modified', 'swModified03', { keepArray: true }],
    ['description', 'swDescription'],
  ],
} as const;

type Raw = Record<string, XmlValue>;

export interface NormaliseContext {
  /** The document URL (base for relative links). */
  url?: string;
  /** Root element kind, which decides where summary/content live. */
  atom: boolean;
  warnings: string[];
}

export function normaliseFeed(raw: Raw, ctx: NormaliseContext): ParsedFeed {
  const docUrl = webUrl(ctx.url);
  const base = webUrl(resolveUrl(attrsOf({ $: raw.swAttrs })['xml:base'], docUrl)) ?? docUrl;
  const items: FeedItem[] = [];
  for (const [index, rawItem] of asArray(raw.items).entries()) {
    try {
      items.push(normaliseItem(rawItem as Raw, base, ctx));
    } catch (e) {
      ctx.warnings.push(`item ${index} skipped: ${(e as Error).message}`);
    }
  }
  const ttl = Number(textOf(raw.ttl));
  return dropUndefined({
    title: titleText(first(raw.swTitle)) ?? cleanText(raw.title) ?? '',
    link: webUrl(resolveUrl(pickLink(raw.swLinks) ?? textOf(raw.link), base)),
    description: cleanText(raw.description) ?? cleanText(raw.swSubtitle),
    language: rawText(raw.language) ?? rawText(raw.swLanguage) ?? attrsOf({ $: raw.swAttrs })['xml:lang'],
    ttlMinutes: Number.isFinite(ttl) && ttl > 0 ? ttl : undefined,
    items,
    warnings: ctx.warnings,
  });
}

function normaliseItem(raw: Raw, feedBase: string | undefined, ctx: NormaliseContext): FeedItem {
  const base = webUrl(resolveUrl(attrsOf({ $: raw.swAttrs })['xml:base'], feedBase)) ?? feedBase;
  const guid = itemGuid(raw, base);
  const link = webUrl(resolveUrl(pickLink(raw.swLinks) ?? permalinkGuid(raw.swGuid), base));
  const title = titleText(first(raw.swTitle)) ?? cleanText(raw.title) ?? titleText(raw.swMediaTitle) ?? '';
  const published = itemDate(raw, ctx.warnings);
  const item: FeedItem = dropUndefined({
    id: articleId({ guid, link, title, published }),
    guid,
    link,
    title,
    published,
    author: cleanText(raw.creator) ?? cleanText(raw.author),
    summary: rawText(ctx.atom ? raw.summary : raw.swDescription),
    content: rawText(raw['content:encoded']) ?? (ctx.atom ? rawText(raw.content) : undefined),
    categories: flattenCategories([raw.swCategories, raw.swSubjects]),
  });
  return item;
}

/** The first alternate (or unqualified) link, by href or text; else the first link of any kind. */
function pickLink(links: XmlValue): string | undefined {
  const candidates = asArray(links);
  const target = (l: unknown): string | undefined => attrsOf(l).href ?? rawText(l);
  const alternate = candidates.find((l) => {
    const rel = attrsOf(l).rel;
    return (rel === undefined || rel === 'alternate') && target(l) !== undefined;
  });
  return target(alternate) ?? candidates.map(target).find((t) => t !== undefined);
}

/**
 * guid / Atom id / rdf:about. A path reference ("/a/b", "./a", "../a") is resolved against the base as feedparser
 * does; a bare token ("12345") is an opaque id and stays as given (resolving it would tie ids to the feed URL).
 */
function itemGuid(raw: Raw, base: string | undefined): string | undefined {
  const guid = first(raw.swGuid);
  const id = rawText(guid) ?? rawText(raw.id) ?? attrsOf({ $: raw.swAttrs })['rdf:about'];
  if (id === undefined || attrsOf(guid).isPermaLink === 'false' || !/^\.{0,2}\//.test(id)) return id;
  return webUrl(resolveUrl(id, base)) ?? id;
}

/** RSS guid doubles as the link unless isPermaLink="false". */
function permalinkGuid(guids: XmlValue): string | undefined {
  const guid = first(guids);
  if (guid === undefined || attrsOf(guid).isPermaLink === 'false') return undefined;
  const text = rawText(guid);
  return text && /^https?:\/\//i.test(text) ? text : undefined;
}

const DATE_FIELDS = [
  'swPublished', 'swPubDate', 'swDcDate', 'swIssued', 'swIssued03', 'swCreated', 'swCreated03',
  'swUpdated', 'swModified', 'swModified03',
] as const;

/** The first date field present; a repeated element counts by its last value, as feedparser overwrites. */
function itemDate(raw: Raw, warnings: string[]): number | undefined {
  for (const field of DATE_FIELDS) {
    const ms = readDate(rawText(asArray(raw[field]).at(-1)), warnings);
    if (ms !== undefined) return ms;
  }
  return undefined;
}

/** A feed date as epoch ms; an unreadable one is a warning and undefined. */
export function readDate(text: string | undefined, warnings: string[]): number | undefined {
  if (text === undefined) return undefined;
  const parsed = parseFeedDate(text);
  if (!parsed) {
    warnings.push(`unparseable date "${text.slice(0, 60)}" ignored`);
    return undefined;
  }
  if (parsed.ambiguousZone) warnings.push(`ambiguous zone ${parsed.ambiguousZone} read as in the zone table`);
  return parsed.ms;
}

function flattenCategories(sources: XmlValue[]): string[] {
  const names = sources.flatMap(asArray).flatMap((c) => {
    const attrs = attrsOf(c);
    const name = cleanText(attrs.term ?? attrs.label ?? attrs.text) ?? cleanText(c);
    return name ? [name] : [];
  });
  return [...new Set(names)];
}

/** Keeps http(s) and relative references; drops javascript:, data: and other schemes. */
export function webUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  return /^[a-z][a-z0-9+.-]*:/i.test(url) && !/^https?:/i.test(url) ? undefined : url;
}

function first(value: XmlValue): XmlValue {
  return asArray(value)[0];
}

export function dropUndefined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) if (value[key] === undefined) delete value[key];
  return value;
}
