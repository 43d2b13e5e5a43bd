// franc-min's ranking (`francAll(sample, { minLength })`) of an ASCII sample, computed from the same trigram
// tables with the same arithmetic, so with the same result, but cheaper: trigrams are numbers (7 bits a
// character) instead of strings, and each trigram's ranks in the Latin-script models sit in one packed table
// (one Map lookup a trigram instead of one object lookup a trigram and a language). Pure.
import { data } from 'franc-min/data.js';

/** franc's penalty for a trigram missing from a language model, and its cap on the sample. */
const MAX_DIFFERENCE = 300;
const MAX_LENGTH = 2048;

/**
 * The ASCII trigrams of the Latin-script models: for the trigram with key k, its languages and ranks are
 * LANGS/RANKS[START[ROW.get(k)] .. START[ROW.get(k) + 1]). A trigram that appears twice in a model keeps its
 * first rank, as franc's table does.
 */
interface TrigramTable {
  languages: string[];
  row: Map<number, number>;
  start: Int32Array;
  langs: Uint8Array;
  ranks: Int16Array;
}

const keyOf = (a: number, b: number, c: number): number => (a << 14) | (b << 7) | c;

function isAsciiString(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

function buildTable(models: Record<string, string>): TrigramTable {
  const languages = Object.keys(models);
  const entries = new Map<number, Array<[number, number]>>();
  languages.forEach((language, lang) => {
    const firstRank = new Map<string, number>();
    (models[language] as string).split('|').forEach((trigram, rank) => {
      if (trigram.length === 3 && isAsciiString(trigram) && !firstRank.has(trigram)) firstRank.set(trigram, rank);
    });
    for (const [trigram, rank] of firstRank) {
      const key = keyOf(trigram.charCodeAt(0), trigram.charCodeAt(1), trigram.charCodeAt(2));
      const list = entries.get(key) ?? [];
      list.push([lang, rank]);
      entries.set(key, list);
    }
  });
  const row = new Map<number, number>();
  const start = new Int32Array(entries.size + 1);
  const total = [...entries.values()].reduce((n, list) => n + list.length, 0);
  const langs = new Uint8Array(total);
  const ranks = new Int16Array(total);
  let at = 0;
  for (const [key, list] of entries) {
    start[row.size] = at;
    row.set(key, row.size);
    for (const [lang, rank] of list) {
      langs[at] = lang;
      ranks[at++] = rank;
    }
  }
  start[row.size] = at;
  return { languages, row, start, langs, ranks };
}

const LATIN = buildTable(data.Latin as Record<string, string>);
/** Scratch: the sample's trigram keys, sorted to count repeats; the distance of each language. */
let keys = new Int32Array(512);
const distances = new Float64Array(LATIN.languages.length);

const isPunctuationOrDigit = (c: number): boolean => c >= 0x21 && c <= 0x40;
/** JavaScript's \s within ASCII. */
const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);

/**
 * trigram-utils' `clean` of ASCII text: runs of U+0021-U+0040 and white space become one space, trimmed, lower
 * case; padded with a space each side as its `trigrams` does. As character codes.
 */
function cleanCodes(sample: string): number[] {
  const codes: number[] = [32];
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (isPunctuationOrDigit(c) || isSpace(c)) {
      if (codes[codes.length - 1] !== 32) codes.push(32);
    } else codes.push(c >= 65 && c <= 90 ? c + 32 : c);
  }
  if (codes[codes.length - 1] !== 32) codes.push(32);
  return codes;
}

/** Adds franc's distance of the sorted trigram keys [0, n) to every language. */
function addDistances(n: number): void {
  distances.fill(0);
  let missing = 0;
  let i = 0;
  while (i < n) {
    const key = keys[i] as number;
    let end = i + 1;
    while (end < n && keys[end] === key) end++;
    const count = end - i;
    i = end;
    // Every language is charged the penalty; the languages that have the trigram get it back for their difference.
    missing += MAX_DIFFERENCE;
    const row = LATIN.row.get(key);
    if (row === undefined) continue;
    for (let e = LATIN.start[row] as number, stop = LATIN.start[row + 1] as number; e < stop; e++) {
      const difference = count - (LATIN.ranks[e] as number) - 1;
      const lang = LATIN.langs[e] as number;
      distances[lang] = (distances[lang] as number) + (difference < 0 ? -difference : difference) - MAX_DIFFERENCE;
    }
  }
  for (let l = 0; l < distances.length; l++) distances[l] = (distances[l] as number) + missing;
}

const byDistance = (a: [string, number], b: [string, number]): number => a[1] - b[1];

/**
 * `francAll(sample, { minLength })`, for a sample that is ASCII with at least one letter and not shorter than
 * `minLength` (franc then reads it as Latin script); undefined for any other sample (ask franc).
 */
export function rankAsciiLatin(sample: string, minLength: number): Array<[string, number]> | undefined {
  if (sample.length < minLength || sample.length > MAX_LENGTH) return undefined;
  let letter = false;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c > 0x7f) return undefined;
    if (!letter && (c | 32) >= 97 && (c | 32) <= 122) letter = true;
  }
  if (!letter) return undefined;
  const codes = cleanCodes(sample);
  const n = codes.length - 2;
  if (keys.length < n) keys = new Int32Array(n * 2);
  for (let i = 0; i < n; i++) keys[i] = keyOf(codes[i] as number, codes[i + 1] as number, codes[i + 2] as number);
  keys.subarray(0, n).sort();
  addDistances(n);
  const ranked: Array<[string, number]> = LATIN.languages.map((language, l) => [language, distances[l] as number]);
  ranked.sort(byDistance);
  const min = (ranked[0] as [string, number])[1];
  const max = sample.length * MAX_DIFFERENCE - min;
  for (const entry of ranked) entry[1] = 1 - (entry[1] - min) / max || 0;
  return ranked;
}
