// Feature hashing: 32-bit FNV-1a of strings and a murmur3-style combiner into a fixed number of buckets. Pure.

/** log2 of the number of feature buckets of the stance model. */
export const HASH_BITS = 19;
export const DIMENSION = 1 << HASH_BITS;
const MASK = DIMENSION - 1;

/**
 * FNV-1a over the UTF-16 code units of a string, as a signed 32-bit integer: V8 keeps that unboxed in an object
 * field (an unsigned value above 2^31 would be a heap number in every token). Consumers only mix it through
 * Math.imul, which reads both forms alike.
 */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/** Folds a 32-bit value into a running hash (murmur3 body step). */
export function mix(h: number, k: number): number {
  let x = Math.imul(k, 0xcc9e2d51);
  x = (x << 15) | (x >>> 17);
  x = Math.imul(x, 0x1b873593);
  let y = h ^ x;
  y = (y << 13) | (y >>> 19);
  return (Math.imul(y, 5) + 0xe6546b64) | 0;
}

/** Bucket of a feature made of a namespace and up to two token hashes. */
export function bucket(namespace: number, a: number, b = 0): number {
  let h = mix(mix(namespace, a), b);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h & MASK;
}

/** Bucket of a named feature ("bias", "lex:att_pos"). */
export const named = (name: string): number => bucket(0, fnv1a(name));

/** Sparse feature vector: parallel bucket ids and values (a bucket may repeat; values then add up). */
export interface FeatureVector {
  ids: number[];
  values: number[];
  /**
   * Entries in use, when set (`push` sets it): a scratch vector keeps its arrays when it is cleared, and entries
   * past `size` are left-overs. Without it, every entry is in use.
   */
  size?: number;
}

export const emptyVector = (): FeatureVector => ({ ids: [], values: [], size: 0 });

/** Entries in use (see `FeatureVector.size`). */
export const sizeOf = (f: FeatureVector): number => f.size ?? f.ids.length;

/**
 * Empties a vector, keeping its storage (one scratch vector serves many targets): `length = 0` would give the
 * arrays' storage back, and every target would grow them again (a third of the features' cost).
 */
export function clearVector(f: FeatureVector): void {
  f.size = 0;
}

export function push(f: FeatureVector, id: number, value = 1): void {
  const n = f.size ?? f.ids.length;
  f.ids[n] = id;
  f.values[n] = value;
  f.size = n + 1;
}

/** The entries in use as a vector of its own (plain arrays, no `size`). */
export const copyVector = (f: FeatureVector): FeatureVector => ({ ids: f.ids.slice(0, sizeOf(f)), values: f.values.slice(0, sizeOf(f)) });
