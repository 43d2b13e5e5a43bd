// Document frequencies of story terms over a sliding window of articles, kept incrementally: an article counts
// while it is at most `windowMs` older than the newest article seen. Pure (time is the articles' own).
import { FIELD_COUNT, type StoryTerms } from './story-terms.js';

interface Counted {
  published: number;
  keys: string[][];
}

export class DocFrequencies {
  private readonly df: Array<Map<string, number>> = Array.from({ length: FIELD_COUNT }, () => new Map<string, number>());
  private readonly queue: Counted[] = [];
  private head = 0;
  private horizon = -Infinity;

  /**
   * `priorDocuments`: pseudo-documents in which no term occurs, added to the window's count. A short window (a
   * quiet hour, a small file) holds mostly one event, and plain N / df would then call the event's own words
   * common; the prior keeps them rare until the window holds enough articles to say otherwise.
   */
  constructor(private readonly windowMs: number, private readonly priorDocuments = 0) {}

  /** Articles counted now. */
  get documents(): number {
    return this.queue.length - this.head;
  }

  /** Counts one article and forgets those that left the window behind the newest one. */
  add(published: number, terms: StoryTerms): void {
    const keys: string[][] = [];
    for (let f = 0; f < FIELD_COUNT; f++) {
      const df = this.df[f] as Map<string, number>;
      const fieldKeys: string[] = [];
      for (const key of (terms[f] as Map<string, number>).keys()) {
        df.set(key, (df.get(key) ?? 0) + 1);
        fieldKeys.push(key);
      }
      keys.push(fieldKeys);
    }
    this.queue.push({ published, keys });
    if (published > this.horizon) this.horizon = published;
    this.forget(this.horizon - this.windowMs);
  }

  private forget(before: number): void {
    while (this.head < this.queue.length && (this.queue[this.head] as Counted).published < before) {
      const old = this.queue[this.head] as Counted;
      old.keys.forEach((fieldKeys, f) => {
        const df = this.df[f] as Map<string, number>;
        for (const key of fieldKeys) {
          const n = (df.get(key) ?? 1) - 1;
          if (n <= 0) df.delete(key);
          else df.set(key, n);
        }
      });
      this.head++;
    }
    // Compact now and then so the array does not keep every article ever seen.
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue.splice(0, this.head);
      this.head = 0;
    }
  }

  /** Articles in the window that have `key` in `field` (at least 1: the article asking has been counted). */
  count(field: number, key: string): number {
    return this.df[field]?.get(key) ?? 0;
  }

  /** Smoothed inverse document frequency, ln(1 + (N + N0) / df). */
  idf(field: number, key: string): number {
    return Math.log(1 + (this.documents + this.priorDocuments) / Math.max(1, this.count(field, key)));
  }

  /** Distinct terms counted (all fields): what the window holds. */
  get terms(): number {
    return this.df.reduce((n, m) => n + m.size, 0);
  }
}

/** A sparse vector: term -> weight. */
export type Sparse = Map<string, number>;

/**
 * TF-IDF of each field, sublinear term frequency (1 + ln tf), each field scaled to unit length (an empty field
 * stays empty).
 */
export function weigh(terms: StoryTerms, df: DocFrequencies): Sparse[] {
  const vectors: Sparse[] = [];
  for (let f = 0; f < FIELD_COUNT; f++) {
    const field = terms[f] as Map<string, number>;
    const vector: Sparse = new Map();
    let sq = 0;
    for (const [key, tf] of field) {
      const w = (tf === 1 ? 1 : 1 + Math.log(tf)) * df.idf(f, key);
      vector.set(key, w);
      sq += w * w;
    }
    const scale = sq > 0 ? 1 / Math.sqrt(sq) : 0;
    for (const [key, w] of vector) vector.set(key, w * scale);
    vectors.push(vector);
  }
  return vectors;
}
