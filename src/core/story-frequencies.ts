// Document frequencies of story terms over a sliding window of articles, kept incrementally: an article counts
// while it is at most `windowMs` older than the newest article seen. Pure (time is the articles' own).
import { FIELD_COUNT, type StoryTerms } from './story-terms.js';

/**
 * How many articles in the window have one term in one field. One object per term, shared by the articles that
 * hold it: counting an article in or out changes it without looking the term up again.
 */
export interface Count {
  key: string;
  n: number;
}

/** One counted article: its terms of all fields in field order, field f's from ends[f - 1] (or 0) to ends[f]. */
interface Counted {
  published: number;
  counts: Count[];
  ends: number[];
}

export class DocFrequencies {
  private readonly df: Array<Map<string, Count>> = Array.from({ length: FIELD_COUNT }, () => new Map<string, Count>());
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

  /**
   * Counts one article and forgets those that left the window behind the newest one. Returns the counts of the
   * article's terms, in field order and each field's term order (for `weigh`; read them after this call).
   */
  add(published: number, terms: StoryTerms): Count[] {
    const counts: Count[] = [];
    const ends: number[] = [];
    for (let f = 0; f < FIELD_COUNT; f++) {
      const df = this.df[f] as Map<string, Count>;
      for (const key of (terms[f] as Map<string, number>).keys()) {
        let count = df.get(key);
        if (count) count.n++;
        else df.set(key, (count = { key, n: 1 }));
        counts.push(count);
      }
      ends.push(counts.length);
    }
    this.queue.push({ published, counts, ends });
    if (published > this.horizon) this.horizon = published;
    this.forget(this.horizon - this.windowMs);
    return counts;
  }

  private forget(before: number): void {
    while (this.head < this.queue.length && (this.queue[this.head] as Counted).published < before) {
      const { counts, ends } = this.queue[this.head] as Counted;
      for (let f = 0, i = 0; f < FIELD_COUNT; f++) {
        for (const end = ends[f] as number; i < end; i++) {
          const count = counts[i] as Count;
          if (--count.n <= 0) (this.df[f] as Map<string, Count>).delete(count.key);
        }
      }
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
    return this.df[field]?.get(key)?.n ?? 0;
  }

  /** Smoothed inverse document frequency, ln(1 + (N + N0) / df), of a term counted in `n` articles. */
  idfOf(n: number): number {
    return Math.log(1 + (this.documents + this.priorDocuments) / Math.max(1, n));
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
 * stays empty). `counts`: what `df.add` returned for these terms.
 */
export function weigh(terms: StoryTerms, df: DocFrequencies, counts: Count[]): Sparse[] {
  const vectors: Sparse[] = [];
  const weights: number[] = [];
  let at = 0;
  for (let f = 0; f < FIELD_COUNT; f++) {
    const field = terms[f] as Map<string, number>;
    weights.length = 0;
    let sq = 0;
    for (const tf of field.values()) {
      const w = (tf === 1 ? 1 : 1 + Math.log(tf)) * df.idfOf((counts[at++] as Count).n);
      weights.push(w);
      sq += w * w;
    }
    const scale = sq > 0 ? 1 / Math.sqrt(sq) : 0;
    const vector: Sparse = new Map();
    let i = 0;
    for (const key of field.keys()) vector.set(key, (weights[i++] as number) * scale);
    vectors.push(vector);
  }
  return vectors;
}
