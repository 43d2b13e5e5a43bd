// Queries for digests and alerts that the generic analysis queries do not cover: stance in small time buckets
// (grouped into local days by the caller, in the server's zone), alert observations and per-channel alert times.
import { sql } from 'kysely';
import type { StoreContext } from './context.js';
import { inGuild } from './queries.js';
import type { GuildRange } from './types.js';

export interface BucketStats {
  actor: string;
  /** Start of the bucket, epoch ms (a multiple of the bucket size). */
  bucket: number;
  n: number;
  scoreSum: number;
}

export interface ObservationQuery {
  guildId: string;
  actors: string[];
  /** Published at or after this instant. */
  from: number;
}

export interface ObservationRow {
  articleId: string;
  actor: string;
  outlet: string;
  title: string;
  link: string | null;
  publishedAt: number;
  analysedAt: number;
  score: number;
}

export interface DeliveryQueryStore {
  /** Mentions and score sums per actor and bucket of `bucketMs` (published time), for zone-aware day series. */
  actorBucketStats(range: GuildRange, bucketMs: number, outlet?: string): Promise<BucketStats[]>;
  /** Per-article stances toward `actors` in the server's feeds, new articles only (never a feed's backlog). */
  alertObservations(query: ObservationQuery): Promise<ObservationRow[]>;
  /** When alerts were enqueued for a channel since `since` (rate limit), oldest first. */
  alertTimesSince(channelId: string, since: number): Promise<number[]>;
}

export function deliveryQueryStore(ctx: StoreContext): DeliveryQueryStore {
  const { db } = ctx;
  return {
    async actorBucketStats(range, bucketMs, outlet) {
      const size = Math.max(1, Math.floor(bucketMs));
      const bucket = sql<number>`(sc.published_at / ${sql.lit(size)}) * ${sql.lit(size)}`;
      let query = db
        .selectFrom('actor_scores as sc')
        .select(['sc.actor', bucket.as('bucket'), sql<number>`count(*)`.as('n'), sql<number>`sum(sc.score)`.as('score_sum')])
        .where('sc.published_at', '>=', range.from)
        .where('sc.published_at', '<', range.to)
        .where(inGuild(range.guildId, 'sc.article_id'));
      if (range.actors) query = query.where('sc.actor', 'in', range.actors.length > 0 ? range.actors : ['']);
      if (outlet !== undefined) query = query.where('sc.outlet', '=', outlet);
      const rows = await query.groupBy(['sc.actor', bucket]).execute();
      return rows.map((r) => ({ actor: r.actor, bucket: Number(r.bucket), n: Number(r.n), scoreSum: Number(r.score_sum) }));
    },
    async alertObservations(q) {
      if (q.actors.length === 0) return [];
      const rows = await db
        .selectFrom('actor_scores as sc')
        .innerJoin('articles as a', 'a.id', 'sc.article_id')
        .innerJoin('article_analysis as an', 'an.article_id', 'sc.article_id')
        .select(['sc.article_id', 'sc.actor', 'sc.outlet', 'a.title', 'a.link', 'sc.published_at', 'an.analysed_at', 'sc.score'])
        .where('sc.actor', 'in', q.actors)
        .where('sc.published_at', '>=', q.from)
        .where('a.digest_eligible', '=', 1)
        .where(inGuild(q.guildId, 'sc.article_id'))
        .orderBy('an.analysed_at')
        .orderBy('sc.article_id')
        .execute();
      return rows.map((r) => ({
        articleId: r.article_id, actor: r.actor, outlet: r.outlet, title: r.title, link: r.link,
        publishedAt: Number(r.published_at), analysedAt: Number(r.analysed_at), score: Number(r.score),
      }));
    },
    async alertTimesSince(channelId, since) {
      const rows = await db
        .selectFrom('outbox')
        .select('created_at')
        .where('kind', '=', 'alert')
        .where('channel_id', '=', channelId)
        .where('created_at', '>=', since)
        .orderBy('created_at')
        .execute();
      return rows.map((r) => Number(r.created_at));
    },
  };
}
