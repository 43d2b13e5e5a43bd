// Shapes of the feeds/analysis facade (api-feeds.ts): what the bot asks for and gets back.
import type { ActorKind, ArticleAnalysis, StanceLabel } from '../core/types.js';
import type { Result } from '../core/result.js';
import type { GuildActor, Subscription } from '../store/index.js';

export type FeedsErrorCode =
  | 'INVALID_URL' | 'ADDRESS_NOT_ALLOWED' | 'NOT_A_FEED' | 'UNREADABLE' | 'UNREACHABLE' | 'DUPLICATE'
  | 'UNKNOWN_FEED' | 'TEXT_TOO_LONG' | 'EMPTY_TEXT' | 'NO_TEXT' | 'OPML_INVALID'
  | 'INVALID_ACTOR' | 'BUILT_IN_ACTOR' | 'UNKNOWN_ACTOR';

/**
 * An expected problem. `message` is a complete sentence written by us (safe to show as is); `detail` and
 * `suggestedUrl` come from the outside world (the fetched site, the user's file) and must be escaped.
 */
export interface FeedsError {
  code: FeedsErrorCode;
  message: string;
  detail?: string;
  /** NOT_A_FEED: the feed the page links to. */
  suggestedUrl?: string;
}

export type FeedsResult<T> = Promise<Result<T, FeedsError>>;

export interface ActorScore {
  actor: string;
  label: StanceLabel;
  score: number;
  confidence: number;
  mentions: number;
}

export interface PreviewItem {
  title: string;
  link?: string;
  published?: number;
  /** false when the item's language is not analysed. */
  analysed: boolean;
  /** Document tone (GDELT-like, percentage points). */
  tone: number;
  /** The most mentioned actors, busiest first. */
  actors: ActorScore[];
}

export interface FeedPreview {
  /** The address the feed was finally read from. */
  url: string;
  title: string;
  itemCount: number;
  items: PreviewItem[];
  warnings: number;
}

export interface AddFeedRequest {
  guildId: string;
  channelId: string;
  url: string;
  name?: string;
  fullText: boolean;
  userId: string;
}

export interface AddedFeed {
  subscription: Subscription;
  /** The stored feed URL (after permanent redirects). */
  url: string;
  title: string | null;
  /** false when another server already followed the feed. */
  newFeed: boolean;
}

export interface ArticleView {
  /** 'stored': analysed by the worker; 'live': fetched and analysed now, not stored. */
  source: 'stored' | 'live';
  title: string;
  url: string;
  outlet: string | null;
  publishedAt: number | null;
  analysis: ArticleAnalysis;
}

export interface ImportRequest {
  guildId: string;
  channelId: string;
  userId: string;
  /** The OPML document's text. */
  text: string;
  /** Told after each entry is checked (`done` of `total`), to show progress on long imports. */
  onProgress?: (done: number, total: number) => void;
}

export interface ImportReport {
  added: { url: string; name: string }[];
  /** URLs this server already followed. */
  duplicates: string[];
  rejected: { url: string; reason: string }[];
  /** Entries beyond the per-import limit. */
  skipped: number;
}

export interface AddActorRequest {
  guildId: string;
  name: string;
  aliases: string[];
  kind: ActorKind;
  userId: string;
}

export interface ActorCatalog {
  builtIn: string[];
  custom: GuildActor[];
  watched: string[];
}

/** The bot's only door to ingest and analysis: every method is scoped to one server. */
export interface FeedsApi {
  /** Dry run: fetch through the address guard, parse, analyse the first items; stores nothing. */
  testFeed(url: string): FeedsResult<FeedPreview>;
  /** Validates by fetching once, then stores the feed (due at once) and subscribes the server. */
  addFeed(request: AddFeedRequest): FeedsResult<AddedFeed>;
  removeFeed(guildId: string, subscriptionId: number): FeedsResult<Subscription>;
  /** Resuming also re-enables a feed that was disabled after repeated failures. */
  setFeedPaused(guildId: string, subscriptionId: number, paused: boolean): FeedsResult<Subscription>;
  /** Ad-hoc analysis with the built-in and the server's own actors. */
  analyseText(guildId: string, text: string): FeedsResult<ArticleAnalysis>;
  /** The stored analysis when one of the server's feeds carried the article, else fetched and analysed now. */
  articleByUrl(guildId: string, url: string): FeedsResult<ArticleView>;
  importOpml(request: ImportRequest): FeedsResult<ImportReport>;
  exportOpml(guildId: string): Promise<string>;
  actorCatalog(guildId: string): Promise<ActorCatalog>;
  addActor(request: AddActorRequest): FeedsResult<GuildActor>;
  /** Removes a server-defined actor (and stops watching it). */
  removeActor(guildId: string, name: string): FeedsResult<string>;
  /** `added` is false when the server already watched the actor. */
  watchActor(guildId: string, name: string): FeedsResult<{ actor: string; added: boolean }>;
  unwatchActor(guildId: string, name: string): FeedsResult<string>;
}
