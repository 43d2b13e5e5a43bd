// Writing and reading article analyses: document tone, framing terms, per-actor scores and reported voices. A batch of analyses
// (one feed's new articles) is written in one transaction with multi-row statements: all of it or none.
import type { ActorStance, ArticleAnalysis, Evidence, StanceLabel } from '../core/types.js';
import type { Db, StoreContext } from './context.js';
import { parseJson, toBool, toInt } from './context.js';
import { insertRows } from './bulk.js';
import { addFraming, addScores, chunked, newDelta, writeDelta } from './daily.js';
import type { StoredAnalysis } from './types.js';
import { readVoices, voiceRows } from './voices.js';

export interface AnalysisToSave {
  articleId: string;
  analysis: ArticleAnalysis;
}

export interface AnalysisMeta {
  modelVersion: string;
  now: number;
}

export interface AnalysisWriteStore {
  /** Stores the analysis, its per-actor scores, its voices and the daily aggregates in one transaction (replaces a previous one). */
  saveAnalysis(articleId: string, analysis: ArticleAnalysis, meta: AnalysisMeta): Promise<void>;
  /**
   * saveAnalysis for several articles in ONE transaction: every analysis is stored or none is (an unknown
   * article or a failed statement rolls the whole batch back). A repeated article id: the last analysis wins.
   */
  saveAnalyses(items: AnalysisToSave[], meta: AnalysisMeta): Promise<void>;
  getAnalysis(articleId: string): Promise<StoredAnalysis | undefined>;
}

interface ArticleKey {
  publishedAt: number;
  outlet: string;
  feedIds: number[];
}

/** Reads the articles, locking their rows (in id order) on PostgreSQL so concurrent analyses of one article serialise. */
async function articleKeys(trx: Db, ids: string[], lock: boolean): Promise<Map<string, ArticleKey>> {
  const keys = new Map<string, ArticleKey>();
  for (const part of chunked(ids)) {
    const query = trx.selectFrom('articles').select(['id', 'published_at', 'outlet']).where('id', 'in', part).orderBy('id');
    for (const row of await (lock ? query.forUpdate() : query).execute()) keys.set(row.id, { publishedAt: row.published_at, outlet: row.outlet, feedIds: [] });
    const links = await trx.selectFrom('article_feeds').select(['article_id', 'feed_id']).where('article_id', 'in', part).execute();
    for (const link of links) keys.get(link.article_id)?.feedIds.push(link.feed_id);
  }
  const missing = ids.find((id) => !keys.has(id));
  if (missing !== undefined) throw new Error(`saveAnalysis: unknown article ${missing}`);
  return keys;
}

const keyOf = (keys: Map<string, ArticleKey>, id: string): ArticleKey => keys.get(id) as ArticleKey;

/**
 * Removes previous analyses of these articles and their contribution to the daily aggregates (written before the
 * new contribution is added, not netted with it: the sums then match one-by-one replacement to the last bit).
 */
async function removePrevious(trx: Db, keys: Map<string, ArticleKey>): Promise<void> {
  const delta = newDelta();
  for (const part of chunked([...keys.keys()])) {
    const previous = await trx.selectFrom('article_analysis').select(['article_id', 'framing']).where('article_id', 'in', part).execute();
    if (previous.length === 0) continue;
    for (const p of previous) {
      const key = keyOf(keys, p.article_id);
      addFraming(delta, key.feedIds, [{ publishedAt: key.publishedAt, framing: parseJson<Record<string, number>>(p.framing, {}) }], -1);
    }
    const ids = previous.map((p) => p.article_id);
    const scores = await trx.selectFrom('actor_scores').select(['article_id', 'actor', 'score', 'label']).where('article_id', 'in', ids).execute();
    for (const s of scores) {
      const key = keyOf(keys, s.article_id);
      addScores(delta, key.feedIds, [{ ...s, outlet: key.outlet, publishedAt: key.publishedAt }], -1);
    }
    await trx.deleteFrom('actor_scores').where('article_id', 'in', ids).execute();
    await trx.deleteFrom('article_voices').where('article_id', 'in', ids).execute();
    await trx.deleteFrom('article_analysis').where('article_id', 'in', ids).execute();
  }
  await writeDelta(trx, delta);
}

function analysisRow(articleId: string, a: ArticleAnalysis, meta: AnalysisMeta) {
  return {
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
  };
}

