// Maintenance of the daily aggregates (actor_daily, framing_daily), done in the writer's transaction.
// Contributions are summed in memory into a DailyDelta and written with one multi-row upsert per table, rows
// in key order (so concurrent PostgreSQL writers lock shared rows in the same order and never deadlock).
import { sql, type OnConflictBuilder } from 'kysely';
import type { Database } from './schema.js';
import type { Db } from './context.js';
import { parseJson, utcDay } from './context.js';
import { upsertAdding } from './bulk.js';

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

interface ActorRow { feed_id: number; day: number; actor: string; outlet: string; n: number; score_sum: number; negative: number; neutral: number; positive: number }
interface FramingRow { feed_id: number; day: number; term: string; count: number }

/** Net changes to the daily rows, keyed by their primary key. */
export interface DailyDelta {
  actor: Map<string, ActorRow>;
  framing: Map<string, FramingRow>;
}

export const newDelta = (): DailyDelta => ({ actor: new Map(), framing: new Map() });

/** Rows per multi-row statement: well under SQLite's and PostgreSQL's bound-parameter limits. */
export const ROWS_PER_STATEMENT = 500;

export function chunked<T>(list: T[], size = ROWS_PER_STATEMENT): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** Adds (sign 1) or removes (sign -1) scores to every listed feed's daily rows. */
export function addScores(delta: DailyDelta, feedIds: number[], scores: ScoreContribution[], sign: 1 | -1): void {
  for (const feedId of feedIds) {
    for (const s of scores) {
      const day = utcDay(s.publishedAt);
      const key = `${feedId}\u0000${day}\u0000${s.actor}\u0000${s.outlet}`;
      let row = delta.actor.get(key);
      if (!row) delta.actor.set(key, (row = { feed_id: feedId, day, actor: s.actor, outlet: s.outlet, n: 0, score_sum: 0, negative: 0, neutral: 0, positive: 0 }));
      row.n += sign;
      row.score_sum += sign * s.score;
      if (s.label === 'negative' || s.label === 'neutral' || s.label === 'positive') row[s.label] += sign;
    }
  }
}

export function addFraming(delta: DailyDelta, feedIds: number[], items: FramingContribution[], sign: 1 | -1): void {
  for (const feedId of feedIds) {
    for (const item of items) {
      const day = utcDay(item.publishedAt);
      for (const [term, count] of Object.entries(item.framing)) {
        const key = `${feedId}\u0000${day}\u0000${term}`;
        let row = delta.framing.get(key);
        if (!row) delta.framing.set(key, (row = { feed_id: feedId, day, term, count: 0 }));
        row.count += sign * count;
      }
    }
  }
}

const inKeyOrder = <R>(rows: Map<string, R>): R[] => [...rows.keys()].sort().map((key) => rows.get(key) as R);

/** The daily tables: their columns, primary key, and the counts a colliding write adds to the stored row. */
const ACTOR_DAILY = {
  columns: ['feed_id', 'day', 'actor', 'outlet', 'n', 'score_sum', 'negative', 'neutral', 'positive'],
  key: ['feed_id', 'day', 'actor', 'outlet'],
  add: ['n', 'score_sum', 'negative', 'neutral', 'positive'],
} as const;
const FRAMING_DAILY = { columns: ['feed_id', 'day', 'term', 'count'], key: ['feed_id', 'day', 'term'], add: ['count'] } as const;

/** `col = table.col + excluded.col` for each added column, as a Kysely update set. */
const addedSet = (table: string, add: readonly string[]) =>
  Object.fromEntries(add.map((c) => [c, sql`${sql.ref(`${table}.${c}`)} + ${sql.ref(`excluded.${c}`)}`]));

/** On an existing daily row, add the new counts to it (Kysely form, for insert-selects such as a feed merge). */
export const addToActorDaily = (oc: OnConflictBuilder<Database, 'actor_daily'>) =>
  oc.columns([...ACTOR_DAILY.key]).doUpdateSet(addedSet('actor_daily', ACTOR_DAILY.add));

/** On an existing framing_daily row, add the new count to it. */
export const addToFramingDaily = (oc: OnConflictBuilder<Database, 'framing_daily'>) =>
  oc.columns([...FRAMING_DAILY.key]).doUpdateSet(addedSet('framing_daily', FRAMING_DAILY.add));

/** Adds the delta to the daily rows (the same upserts as addToActorDaily / addToFramingDaily, SQL built once per shape). */
export async function writeDelta(trx: Db, delta: DailyDelta): Promise<void> {
  for (const part of chunked(inKeyOrder(delta.actor))) await upsertAdding(trx, 'actor_daily', ACTOR_DAILY, part);
  for (const part of chunked(inKeyOrder(delta.framing))) await upsertAdding(trx, 'framing_daily', FRAMING_DAILY, part);
}

/** Adds the stored analyses of `articleIds` to the daily rows of `feedId` (an article newly linked to it). */
export async function addExistingToFeed(trx: Db, feedId: number, articleIds: string[]): Promise<void> {
  if (articleIds.length === 0) return;
  const scores = await trx
    .selectFrom('actor_scores')
    .select(['actor', 'outlet', 'published_at', 'score', 'label'])
    .where('article_id', 'in', articleIds)
    .execute();
  const delta = newDelta();
  addScores(delta, [feedId], scores.map((s) => ({ actor: s.actor, outlet: s.outlet, publishedAt: s.published_at, score: s.score, label: s.label })), 1);
  const framing = await trx
    .selectFrom('article_analysis as a')
    .innerJoin('articles as ar', 'ar.id', 'a.article_id')
    .select(['a.framing', 'ar.published_at'])
    .where('a.article_id', 'in', articleIds)
    .execute();
  addFraming(delta, [feedId], framing.map((f) => ({ publishedAt: f.published_at, framing: parseJson<Record<string, number>>(f.framing, {}) })), 1);
  await writeDelta(trx, delta);
}
