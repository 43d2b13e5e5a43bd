// Deterministic mutations of real feed documents for the parser fuzz suite: a seeded PRNG and one function per
// kind of hostile input named in issue 8 (truncations, byte flips, entity bombs, deep nesting, huge attributes,
// invalid UTF-8, random charsets), plus splices and stacked mutations.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { mulberry32 } from '../../src/eval/prng.js';

export type Rng = () => number;

export const seededRng = mulberry32;

const int = (rng: Rng, below: number): number => Math.floor(rng() * below);
const pick = <T>(rng: Rng, list: readonly T[]): T => list[int(rng, list.length)] as T;

export interface Case {
  bytes: Buffer;
  contentType?: string;
}

export type Mutator = (doc: Buffer, rng: Rng, corpus: Buffer[]) => Case;

/** Seed documents: every file of the given directories up to `maxBytes`, sorted by path (stable order). */
export function loadSeeds(dirs: string[], maxBytes: number): Buffer[] {
  const files = dirs.flatMap((dir) => walk(dir)).sort();
  return files.filter((f) => statSync(f).size <= maxBytes && /\.(xml|rss|atom|rdf)$/i.test(f)).map((f) => readFileSync(f));
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

const truncate: Mutator = (doc, rng) => ({ bytes: doc.subarray(0, int(rng, doc.length + 1)) });

const flipBytes: Mutator = (doc, rng) => {
  const out = Buffer.from(doc);
  const flips = 1 + int(rng, 32);
  for (let i = 0; i < flips && out.length; i++) {
    const at = int(rng, out.length);
    out[at] = rng() < 0.5 ? int(rng, 256) : (out[at] as number) ^ (1 << int(rng, 8));
  }
  return { bytes: out };
};

const INVALID_UTF8 = [[0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xff], [0xfe, 0xff], [0xf8, 0x88, 0x80, 0x80, 0x80], [0x80], [0xe2, 0x82], [0xf4, 0x90, 0x80, 0x80], [0x00]];

const invalidUtf8: Mutator = (doc, rng) => {
  let out = doc;
  const inserts = 1 + int(rng, 16);
  for (let i = 0; i < inserts; i++) {
    const at = int(rng, out.length + 1);
    out = Buffer.concat([out.subarray(0, at), Buffer.from(pick(rng, INVALID_UTF8)), out.subarray(at)]);
  }
  return { bytes: out };
};

const CHARSETS = [
  'utf-8', 'UTF-16', 'utf-16le', 'utf-16be', 'utf-32', 'utf-7', 'iso-8859-1', 'iso-8859-5', 'windows-1251', 'koi8-r', 'gbk',
  'gb18030', 'big5', 'shift_jis', 'euc-jp', 'euc-kr', 'ebcdic-cp-us', 'x-mac-cyrillic', 'bogus-charset', '', '"', 'utf-8"?><x',
];

const randomCharset: Mutator = (doc, rng) => {
  const charset = pick(rng, CHARSETS);
  const text = doc.toString('latin1').replace(/^\s*<\?xml[^>]*\?>/, '');
  const bytes = Buffer.from(`<?xml version="1.0" encoding="${charset}"?>${text}`, 'latin1');
  return rng() < 0.3 ? { bytes, contentType: `text/xml; charset=${pick(rng, CHARSETS)}` } : { bytes };
};

/** Billion laughs (nested), quadratic blow-up (one big entity many times), external and parameter entities. */
function entityBomb(rng: Rng): { doctype: string; reference: string } {
  const kind = int(rng, 4);
  if (kind === 0) {
    const levels = ['<!ENTITY lol0 "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`)];
    return { doctype: `<!DOCTYPE rss [${levels.join('')}]>`, reference: '&lol9;' };
  }
  if (kind === 1) {
    return { doctype: `<!DOCTYPE rss [<!ENTITY big "${'A'.repeat(10_000 + int(rng, 90_000))}">]>`, reference: '&big;'.repeat(1_000) };
  }
  if (kind === 2) return { doctype: '<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', reference: '&xxe;' };
  return { doctype: '<!DOCTYPE rss [<!ENTITY % p "<!ENTITY q \'&#38;q;&#38;q;\'>"> %p;]>', reference: '&q;&p;' };
}

const entityBombs: Mutator = (doc, rng) => {
  const bomb = entityBomb(rng);
  const text = doc.toString('utf8').replace(/^\s*<\?xml[^>]*\?>/, '').replace(/<!DOCTYPE[^>]*>/i, '');
  const titled = text.replace(/(<title[^>]*>)/, `$1${bomb.reference}`);
  return { bytes: Buffer.from(`<?xml version="1.0"?>${bomb.doctype}${titled === text ? text + bomb.reference : titled}`) };
};

const deepNesting: Mutator = (doc, rng) => {
  const depth = 1_000 + int(rng, 30_000);
  const name = pick(rng, ['x', 'item', 'div', 'title', 'a:b']);
  const closed = rng() < 0.5;
  const nest = `<${name}>`.repeat(depth) + 'deep' + (closed ? `</${name}>`.repeat(depth) : '');
  const text = doc.toString('utf8');
  const at = text.search(/<item[\s>]|<entry[\s>]/);
  const where = at >= 0 ? at : int(rng, text.length + 1);
  return { bytes: Buffer.from(text.slice(0, where) + nest + text.slice(where)) };
};

const hugeAttribute: Mutator = (doc, rng) => {
  const size = 64 * 1024 + int(rng, 512 * 1024);
  const quote = rng() < 0.8 ? '"' : '';
  const value = pick(rng, ['A', '&amp;', '<', ' x="y" ', '&#x41;']).repeat(Math.ceil(size / 5));
  const text = doc.toString('utf8');
  const tags = [...text.matchAll(/<[A-Za-z][\w:.-]*/g)];
  const tag = tags.length ? pick(rng, tags) : undefined;
  const at = tag ? (tag.index as number) + tag[0].length : 0;
  return { bytes: Buffer.from(`${text.slice(0, at)} data-x=${quote}${value}${quote}${text.slice(at)}`) };
};

const duplicateSpan: Mutator = (doc, rng) => {
  const start = int(rng, doc.length + 1);
  const span = doc.subarray(start, start + 1 + int(rng, 4_096));
  const copies = Math.min(1 + int(rng, 500), Math.floor(1_000_000 / Math.max(span.length, 1)));
  return { bytes: Buffer.concat([doc.subarray(0, start), ...Array.from({ length: copies }, () => span), doc.subarray(start)]) };
};

const splice: Mutator = (doc, rng, corpus) => {
  const other = pick(rng, corpus);
  return { bytes: Buffer.concat([doc.subarray(0, int(rng, doc.length + 1)), other.subarray(int(rng, other.length + 1))]) };
};

const FAMILIES = { truncate, flipBytes, invalidUtf8, randomCharset, entityBombs, deepNesting, hugeAttribute, duplicateSpan, splice };
export type Family = keyof typeof FAMILIES | 'stacked';

/** Two or three mutations of different families applied in turn (the content type of the last one wins). */
const stacked: Mutator = (doc, rng, corpus) => {
  const cheap = [truncate, flipBytes, invalidUtf8, randomCharset, duplicateSpan, splice, entityBombs];
  let current: Case = { bytes: doc };
  for (let i = 0, n = 2 + int(rng, 2); i < n; i++) current = { ...current, ...pick(rng, cheap)(current.bytes, rng, corpus) };
  return current;
};

export const MUTATORS: Record<Family, Mutator> = { ...FAMILIES, stacked };
