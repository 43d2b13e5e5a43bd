// OPML subscription lists: a bounded, forgiving reader and a writer. Pure: text in, values out, never throws.
// The reader scans <outline> tags itself (no DTD, so no entity can expand), keeps only http(s) feed URLs
// without credentials, and explains every entry it refuses.
import { checkFeedUrl, isControl } from './feed-url.js';
import { err, ok, type Result } from './result.js';
import { escapeXml } from './xml-escape.js';

export interface OpmlLimits {
  /** Largest document accepted, in characters. */
  maxChars: number;
  /** Entries kept; later ones are counted as skipped. */
  maxEntries: number;
  maxUrlLength: number;
  maxTitleLength: number;
}

export const DEFAULT_OPML_LIMITS: OpmlLimits = { maxChars: 512 * 1024, maxEntries: 100, maxUrlLength: 2048, maxTitleLength: 100 };

export interface OpmlEntry {
  url: string;
  /** The outline's title (or text) attribute, cleaned; null when absent. */
  title: string | null;
}

export interface OpmlRejection {
  /** The xmlUrl as written (cut to 200 characters). */
  url: string;
  reason: string;
}

export interface OpmlDocument {
  entries: OpmlEntry[];
  rejected: OpmlRejection[];
  /** Valid entries left out because the document listed more than `maxEntries`. */
  skipped: number;
}

// Every scan below is linear in the input: tags and comments are found with indexOf-style searches that never
// restart inside text already scanned, and attribute names cannot start inside another name.
const OUTLINE_START = /<outline(?![\w:.-])/gi;
const ATTRIBUTE = /(?<![\w:.-])([A-Za-z_][\w:.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const stripControls = (text: string): string => Array.from(text).filter((ch) => !isControl(ch)).join('');

/** Decodes the five XML entities and numeric references; anything else is left as written. */
export function decodeXmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[ref] ?? whole;
  });
}

/** The text without <!-- comments --> (an unclosed comment runs to the end). */
function stripComments(text: string): string {
  let out = '';
  let pos = 0;
  for (;;) {
    const start = text.indexOf('<!--', pos);
    if (start < 0) return out + text.slice(pos);
    out += text.slice(pos, start);
    const end = text.indexOf('-->', start + 4);
    if (end < 0) return out;
    pos = end + 3;
  }
}

/** Index of the '>' closing a tag whose attributes start at `from` ('>' inside quotes does not count), or -1. */
function tagEnd(text: string, from: number): number {
  let quote = '';
  for (let i = from; i < text.length; i++) {
    const c = text.charAt(i);
    if (quote !== '') {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i;
  }
  return -1;
}

/** The attribute text of every <outline> tag, in order; stops at the first unterminated tag. */
function* outlineTags(text: string): Generator<string> {
  const starts = new RegExp(OUTLINE_START.source, 'gi');
  for (let m = starts.exec(text); m !== null; m = starts.exec(text)) {
    const from = m.index + m[0].length;
    const end = tagEnd(text, from);
    if (end < 0) return;
    yield text.slice(from, end);
    starts.lastIndex = end + 1;
  }
}

function attributes(raw: string): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const m of raw.matchAll(ATTRIBUTE)) {
    const name = (m[1] as string).toLowerCase();
    if (!attrs.has(name)) attrs.set(name, decodeXmlEntities(m[2] ?? m[3] ?? ''));
  }
  return attrs;
}

/** Control and format characters removed, whitespace collapsed, cut to `max`; null when nothing is left. */
export function cleanTitle(text: string | undefined, max = DEFAULT_OPML_LIMITS.maxTitleLength): string | null {
  if (text === undefined) return null;
  const clean = stripControls(text).replace(/\s+/g, ' ').trim();
  return clean === '' ? null : Array.from(clean).slice(0, max).join('');
}

/**
 * Reads the feeds of an OPML document: outlines with an xmlUrl, in document order, without duplicates.
 * Folders (outlines without xmlUrl) are walked through. Fails only when the text is too large or not OPML.
 */
export function parseOpml(text: string, limits: OpmlLimits = DEFAULT_OPML_LIMITS): Result<OpmlDocument, string> {
  if (text.length > limits.maxChars) return err(`the file is larger than ${Math.round(limits.maxChars / 1024)} KiB`);
  const body = stripComments(text);
  if (!/<opml\b/i.test(body)) return err('the file is not an OPML document (no <opml> element)');
  const doc: OpmlDocument = { entries: [], rejected: [], skipped: 0 };
  const seen = new Set<string>();
  for (const tag of outlineTags(body)) {
    const attrs = attributes(tag);
    const raw = attrs.get('xmlurl');
    if (raw === undefined) continue;
    const checked = checkFeedUrl(raw, limits.maxUrlLength);
    if (!checked.ok) doc.rejected.push({ url: raw.slice(0, 200), reason: checked.error });
    else if (seen.has(checked.value)) doc.rejected.push({ url: raw.slice(0, 200), reason: 'listed twice' });
    else if (doc.entries.length >= limits.maxEntries) doc.skipped++;
    else {
      seen.add(checked.value);
      doc.entries.push({ url: checked.value, title: cleanTitle(attrs.get('title') ?? attrs.get('text'), limits.maxTitleLength) });
    }
  }
  return ok(doc);
}

export function escapeXmlAttribute(text: string): string {
  return escapeXml(stripControls(text)).replace(/[\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** An OPML 2.0 document listing `entries` (dateCreated from `createdAt`, epoch ms). */
export function toOpml(title: string, entries: readonly OpmlEntry[], createdAt: number): string {
  const outlines = entries.map((e) => {
    const name = escapeXmlAttribute(e.title ?? e.url);
    return `    <outline type="rss" text="${name}" title="${name}" xmlUrl="${escapeXmlAttribute(e.url)}"/>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    '  <head>',
    `    <title>${escapeXmlAttribute(title)}</title>`,
    `    <dateCreated>${new Date(createdAt).toUTCString()}</dateCreated>`,
    '  </head>',
    '  <body>',
    ...outlines,
    '  </body>',
    '</opml>',
    '',
  ].join('\n');
}
