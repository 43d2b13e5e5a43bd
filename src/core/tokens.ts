// Tokenisation: word and punctuation tokens with offsets, lower-cased text, FNV-1a hash and word kind. Pure.
import { fnv1a } from './feature-hash.js';
import { WORD, wordKind } from './words.js';

export interface Token {
  /** Lower-cased surface form. */
  text: string;
  start: number;
  end: number;
  /** True for punctuation tokens. */
  punct: boolean;
  /** FNV-1a hash of `text` (feature hashing). */
  hash: number;
  /** `WORD` kind (negator, contrast word, other); punctuation is `other`. */
  kind: number;
}

const UNICODE_ALNUM = /^[\p{L}\p{N}]/u;

/** Letter or digit at `i` (ASCII fast path); returns its length in code units, 0 when it is neither. */
export function alnumAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0x80) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 0;
  const wide = codePointWidth(text, i);
  return UNICODE_ALNUM.test(text.slice(i, i + wide)) ? wide : 0;
}

/** JavaScript's \s: ASCII whitespace, no-break and other Unicode spaces, line and paragraph separators, BOM. */
export function isSpace(c: number): boolean {
  if (c < 0x80) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Length in code units of the code point at `i` (2 for a surrogate pair). */
function codePointWidth(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff || i + 1 >= text.length) return 1;
  const next = text.charCodeAt(i + 1);
  return next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
}

/** A word at lastIndex (sticky): letters/digits, joined by single apostrophes or hyphens between them. */
const WORD_AT = /[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*/uy;
// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\x00-\x7f]/;

/** End of the word starting at `i`: `test` on a sticky pattern moves lastIndex and builds no match array. */
function wordEnd(word: RegExp, text: string, i: number): number {
  word.lastIndex = i;
  word.test(text);
  return word.lastIndex;
}

const isAsciiAlnum = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * Word and punctuation tokens with character offsets. Expects normalised apostrophes. A token is a word
 * (`[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*`) or any other single character but whitespace. Whitespace and
 * punctuation are scanned by hand and words matched with a sticky `test`: a global `exec` would allocate a match
 * array and a string per token (~40 % of the analyser's allocation).
 * ASCII sentences go to `tokenizeAscii`.
 */
export function tokenize(sentence: string): Token[] {
  if (!NON_ASCII.test(sentence)) return tokenizeAscii(sentence.toLowerCase());
  const tokens: Token[] = [];
  const lower = sentence.toLowerCase();
  const sameLength = lower.length === sentence.length;
  let i = 0;
  while (i < sentence.length) {
    const c = sentence.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    const punct = alnumAt(sentence, i) === 0;
    const end = punct ? i + codePointWidth(sentence, i) : wordEnd(WORD_AT, sentence, i);
    const text = sameLength ? lower.slice(i, end) : sentence.slice(i, end).toLowerCase();
    const hash = fnv1a(text);
    tokens.push({ text, start: i, end, punct, hash, kind: punct ? WORD.other : wordKind(text, hash) });
    i = end;
  }
  return tokens;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * `tokenize` of an ASCII sentence (given in lower case: same length, same classes): the same tokens, each word's
 * `fnv1a` taken while its end is found (/[a-z0-9]+(?:['-][a-z0-9]+)*\/y, scanned by hand: a regex call per
 * word was a quarter of tokenising).
 */
function tokenizeAscii(lower: string): Token[] {
  const tokens: Token[] = [];
  const n = lower.length;
  let i = 0;
  while (i < n) {
    const c = lower.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13)) {
      i++;
      continue;
    }
    let hash = Math.imul(FNV_OFFSET ^ c, FNV_PRIME);
    if (!isAsciiAlnum(c)) {
      tokens.push({ text: lower.charAt(i), start: i, end: i + 1, punct: true, hash: hash | 0, kind: WORD.other });
      i++;
      continue;
    }
    let end = i + 1;
    for (let d = lower.charCodeAt(end); ; d = lower.charCodeAt(end)) {
      if (isAsciiAlnum(d) || ((d === 39 || d === 45) && isAsciiAlnum(lower.charCodeAt(end + 1)))) {
        hash = Math.imul(hash ^ d, FNV_PRIME);
        end++;
      } else break;
    }
    const text = lower.slice(i, end);
    tokens.push({ text, start: i, end, punct: false, hash: hash | 0, kind: wordKind(text, hash | 0) });
    i = end;
  }
  return tokens;
}
