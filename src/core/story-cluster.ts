// Incremental story clustering: each article joins the most similar recent story above a threshold or starts a
// new one. Candidates come from an inverted index (term -> stories), never from all pairs; similarity is a
// weighted sum of per-field cosines (words, names, actors) between the article's TF-IDF vectors and the story's
// centroid, the single-pass scheme of streaming news clustering (Miranda et al. 2018, "Multilingual Clustering of
// Streaming News"). Deterministic: the state depends only on the sequence of articles given. Pure.
import { Centroid } from './story-centroid.js';
import { DocFrequencies, weigh, type Sparse } from './story-frequencies.js';
import { FIELD_COUNT, storyTerms } from './story-terms.js';
import type { StoryAssignment, StoryDoc, StoryOptions } from './story-types.js';

const HOUR = 3_600_000;

/** Options of the index beyond the shared contract. */
export interface StoryIndexOptions extends StoryOptions {
  /** Weight of each field in the similarity: content words, capitalised names, actors. */
  fieldWeights: [number, number, number];
  /**
   * How many of an article's heaviest terms per field look up candidate stories. Actors look up none: with their
   * weight below the threshold, a story that shares only actors could never be joined.
   */
  lookupTerms: [number, number, number];
  /**
   * A term posted to more than this share of the open stories (and more than 16) looks up nothing: it names no
   * event ("government", "talks"); the stories it would bring are still scored if another term brings them.
   */
  maxLookupShare: number;
  /** Terms kept per field of a story's centroid. */
  centroidTerms: number;
  /** Pseudo-documents added to the window's count in the IDF (see DocFrequencies). */
  priorDocuments: number;
  /**
   * How far behind the newest article seen an article may still come (a live worker meets articles fetched late,
   * published before stories it has already seen): stories and document counts are kept that much longer. 0 for
   * a stream given in published order.
   */
  lateMs: number;
}

export const DEFAULT_STORY_OPTIONS: StoryIndexOptions = {
  windowMs: 72 * HOUR,
  threshold: 0.2,
  fieldWeights: [0.6, 0.3, 0.1],
  lookupTerms: [8, 6, 0],
  maxLookupShare: 0.01,
  centroidTerms: 64,
  priorDocuments: 200,
  lateMs: 0,
};

interface Story {
  id: string;
  /** Creation order: breaks similarity ties toward the older story. */
  seq: number;
  first: number;
  last: number;
  size: number;
  centroids: Centroid[];
  /** Scratch of `candidates`: the lookup that last met this story (see StoryIndex.lookup) and how often it did. */
  lookup: number;
  hits: number;
}

interface Candidate {
  story: Story;
  similarity: number;
}

export class StoryIndex {
  readonly options: StoryIndexOptions;
  private readonly stories = new Map<string, Story>();
  /**
   * Per field, term -> the stories whose centroid holds it, in no particular order (an array, not a Set: most hold
   * one or two stories, and a story is posted once under a term since its centroid holds each term once).
   */
  private readonly postings: Array<Map<string, Story[]>> = Array.from({ length: FIELD_COUNT }, () => new Map<string, Story[]>());
  private readonly df: DocFrequencies;
  private seq = 0;
  private horizon = -Infinity;
  private nextSweep = -Infinity;
  /** Counts calls of `candidates`, so a story's `hits` are reset the first time each call meets it (no Map per call). */
  private lookup = 0;

  constructor(options: Partial<StoryIndexOptions> = {}) {
    this.options = { ...DEFAULT_STORY_OPTIONS, ...options };
    this.df = new DocFrequencies(this.options.windowMs + this.options.lateMs, this.options.priorDocuments);
  }

  /** Rebuilds state from a stored assignment (same order as first assigned): no decision is made. */
  restore(storyId: string, doc: StoryDoc): void {
    const vectors = this.observe(doc);
    this.join(this.stories.get(storyId) ?? this.create(storyId, doc.published), doc, vectors);
  }

  assign(doc: StoryDoc): StoryAssignment {
    const vectors = this.observe(doc);
    const best = this.best(doc, vectors);
    if (best && best.similarity >= this.options.threshold) {
      this.join(best.story, doc, vectors);
      return { articleId: doc.id, storyId: best.story.id, created: false, similarity: round(best.similarity) };
    }
    this.join(this.stories.get(doc.id) ?? this.create(doc.id, doc.published), doc, vectors);
    return { articleId: doc.id, storyId: doc.id, created: true, similarity: 1 };
  }

  /** Forgets stories whose last article is older than `instant` (their window closed). */
  evictBefore(instant: number): void {
    for (const story of this.stories.values()) if (story.last < instant) this.remove(story);
  }

  /** What the index holds: open stories, articles counted for document frequencies, distinct terms. */
  stats(): { stories: number; documents: number; terms: number } {
    return { stories: this.stories.size, documents: this.df.documents, terms: this.df.terms };
  }

  /** Counts the article's terms, sweeps closed stories as stream time passes, returns its vectors. */
  private observe(doc: StoryDoc): Sparse[] {
    const terms = storyTerms(doc);
    const counts = this.df.add(doc.published, terms);
    if (doc.published > this.horizon) this.horizon = doc.published;
    if (this.horizon >= this.nextSweep) {
      this.evictBefore(this.horizon - this.options.windowMs - this.options.lateMs);
      this.nextSweep = this.horizon + this.options.windowMs / 24;
    }
    return weigh(terms, this.df, counts);
  }

