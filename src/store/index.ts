// The store: one interface for every layer, SQL written once (Kysely) for SQLite and PostgreSQL.
import { Migrator, sql } from 'kysely';
import type { Logger } from 'pino';
import type { ActorStore } from './actors.js';
import { actorStore } from './actors.js';
import type { AlertStore } from './alerts.js';
import { alertStore } from './alerts.js';
import type { ArticleStore } from './articles.js';
import { articleStore } from './articles.js';
import type { StoreContext } from './context.js';
import { createContext } from './context.js';
import { openDb, parseDatabaseUrl, type WriteProbeOptions } from './db.js';
import type { DeliveryQueryStore } from './delivery-queries.js';
import { deliveryQueryStore } from './delivery-queries.js';
import type { FeedStore } from './feeds.js';
import { feedStore } from './feeds.js';
import type { LeaseStore } from './leases.js';
import { leaseStore } from './leases.js';
import { migrationProvider } from './migrations/index.js';
import type { OutboxStore } from './outbox.js';
import { outboxStore } from './outbox.js';
import type { AnalysisQueryStore } from './queries.js';
import { analysisQueryStore } from './queries.js';
import type { GuildSettingsStore } from './settings.js';
import { guildSettingsStore } from './settings.js';
import type { StoryStore } from './stories.js';
import { storyStore } from './stories.js';
import type { SubscriptionStore } from './subscriptions.js';
import { subscriptionStore } from './subscriptions.js';
import type { Dialect } from './types.js';
import type { VoiceQueryStore } from './voices.js';
import { voiceQueries } from './voices.js';

export interface StoreLifecycle {
  readonly dialect: Dialect;
  /** Applies pending migrations; returns the names applied now (empty when up to date). */
  migrate(): Promise<string[]>;
  /** true when the database answers (for /healthz). */
  ping(): Promise<boolean>;
  /**
   * For /healthz: the database answers and a writer can take SQLite's write lock (not held by another
   * connection for the probe's window); otherwise ok is false and `detail` says why.
   */
  health(): Promise<{ ok: boolean; detail: string }>;
  close(): Promise<void>;
}

export type Store = FeedStore &
  SubscriptionStore &
  ArticleStore &
  AnalysisQueryStore &
  VoiceQueryStore &
  StoryStore &
  DeliveryQueryStore &
  ActorStore &
  GuildSettingsStore &
  OutboxStore &
  AlertStore &
  LeaseStore &
  StoreLifecycle;

export interface StoreOptions {
  /** `sqlite:PATH`, `sqlite::memory:` or `postgres://...`. */
  url: string;
  logger: Logger;
  /** PostgreSQL schema to use (created by migrate); default: the server's search_path. */
  pgSchema?: string;
  poolSize?: number;
  /** SQLite file: checkpoint the WAL on a background thread every this many ms (off by default). */
  backgroundCheckpointMs?: number;
  /** SQLite file: how long health() waits for a held write lock before reporting it (default 1 s). */
  writeProbe?: WriteProbeOptions;
}

async function runMigrations(ctx: StoreContext, pgSchema: string | undefined): Promise<string[]> {
  if (pgSchema !== undefined) await sql`create schema if not exists ${sql.id(pgSchema)}`.execute(ctx.db);
  const migrator = new Migrator({
    db: ctx.db,
    provider: migrationProvider(ctx.dialect),
    ...(pgSchema === undefined ? {} : { migrationTableSchema: pgSchema }),
  });
  const { error, results } = await migrator.migrateToLatest();
  const applied = (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  if (error) {
    ctx.logger.error({ err: error, applied }, 'migration failed');
    throw error instanceof Error ? error : new Error(String(error));
  }
  if (applied.length > 0) ctx.logger.info({ applied }, 'migrations applied');
  return applied;
}

/** Opens the database named by `url`. Throws on a malformed URL (config validation reports it first). */
export async function createStore(options: StoreOptions): Promise<Store> {
  const target = parseDatabaseUrl(options.url);
  if (!target.ok) throw new Error(target.error);
  const openOptions = {
    ...(options.pgSchema === undefined ? {} : { pgSchema: options.pgSchema }),
    ...(options.poolSize ? { poolSize: options.poolSize } : {}),
    ...(options.backgroundCheckpointMs === undefined ? {} : { backgroundCheckpointMs: options.backgroundCheckpointMs }),
    ...(options.writeProbe === undefined ? {} : { writeProbe: options.writeProbe }),
  };
  const opened = openDb(target.value, options.logger, openOptions);
  const { db, dialect } = opened;
  const ctx = createContext(db, dialect, options.logger);
  const lifecycle: StoreLifecycle = {
    dialect,
    migrate: () => runMigrations(ctx, options.pgSchema),
    async ping() {
      try {
        await sql`select 1`.execute(db);
        return true;
      } catch (error) {
        options.logger.warn({ err: error }, 'database ping failed');
        return false;
      }
    },
    async health() {
      if (!(await lifecycle.ping())) return { ok: false, detail: 'the database does not answer' };
      const write = await opened.probeWrite();
      if (!write.ok) options.logger.warn({ reason: write.error }, 'database write probe failed');
      return write.ok ? { ok: true, detail: dialect === 'sqlite' ? 'answers; the write lock is free' : 'answers' } : { ok: false, detail: write.error };
    },
    close: () => opened.close(),
  };
  return {
    ...feedStore(ctx),
    ...subscriptionStore(ctx),
    ...articleStore(ctx),
    ...analysisQueryStore(ctx),
    ...voiceQueries(ctx),
    ...storyStore(ctx),
    ...deliveryQueryStore(ctx),
    ...actorStore(ctx),
    ...guildSettingsStore(ctx),
    ...outboxStore(ctx),
    ...alertStore(ctx),
    ...leaseStore(ctx),
    ...lifecycle,
  };
}

export { isTransientDbError } from './retry.js';
export { parseDatabaseUrl } from './db.js';
export type * from './types.js';
export type * from './types-stories.js';
export type { NewFeed, ClaimRequest } from './feeds.js';
export type { FetchSuccess, FetchFailure, FailureOutcome } from './feed-state.js';
export type { NewSubscription } from './subscriptions.js';
export type { InsertOptions } from './articles.js';
export type { AnalysisToSave, AnalysisMeta } from './analysis.js';
export type { NewGuildActor } from './actors.js';
export type { NewOutboxItem, NewDigest } from './outbox.js';
export type { NewAlertRule, AlertFiring } from './alerts.js';
export type { JobLease } from './leases.js';
export type { TopArticlesQuery } from './queries.js';
export type { BucketStats, ObservationQuery, ObservationRow } from './delivery-queries.js';
export type { VoiceQueryStore } from './voices.js';
export type { StoryStore, SaveAssignmentsOptions } from './stories.js';
export type { StoryQueryStore } from './story-queries.js';
export type { FeedStore, SubscriptionStore, ArticleStore, AnalysisQueryStore, ActorStore, GuildSettingsStore, OutboxStore, AlertStore, LeaseStore };
