// Item-level recovery for a feed the strict parser refuses (feedparser's "bozo" model): the document is cut into
// its <item>/<entry> elements, the well-formed ones are found, and the feed is parsed again with those only. One
// truncated CDATA section then costs its own item, not the feed. The cut is textual (a broken CDATA section is
// exactly what a CDATA-aware cut would trust) and linear. Items are checked in halves (a run that parses alone
// into as many items as it has pieces is kept whole; a failing run is split), so one bad item among n costs
// about 2 log2(n) parses of ever smaller runs, reading about twice the document. A budget (400 parses, 3 times
// the document's text) bounds a document where many items are bad: past it, the strict parser's error stands.
import type { Result } from '../core/result.js';
import { closeOpenElements } from './xmlprep.js';

export interface RecoveredItems<T> {
  result: Result<T, unknown>;
  total: number;
  dropped: number;
  /** Items kept once their open elements were closed. */
  repaired: number;
}

export interface RecoveryParser<T> {
  parse(text: string): Promise<Result<T, unknown>>;
  /** Items in a parse result: a run that parses into fewer items than it has pieces swallowed some. */
  itemCount(value: T): number;
  /** Keep an item that parses once its open elements are closed (default true). */
  closeOpenItems?: boolean;
}

/** Parses (of runs of items) one recovery may make before giving up. */
const MAX_CHECKS = 400;
/** Text those parses may read, in multiples of the document (one bad item among n reads about 2 documents). */
const MAX_READ_FACTOR = 3;

/** Parses `text` again without its malformed items; undefined when it has no items, none is well-formed or the budget ran out. */
export async function recoverItems<T>(text: string, root: string | undefined, parser: RecoveryParser<T>): Promise<RecoveredItems<T> | undefined> {
  const atom = root === 'feed';
  const spans = itemSpans(text, itemName(root));
  const first = spans[0];
  const last = spans.at(-1);
  if (!first || !last) return undefined;
  const wrap = atom
    ? (items: string) => `<feed xmlns="http://www.w3.org/2005/Atom">${items}</feed>`
    : (items: string) => `<rss version="2.0"><channel>${items}</channel></rss>`;
  const pieces = spans.map(([start, end]) => text.slice(start, end));
  const originals = new Set(pieces);
  const checker = { wrap, parser, checksLeft: MAX_CHECKS, charsLeft: MAX_READ_FACTOR * text.length };
  // The whole run is known to fail (the strict parse did), so the check starts with its halves.
  const kept = await keepWellFormed(pieces, checker, true);
  const repaired = kept?.filter((piece) => !originals.has(piece)).length ?? 0;
  // Every item kept as it was: the fault lies outside the items, where dropping items cannot help.
  if (!kept?.length || (kept.length === pieces.length && !repaired)) return undefined;
  const assembled = `${text.slice(0, first[0])}${kept.join('\n')}${text.slice(last[1])}`;
  let result = await parser.parse(assembled);
  const closed = result.ok ? undefined : closeOpenElements(assembled);
  if (closed !== undefined) result = await parser.parse(closed);
  return { result, total: spans.length, dropped: spans.length - kept.length, repaired };
}

/** Item start tags in the document (item elements for RSS/RDF, entry elements for Atom). */
export function itemTagCount(text: string, root: string | undefined): number {
  return text.match(new RegExp(`<${itemName(root)}(?=[\\s>/])`, 'g'))?.length ?? 0;
}

function itemName(root: string | undefined): 'item' | 'entry' {
  return root === 'feed' ? 'entry' : 'item';
}

interface Checker<T> {
  wrap(items: string): string;
  parser: RecoveryParser<T>;
  checksLeft: number;
  charsLeft: number;
}

/** The well-formed pieces, in order (a lone piece that only lacks end tags gets them); undefined past the budget. */
async function keepWellFormed<T>(pieces: string[], checker: Checker<T>, failing = false): Promise<string[] | undefined> {
  if (!failing && (await parsesInto(pieces, checker))) return pieces;
  if (checker.checksLeft <= 0 || checker.charsLeft <= 0) return undefined;
  if (pieces.length === 1) {
    if (checker.parser.closeOpenItems === false) return [];
    const closed = closeOpenElements(pieces[0] as string);
    const kept = closed !== undefined && (await parsesInto([closed], checker));
    return checker.checksLeft < 0 || checker.charsLeft < 0 ? undefined : kept ? [closed] : [];
  }
  const half = Math.ceil(pieces.length / 2);
  const left = await keepWellFormed(pieces.slice(0, half), checker);
  const right = left && (await keepWellFormed(pieces.slice(half), checker));
  return left && right ? [...left, ...right] : undefined;
}

async function parsesInto<T>(pieces: string[], checker: Checker<T>): Promise<boolean> {
  const text = checker.wrap(pieces.join(''));
  checker.checksLeft--;
  checker.charsLeft -= text.length;
  if (checker.checksLeft < 0 || checker.charsLeft < 0) return false;
  const result = await checker.parser.parse(text);
  return result.ok && checker.parser.itemCount(result.value) === pieces.length;
}

/**
 * [start, end) of each item element: from its start tag to the end of its end tag; an item left open ends where
 * the next one starts (or, for the last, at the container's end tag). Stray end tags are ignored.
 */
export function itemSpans(text: string, name: 'item' | 'entry'): [number, number][] {
  const spans: [number, number][] = [];
  const tags = new RegExp(`<(/?)${name}(?=[\\s>/])`, 'g');
  const tagEnd = nextIndexOf(text, '>');
  let open = -1;
  for (const m of text.matchAll(tags)) {
    const at = m.index;
    const end = tagEnd(at);
    if (m[1]) {
      if (open >= 0) spans.push([open, end + 1]);
      open = -1;
      continue;
    }
    if (open >= 0) spans.push([open, at]);
    open = -1;
    if (end < text.length && text[end - 1] === '/') spans.push([at, end + 1]);
    else open = at;
  }
  if (open >= 0) spans.push([open, containerEnd(text, open)]);
  return spans;
}

/** `from -> index of the next `char` at or after from` (text.length when none) for increasing `from`, linear overall. */
function nextIndexOf(text: string, char: string): (from: number) => number {
  let found = -1;
  return (from) => {
    if (found < from) {
      const next = text.indexOf(char, from);
      found = next < 0 ? text.length : next;
    }
    return found;
  };
}

function containerEnd(text: string, from: number): number {
  const close = /<\/(?:channel|feed|rss|(?:[\w.-]+:)?RDF)\s*>/g;
  close.lastIndex = from;
  return close.exec(text)?.index ?? text.length;
}
