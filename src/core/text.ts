// Text normalisation and sentence splitting (tokenisation: tokens.ts, re-exported here). Pure.
import { isSpace } from './tokens.js';

export { alnumAt, tokenize, type Token } from './tokens.js';

/** Typographic characters and their plain replacements (one character for one). */
const TYPOGRAPHIC: Array<[string, string]> = [
  ['\u2018\u2019\u201A\u201B\u2032\u02BC', "'"],
  ['\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB', '"'],
  ['\u2010\u2011\u2012\u2013\u2014\u2015\u2212', '-'],
  ['\u2026', '.'],
  ['\u00A0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u200B\u200C\u200D\u202F\u205F\u1680\u3000\uFEFF\u00AD', ' '],
];
const REPLACEMENT = new Map(TYPOGRAPHIC.flatMap(([chars, plain]) => [...chars].map((c): [string, string] => [c, plain])));
/** All typographic characters in one pattern, so that the text is scanned once. */
const ANY_TYPOGRAPHIC = new RegExp(`[${TYPOGRAPHIC.map(([chars]) => chars).join('')}]`, 'g');
const replacementOf = (c: string): string => REPLACEMENT.get(c) ?? c;

const ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', mdash: '-', ndash: '-',
  rsquo: "'", lsquo: "'", ldquo: '"', rdquo: '"', hellip: '...',
};

/** Removes tags, scripts/styles and decodes common entities. Block tags become line breaks. */
export function stripHtml(text: string): string {
  return text
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<\/?(p|div|br|li|h[1-6]|blockquote|tr)\b[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&([a-z]+);/gi, (whole, name: string) => ENTITIES[name.toLowerCase()] ?? whole);
}

/** Straight quotes and apostrophes, hyphen for dashes, plain spaces. One character for one: offsets survive. */
export function normaliseTypography(text: string): string {
  return text.replace(ANY_TYPOGRAPHIC, replacementOf);
}

/**
 * Invisible characters that change what the analyser reads without changing what a reader sees: every Unicode
 * format character (Cf: zero-width space and joiners, soft hyphen, word joiner, BOM, bidi marks, embeddings,
 * overrides and isolates, tag characters, ...) and the variation selectors. They are removed, not replaced: a
 * zero-width space inside "N\u200BA\u200BT\u200BO" must leave "NATO". Line and paragraph separators (and NEL)
 * become line breaks, other Unicode spaces a space (through the typographic table). The Cf ranges are spelt out
 * (test/core/text.test.ts checks them against \p{Cf}): a pattern without the `u` flag scans text faster.
 */
const INVISIBLE_BMP = '\u00AD\u0600-\u0605\u061C\u06DD\u070F\u0890\u0891\u08E2\u180E\u200B-\u200F\u202A-\u202E' +
  '\u2060-\u2064\u2066-\u206F\uFEFF\uFFF9-\uFFFB\uFE00-\uFE0F\u0085\u2028\u2029';
/** Cf above the BMP as surrogate pairs, and the variation selectors supplement (U+E0100-E01EF). */
const INVISIBLE_ASTRAL = '\uD804[\uDCBD\uDCCD]|\uD80D[\uDC30-\uDC3F]|\uD82F[\uDCA0-\uDCA3]|\uD834[\uDD73-\uDD7A]|' +
  '\uDB40[\uDC01\uDC20-\uDC7F\uDD00-\uDDEF]';
// eslint-disable-next-line no-misleading-character-class -- variation selectors are meant to match on their own
const INVISIBLE = new RegExp(`^(?:[${INVISIBLE_BMP}]|${INVISIBLE_ASTRAL})$`);
/** Invisible and typographic characters in one pattern: the text is scanned once. */
const INVISIBLE_OR_TYPOGRAPHIC = new RegExp(`[${INVISIBLE_BMP}${TYPOGRAPHIC.map(([chars]) => chars).join('')}]|${INVISIBLE_ASTRAL}`, 'g');
const ZWNJ = 0x200c;
const ZWJ = 0x200d;

/** A joiner kept between two non-ASCII letters: Persian and Indic spelling and emoji sequences need it. */
function joinerNeeded(text: string, offset: number): boolean {
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset + 1);
  return before > 0x7f && after > 0x7f && !INVISIBLE.test(text.charAt(offset - 1)) && !INVISIBLE.test(text.charAt(offset + 1)) &&
    !isSpace(before) && !isSpace(after);
}

