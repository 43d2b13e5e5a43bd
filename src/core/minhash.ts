// MinHash signatures of word shingles (Broder 1997) and LSH banding to find near-duplicate texts without comparing
// all pairs (Leskovec, Rajaraman & Ullman, "Mining of Massive Datasets", ch. 3). Fixed seeds: deterministic. Pure.
import { mix } from './feature-hash.js';

/** Hash functions per signature; bands x rows must equal it. */
export const MINHASH_SIZE = 64;
export const LSH_BANDS = 16;
export const LSH_ROWS = 4;

/** murmur3's finaliser: spreads a 32-bit value over all bits. */
function fmix32(h: number): number {
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** One fixed seed per hash function (derived, not random: the same on every run). */
const SEEDS = Array.from({ length: MINHASH_SIZE }, (_, i) => fmix32(Math.imul(i + 1, 0x9e3779b9)));

/** Hashes of the `k`-word shingles of a word-hash sequence (the whole sequence when it is shorter than k). */
export function shingles(wordHashes: number[], k = 3): Set<number> {
  const out = new Set<number>();
  if (wordHashes.length === 0) return out;
  const last = Math.max(0, wordHashes.length - k);
  for (let i = 0; i <= last; i++) {
    let h = 0x2545f491;
    for (let j = i; j < Math.min(i + k, wordHashes.length); j++) h = mix(h, wordHashes[j] as number);
    out.add(h >>> 0);
  }
  return out;
}

export function signature(shingleSet: Set<number>): Uint32Array {
  const sig = new Uint32Array(MINHASH_SIZE).fill(0xffffffff);
  for (const s of shingleSet) {
    for (let i = 0; i < MINHASH_SIZE; i++) {
      const h = fmix32(s ^ (SEEDS[i] as number));
      if (h < (sig[i] as number)) sig[i] = h;
    }
  }
  return sig;
}

/** Share of equal positions: an unbiased estimate of the Jaccard similarity of the two shingle sets. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < MINHASH_SIZE; i++) if (a[i] === b[i]) same++;
  return same / MINHASH_SIZE;
}

/** Bucket keys of a signature, one per band: two signatures sharing a key are a candidate pair. */
export function bandKeys(sig: Uint32Array): string[] {
  const keys: string[] = [];
  for (let b = 0; b < LSH_BANDS; b++) {
    let h = b;
    for (let r = 0; r < LSH_ROWS; r++) h = mix(h, sig[b * LSH_ROWS + r] as number);
    keys.push(`${b}:${(h >>> 0).toString(36)}`);
  }
  return keys;
}

/** Candidate pairs [i, j] (i < j) of signatures sharing at least one band, each once, in order. */
export function candidatePairs(signatures: Uint32Array[]): Array<[number, number]> {
  const buckets = new Map<string, number[]>();
  signatures.forEach((sig, i) => {
    for (const key of bandKeys(sig)) {
      const list = buckets.get(key);
      if (list) list.push(i);
      else buckets.set(key, [i]);
    }
  });
  const seen = new Set<number>();
  const pairs: Array<[number, number]> = [];
  const n = signatures.length;
  for (const list of buckets.values()) {
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const i = list[x] as number;
        const j = list[y] as number;
        const code = i * n + j;
        if (seen.has(code)) continue;
        seen.add(code);
        pairs.push([i, j]);
      }
    }
  }
  return pairs.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
}
