// Kysely table types: raw rows as stored (snake_case, 0/1 booleans, JSON as TEXT, epoch ms as numbers).
import type { Generated } from 'kysely';

type Bool = number;
type Json = string;

export interface FeedsTable {
  id: Generated<number>;
  url: string;
  title: string | null;
  site_link: string | null;
  full_text: Bool;
  created_at: number;
  etag: string | null;
  last_modified: string | null;
  next_check_at: number;
  last_fetch_at: number | null;
  last_success_at: number | null;
  error_count: number;
  last_error_code: string | null;
  last_error_message: string | null;
  disabled: Bool;
  disabled_reason: string | null;
  disabled_at: number | null;
  primed: Bool;
  lease_owner: string | null;
  lease_until: number | null;
}

export interface SubscriptionsTable {
  id: Generated<number>;
  guild_id: string;
  feed_id: number;
  channel_id: string;
  name: string;
  paused: Bool;
  created_by: string;
  created_at: number;
}

export interface ArticlesTable {
  id: string;
  feed_id: number;
  link: string | null;
  outlet: string;
  title: string;
  published_at: number;
  fetched_at: number;
  text: string;
  language: string | null;
  analysed: Bool;
  digest_eligible: Bool;
  /** In a story (story_members has the article); set with the membership, in the same transaction. */
  in_story: Generated<Bool>;
}

export interface ArticleFeedsTable {
  article_id: string;
  feed_id: number;
}

export interface ArticleAnalysisTable {
  article_id: string;
  language: string;
  supported: Bool;
  sentiment_score: number;
  comparative: number;
  positive_pct: number;
  negative_pct: number;
  polarity: number;
  tone: number;
  word_count: number;
  framing: Json;
  model_version: string;
  analysed_at: number;
}

export interface ActorScoresTable {
  article_id: string;
  actor: string;
  score: number;
  label: string;
  confidence: number;
  mentions: number;
  evidence: Json;
  published_at: number;
  outlet: string;
}

/** A reported voice of one article: what `speaker` is quoted as saying about `actor` (ArticleAnalysis.voices). */
export interface ArticleVoicesTable {
  article_id: string;
  /** Position in the analysis' list of voices. */
  seq: number;
  speaker: string;
  speaker_actor: string | null;
  actor: string;
  label: string;
  score: number;
  evidence: Json;
  published_at: number;
  outlet: string;
}

/** Daily aggregate per feed x actor x outlet x UTC day of the articles linked to that feed only; survives retention pruning. */
export interface ActorDailyTable {
  feed_id: number;
  actor: string;
  outlet: string;
  day: number;
  n: number;
  score_sum: number;
  negative: number;
  neutral: number;
  positive: number;
}

/** Daily framing-term counts per feed of the articles linked to that feed only; survives retention pruning. */
export interface FramingDailyTable {
  feed_id: number;
  term: string;
  day: number;
  count: number;
}

/** A set of two or more feeds that deliver the same articles; `members` is their sorted ids, "3,17". */
export interface FeedSetsTable {
  id: Generated<number>;
  members: string;
}

export interface FeedSetMembersTable {
  set_id: number;
  feed_id: number;
}

/** actor_daily for articles linked to two or more feeds: one row per feed set, counted once per server. */
export interface SharedActorDailyTable extends Omit<ActorDailyTable, 'feed_id'> {
  set_id: number;
}

/** framing_daily for articles linked to two or more feeds. */
export interface SharedFramingDailyTable extends Omit<FramingDailyTable, 'feed_id'> {
  set_id: number;
}

export interface GuildActorsTable {
  id: Generated<number>;
  guild_id: string;
  name: string;
  kind: string;
  aliases: Json;
  created_by: string;
  created_at: number;
}

export interface WatchedActorsTable {
  guild_id: string;
  actor: string;
  created_at: number;
}

export interface GuildSettingsTable {
  guild_id: string;
  digest_channel_id: string | null;
  digest_schedule: string | null;
  timezone: string;
  last_digest_period_end: number | null;
  digest_parked: string | null;
  alert_channel_id: string | null;
  created_at: number;
  updated_at: number;
}

export interface OutboxTable {
  id: Generated<number>;
  kind: string;
  guild_id: string;
  channel_id: string;
  dedupe_key: string;
  payload: Json;
  status: string;
  attempts: number;
  next_attempt_at: number;
  nonce: string;
  message_ids: Json;
  last_error: string | null;
  lease_owner: string | null;
  lease_until: number | null;
  created_at: number;
  sent_at: number | null;
}

export interface DigestRunsTable {
  id: Generated<number>;
  guild_id: string;
  channel_id: string;
  period_start: number;
  period_end: number;
  outbox_id: number;
  created_at: number;
}

export interface AlertRulesTable {
  id: Generated<number>;
  guild_id: string;
  channel_id: string;
  kind: string;
  actor: string;
  outlet: string | null;
  params: Json;
  enabled: Bool;
  created_by: string;
  created_at: number;
  last_fired_at: number | null;
}

export interface AlertEventsTable {
  id: Generated<number>;
  rule_id: number;
  event_key: string;
  fired_at: number;
  reason: string;
  outbox_id: number | null;
}

/** A story across outlets: figures over all its articles (its members), kept up to date as articles join. */
export interface StoriesTable {
  /** The id of the story's first article. */
  id: string;
  title: string;
  first_published_at: number;
  last_published_at: number;
  article_count: number;
  outlet_count: number;
  updated_at: number;
}

/** The one story an article belongs to. */
export interface StoryMembersTable {
  article_id: string;
  story_id: string;
  similarity: number;
  clustered_at: number;
  published_at: number;
  outlet: string;
}

export interface JobLeasesTable {
  name: string;
  owner: string;
  until: number;
}

export interface Database {
  feeds: FeedsTable;
  subscriptions: SubscriptionsTable;
  articles: ArticlesTable;
  article_feeds: ArticleFeedsTable;
  article_analysis: ArticleAnalysisTable;
  actor_scores: ActorScoresTable;
  article_voices: ArticleVoicesTable;
  actor_daily: ActorDailyTable;
  framing_daily: FramingDailyTable;
  feed_sets: FeedSetsTable;
  feed_set_members: FeedSetMembersTable;
  shared_actor_daily: SharedActorDailyTable;
  shared_framing_daily: SharedFramingDailyTable;
  guild_actors: GuildActorsTable;
  watched_actors: WatchedActorsTable;
  guild_settings: GuildSettingsTable;
  outbox: OutboxTable;
  digest_runs: DigestRunsTable;
  alert_rules: AlertRulesTable;
  alert_events: AlertEventsTable;
  job_leases: JobLeasesTable;
  stories: StoriesTable;
  story_members: StoryMembersTable;
}
