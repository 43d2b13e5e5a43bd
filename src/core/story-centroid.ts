// One field of a story's centroid: the sum of its articles' unit vectors (weights frozen when each article
// joined), its squared length kept up to date, pruned to its heaviest terms so a long story stays small. Pure.
import type { Sparse } from './story-frequencies.js';

export class Centroid {
  readonly weights: Sparse = new Map();
  private sq = 0;

  constructor(private readonly cap: number) {}

  /** Adds a vector; returns the terms that entered and the terms pruned away (for the inverted index). */
  add(vector: Sparse): { added: string[]; removed: string[] } {
    const added: string[] = [];
    for (const [key, w] of vector) {
      const old = this.weights.get(key);
      if (old === undefined) added.push(key);
      const now = (old ?? 0) + w;
      this.weights.set(key, now);
      this.sq += now * now - (old ?? 0) * (old ?? 0);
    }
    const removed = this.weights.size > 2 * this.cap ? this.prune() : [];
    if (removed.length === 0) return { added, removed };
    // Terms that came and went in this call were never indexed; only terms indexed before leave the index.
    const gone = new Set(removed);
    const fresh = new Set(added);
    return { added: added.filter((k) => !gone.has(k)), removed: removed.filter((k) => !fresh.has(k)) };
  }

  /** Keeps the `cap` heaviest terms (ties by term, for determinism); returns the others. */
  private prune(): string[] {
    const sorted = [...this.weights].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const removed = sorted.slice(this.cap).map(([key]) => key);
    for (const key of removed) this.weights.delete(key);
    this.sq = sorted.slice(0, this.cap).reduce((s, [, w]) => s + w * w, 0);
    return removed;
  }

  get norm(): number {
    return Math.sqrt(Math.max(0, this.sq));
  }

  /** Cosine between a unit vector and this centroid (0 when either is empty). */
  cosine(unit: Sparse): number {
    const norm = this.norm;
    if (norm === 0 || unit.size === 0) return 0;
    let dot = 0;
    for (const [key, w] of unit) {
      const c = this.weights.get(key);
      if (c !== undefined) dot += w * c;
    }
    return dot / norm;
  }
}
