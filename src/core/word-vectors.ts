// Word vectors (GloVe-derived, models/word-vectors.*): what the words of a target's clause mean, as one vector, for
// the author model. The lexicons score the words they list; a linear model over hashed words knows only the words
// its few thousand training sentences hold. A word vector places "troublemaker" near "provocateur" and
// "commendable" near "admirable", so the author model weighs a clause by what it is about even where its words
// are in no list and were never seen in training. Pure.
import { fnv1a } from './feature-hash.js';
import type { Token } from './text.js';

/** The vectors as loaded (src/resources.ts): words in order of frequency, `dims` int8 components each. */
export interface WordVectorsData {
  words: string[];
  dims: number;
  /** words.length x dims components, unit vectors scaled to -127..127. */
  vectors: Int8Array;
}

export interface WordVectors {
  dims: number;
  /** Index of each word by the FNV-1a hash tokens carry (function words left out). */
  index: WordIndex;
  vectors: Int8Array;
}

/**
 * Words by their 32-bit FNV-1a hash (`Token.hash`), open addressing: typed arrays only, so 50,000 words add no
 * objects for the garbage collector to walk (a Map of strings made a tenth of the analyser's time collection).
 * Two words of the list that share a hash (rare at 32 bits) share the first one's vector.
 */
export interface WordIndex {
  /** Word index + 1 per slot, 0 for empty; its length is a power of two. */
  slots: Int32Array;
  hashes: Int32Array;
}

function buildIndex(words: readonly string[], skip: number): WordIndex {
  let size = 1;
  while (size < words.length * 2) size <<= 1;
  const slots = new Int32Array(size);
  const hashes = new Int32Array(words.length);
  for (let i = 0; i < words.length; i++) {
    const h = fnv1a(words[i] as string) | 0;
    hashes[i] = h;
    if (i < skip) continue;
    let slot = h & (size - 1);
    while (slots[slot] !== 0 && hashes[(slots[slot] as number) - 1] !== h) slot = (slot + 1) & (size - 1);
    if (slots[slot] === 0) slots[slot] = i + 1;
  }
  return { slots, hashes };
}

/** The index of the word whose hash is `hash`, or -1. */
export function wordAt(index: WordIndex, hash: number): number {
  const mask = index.slots.length - 1;
  for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
    const w = index.slots[slot] as number;
    if (w === 0) return -1;
    if (index.hashes[w - 1] === hash) return w - 1;
  }
}

/**
 * The commonest words of the list (it is in order of frequency): function words, "said", "year". Their vectors
 * say little of what a clause is about and would dominate its mean.
 */
export const FUNCTION_WORDS = 150;

export function compileWordVectors(data: WordVectorsData): WordVectors {
  return { dims: data.dims, index: buildIndex(data.words, FUNCTION_WORDS), vectors: data.vectors };
}

/** What `clauseMeaning` reads of a sentence: its tokens, their clause and whether each is part of a mention. */
export interface ClauseTokens {
  tokens: Token[];
  clause: Int32Array;
  mention: Uint8Array;
  /** First and last token of every clause (the scan reads only those between). */
  clauseFirst: Int32Array;
  clauseLast: Int32Array;
}

/**
 * The sum of the unit vectors of the words of the clause of token `target` (mentions and function words left
 * out) divided by the square root of their number, into `out`; returns the number of words (0: `out` is zeros).
 * The square root keeps a long clause's vector from fading and a one-word clause's from dominating.
 */
export function clauseMeaning(wv: WordVectors, s: ClauseTokens, target: number, out: Float64Array): number {
  out.fill(0);
  const c = s.clause[target] as number;
  let n = 0;
  for (let i = s.clauseFirst[c] as number; i <= (s.clauseLast[c] as number); i++) {
    const t = s.tokens[i] as Token;
    if (t.punct || s.clause[i] !== c || s.mention[i] === 1) continue;
    const w = wordAt(wv.index, t.hash);
    if (w < 0) continue;
    const o = w * wv.dims;
    for (let d = 0; d < wv.dims; d++) out[d] = (out[d] as number) + (wv.vectors[o + d] as number);
    n++;
  }
  if (n > 0) {
    const scale = 1 / (127 * Math.sqrt(n));
    for (let d = 0; d < wv.dims; d++) out[d] = (out[d] as number) * scale;
  }
  return n;
}

/**
 * What a linear model makes of a clause's meaning, word by word: `weights(d)` are the three class weights of
 * component d, so each word's contribution to the logits is its vector times them (3 numbers, not `dims`). The
 * analyser adds a clause's words' contributions instead of its `dims` features (the same logits, a hundredth
 * of the work); training reads the features themselves.
 */
export interface MeaningLogits {
  index: WordIndex;
  /** words x 3 logit contributions of each word's unit vector. */
  perWord: Float64Array;
}

export function meaningLogits(wv: WordVectors, weights: (d: number) => readonly [number, number, number]): MeaningLogits {
  const words = wv.vectors.length / wv.dims;
  const perWord = new Float64Array(words * 3);
  const w = Array.from({ length: wv.dims }, (_, d) => weights(d));
  for (let i = 0; i < words; i++) {
    let n = 0;
    let u = 0;
    let p = 0;
    for (let d = 0; d < wv.dims; d++) {
      const v = (wv.vectors[i * wv.dims + d] as number) / 127;
      const k = w[d] as readonly [number, number, number];
      n += k[0] * v;
      u += k[1] * v;
      p += k[2] * v;
    }
    perWord[i * 3] = n;
    perWord[i * 3 + 1] = u;
    perWord[i * 3 + 2] = p;
  }
  return { index: wv.index, perWord };
}

/** The logits of the meaning of token `target`'s clause (as `clauseMeaning` reads it) into `out`; false for none. */
export function clauseLogits(m: MeaningLogits, s: ClauseTokens, target: number, out: [number, number, number]): boolean {
  const c = s.clause[target] as number;
  let n = 0;
  let neg = 0;
  let neu = 0;
  let pos = 0;
  for (let i = s.clauseFirst[c] as number; i <= (s.clauseLast[c] as number); i++) {
    const t = s.tokens[i] as Token;
    if (t.punct || s.clause[i] !== c || s.mention[i] === 1) continue;
    const w = wordAt(m.index, t.hash);
    if (w < 0) continue;
    neg += m.perWord[w * 3] as number;
    neu += m.perWord[w * 3 + 1] as number;
    pos += m.perWord[w * 3 + 2] as number;
    n++;
  }
  if (n === 0) return false;
  const scale = 1 / Math.sqrt(n);
  out[0] = neg * scale;
  out[1] = neu * scale;
  out[2] = pos * scale;
  return true;
}