/** What a visible match becomes: the typographic replacements and line breaks for the separators. */
const VISIBLE_REPLACEMENT = new Map([...REPLACEMENT].filter(([c]) => !INVISIBLE.test(c)));
for (const c of '\u0085\u2028\u2029') VISIBLE_REPLACEMENT.set(c, '\n');

/** Replacement of one match of INVISIBLE_OR_TYPOGRAPHIC: anything not in the visible table is invisible. */
function cleanCharacter(c: string, offset: number, text: string): string {
  const visible = VISIBLE_REPLACEMENT.get(c);
  if (visible !== undefined) return visible;
  const code = c.charCodeAt(0);
  return (code === ZWNJ || code === ZWJ) && joinerNeeded(text, offset) ? c : '';
}

/**
 * Any invisible character in the BMP, or the first half of one above it: two plain classes, each a quick scan
 * (one class with both is three times slower).
 */
// eslint-disable-next-line no-misleading-character-class -- variation selectors are meant to match on their own
const ANY_INVISIBLE_BMP = new RegExp(`[${INVISIBLE_BMP}]`);
const ANY_INVISIBLE_ASTRAL = /[\uD804\uD80D\uD82F\uD834\uDB40]/;

/** Typography as `normaliseTypography`, and invisible characters removed (not one for one). */
export function removeInvisibles(text: string): string {
  const invisible = ANY_INVISIBLE_BMP.test(text) || ANY_INVISIBLE_ASTRAL.test(text);
  return invisible ? text.replace(INVISIBLE_OR_TYPOGRAPHIC, cleanCharacter) : normaliseTypography(text);
}

/** ASCII control characters but tab, line feed and carriage return (a lone carriage return ends a line). */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g;

/**
 * Full clean-up of an article body: HTML remnants, invisible characters, typography, control characters, blank
 * lines. Everything the analyser shows (evidence sentences) is cut from this text.
 */
export function normaliseText(text: string): string {
  const plain = /[<&]/.test(text) ? stripHtml(text) : text;
  const lines = plain.includes('\r') ? plain.replace(/\r\n?/g, '\n') : plain;
  CONTROL.lastIndex = 0;
  const visible = CONTROL.test(lines) ? lines.replace(CONTROL, ' ') : lines;
  // eslint-disable-next-line no-control-regex
  const plainChars = /[^\x00-\x7f]/.test(visible) ? removeInvisibles(visible) : visible;
  return isTidy(plainChars) ? plainChars : tidyLines(plainChars);
}

/** Tabs and runs of spaces as one space, lines trimmed, empty lines dropped. */
const tidyLines = (text: string): string => text
  .replace(/\t|[ \t]{2,}/g, ' ')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line.length > 0)
  .join('\n');

/**
 * Whether `tidyLines` would leave `text` as it is (one scan, no copies: most texts are tidy): no tab, no two
 * spaces in a row, no line that is empty or starts or ends with white space.
 */
function isTidy(text: string): boolean {
  const n = text.length;
  return n === 0 || (!isSpace(text.charCodeAt(0)) && !isSpace(text.charCodeAt(n - 1)) && !UNTIDY.test(text));
}
/** A tab, two spaces, or a line break next to white space (an empty line, or a line that starts or ends with it). */
const UNTIDY = /\t| {2}|\s\n|\n\s/;

/**
 * Headline and body as one normalised text, the headline once: full-text extraction and many feeds repeat the
 * headline as the body's first line (or give it as the whole description), and one statement read twice would
 * weigh twice in the article's stance.
 */
export function headlineAndBody(title: string | undefined, text: string): string {
  const head = normaliseText(title ?? '');
  const body = normaliseText(text);
  if (head === '') return body;
  const end = body.indexOf('\n');
  const first = end < 0 ? body : body.slice(0, end);
  if (first.toLowerCase() !== head.toLowerCase()) return body === '' ? head : `${head}\n${body}`;
  return end < 0 ? head : `${head}\n${body.slice(end + 1)}`;
}

/** True when nothing is left to analyse once markup and invisible characters are gone. */
export function isBlankText(text: string): boolean {
  return normaliseText(text) === '';
}

