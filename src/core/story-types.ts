// Stories across outlets: the shapes shared by clustering (core), its job, the store and Discord.
// Pure types only.
import type { StanceLabel } from './types.js';

/** What clustering reads of one article: enough to compare it with recent stories, nothing more. */
export interface StoryDoc {
  id: string;
  outlet: string;
  title: string;
  /** The article's opening text (the first few sentences); clustering never needs the whole body. */
  lead: string;
  /** Epoch milliseconds (UTC). */
  published: number;
  /** Canonical names of the actors the analysis found (may be empty). */
  actors: string[];
}

export interface StoryOptions {
  /** A story accepts articles published within this many ms after its last article (default 72 h). */
  windowMs: number;
  /** Similarity an article needs to join a story (0..1). */
  threshold: number;
}

/** Where one article went. `storyId` is the id of the story's first article, so replays give the same ids. */
export interface StoryAssignment {
  articleId: string;
  storyId: string;
  /** true when the article started the story. */
  created: boolean;
  /** Similarity to the story it joined (1 for a new story). */
  similarity: number;
}

/** One outlet's coverage inside one story. */
export interface OutletCoverage {
  outlet: string;
  articles: Array<{ id: string; title: string; link?: string | null }>;
  /** The outlet's author stance toward each of the story's main actors (only actors it mentions). */
  stances: Record<string, { score: number; label: StanceLabel; articles: number }>;
  /** Voices the outlet quoted in this story. */
  voices: Array<{ speaker: string; speakerActor?: string; actor: string; label: StanceLabel }>;
  /** Terms this outlet uses much more than the story's other outlets. */
  framingTerms: string[];
}

/** The same sentence (near enough) printed by different outlets within the phrasing window. */
export interface SharedPhrase {
  /** One representative wording. */
  text: string;
  /** Estimated Jaccard similarity of shingles between the closest pair. */
  similarity: number;
  occurrences: Array<{ articleId: string; outlet: string; published: number }>;
}

/** Two outlets and how many shared lines (SharedPhrase groups) both printed. Outlets in name order. */
export interface OutletPairCount {
  outlets: [string, string];
  lines: number;
}

/** How far apart the outlets' stances are on one actor in one story: max score - min score (0..2). */
export interface StorySplit {
  actor: string;
  spread: number;
  most: { outlet: string; score: number };
  least: { outlet: string; score: number };
}

export interface StoryComparison {
  storyId: string;
  title: string;
  first: number;
  last: number;
  /** Actors the story is about, most covered first. */
  mainActors: string[];
  outlets: OutletCoverage[];
  splits: StorySplit[];
  sharedPhrasing: SharedPhrase[];
  /** The shared lines counted per pair of outlets that printed them, most first. */
  phrasingPairs: OutletPairCount[];
}

/** One article of a story with what the analysis found: the input of the per-story comparison. */
export interface StoryMember {
  id: string;
  outlet: string;
  title: string;
  link?: string | null;
  published: number;
  text: string;
  actors: Array<{ actor: string; score: number; label: StanceLabel; mentions: number }>;
  voices: Array<{ speaker: string; speakerActor?: string; actor: string; label: StanceLabel; score: number }>;
}

/*
 * The core API (implemented in src/core/story-cluster.ts, story-compare.ts, shared-phrasing.ts):
 *   class StoryIndex {
 *     constructor(options?: Partial<StoryOptions>);
 *     restore(storyId: string, doc: StoryDoc): void;   // rebuild after a restart from stored assignments, no decision
 *     assign(doc: StoryDoc): StoryAssignment;          // decide and remember; deterministic for the same sequence
 *     evictBefore(instant: number): void;              // forget stories whose window closed (memory stays flat)
 *   }
 *   compareStory(storyId: string, members: StoryMember[]): StoryComparison
 *   findSharedPhrasing(members: Array<Pick<StoryMember, 'id' | 'outlet' | 'published' | 'text'>>, windowMs?: number): SharedPhrase[]
 */
