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
}

export const emptyVector = (): FeatureVector => ({ ids: [], values: [] });

/** Empties a vector, keeping its storage (one scratch vector serves many targets). */
export function clearVector(f: FeatureVector): void {
  f.ids.length = 0;
  f.values.length = 0;
}

export function push(f: FeatureVector, id: number, value = 1): void {
  f.ids.push(id);
  f.values.push(value);
}