const ABBREVIATIONS = new Set(
  ('mr mrs ms dr prof gen sen rep gov lt col sgt capt cmdr adm maj st jr sr no nos vs etc inc corp ltd co ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec fig vol approx dept est rev hon pres ave blvd mt ft')
    .split(' '),
);

const isLetter = (c: number): boolean => (c | 32) >= 97 && (c | 32) <= 122;

/** A period at `end` that ends an abbreviation or initial rather than a sentence. */
function isAbbreviation(text: string, end: number): boolean {
  let start = end;
  while (start > 0 && (isLetter(text.charCodeAt(start - 1)) || text.charCodeAt(start - 1) === 46)) start--;
  const word = text.slice(start, end);
  if (word.length === 0) return false;
  if (/^(?:[A-Za-z]\.)+[A-Za-z]?$/.test(word)) return true; // U.S, U.N, e.g
  if (/^[A-Z]$/.test(word)) return true; // middle initial
  return ABBREVIATIONS.has(word.toLowerCase());
}

const BOUNDARY = /[.!?]+["')\]]*(?=\s+["'([]?[A-Z0-9])/g;

/** Splits one paragraph into sentences. */
function splitParagraph(paragraph: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (const match of paragraph.matchAll(BOUNDARY)) {
    const end = match.index + match[0].length;
    const mark = match[0].charAt(0);
    if (mark === '.' && match[0].length === 1 && isAbbreviation(paragraph, match.index)) continue;
    sentences.push(paragraph.slice(start, end).trim());
    start = end;
  }
  sentences.push(paragraph.slice(start).trim());
  return sentences.filter((s) => s.length > 0);
}

/** Splits normalised text into sentences; line breaks always end a sentence. */
export function splitSentences(text: string): string[] {
  return text.split(/\n+/).flatMap(splitParagraph);
}

/**
 * A wire dateline at the start of a sentence: "BEIJING, May 15 (Xinhua) --", "NEW DELHI (AP) -", "Pyongyang,
 * November 19 (KCNA) --", "KYIV, Ukraine, Dec. 3 -". It tells where the copy was filed and who filed it, not what
 * anyone thinks: the place is not an actor of the sentence and the agency is not its speaker. A place followed by
 * a bare dash ("NATO - ...") is not a dateline: a date, an agency in parentheses (before the dash or after it:
 * "WASHINGTON - (AP) -"), or a place wholly in capitals that is no acronym ("TEHRAN -", "UNITED NATIONS -": two
 * words, or five letters or more) is required. Expects normalised text (dashes as hyphens).
 */
const DATELINE = new RegExp(
  "^[A-Z][A-Za-z'.-]*(?: [A-Z][A-Za-z'.-]*){0,3}(?:, [A-Z][A-Za-z'.-]*(?: [A-Z][A-Za-z'.-]*){0,2})?" +
    '(?:(?<date>, (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.? \\d{1,2}(?:, \\d{4})?))?' +
    ' ?(?<agency>\\([^()\\n]{2,60}\\))? ?-{1,2} +(?<after>\\([^()\\n]{2,60}\\) ?-{1,2} +)?',
);

/** A place in capitals that is no acronym: "TEHRAN", "UNITED NATIONS" (not "NATO", "EU"). */
const CAPITAL_PLACE = /^(?:[A-Z][A-Z'.-]{4,}|[A-Z][A-Z'.-]*(?: [A-Z][A-Z'.-]*){1,3})$/;

/** Where the sentence's text starts after a wire dateline (0 when it has none). */
export function datelineEnd(sentence: string): number {
  const m = DATELINE.exec(sentence);
  if (!m?.groups) return 0;
  // Without a date, the agency's dateline has its place in capitals ("NEW DELHI (AP) -"), unlike "The United States (US) -".
  const place = sentence.slice(0, sentence.search(/[,(]/));
  const agency = m.groups.agency !== undefined || m.groups.after !== undefined;
  const bare = sentence.slice(0, sentence.search(/ ?-/));
  if (m.groups.date === undefined && (!agency || place !== place.toUpperCase()) && !CAPITAL_PLACE.test(bare)) return 0;
  return m[0].length < sentence.length ? m[0].length : 0;
}
