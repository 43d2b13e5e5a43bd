// Reads the subset of feedparser's `Expect:` expressions that state a title, link, guid/id or date, and checks
// them against our ParsedFeed. Other expressions (bozo, version, *_detail, ...) are not ours to meet.
import type { ParsedFeed } from '../../src/core/types.js';
import { plainTitle } from './feedparser-title.js';

const TITLE_LINK = new Set(['title', 'link']);
const IDS = new Set(['id', 'guid']);
const ITEM_DATES = new Set(['published_parsed', 'updated_parsed', 'created_parsed', 'date_parsed', 'issued_parsed', 'modified_parsed']);

type Literal = string | number[];
interface Path {
  scope: 'feed' | 'entry';
  index: number;
  key: string;
}
interface Comparison {
  paths: Path[];
  literal: Literal;
}

const PATH = /^(feed|entries\[(\d+)\])(?:\[['"](\w+)['"]\]|\.(\w+))$/;

/** The comparisons the expression states about title/link/guid/date, or null when it states none we model. */
export function readExpectation(expr: string): Comparison[] | null {
  const body = expr.trim().replace(/^not bozo and\s+/, '');
  const alternatives = splitTop(body, ' or ').map(readComparison);
  if (alternatives.some((a) => a === null)) return null;
  return alternatives as Comparison[];
}

function readComparison(text: string): Comparison | null {
  const parts = splitTop(text.trim(), ' == ').map((p) => p.trim());
  if (parts.length < 2) return null;
  const literal = readLiteral(parts[parts.length - 1] as string);
  const paths = parts.slice(0, -1).map(readPath);
  if (literal === null || paths.some((p) => p === null || !stated(p))) return null;
  return { paths: paths as Path[], literal };
}

function readPath(text: string): Path | null {
  const m = PATH.exec(text);
  if (!m) return null;
  return { scope: m[1] === 'feed' ? 'feed' : 'entry', index: Number(m[2] ?? 0), key: (m[3] ?? m[4]) as string };
}

function stated(p: Path): boolean {
  if (TITLE_LINK.has(p.key)) return true;
  return p.scope === 'entry' && (IDS.has(p.key) || ITEM_DATES.has(p.key));
}

/** True when any alternative holds for our parse. */
export function holds(comparisons: Comparison[], feed: ParsedFeed): boolean {
  return comparisons.some((c) => c.paths.every((p) => matches(valueAt(feed, p), expected(p, c.literal))));
}

/**
 * A title expectation is compared as plain text. feedparser keeps a title's markup when it treats the title as
 * HTML; our documented rule is that titles are plain text (markup stripped, entities decoded, whitespace
 * collapsed). Comparing the raw literal would count every HTML title against us for following that rule, so the
 * literal is first converted the same way, deciding "is this HTML?" with feedparser's own heuristic.
 */
function expected(p: Path, literal: Literal): Literal {
  return p.key === 'title' && typeof literal === 'string' ? plainTitle(literal) : literal;
}

function valueAt(feed: ParsedFeed, p: Path): string | number | undefined {
  if (p.scope === 'feed') return p.key === 'title' ? feed.title : feed.link;
  const item = feed.items[p.index];
  if (!item) return undefined;
  if (TITLE_LINK.has(p.key)) return p.key === 'title' ? item.title : item.link;
  return IDS.has(p.key) ? item.guid : item.published;
}

function matches(value: string | number | undefined, literal: Literal): boolean {
  if (typeof literal === 'string') return value === literal;
  if (typeof value !== 'number') return false;
  const d = new Date(value);
  const fields = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()];
  return fields.every((f, i) => f === literal[i]);
}

function readLiteral(text: string): Literal | null {
  const tuple = /^\(([\d,\s]+)\)$/.exec(text);
  if (tuple) return (tuple[1] as string).split(',').map((n) => Number(n.trim()));
  const m = /^u?('''|"""|'|")([\s\S]*)\1$/.exec(text);
  return m ? unescapePython(m[2] as string) : null;
}

function unescapePython(text: string): string {
  return text.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[nrt\\'"])/g, (_, esc: string) => {
    if (/^[xuU]/.test(esc)) return String.fromCodePoint(parseInt(esc.slice(1), 16));
    return ({ n: '\n', r: '\r', t: '\t' } as Record<string, string>)[esc] ?? esc;
  });
}

/** Splits on a separator outside string literals. */
function splitTop(text: string, sep: string): string[] {
  const parts: string[] = [];
  let quote = '';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quote) {
      if (ch === '\\') i++;
      else if (text.startsWith(quote, i)) {
        i += quote.length - 1;
        quote = '';
      }
    } else if (ch === '"' || ch === "'") quote = text.startsWith(ch.repeat(3), i) ? ch.repeat(3) : ch;
    else if (text.startsWith(sep, i)) {
      parts.push(text.slice(start, i));
      start = i + sep.length;
      i += sep.length - 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}
