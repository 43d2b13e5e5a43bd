// Queries over the daily aggregates: per server, the rows of its feeds (actor_daily, framing_daily: articles of
// one feed) plus the rows of every feed set holding one of its feeds (shared_actor_daily, shared_framing_daily:
// articles of two or more feeds), so an article that reaches a server through several feeds counts once.
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
/** Feed sets with at least one of the server's feeds (each once, however many of its feeds they hold). */
const guildSets = (db: Db, guildId: string) => db.selectFrom('feed_set_members').select('set_id').where('feed_id', 'in', guildFeeds(db, guildId));

type GroupKey = 'actor' | 'day' | 'outlet';

/** Sums of the counted columns, under their own names (summed again over both kinds of rows). */
const innerSums = [
  sql<number>`sum(n)`.as('n'),
  sql<number>`sum(score_sum)`.as('score_sum'),
  sql<number>`sum(negative)`.as('negative'),
  sql<number>`sum(neutral)`.as('neutral'),
  sql<number>`sum(positive)`.as('positive'),
];

/**
 * The server's daily actor rows in the range grouped by `keys`, as table `d`: its feeds' own rows and its feed
 * sets' rows, each grouped first (so the outer query adds up a few hundred groups, not every row).
 */
function dailyIn(db: Db, range: GuildRange, keys: GroupKey[]) {
  const actors = range.actors ? (range.actors.length > 0 ? range.actors : ['']) : undefined;
  let own = db.selectFrom('actor_daily').select(keys).select(innerSums)
    .where('feed_id', 'in', guildFeeds(db, range.guildId)).where('day', '>=', utcDay(range.from)).where('day', '<', range.to);
  let shared = db.selectFrom('shared_actor_daily').select(keys).select(innerSums)
    .where('set_id', 'in', guildSets(db, range.guildId)).where('day', '>=', utcDay(range.from)).where('day', '<', range.to);
  if (actors) {
    own = own.where('actor', 'in', actors);
    shared = shared.where('actor', 'in', actors);
  }
  return db.selectFrom(own.groupBy(keys).unionAll(shared.groupBy(keys)).as('d'));
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
      const rows = await dailyIn(db, range, ['actor', 'day']).select(['d.actor', 'd.day', ...sums]).groupBy(['d.actor', 'd.day']).orderBy('d.actor').orderBy('d.day').execute();
      return rows.filter((r) => Number(r.n) > 0).map((r) => ({ day: Number(r.day), ...toStats(r) }));
    },
    async dailyActorStats(range) {
      const rows = await dailyIn(db, range, ['actor']).select(['d.actor', ...sums]).groupBy('d.actor').orderBy('d.actor').execute();
      return rows.filter((r) => Number(r.n) > 0).map(toStats);
    },
    async dailyOutletActorStats(range) {
      const rows = await dailyIn(db, range, ['outlet', 'actor'])
        .select(['d.outlet', 'd.actor', ...sums])
        .groupBy(['d.outlet', 'd.actor'])
        .orderBy('d.outlet')
        .orderBy('d.actor')
        .execute();
      return rows.filter((r) => Number(r.n) > 0).map((r) => ({ outlet: r.outlet, ...toStats(r) }));
    },
    async dailyFramingCounts(range) {
      const day = { from: utcDay(range.from), to: range.to };
      const own = db.selectFrom('framing_daily').select(['term', sql<number>`sum(count)`.as('count')])
        .where('feed_id', 'in', guildFeeds(db, range.guildId)).where('day', '>=', day.from).where('day', '<', day.to).groupBy('term');
      const shared = db.selectFrom('shared_framing_daily').select(['term', sql<number>`sum(count)`.as('count')])
        .where('set_id', 'in', guildSets(db, range.guildId)).where('day', '>=', day.from).where('day', '<', day.to).groupBy('term');
      const rows = await db
        .selectFrom(own.unionAll(shared).as('f'))
        .select(['f.term', sql<number>`sum(f.count)`.as('count')])
        .groupBy('f.term')
        .execute();
      const counts: Record<string, number> = {};
      for (const r of rows) if (Number(r.count) > 0) counts[r.term] = Number(r.count);
      return counts;
    },
  };
}
