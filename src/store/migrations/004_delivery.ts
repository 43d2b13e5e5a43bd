// Delivery: the outbox (digests, alerts, notices), digest runs, alert rules and events.
import type { AnyDb, Migration } from './helpers.js';
import { withId } from './helpers.js';

export const migration: Migration = {
  async up(db: AnyDb, dialect) {
    await withId(db.schema.createTable('outbox'), dialect)
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('guild_id', 'text', (c) => c.notNull())
      .addColumn('channel_id', 'text', (c) => c.notNull())
      .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
      .addColumn('nonce', 'text', (c) => c.notNull())
      .addColumn('message_ids', 'text', (c) => c.notNull())
      .addColumn('last_error', 'text')
      .addColumn('lease_owner', 'text')
      .addColumn('lease_until', 'bigint')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('sent_at', 'bigint')
      .execute();
    await db.schema.createIndex('outbox_due').on('outbox').columns(['status', 'next_attempt_at']).execute();
    await db.schema.createIndex('outbox_guild').on('outbox').columns(['guild_id', 'created_at']).execute();

    await withId(db.schema.createTable('digest_runs'), dialect)
      .addColumn('guild_id', 'text', (c) => c.notNull())
      .addColumn('channel_id', 'text', (c) => c.notNull())
      .addColumn('period_start', 'bigint', (c) => c.notNull())
      .addColumn('period_end', 'bigint', (c) => c.notNull())
      .addColumn('outbox_id', 'integer', (c) => c.notNull().references('outbox.id'))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addUniqueConstraint('digest_runs_channel_period', ['channel_id', 'period_start', 'period_end'])
      .execute();
    await db.schema.createIndex('digest_runs_guild').on('digest_runs').columns(['guild_id', 'period_end']).execute();

    await withId(db.schema.createTable('alert_rules'), dialect)
      .addColumn('guild_id', 'text', (c) => c.notNull())
      .addColumn('channel_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('outlet', 'text')
      .addColumn('params', 'text', (c) => c.notNull())
      .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('last_fired_at', 'bigint')
      .execute();
    await db.schema.createIndex('alert_rules_guild').on('alert_rules').column('guild_id').execute();
    await db.schema.createIndex('alert_rules_enabled').on('alert_rules').columns(['enabled', 'kind']).execute();

    await withId(db.schema.createTable('alert_events'), dialect)
      .addColumn('rule_id', 'integer', (c) => c.notNull().references('alert_rules.id').onDelete('cascade'))
      .addColumn('event_key', 'text', (c) => c.notNull())
      .addColumn('fired_at', 'bigint', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('outbox_id', 'integer', (c) => c.references('outbox.id'))
      .addUniqueConstraint('alert_events_rule_key', ['rule_id', 'event_key'])
      .execute();
  },
};
