// ArticleStore: articles are stored once (by stable id, or by canonical link) and linked to every feed
// that delivered them. Analyses are written by analysis.ts; pruning by retention.ts.
import type { Selectable } from 'kysely';
import type { AnalysisMeta, AnalysisToSave, AnalysisWriteStore } from './analysis.js';
import { analysisMethods, insertWithArticles } from './analysis.js';
import type { Db, StoreContext } from './context.js';
import { toBool, toInt } from './context.js';
import { insertRows, placeholders, shapedQuery, tuples } from './bulk.js';
import { addExistingToFeed } from './daily.js';
import { pruneOlderThan } from './retention.js';
import type { ArticlesTable } from './schema.js';
import type { Article, NewArticle } from './types.js';

export interface InsertOptions {
  /** false for a new feed's backlog: stored as already seen, never in a digest as new. */
  eligible: boolean;
  now: number;
  /**
   * Analyses of (some of) the new items, stored in the same transaction: those articles are stored as analysed
   * and never wait in the pending queue. Analyses of items that turn out to be stored already are dropped.
   */
  analyses?: { items: AnalysisToSave[]; meta: AnalysisMeta };
}

export interface ArticleStore extends AnalysisWriteStore {
  /** The items not stored yet (by id or link), each id once: the ones insertArticles would store now. */
  unseenArticles(items: NewArticle[]): Promise<NewArticle[]>;
  /** Stores the items not seen before (by id or link) and links all of them to the feed; returns the new ids. */
  insertArticles(feedId: number, items: NewArticle[], options: InsertOptions): Promise<string[]>;
  getArticle(id: string): Promise<Article | undefined>;
  getArticleByLink(link: string): Promise<Article | undefined>;
  /** Replaces the stored text (full text fetched from the article page). */
  updateArticleText(id: string, text: string): Promise<void>;
  /** Articles without a stored analysis, oldest fetched first. */
  listPendingAnalysis(limit: number): Promise<Article[]>;
  /**
   * Deletes articles published before `cutoff` (with their analyses and scores) in batches of `batchSize`;
   * daily aggregates are kept. Returns the number of articles deleted.
   */
  pruneOlderThan(cutoff: number, batchSize: number): Promise<number>;
}

export function toArticle(row: Selectable<ArticlesTable>): Article {
  return {
    id: row.id,
    feedId: row.feed_id,
    link: row.link,
    outlet: row.outlet,
    title: row.title,
    publishedAt: row.published_at,
    fetchedAt: row.fetched_at,
    text: row.text,
    language: row.language,
    analysed: toBool(row.analysed),
    digestEligible: toBool(row.digest_eligible),
  };
}

const CHUNK = 400;

function chunks<T>(list: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += CHUNK) out.push(list.slice(i, i + CHUNK));
  return out;
}

/** Maps every item to the id it is stored under: an existing article with the same id or link, or itself. */
async function resolveIds(trx: Db, items: NewArticle[]): Promise<{ storedId: Map<string, string>; fresh: NewArticle[] }> {
  const byId = new Set<string>();
  const byLink = new Map<string, string>();
  for (const part of chunks(items)) {
    const ids = part.map((i) => i.id);
    const links = part.flatMap((i) => (i.link ? [i.link] : []));
    const rows = await shapedQuery<{ id: string; link: string | null }>(trx, `stored|${ids.length}|${links.length}`, (p) => {
      const byIds = `"id" in (${placeholders(p, ids.length)})`;
      return `select "id", "link" from "articles" where ${byIds}${links.length > 0 ? ` or "link" in (${placeholders(p, links.length)})` : ''}`;
    }, [...ids, ...links]);
    for (const row of rows) {
      byId.add(row.id);
      if (row.link !== null && !byLink.has(row.link)) byLink.set(row.link, row.id);
    }
  }
  const storedId = new Map<string, string>();
  const fresh: NewArticle[] = [];
  for (const item of items) {
    if (storedId.has(item.id)) continue;
    const existing = byId.has(item.id) ? item.id : item.link ? byLink.get(item.link) : undefined;
    storedId.set(item.id, existing ?? item.id);
    if (existing !== undefined) continue;
    fresh.push(item);
    byId.add(item.id);
    if (item.link) byLink.set(item.link, item.id);
  }
  return { storedId, fresh };
}

function freshRows(feedId: number, fresh: NewArticle[], { eligible, now, analyses }: InsertOptions) {
  const language = new Map(analyses?.items.map((i) => [i.articleId, i.analysis.language]));
  return fresh.map((item) => ({
    id: item.id,
    feed_id: feedId,
    link: item.link,
    outlet: item.outlet,
    title: item.title,
    published_at: Math.min(item.publishedAt ?? now, now),
    fetched_at: now,
    text: item.text,
    language: language.get(item.id) ?? item.language ?? null,
    analysed: toInt(language.has(item.id)),
    digest_eligible: toInt(eligible),
  }));
}

async function insertFresh(trx: Db, feedId: number, fresh: NewArticle[], options: InsertOptions): Promise<void> {
  const rows = freshRows(feedId, fresh, options);
  for (const part of chunks(rows)) await insertRows(trx, 'articles', part);
  if (options.analyses) await insertWithArticles(trx, feedId, rows, options.analyses);
}

/** Links the stored articles to the feed; existing analysed articles newly linked count in its aggregates. */
async function linkToFeed(trx: Db, feedId: number, articleIds: string[], freshIds: Set<string>): Promise<void> {
  for (const part of chunks(articleIds)) {
    const linked = await shapedQuery<{ article_id: string }>(trx, `link|${part.length}`,
      (p) => `insert into "article_feeds" ("article_id", "feed_id") values ${tuples(p, 2, part.length)} on conflict ("article_id", "feed_id") do nothing returning "article_id"`,
      part.flatMap((articleId) => [articleId, feedId]));
    const relinked = linked.map((r) => r.article_id).filter((id) => !freshIds.has(id));
    if (relinked.length === 0) continue;
    const analysed = await trx.selectFrom('articles').select('id').where('id', 'in', relinked).where('analysed', '=', 1).execute();
    await addExistingToFeed(
      trx,
      feedId,
      analysed.map((r) => r.id),
    );
  }
}

export function articleStore(ctx: StoreContext): ArticleStore {
  const { db } = ctx;
  return {
    ...analysisMethods(ctx),
    unseenArticles: async (items) => (await resolveIds(db, items)).fresh,
    insertArticles: (feedId, items, options) =>
      ctx.tx(async (trx) => {
        const { storedId, fresh } = await resolveIds(trx, items);
        await insertFresh(trx, feedId, fresh, options);
        const freshIds = new Set(fresh.map((f) => f.id));
        await linkToFeed(trx, feedId, [...new Set(storedId.values())], freshIds);
        return fresh.map((f) => f.id);
      }),
    async getArticle(id) {
      const row = await db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toArticle(row);
    },
    async getArticleByLink(link) {
      const row = await db.selectFrom('articles').selectAll().where('link', '=', link).orderBy('fetched_at').executeTakeFirst();
      return row && toArticle(row);
    },
    async updateArticleText(id, text) {
      await ctx.run((d) => d.updateTable('articles').set({ text }).where('id', '=', id).execute());
    },
    async listPendingAnalysis(limit) {
      const rows = await db.selectFrom('articles').selectAll().where('analysed', '=', 0).orderBy('fetched_at').orderBy('id').limit(limit).execute();
      return rows.map(toArticle);
    },
    pruneOlderThan: (cutoff, batchSize) => pruneOlderThan(ctx, cutoff, batchSize),
  };
}
