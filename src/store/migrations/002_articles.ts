// Articles (stored once, linked to every feed that delivered them), analyses, per-actor scores and the
// daily aggregates that survive retention pruning.
import { sql } from 'kysely';
import type { AnyDb, Migration } from './helpers.js';
import { clusteredOnSqlite } from './helpers.js';
import type { Dialect } from '../types.js';

/** Daily aggregates: per feed x actor x outlet x UTC day, and per feed x framing term x day. */
async function createDailyTables(db: AnyDb, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('actor_daily')
    .addColumn('feed_id', 'integer', (c) => c.notNull().references('feeds.id').onDelete('cascade'))
    .addColumn('day', 'bigint', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('outlet', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addColumn('score_sum', 'double precision', (c) => c.notNull())
    .addColumn('negative', 'integer', (c) => c.notNull())
    .addColumn('neutral', 'integer', (c) => c.notNull())
    .addColumn('positive', 'integer', (c) => c.notNull())
    // Key order serves "feeds of server S, days in [from, to)": one range scan per subscribed feed.
    .addPrimaryKeyConstraint('actor_daily_pk', ['feed_id', 'day', 'actor', 'outlet'])
    .$call(clusteredOnSqlite(dialect))
    .execute();
  if (dialect === 'postgres') {
    // Index-only scans for the per-day series: the key plus every summed column.
    await sql`create index actor_daily_cover on actor_daily (feed_id, day) include (actor, outlet, n, score_sum, negative, neutral, positive)`.execute(db);
  }

  await db.schema
    .createTable('framing_daily')
    .addColumn('feed_id', 'integer', (c) => c.notNull().references('feeds.id').onDelete('cascade'))
    .addColumn('day', 'bigint', (c) => c.notNull())
    .addColumn('term', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('framing_daily_pk', ['feed_id', 'day', 'term'])
    .$call(clusteredOnSqlite(dialect))
    .execute();
}

export const migration: Migration = {
  async up(db: AnyDb, dialect) {
    await db.schema
      .createTable('articles')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('feed_id', 'integer', (c) => c.notNull().references('feeds.id'))
      .addColumn('link', 'text')
      .addColumn('outlet', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('published_at', 'bigint', (c) => c.notNull())
      .addColumn('fetched_at', 'bigint', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('language', 'text')
      .addColumn('analysed', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('digest_eligible', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema.createIndex('articles_link').on('articles').column('link').execute();
    await db.schema.createIndex('articles_published').on('articles').column('published_at').execute();
    await db.schema.createIndex('articles_pending').on('articles').columns(['analysed', 'fetched_at']).execute();

    await db.schema
      .createTable('article_feeds')
      .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .addColumn('feed_id', 'integer', (c) => c.notNull().references('feeds.id').onDelete('cascade'))
      .addPrimaryKeyConstraint('article_feeds_pk', ['article_id', 'feed_id'])
      .execute();
    // Guild scoping goes feed -> articles.
    await db.schema.createIndex('article_feeds_feed').on('article_feeds').columns(['feed_id', 'article_id']).execute();

    await db.schema
      .createTable('article_analysis')
      .addColumn('article_id', 'text', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
      .addColumn('language', 'text', (c) => c.notNull())
      .addColumn('supported', 'integer', (c) => c.notNull())
      .addColumn('sentiment_score', 'double precision', (c) => c.notNull())
      .addColumn('comparative', 'double precision', (c) => c.notNull())
      .addColumn('positive_pct', 'double precision', (c) => c.notNull())
      .addColumn('negative_pct', 'double precision', (c) => c.notNull())
      .addColumn('polarity', 'double precision', (c) => c.notNull())
      .addColumn('tone', 'double precision', (c) => c.notNull())
      .addColumn('word_count', 'integer', (c) => c.notNull())
      .addColumn('framing', 'text', (c) => c.notNull())
      .addColumn('model_version', 'text', (c) => c.notNull())
      .addColumn('analysed_at', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('actor_scores')
      .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('score', 'double precision', (c) => c.notNull())
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('confidence', 'double precision', (c) => c.notNull())
      .addColumn('mentions', 'integer', (c) => c.notNull())
      .addColumn('evidence', 'text', (c) => c.notNull())
      .addColumn('published_at', 'bigint', (c) => c.notNull())
      .addColumn('outlet', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('actor_scores_pk', ['article_id', 'actor'])
      .execute();
    // "Scores of actor X between t1 and t2" (then scoped to a server through article_feeds).
    await db.schema.createIndex('actor_scores_actor_time').on('actor_scores').columns(['actor', 'published_at']).execute();
    await db.schema.createIndex('actor_scores_time').on('actor_scores').column('published_at').execute();
    await createDailyTables(db, dialect);
  },
};
