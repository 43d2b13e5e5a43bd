// Domain objects of stories across outlets returned by the store (stories.ts, story-queries.ts); the rest of the
// store's objects are in types.ts. All instants are epoch milliseconds (UTC).
import type { StoryDoc } from '../core/story-types.js';

/** A position in (published, id) order: a page continues after it. */
export interface StoryCursor {
  published: number;
  id: string;
}

/** A stored story member as clustering reads it: to rebuild the story index after a restart. */
export interface ClusteredDoc {
  storyId: string;
  doc: StoryDoc;
}

/** A story's figures over all its articles (whoever can see them). */
export interface StoryRecord {
  /** The id of the story's first article. */
  id: string;
  /** The first article's headline. */
  title: string;
  firstPublished: number;
  lastPublished: number;
  articleCount: number;
  outletCount: number;
  updatedAt: number;
}

/**
 * Stories with at least one of the server's articles in [from, to) (published then, or first stored then with
 * basis 'seen'; from `outlet`, mentioning `actor` when given); figures count the server's articles only.
 */
export interface StoryQuery {
  guildId: string;
  from: number;
  to: number;
  actor?: string;
  outlet?: string;
  /**
   * Which time [from, to) applies to the article that brings a story in (as GuildRange's basis): 'published'
   * (default) or 'seen' (first stored in the range and new to the server: a new feed's backlog brings none).
   */
  basis?: 'published' | 'seen';
  /** Only stories covered by at least this many of the server's outlets (default 1: singletons included). */
  minOutlets?: number;
  limit: number;
}

/** One story as one server sees it: its articles from the server's feeds only. */
export interface StorySummary {
  id: string;
  /** The headline that shares most words with the story's other headlines the server sees (core representativeTitle), as /story shows it. */
  title: string;
  firstPublished: number;
  lastPublished: number;
  articleCount: number;
  outletCount: number;
  /** Outlets with their number of articles, most first (then by name). */
  outlets: Array<{ outlet: string; articles: number }>;
}

/** A story found by its title (autocomplete). */
export interface StoryTitleMatch {
  id: string;
  title: string;
  firstPublished: number;
  lastPublished: number;
}
