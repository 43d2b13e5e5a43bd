// Per-server actors, watched actors and settings.
import type { AnyDb, Migration } from './helpers.js';
import { withId } from './helpers.js';

export const migration: Migration = {
  async up(db: AnyDb, dialect) {
    await withId(db.schema.createTable('guild_actors'), dialect)
      .addColumn('guild_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('aliases', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addUniqueConstraint('guild_actors_guild_name', ['guild_id', 'name'])
      .execute();

    await db.schema
      .createTable('watched_actors')
      .addColumn('guild_id', 'text', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('watched_actors_pk', ['guild_id', 'actor'])
      .execute();

    await db.schema
      .createTable('guild_settings')
      .addColumn('guild_id', 'text', (c) => c.primaryKey())
      .addColumn('digest_channel_id', 'text')
      .addColumn('digest_schedule', 'text')
      .addColumn('timezone', 'text', (c) => c.notNull())
      .addColumn('last_digest_period_end', 'bigint')
      .addColumn('digest_parked', 'text')
      .addColumn('alert_channel_id', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
  },
};
