// Maintenance of the daily aggregates (actor_daily, framing_daily), done in the writer's transaction.
import { sql } from 'kysely';
import type { Db } from './context.js';
import { parseJson, utcDay } from './context.js';

export interface ScoreContribution {
  actor: string;
  outlet: string;
  publishedAt: number;
  score: number;
  label: string;
}

export interface FramingContribution {
  publishedAt: number;
  framing: Record<string, number>;
}

const LABELS = ['negative', 'neutral', 'positive'] as const;

/** Adds (sign 1) or removes (sign -1) scores to every listed feed's daily rows. */
export async function applyActorDaily(trx: Db, feedIds: number[], scores: ScoreContribution[], sign: 1 | -1): Promise<void> {
  const rows = new Map<string, { feed_id: number; day: number; actor: string; outlet: string; n: number; score_sum: number; negative: number; neutral: number; positive: number }>();
  for (const feedId of feedIds) {
    for (const s of scores) {
      const day = utcDay(s.publishedAt);
      const key = JSON.stringify([feedId, day, s.actor, s.outlet]);
      const row = rows.get(key) ?? { feed_id: feedId, day, actor: s.actor, outlet: s.outlet, n: 0, score_sum: 0, negative: 0, neutral: 0, positive: 0 };
      row.n += sign;
      row.score_sum += sign * s.score;
      for (const label of LABELS) if (s.label === label) row[label] += sign;
      rows.set(key, row);
    }
  }
  if (rows.size === 0) return;
  await trx
    .insertInto('actor_daily')
    .values([...rows.values()])
    .onConflict((oc) =>
      oc.columns(['feed_id', 'day', 'actor', 'outlet']).doUpdateSet({
        n: sql`actor_daily.n + excluded.n`,
        score_sum: sql`actor_daily.score_sum + excluded.score_sum`,
        negative: sql`actor_daily.negative + excluded.negative`,
        neutral: sql`actor_daily.neutral + excluded.neutral`,
        positive: sql`actor_daily.positive + excluded.positive`,
      }),
    )
    .execute();
}

export async function applyFramingDaily(trx: Db, feedIds: number[], items: FramingContribution[], sign: 1 | -1): Promise<void> {
  const rows = new Map<string, { feed_id: number; day: number; term: string; count: number }>();
  for (const feedId of feedIds) {
    for (const item of items) {
      const day = utcDay(item.publishedAt);
      for (const [term, count] of Object.entries(item.framing)) {
        const key = JSON.stringify([feedId, day, term]);
        const row = rows.get(key) ?? { feed_id: feedId, day, term, count: 0 };
        row.count += sign * count;
        rows.set(key, row);
      }
    }
  }
  if (rows.size === 0) return;
  await trx
    .insertInto('framing_daily')
    .values([...rows.values()])
    .onConflict((oc) => oc.columns(['feed_id', 'day', 'term']).doUpdateSet({ count: sql`framing_daily.count + excluded.count` }))
    .execute();
}

/** Adds the stored analyses of `articleIds` to the daily rows of `feedId` (an article newly linked to it). */
export async function addExistingToFeed(trx: Db, feedId: number, articleIds: string[]): Promise<void> {
  if (articleIds.length === 0) return;
  const scores = await trx
    .selectFrom('actor_scores')
    .select(['actor', 'outlet', 'published_at', 'score', 'label'])
    .where('article_id', 'in', articleIds)
    .execute();
  await applyActorDaily(
    trx,
    [feedId],
    scores.map((s) => ({ actor: s.actor, outlet: s.outlet, publishedAt: s.published_at, score: s.score, label: s.label })),
    1,
  );
  const framing = await trx
    .selectFrom('article_analysis as a')
    .innerJoin('articles as ar', 'ar.id', 'a.article_id')
    .select(['a.framing', 'ar.published_at'])
    .where('a.article_id', 'in', articleIds)
    .execute();
  await applyFramingDaily(
    trx,
    [feedId],
    framing.map((f) => ({ publishedAt: f.published_at, framing: parseJson<Record<string, number>>(f.framing, {}) })),
    1,
  );
}