function scoreRows(items: AnalysisToSave[], keys: Map<string, ArticleKey>) {
  return items.flatMap(({ articleId, analysis }) => {
    const key = keyOf(keys, articleId);
    return analysis.actors.map((s) => ({
      article_id: articleId,
      actor: s.actor,
      score: s.score,
      label: s.label,
      confidence: s.confidence,
      mentions: s.mentions,
      evidence: JSON.stringify(s.evidence),
      published_at: key.publishedAt,
      outlet: key.outlet,
    }));
  });
}

/** Writes analyses, scores, voices and the daily contributions; with `markArticles`, flags the articles as analysed. */
async function insertAnalyses(trx: Db, items: AnalysisToSave[], keys: Map<string, ArticleKey>, meta: AnalysisMeta, markArticles = true): Promise<void> {
  const delta = newDelta();
  for (const part of chunked(items)) await insertRows(trx, 'article_analysis', part.map((i) => analysisRow(i.articleId, i.analysis, meta)));
  for (const part of chunked(scoreRows(items, keys))) await insertRows(trx, 'actor_scores', part);
  const voices = items.flatMap(({ articleId, analysis }) => voiceRows(articleId, analysis.voices, keyOf(keys, articleId)));
  for (const part of chunked(voices)) await insertRows(trx, 'article_voices', part);
  const byLanguage = new Map<string, string[]>();
  for (const { articleId, analysis } of items) {
    const key = keyOf(keys, articleId);
    addScores(delta, key.feedIds, analysis.actors.map((s) => ({ ...s, outlet: key.outlet, publishedAt: key.publishedAt })), 1);
    addFraming(delta, key.feedIds, [{ publishedAt: key.publishedAt, framing: analysis.framing }], 1);
    const ids = byLanguage.get(analysis.language);
    if (ids) ids.push(articleId);
    else byLanguage.set(analysis.language, [articleId]);
  }
  await writeDelta(trx, delta);
  if (!markArticles) return;
  for (const [language, ids] of byLanguage) {
    for (const part of chunked(ids)) await trx.updateTable('articles').set({ analysed: 1, language }).where('id', 'in', part).execute();
  }
}

/**
 * Analyses of articles inserted in this transaction (already stored as analysed, linked to `feedId` only):
 * their keys come from the rows just written, so nothing is read back.
 */
export async function insertWithArticles(
  trx: Db,
  feedId: number,
  rows: Array<{ id: string; published_at: number; outlet: string }>,
  analyses: { items: AnalysisToSave[]; meta: AnalysisMeta },
): Promise<void> {
  const keys = new Map(rows.map((r) => [r.id, { publishedAt: r.published_at, outlet: r.outlet, feedIds: [feedId] }]));
  const batch = lastPerArticle(analyses.items).filter((i) => keys.has(i.articleId));
  if (batch.length > 0) await insertAnalyses(trx, batch, keys, analyses.meta, false);
}

/** One entry per article (the last one given). */
function lastPerArticle(items: AnalysisToSave[]): AnalysisToSave[] {
  return [...new Map(items.map((item) => [item.articleId, item])).values()];
}

async function readAnalysis(db: Db, articleId: string): Promise<StoredAnalysis | undefined> {
  const row = await db.selectFrom('article_analysis').selectAll().where('article_id', '=', articleId).executeTakeFirst();
  if (!row) return undefined;
  const scores = await db.selectFrom('actor_scores').selectAll().where('article_id', '=', articleId).orderBy('actor').execute();
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
    voices: await readVoices(db, articleId),
    framing: parseJson<Record<string, number>>(row.framing, {}),
    modelVersion: row.model_version,
    analysedAt: row.analysed_at,
  };
}

export function analysisMethods(ctx: StoreContext): AnalysisWriteStore {
  const saveAnalyses = async (items: AnalysisToSave[], meta: AnalysisMeta): Promise<void> => {
    const batch = lastPerArticle(items);
    if (batch.length === 0) return;
    await ctx.tx(async (trx) => {
      const keys = await articleKeys(trx, batch.map((i) => i.articleId), ctx.dialect === 'postgres');
      await removePrevious(trx, keys);
      await insertAnalyses(trx, batch, keys, meta);
    });
  };
  return {
    saveAnalysis: (articleId, analysis, meta) => saveAnalyses([{ articleId, analysis }], meta),
    saveAnalyses,
    getAnalysis: (articleId) => readAnalysis(ctx.db, articleId),
  };
}
