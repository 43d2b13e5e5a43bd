// Writing and reading one article's analysis: document tone, framing terms and per-actor scores.
import type { ActorStance, ArticleAnalysis, Evidence, StanceLabel } from '../core/types.js';
import type { Db, StoreContext } from './context.js';
import { parseJson, toBool, toInt } from './context.js';
import { applyActorDaily, applyFramingDaily } from './daily.js';
import type { StoredAnalysis } from './types.js';

export interface AnalysisWriteStore {
  /** Stores the analysis, its per-actor scores and the daily aggregates in one transaction (replaces a previous one). */
  saveAnalysis(articleId: string, analysis: ArticleAnalysis, meta: { modelVersion: string; now: number }): Promise<void>;
  getAnalysis(articleId: string): Promise<StoredAnalysis | undefined>;
}

interface ArticleKey {
  publishedAt: number;
  outlet: string;
  feedIds: number[];
}

/** Reads the article, locking its row on PostgreSQL so concurrent analyses of one article run one after the other. */
async function articleKey(trx: Db, articleId: string, lock: boolean): Promise<ArticleKey | undefined> {
  const query = trx.selectFrom('articles').select(['published_at', 'outlet']).where('id', '=', articleId);
  const article = await (lock ? query.forUpdate() : query).executeTakeFirst();
  if (!article) return undefined;
  const feeds = await trx.selectFrom('article_feeds').select('feed_id').where('article_id', '=', articleId).execute();
  return { publishedAt: article.published_at, outlet: article.outlet, feedIds: feeds.map((f) => f.feed_id) };
}

/** Removes a previous analysis and its contribution to the daily aggregates. */
async function removePrevious(trx: Db, articleId: string, key: ArticleKey): Promise<void> {
  const previous = await trx.selectFrom('article_analysis').select('framing').where('article_id', '=', articleId).executeTakeFirst();
  if (!previous) return;
  const scores = await trx.selectFrom('actor_scores').select(['actor', 'score', 'label']).where('article_id', '=', articleId).execute();
  await applyActorDaily(trx, key.feedIds, scores.map((s) => ({ ...s, outlet: key.outlet, publishedAt: key.publishedAt })), -1);
  const framing = parseJson<Record<string, number>>(previous.framing, {});
  await applyFramingDaily(trx, key.feedIds, [{ publishedAt: key.publishedAt, framing }], -1);
  await trx.deleteFrom('actor_scores').where('article_id', '=', articleId).execute();
  await trx.deleteFrom('article_analysis').where('article_id', '=', articleId).execute();
}

async function insertAnalysis(trx: Db, articleId: string, key: ArticleKey, a: ArticleAnalysis, meta: { modelVersion: string; now: number }) {
  await trx
    .insertInto('article_analysis')
    .values({
      article_id: articleId,
      language: a.language,
      supported: toInt(a.analysed),
      sentiment_score: a.sentiment.score,
      comparative: a.sentiment.comparative,
      positive_pct: a.sentiment.positivePct,
      negative_pct: a.sentiment.negativePct,
      polarity: a.sentiment.polarity,
      tone: a.sentiment.tone,
      word_count: a.sentiment.wordCount,
      framing: JSON.stringify(a.framing),
      model_version: meta.modelVersion,
      analysed_at: meta.now,
    })
    .execute();
  if (a.actors.length > 0) {
    await trx
      .insertInto('actor_scores')
      .values(
        a.actors.map((s) => ({
          article_id: articleId,
          actor: s.actor,
          score: s.score,
          label: s.label,
          confidence: s.confidence,
          mentions: s.mentions,
          evidence: JSON.stringify(s.evidence),
          published_at: key.publishedAt,
          outlet: key.outlet,
        })),
      )
      .execute();
  }
  await applyActorDaily(trx, key.feedIds, a.actors.map((s) => ({ ...s, outlet: key.outlet, publishedAt: key.publishedAt })), 1);
  await applyFramingDaily(trx, key.feedIds, [{ publishedAt: key.publishedAt, framing: a.framing }], 1);
  await trx.updateTable('articles').set({ analysed: 1, language: a.language }).where('id', '=', articleId).execute();
}

export function analysisMethods(ctx: StoreContext): AnalysisWriteStore {
  return {
    saveAnalysis: (articleId, analysis, meta) =>
      ctx.tx(async (trx) => {
        const key = await articleKey(trx, articleId, ctx.dialect === 'postgres');
        if (!key) throw new Error(`saveAnalysis: unknown article ${articleId}`);
        await removePrevious(trx, articleId, key);
        await insertAnalysis(trx, articleId, key, analysis, meta);
      }),
    async getAnalysis(articleId) {
      const row = await ctx.db.selectFrom('article_analysis').selectAll().where('article_id', '=', articleId).executeTakeFirst();
      if (!row) return undefined;
      const scores = await ctx.db.selectFrom('actor_scores').selectAll().where('article_id', '=', articleId).orderBy('actor').execute();
      const actors: ActorStance[] = scores.map((s) => ({
        actor: s.actor,
        label: s.label as StanceLabel,
        score: s.score,
        confidence: s.confidence,
        mentions: s.mentions,
        evidence: parseJson<Evidence[]>(s.evidence, []),
      }));
      return {
        articleId,
        language: row.language,
        analysed: toBool(row.supported),
        sentiment: {
          score: row.sentiment_score,
          comparative: row.comparative,
          positivePct: row.positive_pct,
          negativePct: row.negative_pct,
          polarity: row.polarity,
          tone: row.tone,
          wordCount: row.word_count,
        },
        actors,
        framing: parseJson<Record<string, number>>(row.framing, {}),
        modelVersion: row.model_version,
        analysedAt: row.analysed_at,
      };
    },
  };
}
