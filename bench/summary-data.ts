// Synthetic data for the summary benchmark: many servers, feeds and articles with per-actor scores over half a
// year, bulk-loaded in transactions straight into the store's tables (after the store's own migrations), and the
// daily aggregates derived from the stored scores with one INSERT … SELECT (the same sums the store maintains).
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { mulberry32 } from '../src/eval/prng.js';

export const DAY = 86_400_000;
export const ACTORS = ['NATO', 'United States', 'China', 'Russia', 'European Union', 'Ukraine', 'Iran', 'India', 'Israel', 'United Nations'];

export interface Shape {
  guilds: number;
  feedsPerGuild: number;
  articles: number;
  actorsPerArticle: number;
  days: number;
  /** End of the data (exclusive), a UTC midnight. */
  end: number;
}

export interface ScoreRow {
  articleId: string;
  feedId: number;
  outlet: string;
  publishedAt: number;
  actor: string;
  score: number;
  label: string;
}

export const prng = mulberry32;

/** Articles in chunks: each chunk lists its articles and their scores. */
export function* chunksOf(shape: Shape, feedIds: number[], size: number): Generator<{ articles: ScoreRow[]; scores: ScoreRow[] }> {
  const random = prng(7);
  const start = shape.end - shape.days * DAY;
  for (let from = 0; from < shape.articles; from += size) {
    const articles: ScoreRow[] = [];
    const scores: ScoreRow[] = [];
    for (let i = from; i < Math.min(shape.articles, from + size); i++) {
      const feedId = feedIds[i % feedIds.length] as number;
      const base = { articleId: `a${i}`, feedId, outlet: `Outlet ${feedId}`, publishedAt: start + Math.floor(random() * shape.days * DAY) };
      articles.push({ ...base, actor: '', score: 0, label: '' });
      const first = Math.floor(random() * ACTORS.length);
      for (let k = 0; k < shape.actorsPerArticle; k++) {
        const score = Math.round((random() * 2 - 1) * 1000) / 1000;
        const label = score < -0.2 ? 'negative' : score > 0.2 ? 'positive' : 'neutral';
        scores.push({ ...base, actor: ACTORS[(first + k) % ACTORS.length] as string, score, label });
      }
    }
    yield { articles, scores };
  }
}

const DAILY = `insert into actor_daily (feed_id, actor, outlet, day, n, score_sum, negative, neutral, positive)
  select af.feed_id, s.actor, s.outlet, (s.published_at / ${DAY}) * ${DAY}, count(*), sum(s.score),
    sum(case when s.label = 'negative' then 1 else 0 end), sum(case when s.label = 'neutral' then 1 else 0 end),
    sum(case when s.label = 'positive' then 1 else 0 end)
  from actor_scores s join article_feeds af on af.article_id = s.article_id
  group by af.feed_id, s.actor, s.outlet, (s.published_at / ${DAY}) * ${DAY}`;

export function loadSqlite(path: string, shape: Shape, feedIds: number[]): void {
  const db = new BetterSqlite3(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const article = db.prepare(`insert into articles (id, feed_id, link, outlet, title, published_at, fetched_at, text, language, analysed, digest_eligible)
    values (?, ?, ?, ?, ?, ?, ?, '', 'en', 1, 1)`);
  const link = db.prepare('insert into article_feeds (article_id, feed_id) values (?, ?)');
  const score = db.prepare(`insert into actor_scores (article_id, actor, score, label, confidence, mentions, evidence, published_at, outlet)
    values (?, ?, ?, ?, 0.8, 1, '[]', ?, ?)`);
  const load = db.transaction((chunk: { articles: ScoreRow[]; scores: ScoreRow[] }) => {
    for (const a of chunk.articles) {
      article.run(a.articleId, a.feedId, `https://news.example/${a.articleId}`, a.outlet, `Story ${a.articleId}`, a.publishedAt, a.publishedAt);
      link.run(a.articleId, a.feedId);
    }
    for (const s of chunk.scores) score.run(s.articleId, s.actor, s.score, s.label, s.publishedAt, s.outlet);
  });
  for (const chunk of chunksOf(shape, feedIds, 20_000)) load(chunk);
  db.exec(DAILY);
  db.exec('analyze');
  db.close();
}

export async function loadPostgres(url: string, schema: string, shape: Shape, feedIds: number[]): Promise<void> {
  const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
  await client.connect();
  try {
    for (const chunk of chunksOf(shape, feedIds, 20_000)) {
      const a = chunk.articles;
      const s = chunk.scores;
      await client.query('begin');
      await client.query(`insert into articles (id, feed_id, link, outlet, title, published_at, fetched_at, text, language, analysed, digest_eligible)
        select id, feed, 'https://news.example/' || id, outlet, 'Story ' || id, at, at, '', 'en', 1, 1
        from unnest($1::text[], $2::int[], $3::text[], $4::bigint[]) as t(id, feed, outlet, at)`,
      [a.map((r) => r.articleId), a.map((r) => r.feedId), a.map((r) => r.outlet), a.map((r) => r.publishedAt)]);
      await client.query('insert into article_feeds (article_id, feed_id) select * from unnest($1::text[], $2::int[])', [a.map((r) => r.articleId), a.map((r) => r.feedId)]);
      await client.query(`insert into actor_scores (article_id, actor, score, label, confidence, mentions, evidence, published_at, outlet)
        select id, actor, score, label, 0.8, 1, '[]', at, outlet from unnest($1::text[], $2::text[], $3::float8[], $4::text[], $5::bigint[], $6::text[])
        as t(id, actor, score, label, at, outlet)`,
      [s.map((r) => r.articleId), s.map((r) => r.actor), s.map((r) => r.score), s.map((r) => r.label), s.map((r) => r.publishedAt), s.map((r) => r.outlet)]);
      await client.query('commit');
    }
    await client.query(DAILY);
    await client.query('analyze');
  } finally {
    await client.end();
  }
}
