// Feeds (one row per URL, fetch state and lease), per-server subscriptions, named job leases.
import type { AnyDb, Migration } from './helpers.js';
import { withId } from './helpers.js';

export const migration: Migration = {
  async up(db: AnyDb, dialect) {
    await withId(db.schema.createTable('feeds'), dialect)
      .addColumn('url', 'text', (c) => c.notNull().unique())
      .addColumn('title', 'text')
      .addColumn('site_link', 'text')
      .addColumn('full_text', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('etag', 'text')
      .addColumn('last_modified', 'text')
      .addColumn('next_check_at', 'bigint', (c) => c.notNull())
      .addColumn('last_fetch_at', 'bigint')
      .addColumn('last_success_at', 'bigint')
      .addColumn('error_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('last_error_code', 'text')
      .addColumn('last_error_message', 'text')
      .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('disabled_reason', 'text')
      .addColumn('disabled_at', 'bigint')
      .addColumn('primed', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('lease_owner', 'text')
      .addColumn('lease_until', 'bigint')
      .execute();
    // Due-feed scan: WHERE disabled = 0 AND next_check_at <= now ORDER BY next_check_at.
    await db.schema.createIndex('feeds_due').on('feeds').columns(['disabled', 'next_check_at']).execute();

    await withId(db.schema.createTable('subscriptions'), dialect)
      .addColumn('guild_id', 'text', (c) => c.notNull())
      .addColumn('feed_id', 'integer', (c) => c.notNull().references('feeds.id').onDelete('cascade'))
      .addColumn('channel_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('paused', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addUniqueConstraint('subscriptions_guild_feed', ['guild_id', 'feed_id'])
      .execute();
    // "Is this feed polled?" and "who subscribes to this feed?" (announce once per channel).
    await db.schema.createIndex('subscriptions_feed').on('subscriptions').columns(['feed_id', 'paused']).execute();

    await db.schema
      .createTable('job_leases')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('owner', 'text', (c) => c.notNull())
      .addColumn('until', 'bigint', (c) => c.notNull())
      .execute();
  },
};
