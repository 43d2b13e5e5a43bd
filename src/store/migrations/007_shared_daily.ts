// Daily aggregates that count an article once per server: an article linked to two or more feeds counts under
// its feed set (feed_sets, members in feed_set_members) in shared_actor_daily / shared_framing_daily instead of
// once under each of its feeds in actor_daily / framing_daily (src/store/daily.ts). The stored articles linked
// to several feeds move there now; articles already pruned by retention cannot be told apart and stay counted
// under each feed.
import { sql } from 'kysely';
import type { Db } from '../context.js';
import { chunked, reattribute } from '../daily.js';
import type { Dialect } from '../types.js';
import type { AnyDb, Migration } from './helpers.js';
import { clusteredOnSqlite, withId } from './helpers.js';

async function createTables(db: AnyDb, dialect: Dialect): Promise<void> {
  await withId(db.schema.createTable('feed_sets'), dialect)
    .addColumn('members', 'text', (c) => c.notNull().unique())
    .execute();
  await db.schema
    .createTable('feed_set_members')
    .addColumn('set_id', 'integer', (c) => c.notNull().references('feed_sets.id').onDelete('cascade'))
    .addColumn('feed_id', 'integer', (c) => c.notNull().references('feeds.id').onDelete('cascade'))
    // Key order serves "feed sets with one of server S's feeds".
    .addPrimaryKeyConstraint('feed_set_members_pk', ['feed_id', 'set_id'])
    .execute();
  await db.schema.createIndex('feed_set_members_set').on('feed_set_members').column('set_id').execute();
  await db.schema
    .createTable('shared_actor_daily')
    .addColumn('set_id', 'integer', (c) => c.notNull().references('feed_sets.id').onDelete('cascade'))
    .addColumn('day', 'bigint', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('outlet', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addColumn('score_sum', 'double precision', (c) => c.notNull())
    .addColumn('negative', 'integer', (c) => c.notNull())
    .addColumn('neutral', 'integer', (c) => c.notNull())
    .addColumn('positive', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('shared_actor_daily_pk', ['set_id', 'day', 'actor', 'outlet'])
    .$call(clusteredOnSqlite(dialect))
    .execute();
  await db.schema
    .createTable('shared_framing_daily')
    .addColumn('set_id', 'integer', (c) => c.notNull().references('feed_sets.id').onDelete('cascade'))
    .addColumn('day', 'bigint', (c) => c.notNull())
    .addColumn('term', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('shared_framing_daily_pk', ['set_id', 'day', 'term'])
    .$call(clusteredOnSqlite(dialect))
    .execute();
}

export const migration: Migration = {
  async up(db: AnyDb, dialect) {
    await createTables(db, dialect);
    const shared = await db
      .selectFrom('article_feeds as af')
      .innerJoin('article_analysis as a', 'a.article_id', 'af.article_id')
      .select('af.article_id')
      .groupBy('af.article_id')
      .having(sql`count(*)`, '>', 1)
      .orderBy('af.article_id')
      .execute();
    // Each feed's rows held the article once: take it out of each, count it once under the set of them all.
    for (const part of chunked(shared.map((r: { article_id: string }) => r.article_id))) {
      await reattribute(db as unknown as Db, part, (feeds) => [...feeds.map((f) => ({ feeds: [f], sign: -1 as const })), { feeds, sign: 1 }]);
    }
  },
};
