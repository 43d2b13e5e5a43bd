// SubscriptionStore: a server (guild) subscribes a channel to a feed. Every method is scoped to one guild.
import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import type { Result } from '../core/result.js';
import { err, ok } from '../core/result.js';
import type { StoreContext } from './context.js';
import { toBool, toInt } from './context.js';
import type { SubscriptionsTable } from './schema.js';
import type { Subscription, SubscriptionView } from './types.js';

export interface NewSubscription {
  guildId: string;
  feedId: number;
  channelId: string;
  name: string;
  createdBy: string;
  now: number;
}

export interface SubscriptionStore {
  /** `duplicate` when the guild already subscribes to this feed (the existing subscription is returned). */
  subscribe(sub: NewSubscription): Promise<Result<Subscription, { kind: 'duplicate'; existing: Subscription }>>;
  unsubscribe(guildId: string, subscriptionId: number): Promise<boolean>;
  listSubscriptions(guildId: string): Promise<SubscriptionView[]>;
  setSubscriptionPaused(guildId: string, subscriptionId: number, paused: boolean): Promise<boolean>;
  getSubscription(guildId: string, subscriptionId: number): Promise<Subscription | undefined>;
  /** Case-insensitive name match within the guild; several when names collide. */
  findSubscriptionsByName(guildId: string, name: string): Promise<Subscription[]>;
  /** Every subscription to the feed across guilds (to announce a disabled feed once per channel). */
  subscriptionsOfFeed(feedId: number): Promise<Subscription[]>;
}

export function toSubscription(row: Selectable<SubscriptionsTable>): Subscription {
  return {
    id: row.id,
    guildId: row.guild_id,
    feedId: row.feed_id,
    channelId: row.channel_id,
    name: row.name,
    paused: toBool(row.paused),
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

async function listSubscriptions(ctx: StoreContext, guildId: string): Promise<SubscriptionView[]> {
  const rows = await ctx.db
    .selectFrom('subscriptions as s')
    .innerJoin('feeds as f', 'f.id', 's.feed_id')
    .selectAll('s')
    .select([
      'f.url',
      'f.title as feed_title',
      'f.last_fetch_at',
      'f.last_success_at',
      'f.last_error_code',
      'f.last_error_message',
      'f.error_count',
      'f.disabled',
      'f.disabled_reason',
      sql<number>`(select count(*) from article_feeds af where af.feed_id = s.feed_id)`.as('article_count'),
    ])
    .where('s.guild_id', '=', guildId)
    .orderBy('s.name')
    .orderBy('s.id')
    .execute();
  return rows.map((r) => ({
    ...toSubscription(r),
    url: r.url,
    feedTitle: r.feed_title,
    lastFetchAt: r.last_fetch_at,
    lastSuccessAt: r.last_success_at,
    lastErrorCode: r.last_error_code,
    lastErrorMessage: r.last_error_message,
    errorCount: r.error_count,
    disabled: toBool(r.disabled),
    disabledReason: r.disabled_reason,
    articleCount: Number(r.article_count),
  }));
}

export function subscriptionStore(ctx: StoreContext): SubscriptionStore {
  const { db } = ctx;
  const get = async (guildId: string, id: number) => {
    const row = await db.selectFrom('subscriptions').selectAll().where('guild_id', '=', guildId).where('id', '=', id).executeTakeFirst();
    return row && toSubscription(row);
  };
  return {
    async subscribe(sub) {
      const inserted = await ctx.run((d) =>
        d
          .insertInto('subscriptions')
          .values({
            guild_id: sub.guildId,
            feed_id: sub.feedId,
            channel_id: sub.channelId,
            name: sub.name,
            paused: 0,
            created_by: sub.createdBy,
            created_at: sub.now,
          })
          .onConflict((oc) => oc.columns(['guild_id', 'feed_id']).doNothing())
          .returningAll()
          .executeTakeFirst(),
      );
      if (inserted) return ok(toSubscription(inserted));
      const existing = await db
        .selectFrom('subscriptions')
        .selectAll()
        .where('guild_id', '=', sub.guildId)
        .where('feed_id', '=', sub.feedId)
        .executeTakeFirstOrThrow();
      return err({ kind: 'duplicate', existing: toSubscription(existing) });
    },
    async unsubscribe(guildId, id) {
      const result = await ctx.run((d) => d.deleteFrom('subscriptions').where('guild_id', '=', guildId).where('id', '=', id).executeTakeFirst());
      return Number(result.numDeletedRows) > 0;
    },
    listSubscriptions: (guildId) => listSubscriptions(ctx, guildId),
    async setSubscriptionPaused(guildId, id, paused) {
      const result = await ctx.run((d) =>
        d.updateTable('subscriptions').set({ paused: toInt(paused) }).where('guild_id', '=', guildId).where('id', '=', id).executeTakeFirst(),
      );
      return Number(result.numUpdatedRows) > 0;
    },
    getSubscription: get,
    async findSubscriptionsByName(guildId, name) {
      const rows = await db
        .selectFrom('subscriptions')
        .selectAll()
        .where('guild_id', '=', guildId)
        .where(sql`lower(name)`, '=', name.toLowerCase())
        .orderBy('id')
        .execute();
      return rows.map(toSubscription);
    },
    async subscriptionsOfFeed(feedId) {
      const rows = await db.selectFrom('subscriptions').selectAll().where('feed_id', '=', feedId).orderBy('id').execute();
      return rows.map(toSubscription);
    },
  };
}
