// Queries over the daily aggregates (actor_daily, framing_daily): one index range scan per subscribed feed.
// An article delivered by two feeds of the same server counts once per feed here.
import { sql } from 'kysely';
import type { Db, StoreContext } from './context.js';
import { utcDay } from './context.js';
import { toStats } from './stats.js';
import type { ActorDayStats, ActorStats, GuildRange, OutletActorStats } from './types.js';

export interface DailyQueryStore {
  /** Per actor per UTC day, days starting in [utcDay(from), to). */
  actorDailySeries(range: GuildRange): Promise<ActorDayStats[]>;
  dailyActorStats(range: GuildRange): Promise<ActorStats[]>;
  dailyOutletActorStats(range: GuildRange): Promise<OutletActorStats[]>;
  dailyFramingCounts(range: GuildRange): Promise<Record<string, number>>;
}

const guildFeeds = (db: Db, guildId: string) => db.selectFrom('subscriptions').select('feed_id').where('guild_id', '=', guildId);

function dailyIn(db: Db, range: GuildRange) {
  let query = db
    .selectFrom('actor_daily as d')
    .where('d.feed_id', 'in', guildFeeds(db, range.guildId))
    .where('d.day', '>=', utcDay(range.from))
    .where('d.day', '<', range.to);
  if (range.actors) query = query.where('d.actor', 'in', range.actors.length > 0 ? range.actors : ['']);
  return query;
}

const sums = [
  sql<number>`sum(d.n)`.as('n'),
  sql<number>`sum(d.score_sum)`.as('score_sum'),
  sql<number>`sum(d.negative)`.as('negative'),
  sql<number>`sum(d.neutral)`.as('neutral'),
  sql<number>`sum(d.positive)`.as('positive'),
];

export function dailyQueries(ctx: StoreContext): DailyQueryStore {
  const { db } = ctx;
  return {
    async actorDailySeries(range) {
      const rows = await dailyIn(db, range).select(['d.actor', 'd.day', ...sums]).groupBy(['d.actor', 'd.day']).orderBy('d.actor').orderBy('d.day').execute();
      return rows.filter((r) => Number(r.n) > 0).map((r) => ({ day: Number(r.day), ...toStats(r) }));
    },
    async dailyActorStats(range) {
      const rows = await dailyIn(db, range).select(['d.actor', ...sums]).groupBy('d.actor').orderBy('d.actor').execute();
      return rows.filter((r) => Number(r.n) > 0).map(toStats);
    },
    async dailyOutletActorStats(range) {
      const rows = await dailyIn(db, range)
        .select(['d.outlet', 'd.actor', ...sums])
        .groupBy(['d.outlet', 'd.actor'])
        .orderBy('d.outlet')
        .orderBy('d.actor')
        .execute();
      return rows.filter((r) => Number(r.n) > 0).map((r) => ({ outlet: r.outlet, ...toStats(r) }));
    },
    async dailyFramingCounts(range) {
      const rows = await db
        .selectFrom('framing_daily as f')
        .select(['f.term', sql<number>`sum(f.count)`.as('count')])
        .where('f.feed_id', 'in', guildFeeds(db, range.guildId))
        .where('f.day', '>=', utcDay(range.from))
        .where('f.day', '<', range.to)
        .groupBy('f.term')
        .execute();
      const counts: Record<string, number> = {};
      for (const r of rows) if (Number(r.count) > 0) counts[r.term] = Number(r.count);
      return counts;
    },
  };
}
