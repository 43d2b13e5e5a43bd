// "Stories across outlets" in digests and /stories: the stories of a period covered by several outlets, each with
// its widest split (how far apart the outlets' stances on one actor are), and the widest splits overall. Pure:
// the stories and their splits (core/story-compare's compareStory) are handed in.
import type { StorySplit } from './story-types.js';

/** One story as a digest or /stories shows it: the server's articles of it, and its splits widest first. */
export interface StoryDigestInput {
  id: string;
  title: string;
  outlets: number;
  articles: number;
  /** Epoch milliseconds of the server's first and last article of the story. */
  first: number;
  last: number;
  splits: StorySplit[];
}

/**
 * A story in a digest or /stories with its widest split (null when fewer than two of its outlets took a stance on
 * one actor).
 */
export interface DigestStory extends Omit<StoryDigestInput, 'splits'> {
  split: StorySplit | null;
}

/** A split with the story it is in. */
export interface DigestSplit extends StorySplit {
  storyId: string;
  title: string;
}

export interface DigestStories {
  /** Stories covered by at least two outlets, biggest first. */
  top: DigestStory[];
  /** The widest splits across those stories (at least `minSpread` apart), widest first. */
  splits: DigestSplit[];
}

export interface DigestStoriesOptions {
  maxStories: number;
  maxSplits: number;
  /** A split narrower than this (max − min of the outlets' mean scores) is not called a split. */
  minSpread: number;
}

export const DEFAULT_DIGEST_STORIES: DigestStoriesOptions = { maxStories: 5, maxSplits: 3, minSpread: 0.3 };

/** The widest split of a story, on `actor` when given (null when there is none). */
export function widestSplit(splits: readonly StorySplit[], actor?: string): StorySplit | null {
  const candidates = actor === undefined ? splits : splits.filter((s) => s.actor === actor);
  return [...candidates].sort((a, b) => b.spread - a.spread || a.actor.localeCompare(b.actor))[0] ?? null;
}

/**
 * The digest's section: stories with two outlets or more in the given order (the store ranks them: most outlets,
 * then articles, then latest), the first `maxStories`; and the widest splits (one per story and actor) over all
 * the stories handed in.
 */
export function digestStories(stories: readonly StoryDigestInput[], options: Partial<DigestStoriesOptions> = {}): DigestStories {
  const o = { ...DEFAULT_DIGEST_STORIES, ...options };
  const several = stories.filter((s) => s.outlets >= 2);
  const top = several.slice(0, o.maxStories).map((s): DigestStory => ({
    id: s.id, title: s.title, outlets: s.outlets, articles: s.articles, first: s.first, last: s.last, split: widestSplit(s.splits),
  }));
  const splits = several
    .flatMap((s) => s.splits.filter((x) => x.spread >= o.minSpread).map((x): DigestSplit => ({ ...x, storyId: s.id, title: s.title })))
    .sort((a, b) => b.spread - a.spread || a.title.localeCompare(b.title) || a.actor.localeCompare(b.actor))
    .slice(0, o.maxSplits);
  return { top, splits };
}
