// Domain objects returned by the store: camelCase fields, booleans as booleans, JSON already parsed.
// All instants are epoch milliseconds (UTC).
import type { ActorKind, ArticleAnalysis, Evidence, StanceLabel } from '../core/types.js';
import type { VoiceAggregate } from '../core/digest-types.js';

export type Dialect = 'sqlite' | 'postgres';

export interface Feed {
  id: number;
  url: string;
  title: string | null;
  siteLink: string | null;
  fullText: boolean;
  createdAt: number;
  etag: string | null;
  lastModified: string | null;
  nextCheckAt: number;
  lastFetchAt: number | null;
  lastSuccessAt: number | null;
  errorCount: number;
  lastErrorCode: string | null;
  lastErrorMessage: string | null;
  disabled: boolean;
  disabledReason: string | null;
  disabledAt: number | null;
  /** First successful fetch done: the backlog was stored as already seen. */
  primed: boolean;
  leaseOwner: string | null;
  leaseUntil: number | null;
}

export interface FeedCounts {
  total: number;
  /** Not disabled and with at least one active subscription (the feeds that are polled). */
  polled: number;
  disabled: number;
  /** Polled feeds whose next check is due now. */
  due: number;
  /** Feeds currently under an unexpired lease. */
  leased: number;
}

export interface Subscription {
  id: number;
  guildId: string;
  feedId: number;
  channelId: string;
  name: string;
  paused: boolean;
  createdBy: string;
  createdAt: number;
}

/** A subscription joined with its feed's state, for `/feeds list`. */
export interface SubscriptionView extends Subscription {
  url: string;
  feedTitle: string | null;
  lastFetchAt: number | null;
  lastSuccessAt: number | null;
  lastErrorCode: string | null;
  lastErrorMessage: string | null;
  errorCount: number;
  disabled: boolean;
  disabledReason: string | null;
  articleCount: number;
}

export interface NewArticle {
  /** Stable id from ingest (guid, canonical link or hash). */
  id: string;
  link: string | null;
  outlet: string;
  title: string;
  publishedAt: number | null;
  text: string;
  language?: string | null;
}

export interface Article {
  id: string;
  /** The feed that first delivered the article. */
  feedId: number;
  link: string | null;
  outlet: string;
  title: string;
  /** Published time, clamped to the fetch time (missing or future dates become fetchedAt). */
  publishedAt: number;
  fetchedAt: number;
  text: string;
  language: string | null;
  /** An analysis has been stored (possibly "language not supported"). */
  analysed: boolean;
  /** false for a new feed's backlog: never shown as "new" in a digest or alert. */
  digestEligible: boolean;
}

export interface StoredAnalysis extends ArticleAnalysis {
  articleId: string;
  modelVersion: string;
  analysedAt: number;
}

export interface GuildActor {
  id: number;
  guildId: string;
  name: string;
  kind: ActorKind;
  aliases: string[];
  createdBy: string;
  createdAt: number;
}

export interface GuildSettings {
  guildId: string;
  digestChannelId: string | null;
  /** Cron expression (five or six fields). */
  digestSchedule: string | null;
  /** IANA zone. */
  timezone: string;
  lastDigestPeriodEnd: number | null;
  /** Why digests are parked (e.g. channel not postable); null when active. */
  digestParked: string | null;
  alertChannelId: string | null;
  createdAt: number;
  updatedAt: number;
}

export type GuildSettingsPatch = Partial<
  Pick<GuildSettings, 'digestChannelId' | 'digestSchedule' | 'timezone' | 'lastDigestPeriodEnd' | 'digestParked' | 'alertChannelId'>
>;

export type OutboxKind = 'digest' | 'alert' | 'notice';
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'parked';

export interface OutboxItem<P = unknown> {
  id: number;
  kind: OutboxKind;
  guildId: string;
  channelId: string;
  dedupeKey: string;
  payload: P;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: number;
  /** Random nonce sent with the post, to recognise a post already made after a crash. */
  nonce: string;
  messageIds: string[];
  lastError: string | null;
  leaseOwner: string | null;
  leaseUntil: number | null;
  createdAt: number;
  sentAt: number | null;
}

export interface DigestRun {
  id: number;
  guildId: string;
  channelId: string;
  periodStart: number;
  periodEnd: number;
  outboxId: number;
  createdAt: number;
}

export type AlertKind = 'stance' | 'volume' | 'article';

export interface AlertRule<P = Record<string, unknown>> {
  id: number;
  guildId: string;
  channelId: string;
  kind: AlertKind;
  actor: string;
  outlet: string | null;
  params: P;
  enabled: boolean;
  createdBy: string;
  createdAt: number;
  lastFiredAt: number | null;
}

export interface AlertEvent {
  id: number;
  ruleId: number;
  eventKey: string;
  firedAt: number;
  reason: string;
  outboxId: number | null;
}

/** Half-open time range [from, to) in epoch ms, scoped to one server's subscribed feeds. */
export interface GuildRange {
  guildId: string;
  from: number;
  to: number;
  /** Restrict to these canonical actor names (all actors when omitted). */
  actors?: string[];
  /**
   * Which time [from, to) applies to: 'published' (default) or 'seen' — when the article was first stored, counting
   * only articles that are new to the server (a new feed's backlog is left out). Digests use 'seen', so an article
   * published before a digest but fetched after it still appears in the next digest. Daily queries ignore it.
   */
  basis?: 'published' | 'seen';
}

export interface LabelCounts {
  negative: number;
  neutral: number;
  positive: number;
}

export interface ActorStats extends LabelCounts {
  actor: string;
  n: number;
  meanScore: number;
}

export interface ActorDayStats extends ActorStats {
  /** Start of the UTC day, epoch ms. */
  day: number;
}

export interface OutletActorStats extends ActorStats {
  outlet: string;
}

/** A speaker quoted about an actor over a period: the digest's own shape (src/core/digest-types.ts). */
export type VoiceStats = VoiceAggregate;

export interface ScoredArticle {
  articleId: string;
  title: string;
  link: string | null;
  outlet: string;
  publishedAt: number;
  score: number;
  label: StanceLabel;
  confidence: number;
  /** The evidence sentence with the largest contribution in the score's direction. */
  evidence: Evidence | null;
}

export interface PeriodTotals {
  articles: number;
  outlets: number;
  /** Articles stored but not analysed (unsupported language). */
  notAnalysed: number;
}
