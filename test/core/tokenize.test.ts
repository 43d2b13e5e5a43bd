// tokenize scans by hand; its specification is the token pattern below, checked on real news text (NewsMTSC,
// PerSenT, the seed op-ed) and on random strings of words, joiners, punctuation, Unicode spaces, letters from
// other scripts, astral characters and lone surrogates.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fnv1a } from '../../src/core/feature-hash.js';
import { tokenize, type Token } from '../../src/core/text.js';
import { WORD, wordKind } from '../../src/core/words.js';

const TOKEN = /[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;
const ALNUM = /^[\p{L}\p{N}]/u;

function byPattern(sentence: string): Token[] {
  return [...sentence.matchAll(TOKEN)].map((m) => {
    const text = m[0].toLowerCase();
    const punct = !ALNUM.test(m[0]);
    return { text, start: m.index, end: m.index + m[0].length, punct, hash: fnv1a(text), kind: punct ? WORD.other : wordKind(text) };
  });
}

const shared = (path: string): string => readFileSync(new URL(`../../../shared/${path}`, import.meta.url), 'utf8');

function newsSentences(): string[] {
  const lines = shared('data/newsmtsc/train.jsonl').split('\n').filter(Boolean);
  return lines.map((line) => (JSON.parse(line) as { sentence_normalized: string }).sentence_normalized);
}

/** Deterministic random strings over an alphabet chosen to hit every branch of the scanner. */
function randomStrings(count: number): string[] {
  const pieces = ['a', 'Z', '7', "'", '-', '--', ' ', '  ', '\t', '\n', '\u00a0', '\u3000', '\u2028', '\ufeff', '.', ',', '"', 'é', 'Ж', '中',
    '\u0663', '😀', '𝔸', '\ud800', '\udc00', "don't", 'Sino-Russian', "'s", '-x', 'x-', '\u00ad', '\u200b', '\u180e'];
  let seed = 12345;
  const next = (n: number): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  return Array.from({ length: count }, () => Array.from({ length: 1 + next(24) }, () => pieces[next(pieces.length)]).join(''));
}

describe('tokenize', () => {
  it('splits words, joined words and single punctuation characters, with offsets', () => {
    expect(tokenize("Moscow's well-known, U.S.-led 'bloc' -- 2024!").map((t) => [t.text, t.start, t.end, t.punct])).toEqual([
      ["moscow's", 0, 8, false], ['well-known', 9, 19, false], [',', 19, 20, true], ['u', 21, 22, false], ['.', 22, 23, true],
      ['s', 23, 24, false], ['.', 24, 25, true], ['-', 25, 26, true], ['led', 26, 29, false], ["'", 30, 31, true],
      ['bloc', 31, 35, false], ["'", 35, 36, true], ['-', 37, 38, true], ['-', 38, 39, true], ['2024', 40, 44, false], ['!', 44, 45, true],
    ]);
  });

  it('takes astral characters whole and skips every kind of Unicode space', () => {
    expect(tokenize('Путин\u00a0и\u3000Си 😀 𝔸b').map((t) => t.text)).toEqual(['путин', 'и', 'си', '😀', '𝔸b']);
  });

  it('agrees with the token pattern on every NewsMTSC training sentence and the seed op-ed', () => {
    const texts = [...newsSentences(), ...shared('seed/sino-russian-strategic-engagement.txt').split('\n')];
    expect(texts.length).toBeGreaterThan(5_000);
    const differing = texts.filter((t) => JSON.stringify(tokenize(t)) !== JSON.stringify(byPattern(t)));
    expect(differing).toEqual([]);
  });

  it('agrees with the token pattern on 20,000 random strings', () => {
    for (const s of randomStrings(20_000)) expect(tokenize(s), JSON.stringify(s)).toEqual(byPattern(s));
  });
});

describe('wordKind', () => {
  const NEGATORS = 'not no never without nor neither none nobody nothing cannot lack lacks lacking hardly barely scarcely fail fails failed'.split(' ');
  const CONTRASTS = 'but however yet although though whereas while nevertheless nonetheless'.split(' ');
  /** The definition: a negator (listed or ending in n't), a contrast word, or other. */
  const byDefinition = (w: string): number =>
    NEGATORS.includes(w) ? WORD.negator : CONTRASTS.includes(w) ? WORD.contrast : w.endsWith("n't") ? WORD.negator : WORD.other;

  it('classifies every word of real news text, the listed words and near misses as its definition does', () => {
    const words = new Set<string>([...NEGATORS, ...CONTRASTS, "don't", "n't", "won't", 'nt', "t", "n'", 'notwithstanding', 'butt', 'é', '']);
    for (const s of newsSentences().slice(0, 3000)) for (const t of tokenize(s)) if (!t.punct) words.add(t.text);
    let negators = 0;
    for (const w of words) {
      expect(wordKind(w), w).toBe(byDefinition(w));
      if (wordKind(w) === WORD.negator) negators++;
    }
    expect(negators).toBeGreaterThan(NEGATORS.length);
  });
});