  private create(id: string, published: number): Story {
    const cap = this.options.centroidTerms;
    const story: Story = { id, seq: this.seq++, first: published, last: published, size: 0, centroids: Array.from({ length: FIELD_COUNT }, () => new Centroid(cap)), lookup: 0, hits: 0 };
    this.stories.set(id, story);
    return story;
  }

  private join(story: Story, doc: StoryDoc, vectors: Sparse[]): void {
    story.size++;
    story.first = Math.min(story.first, doc.published);
    story.last = Math.max(story.last, doc.published);
    for (let f = 0; f < FIELD_COUNT; f++) {
      const postings = this.postings[f] as Map<string, Story[]>;
      const { added, removed } = (story.centroids[f] as Centroid).add(vectors[f] as Sparse);
      for (const key of added) {
        const posted = postings.get(key);
        if (posted) posted.push(story);
        else postings.set(key, [story]);
      }
      for (const key of removed) unpost(postings, key, story);
    }
  }

  private remove(story: Story): void {
    this.stories.delete(story.id);
    for (let f = 0; f < FIELD_COUNT; f++) {
      const postings = this.postings[f] as Map<string, Story[]>;
      for (const key of (story.centroids[f] as Centroid).weights.keys()) unpost(postings, key, story);
    }
  }

  /** An article may join a story whose window (its first to last article, widened by windowMs) holds it. */
  private open(story: Story, published: number): boolean {
    return published <= story.last + this.options.windowMs && published >= story.first - this.options.windowMs;
  }

  /**
   * Open stories posted under the article's heaviest terms. When some share two or more of those terms, only they
   * are scored: a story met through a single term rarely comes close, and scoring every such story is most of the
   * work on a busy stream.
   */
  private candidates(doc: StoryDoc, vectors: Sparse[]): Story[] {
    const lookup = ++this.lookup;
    const met: Story[] = [];
    let most = 0;
    const limit = Math.max(16, this.options.maxLookupShare * this.stories.size);
    for (let f = 0; f < FIELD_COUNT; f++) {
      const postings = this.postings[f] as Map<string, Story[]>;
      for (const key of heaviest(vectors[f] as Sparse, this.options.lookupTerms[f] ?? 0)) {
        const stories = postings.get(key);
        if (!stories || stories.length > limit) continue;
        for (const story of stories) {
          if (!this.open(story, doc.published)) continue;
          if (story.lookup !== lookup) {
            story.lookup = lookup;
            story.hits = 0;
            met.push(story);
          }
          const n = ++story.hits;
          if (n > most) most = n;
        }
      }
    }
    const needed = Math.min(2, most);
    return met.filter((story) => story.hits >= needed);
  }

  private best(doc: StoryDoc, vectors: Sparse[]): Candidate | undefined {
    const weights = this.options.fieldWeights;
    const present = vectors.reduce((sum, v, f) => sum + (v.size > 0 ? (weights[f] ?? 0) : 0), 0);
    if (present === 0) return undefined;
    let best: Candidate | undefined;
    for (const story of this.candidates(doc, vectors)) {
      let score = 0;
      for (let f = 0; f < FIELD_COUNT; f++) {
        const v = vectors[f] as Sparse;
        if (v.size > 0) score += (weights[f] ?? 0) * (story.centroids[f] as Centroid).cosine(v);
      }
      const similarity = score / present;
      if (!best || similarity > best.similarity || (similarity === best.similarity && story.seq < best.story.seq)) best = { story, similarity };
    }
    return best;
  }
}

/** Takes a story off a term's postings (the last one takes its place: order does not matter). */
function unpost<S>(postings: Map<string, S[]>, key: string, story: S): void {
  const posted = postings.get(key);
  if (!posted) return;
  const at = posted.indexOf(story);
  if (at < 0) return;
  const last = posted.pop() as S;
  if (at < posted.length) posted[at] = last;
  if (posted.length === 0) postings.delete(key);
}

/** The `k` heaviest keys of a vector (ties by key), in no particular order: a selection, not a sort. */
function heaviest(vector: Sparse, k: number): string[] {
  if (vector.size <= k) return [...vector.keys()];
  const keys: string[] = [];
  const weights: number[] = [];
  // `keys` holds the k heaviest so far, lightest last; a heavier key is inserted at its place and the last drops.
  for (const [key, w] of vector) {
    if (keys.length === k && !heavier(w, key, weights[k - 1] as number, keys[k - 1] as string)) continue;
    let i = keys.length === k ? k - 1 : keys.length;
    while (i > 0 && heavier(w, key, weights[i - 1] as number, keys[i - 1] as string)) {
      keys[i] = keys[i - 1] as string;
      weights[i] = weights[i - 1] as number;
      i--;
    }
    keys[i] = key;
    weights[i] = w;
  }
  return keys;
}

/** The order of `heaviest`: by weight, ties by key. */
const heavier = (w: number, key: string, otherW: number, otherKey: string): boolean => w > otherW || (w === otherW && key < otherKey);

const round = (x: number): number => Math.round(x * 1e4) / 1e4;
