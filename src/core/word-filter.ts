// A set of words as bits of their FNV-1a hashes (the `hash` every token carries), checked before the set itself.
// Pure.
import { fnv1a } from './feature-hash.js';

/** 2^16 bits (8 KiB: stays in the first-level cache, unlike a map of thousands of words). */
const WORDS = 1 << 11;
const MASK = WORDS - 1;

/**
 * Bit `hash & 0xffff` set for every word. A word whose bit is clear is not in the set, so a token is looked up
 * in the set only when its bit is set: most tokens skip the map's probe (and hashing their text for it).
 */
export type WordFilter = Uint32Array;

export function wordFilter(words: Iterable<string>): WordFilter {
  const bits = new Uint32Array(WORDS);
  for (const w of words) {
    const h = fnv1a(w);
    bits[(h >>> 5) & MASK] = (bits[(h >>> 5) & MASK] as number) | (1 << (h & 31));
  }
  return bits;
}

/** False when the word of `hash` (its `fnv1a`) is surely not in the filter's set. */
export const mayHold = (filter: WordFilter, hash: number): boolean => (((filter[(hash >>> 5) & MASK] as number) >>> (hash & 31)) & 1) === 1;
