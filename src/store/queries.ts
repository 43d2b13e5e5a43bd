// AnalysisQueryStore: summaries and digests, scoped to one server and a half-open range [from, to).
// Exact queries read per-article scores (within retention). `daily*` queries read the daily aggregates:
// whole UTC days, fast, and still available after old articles are pruned.
import { sql, type ExpressionBuilder } from 'kysely';
import type { Evidence, StanceLabel } from '../core/types.js';
import type { Db, StoreContext } from './context.js';
import type { Database } from './schema.js';
import { parseJson } from './context.js';
import type { DailyQueryStore } from './queries-daily.js';
import { dailyQueries } from './queries-daily.js';
import { toStats } from './stats.js';
import type { ActorStats, GuildRange, OutletActorStats, PeriodTotals, ScoredArticle } from './types.js';

export interface TopArticlesQuery extends GuildRange {
  actor: string;
  direction: 'negative' | 'positive';
  limit: number;
  outlet?: string;
  /** Only articles that may appear in digests/alerts as new (excludes a new feed's backlog). */
  eligibleOnly?: boolean;
}

export interface AnalysisQueryStore extends DailyQueryStore {
  actorStats(range: GuildRange): Promise<ActorStats[]>;
  outletActorStats(range: GuildRange): Promise<OutletActorStats[]>;
  topArticles(query: TopArticlesQuery): Promise<ScoredArticle[]>;
  /** Framing-term counts over the analysed articles of the range. */
  framingCounts(range: GuildRange): Promise<Record<string, number>>;
  periodTotals(range: GuildRange): Promise<PeriodTotals>;
}

/** The article is linked to a feed the guild subscribes to. */
export const inGuild = (guildId: string, articleRef: string) =>
  sql<boolean>`exists (select 1 from article_feeds af inner join subscriptions gs on gs.feed_id = af.feed_id where af.article_id = ${sql.ref(articleRef)} and gs.guild_id = ${guildId})`;

/**
 * The ids of the articles first stored in [from, to) that are new to their server (a new feed's backlog is not):
 * what a 'seen' range covers, read through the index articles_seen.
 */
export const seenArticleIds = (db: Db, range: { from: number; to: number }) => db.selectFrom('articles as seen')
  .select('seen.id')
  .where('seen.fetched_at', '>=', range.from)
  .where('seen.fetched_at', '<', range.to)
  .where('seen.digest_eligible', '=', 1);

function scoresIn(db: Db, range: GuildRange) {
  let query = range.basis === 'seen'
    // Driven from the articles first stored in the range (index articles_seen), then the scores' primary key.
    ? db.selectFrom('actor_scores as sc').where('sc.article_id', 'in', seenArticleIds(db, range))
    : db.selectFrom('actor_scores as sc').where('sc.published_at', '>=', range.from).where('sc.published_at', '<', range.to);
  query = query.where(inGuild(range.guildId, 'sc.article_id'));
  if (range.actors) query = query.where('sc.actor', 'in', range.actors.length > 0 ? range.actors : ['']);
  return query;
}

/** The article (alias `a`) falls in the range on the range's time basis. */
function articleTime(eb: ExpressionBuilder<Database & { a: Database['articles'] }, 'a'>, range: GuildRange) {
  if (range.basis !== 'seen') return eb.and([eb('a.published_at', '>=', range.from), eb('a.published_at', '<', range.to)]);
  return eb.and([eb('a.fetched_at', '>=', range.from), eb('a.fetched_at', '<', range.to), eb('a.digest_eligible', '=', 1)]);
}

const statColumns = [
  sql<number>`count(*)`.as('n'),
  sql<number>`sum(sc.score)`.as('score_sum'),
  sql<number>`sum(case when sc.label = 'negative' then 1 else 0 end)`.as('negative'),
  sql<number>`sum(case when sc.label = 'neutral' then 1 else 0 end)`.as('neutral'),
  sql<number>`sum(case when sc.label = 'positive' then 1 else 0 end)`.as('positive'),
];

function bestEvidence(json: string, direction: 'negative' | 'positive'): Evidence | null {
  const evidence = parseJson<Evidence[]>(json, []);
  const sign = direction === 'negative' ? -1 : 1;
  return evidence.reduce<Evidence | null>((best, e) => (best === null || sign * e.score > sign * best.score ? e : best), null);
}

export function analysisQueryStore(ctx: StoreContext): AnalysisQueryStore {
  const { db } = ctx;
  return {
    ...dailyQueries(ctx),
    async actorStats(range) {
      const rows = await scoresIn(db, range).select(['sc.actor', ...statColumns]).groupBy('sc.actor').orderBy('sc.actor').execute();
      return rows.map(toStats);
    },
    async outletActorStats(range) {
      const rows = await scoresIn(db, range)
        .select(['sc.outlet', 'sc.actor', ...statColumns])
        .groupBy(['sc.outlet', 'sc.actor'])
        .orderBy('sc.outlet')
        .orderBy('sc.actor')
        .execute();
      return rows.map((r) => ({ outlet: r.outlet, ...toStats(r) }));
    },
    async topArticles(q) {
      let query = scoresIn(db, { ...q, actors: [q.actor] })
        .innerJoin('articles as a', 'a.id', 'sc.article_id')
        .select(['sc.article_id', 'a.title', 'a.link', 'sc.outlet', 'sc.published_at', 'sc.score', 'sc.label', 'sc.confidence', 'sc.evidence'])
        .where('sc.label', '=', q.direction)
        .orderBy('sc.score', q.direction === 'negative' ? 'asc' : 'desc')
        .orderBy('sc.confidence', 'desc')
        .orderBy('sc.article_id')
        .limit(q.limit);
      if (q.outlet !== undefined) query = query.where('sc.outlet', '=', q.outlet);
      if (q.eligibleOnly) query = query.where('a.digest_eligible', '=', 1);
      const rows = await query.execute();
      return rows.map((r) => ({
        articleId: r.article_id,
        title: r.title,
        link: r.link,
        outlet: r.outlet,
        publishedAt: r.published_at,
        score: r.score,
        label: r.label as StanceLabel,
        confidence: r.confidence,
        evidence: bestEvidence(r.evidence, q.direction),
      }));
    },
    async framingCounts(range) {
      const rows = await db
        .selectFrom('article_analysis as an')
        .innerJoin('articles as a', 'a.id', 'an.article_id')
        .select('an.framing')
        .where((eb) => articleTime(eb, range))
        .where(inGuild(range.guildId, 'a.id'))
        .execute();
      const counts: Record<string, number> = {};
      for (const row of rows) {
        for (const [term, n] of Object.entries(parseJson<Record<string, number>>(row.framing, {}))) counts[term] = (counts[term] ?? 0) + n;
      }
      return counts;
    },
    async periodTotals(range) {
      const row = await db
        .selectFrom('articles as a')
        .leftJoin('article_analysis as an', 'an.article_id', 'a.id')
        .select([
          sql<number>`count(*)`.as('articles'),
          sql<number>`count(distinct a.outlet)`.as('outlets'),
          sql<number>`coalesce(sum(case when an.supported = 0 then 1 else 0 end), 0)`.as('not_analysed'),
        ])
        .where((eb) => articleTime(eb, range))
        .where(inGuild(range.guildId, 'a.id'))
        .executeTakeFirstOrThrow();
      return { articles: Number(row.articles), outlets: Number(row.outlets), notAnalysed: Number(row.not_analysed) };
    },
  };
}
