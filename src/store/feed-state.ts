// Fetch-state transitions of a feed: success, 304, failure (backoff, disable), moves and re-enabling.
import { sql } from 'kysely';
import type { Db, StoreContext } from './context.js';
import { addToActorDaily, addToFramingDaily, mergeFeedSets } from './daily.js';

export interface FetchSuccess {
  now: number;
  nextCheckAt: number;
  etag?: string | null;
  lastModified?: string | null;
  /** Feed title/link from the document; kept unchanged when absent. */
  title?: string | null;
  siteLink?: string | null;
}

export interface FetchFailure {
  now: number;
  code: string;
  message: string;
  nextCheckAt: number;
  /** Disable now (e.g. 410 Gone). */
  disable?: boolean;
  /** Disable when the consecutive error count reaches this number. */
  disableAfter?: number;
}

export interface FailureOutcome {
  errorCount: number;
  disabled: boolean;
  /** This failure disabled the feed (announce it once). */
  newlyDisabled: boolean;
}

export interface FeedStateStore {
  /** 200 with a document: validators, schedule, title; resets errors; marks the feed primed. */
  recordFetchSuccess(feedId: number, success: FetchSuccess): Promise<void>;
  /** 304: resets errors and schedules the next check. */
  recordFetchNotModified(feedId: number, at: { now: number; nextCheckAt: number }): Promise<void>;
  recordFetchFailure(feedId: number, failure: FetchFailure): Promise<FailureOutcome>;
  /**
   * A permanent redirect: the feed now lives at `newUrl`. When another feed already has that URL the two
   * are merged (subscriptions, articles, aggregates) into it. Returns the surviving feed id.
   */
  moveFeedUrl(feedId: number, newUrl: string): Promise<{ feedId: number; merged: boolean }>;
  disableFeed(feedId: number, reason: string, now: number): Promise<void>;
  /** Re-enables the feed, resets its error count and schedules a check now. */
  enableFeed(feedId: number, now: number): Promise<void>;
}

const clearedErrors = { error_count: 0, last_error_code: null, last_error_message: null } as const;

export function feedStateMethods(ctx: StoreContext): FeedStateStore {
  return {
    async recordFetchSuccess(feedId, s) {
      await ctx.run((d) =>
        d
          .updateTable('feeds')
          .set((eb) => ({
            ...clearedErrors,
            last_fetch_at: s.now,
            last_success_at: s.now,
            next_check_at: s.nextCheckAt,
            etag: s.etag ?? null,
            last_modified: s.lastModified ?? null,
            primed: 1,
            title: s.title ? s.title : eb.ref('title'),
            site_link: s.siteLink ? s.siteLink : eb.ref('site_link'),
          }))
          .where('id', '=', feedId)
          .execute(),
      );
    },
    async recordFetchNotModified(feedId, { now, nextCheckAt }) {
      await ctx.run((d) =>
        d
          .updateTable('feeds')
          .set({ ...clearedErrors, last_fetch_at: now, last_success_at: now, next_check_at: nextCheckAt })
          .where('id', '=', feedId)
          .execute(),
      );
    },
    recordFetchFailure: (feedId, f) =>
      ctx.tx(async (trx) => {
        const current = await trx.selectFrom('feeds').select(['error_count', 'disabled']).where('id', '=', feedId).executeTakeFirst();
        if (!current) return { errorCount: 0, disabled: false, newlyDisabled: false };
        const errorCount = current.error_count + 1;
        const wasDisabled = current.disabled === 1;
        const disable = !wasDisabled && (f.disable === true || (f.disableAfter !== undefined && errorCount >= f.disableAfter));
        await trx
          .updateTable('feeds')
          .set({
            error_count: errorCount,
            last_error_code: f.code,
            last_error_message: f.message,
            last_fetch_at: f.now,
            next_check_at: f.nextCheckAt,
            ...(disable ? { disabled: 1, disabled_reason: `${f.code}: ${f.message}`, disabled_at: f.now } : {}),
          })
          .where('id', '=', feedId)
          .execute();
        return { errorCount, disabled: wasDisabled || disable, newlyDisabled: disable };
      }),
    moveFeedUrl: (feedId, newUrl) =>
      ctx.tx(async (trx) => {
        const target = await trx.selectFrom('feeds').select('id').where('url', '=', newUrl).executeTakeFirst();
        if (!target || target.id === feedId) {
          await trx.updateTable('feeds').set({ url: newUrl }).where('id', '=', feedId).execute();
          return { feedId, merged: false };
        }
        await mergeFeeds(trx, feedId, target.id);
        return { feedId: target.id, merged: true };
      }),
    async disableFeed(feedId, reason, now) {
      await ctx.run((d) =>
        d.updateTable('feeds').set({ disabled: 1, disabled_reason: reason, disabled_at: now }).where('id', '=', feedId).execute(),
      );
    },
    async enableFeed(feedId, now) {
      await ctx.run((d) =>
        d
          .updateTable('feeds')
          .set({ ...clearedErrors, disabled: 0, disabled_reason: null, disabled_at: null, next_check_at: now })
          .where('id', '=', feedId)
          .execute(),
      );
    },
  };
}

/** Moves everything of feed `from` onto feed `to` (skipping what `to` already has), then deletes `from`. */
async function mergeFeeds(trx: Db, from: number, to: number): Promise<void> {
  const guildsOfTarget = trx.selectFrom('subscriptions').select('guild_id').where('feed_id', '=', to);
  await trx.deleteFrom('subscriptions').where('feed_id', '=', from).where('guild_id', 'in', guildsOfTarget).execute();
  await trx.updateTable('subscriptions').set({ feed_id: to }).where('feed_id', '=', from).execute();

  const articlesOfTarget = trx.selectFrom('article_feeds').select('article_id').where('feed_id', '=', to);
  await trx.deleteFrom('article_feeds').where('feed_id', '=', from).where('article_id', 'in', articlesOfTarget).execute();
  await trx.updateTable('article_feeds').set({ feed_id: to }).where('feed_id', '=', from).execute();
  await trx.updateTable('articles').set({ feed_id: to }).where('feed_id', '=', from).execute();

  await trx
    .insertInto('actor_daily')
    .columns(['feed_id', 'day', 'actor', 'outlet', 'n', 'score_sum', 'negative', 'neutral', 'positive'])
    .expression(
      trx
        .selectFrom('actor_daily')
        .select([sql.lit(to).as('feed_id'), 'day', 'actor', 'outlet', 'n', 'score_sum', 'negative', 'neutral', 'positive'])
        .where('feed_id', '=', from),
    )
    .onConflict(addToActorDaily)
    .execute();
  await trx
    .insertInto('framing_daily')
    .columns(['feed_id', 'day', 'term', 'count'])
    .expression(trx.selectFrom('framing_daily').select([sql.lit(to).as('feed_id'), 'day', 'term', 'count']).where('feed_id', '=', from))
    .onConflict(addToFramingDaily)
    .execute();
  await mergeFeedSets(trx, from, to);
  await trx.deleteFrom('feeds').where('id', '=', from).execute();
}
