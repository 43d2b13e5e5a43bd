// FeedStore: one row per feed URL, its fetch state and the lease a worker holds while refreshing it.
import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import type { Db, StoreContext } from './context.js';
import { toBool, toInt } from './context.js';
import type { FeedStateStore } from './feed-state.js';
import { feedStateMethods } from './feed-state.js';
import type { FeedsTable } from './schema.js';
import type { Feed, FeedCounts } from './types.js';

export interface NewFeed {
  url: string;
  title?: string | null;
  siteLink?: string | null;
  fullText?: boolean;
  /** When the first check is due (spread by a hash of the URL by the caller). */
  nextCheckAt: number;
  now: number;
}

export interface ClaimRequest {
  owner: string;
  now: number;
  leaseMs: number;
  limit: number;
}

export interface FeedStore extends FeedStateStore {
  /** Inserts the feed, or returns the existing one with the same URL (`created: false`). */
  addFeed(feed: NewFeed): Promise<{ feed: Feed; created: boolean }>;
  getFeed(id: number): Promise<Feed | undefined>;
  getFeedByUrl(url: string): Promise<Feed | undefined>;
  /** Feeds that are enabled and have at least one active (not paused) subscription. */
  listPolledFeeds(): Promise<Feed[]>;
  /**
   * Atomically leases up to `limit` polled feeds that are due and not leased (or whose lease expired).
   * Concurrent callers on one database receive disjoint sets.
   */
  claimDueFeeds(request: ClaimRequest): Promise<Feed[]>;
  /** Extends the lease if `owner` still holds it; false when it was lost. */
  renewFeedLease(feedId: number, owner: string, until: number): Promise<boolean>;
  releaseFeedLease(feedId: number, owner: string): Promise<void>;
  countFeeds(now: number): Promise<FeedCounts>;
}

export function toFeed(row: Selectable<FeedsTable>): Feed {
  return {
    id: row.id,
    url: row.url,
    title: row.title,
    siteLink: row.site_link,
    fullText: toBool(row.full_text),
    createdAt: row.created_at,
    etag: row.etag,
    lastModified: row.last_modified,
    nextCheckAt: row.next_check_at,
    lastFetchAt: row.last_fetch_at,
    lastSuccessAt: row.last_success_at,
    errorCount: row.error_count,
    lastErrorCode: row.last_error_code,
    lastErrorMessage: row.last_error_message,
    disabled: toBool(row.disabled),
    disabledReason: row.disabled_reason,
    disabledAt: row.disabled_at,
    primed: toBool(row.primed),
    leaseOwner: row.lease_owner,
    leaseUntil: row.lease_until,
  };
}

const hasActiveSubscription = sql<boolean>`exists (select 1 from subscriptions s where s.feed_id = feeds.id and s.paused = 0)`;

function dueFeedIds(db: Db, now: number, limit: number, lock: boolean) {
  const query = db
    .selectFrom('feeds')
    .select('feeds.id')
    .where('feeds.disabled', '=', 0)
    .where('feeds.next_check_at', '<=', now)
    .where((eb) => eb.or([eb('feeds.lease_until', 'is', null), eb('feeds.lease_until', '<=', now)]))
    .where(hasActiveSubscription)
    .orderBy('feeds.next_check_at')
    .limit(limit);
  return lock ? query.forUpdate().skipLocked() : query;
}

export function feedStore(ctx: StoreContext): FeedStore {
  const { db } = ctx;
  const byUrl = async (url: string) => {
    const row = await db.selectFrom('feeds').selectAll().where('url', '=', url).executeTakeFirst();
    return row && toFeed(row);
  };
  return {
    ...feedStateMethods(ctx),
    async addFeed(feed) {
      const inserted = await ctx.run((d) =>
        d
          .insertInto('feeds')
          .values({
            url: feed.url,
            title: feed.title ?? null,
            site_link: feed.siteLink ?? null,
            full_text: toInt(feed.fullText),
            created_at: feed.now,
            next_check_at: feed.nextCheckAt,
            error_count: 0,
            disabled: 0,
            primed: 0,
          })
          .onConflict((oc) => oc.column('url').doNothing())
          .returningAll()
          .executeTakeFirst(),
      );
      if (inserted) return { feed: toFeed(inserted), created: true };
      const existing = await byUrl(feed.url);
      if (!existing) throw new Error(`feed ${feed.url} vanished during upsert`);
      return { feed: existing, created: false };
    },
    async getFeed(id) {
      const row = await db.selectFrom('feeds').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toFeed(row);
    },
    getFeedByUrl: byUrl,
    async listPolledFeeds() {
      const rows = await db.selectFrom('feeds').selectAll().where('disabled', '=', 0).where(hasActiveSubscription).orderBy('id').execute();
      return rows.map(toFeed);
    },
    async claimDueFeeds({ owner, now, leaseMs, limit }) {
      const rows = await ctx.run((d) =>
        d
          .updateTable('feeds')
          .set({ lease_owner: owner, lease_until: now + leaseMs })
          .where('id', 'in', dueFeedIds(d, now, limit, ctx.dialect === 'postgres'))
          .returningAll()
          .execute(),
      );
      return rows.map(toFeed).sort((a, b) => a.nextCheckAt - b.nextCheckAt || a.id - b.id);
    },
    async renewFeedLease(feedId, owner, until) {
      const result = await ctx.run((d) =>
        d.updateTable('feeds').set({ lease_until: until }).where('id', '=', feedId).where('lease_owner', '=', owner).executeTakeFirst(),
      );
      return Number(result.numUpdatedRows) > 0;
    },
    async releaseFeedLease(feedId, owner) {
      await ctx.run((d) =>
        d.updateTable('feeds').set({ lease_owner: null, lease_until: null }).where('id', '=', feedId).where('lease_owner', '=', owner).execute(),
      );
    },
    async countFeeds(now) {
      const polled = sql`(feeds.disabled = 0 and ${hasActiveSubscription})`;
      const row = await db
        .selectFrom('feeds')
        .select([
          sql<number>`count(*)`.as('total'),
          sql<number>`coalesce(sum(case when ${polled} then 1 else 0 end), 0)`.as('polled'),
          sql<number>`coalesce(sum(case when feeds.disabled = 1 then 1 else 0 end), 0)`.as('disabled'),
          sql<number>`coalesce(sum(case when ${polled} and feeds.next_check_at <= ${now} then 1 else 0 end), 0)`.as('due'),
          sql<number>`coalesce(sum(case when feeds.lease_until > ${now} then 1 else 0 end), 0)`.as('leased'),
        ])
        .executeTakeFirstOrThrow();
      return { total: Number(row.total), polled: Number(row.polled), disabled: Number(row.disabled), due: Number(row.due), leased: Number(row.leased) };
    },
  };
}
