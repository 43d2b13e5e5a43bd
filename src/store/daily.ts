// Maintenance of the daily aggregates, done in the writer's transaction. An article counts once per server: its
// contribution goes to the rows of its source, the set of feeds it is linked to. An article of one feed (nearly
// all of them) counts in actor_daily / framing_daily under that feed; one linked to two or more feeds counts in
// shared_actor_daily / shared_framing_daily under its feed set (feed_sets, members in feed_set_members). A
// server's aggregates add the rows of its feeds and of every feed set holding one of its feeds
// (queries-daily.ts), so an article two of its feeds deliver counts once, and once in each other server.
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

interface Counts { n: number; score_sum: number; negative: number; neutral: number; positive: number }

/** `source`: the sorted feed ids ("3" or "3,17"); `feed_id` (one feed) or `set_id` (a feed set, set on writing). */
interface ActorRow extends Counts { source: string; feed_id: number; set_id: number; day: number; actor: string; outlet: string }
interface FramingRow { source: string; feed_id: number; set_id: number; day: number; term: string; count: number }

/** Net changes to the daily rows, keyed by source and the rest of their primary key. */
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

/** The source key of an article linked to these feeds: "3", or "3,17" for a feed set. */
export function sourceOf(feedIds: number[]): string {
  if (feedIds.length === 1) return String(feedIds[0]);
  return [...new Set(feedIds)].sort((a, b) => a - b).join(',');
}

const isSet = (source: string): boolean => source.includes(',');

function actorRow(delta: DailyDelta, source: string, day: number, actor: string, outlet: string): ActorRow {
  const key = `${source}\u0000${day}\u0000${actor}\u0000${outlet}`;
  let row = delta.actor.get(key);
  if (!row) {
    const id = isSet(source) ? 0 : Number(source);
    delta.actor.set(key, (row = { source, feed_id: id, set_id: 0, day, actor, outlet, n: 0, score_sum: 0, negative: 0, neutral: 0, positive: 0 }));
  }
  return row;
}

function framingRow(delta: DailyDelta, source: string, day: number, term: string): FramingRow {
  const key = `${source}\u0000${day}\u0000${term}`;
  let row = delta.framing.get(key);
  if (!row) delta.framing.set(key, (row = { source, feed_id: isSet(source) ? 0 : Number(source), set_id: 0, day, term, count: 0 }));
  return row;
}

/** Adds (sign 1) or removes (sign -1) the scores of an article linked to `feedIds` (all its feeds). */
export function addScores(delta: DailyDelta, feedIds: number[], scores: ScoreContribution[], sign: 1 | -1): void {
  if (feedIds.length === 0) return;
  const source = sourceOf(feedIds);
  for (const s of scores) {
    const row = actorRow(delta, source, utcDay(s.publishedAt), s.actor, s.outlet);
    row.n += sign;
    row.score_sum += sign * s.score;
    if (s.label === 'negative' || s.label === 'neutral' || s.label === 'positive') row[s.label] += sign;
  }
}

export function addFraming(delta: DailyDelta, feedIds: number[], items: FramingContribution[], sign: 1 | -1): void {
  if (feedIds.length === 0) return;
  const source = sourceOf(feedIds);
  for (const item of items) {
    const day = utcDay(item.publishedAt);
    for (const [term, count] of Object.entries(item.framing)) framingRow(delta, source, day, term).count += sign * count;
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
const SHARED_ACTOR_DAILY = {
  columns: ['set_id', 'day', 'actor', 'outlet', 'n', 'score_sum', 'negative', 'neutral', 'positive'],
  key: ['set_id', 'day', 'actor', 'outlet'],
  add: ACTOR_DAILY.add,
} as const;
const SHARED_FRAMING_DAILY = { columns: ['set_id', 'day', 'term', 'count'], key: ['set_id', 'day', 'term'], add: ['count'] } as const;

/** `col = table.col + excluded.col` for each added column, as a Kysely update set. */
const addedSet = (table: string, add: readonly string[]) =>
  Object.fromEntries(add.map((c) => [c, sql`${sql.ref(`${table}.${c}`)} + ${sql.ref(`excluded.${c}`)}`]));

/** On an existing daily row, add the new counts to it (Kysely form, for insert-selects such as a feed merge). */
export const addToActorDaily = (oc: OnConflictBuilder<Database, 'actor_daily'>) =>
  oc.columns([...ACTOR_DAILY.key]).doUpdateSet(addedSet('actor_daily', ACTOR_DAILY.add));

/** On an existing framing_daily row, add the new count to it. */
export const addToFramingDaily = (oc: OnConflictBuilder<Database, 'framing_daily'>) =>
  oc.columns([...FRAMING_DAILY.key]).doUpdateSet(addedSet('framing_daily', FRAMING_DAILY.add));

/**
 * The ids of the feed sets with these member keys ("3,17"), creating the missing ones (a new combination of feeds
 * is rare: two queries each). A set created meanwhile by a concurrent writer is read back.
 */
async function feedSetIds(trx: Db, sources: string[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  const find = async (keys: string[]) => {
    for (const part of chunked(keys)) {
      for (const row of await trx.selectFrom('feed_sets').select(['id', 'members']).where('members', 'in', part).execute()) ids.set(row.members, row.id);
    }
  };
  if (sources.length === 0) return ids;
  await find(sources);
  const missing = sources.filter((k) => !ids.has(k));
  for (const members of missing) {
    const created = await trx.insertInto('feed_sets').values({ members }).onConflict((oc) => oc.column('members').doNothing()).returning('id').executeTakeFirst();
    if (!created) continue;
    ids.set(members, created.id);
    await trx.insertInto('feed_set_members').values(members.split(',').map((f) => ({ set_id: created.id, feed_id: Number(f) }))).execute();
  }
  const raced = missing.filter((k) => !ids.has(k));
  if (raced.length > 0) await find(raced);
  return ids;
}

/** Splits rows into those of one feed and those of a feed set (whose sources are added to `sets`). */
function split<R extends { source: string }>(rows: R[], sets: Set<string>): [R[], R[]] {
  const own: R[] = [];
  const shared: R[] = [];
  for (const row of rows) {
    if (!isSet(row.source)) own.push(row);
    else {
      shared.push(row);
      sets.add(row.source);
    }
  }
  return [own, shared];
}

/** Adds the delta to the daily rows (the same upserts as addToActorDaily / addToFramingDaily, SQL built once per shape). */
export async function writeDelta(trx: Db, delta: DailyDelta): Promise<void> {
  const sets = new Set<string>();
  const [ownActor, sharedActor] = split(inKeyOrder(delta.actor), sets);
  const [ownFraming, sharedFraming] = split(inKeyOrder(delta.framing), sets);
  if (sets.size > 0) {
    const setIds = await feedSetIds(trx, [...sets].sort());
    for (const row of [...sharedActor, ...sharedFraming]) row.set_id = setIds.get(row.source) as number;
  }
  for (const part of chunked(ownActor)) await upsertAdding(trx, 'actor_daily', ACTOR_DAILY, part);
  for (const part of chunked(sharedActor)) await upsertAdding(trx, 'shared_actor_daily', SHARED_ACTOR_DAILY, part);
  for (const part of chunked(ownFraming)) await upsertAdding(trx, 'framing_daily', FRAMING_DAILY, part);
  for (const part of chunked(sharedFraming)) await upsertAdding(trx, 'shared_framing_daily', SHARED_FRAMING_DAILY, part);
}

/** One change of an article's source: its contribution is removed from (-1) or added to (1) the source of `feeds`. */
export interface SourceChange {
  feeds: number[];
  sign: 1 | -1;
}

/**
 * Moves the stored analyses of `articleIds` between sources: `changes` gets each article's current feeds (from
 * article_feeds) and says where its contribution is taken from and added to.
 */
export async function reattribute(trx: Db, articleIds: string[], changes: (feeds: number[]) => SourceChange[]): Promise<void> {
  const delta = newDelta();
  for (const part of chunked(articleIds)) {
    const feedsOf = new Map<string, number[]>();
    for (const l of await trx.selectFrom('article_feeds').select(['article_id', 'feed_id']).where('article_id', 'in', part).execute()) {
      feedsOf.set(l.article_id, [...(feedsOf.get(l.article_id) ?? []), l.feed_id]);
    }
    const changesOf = new Map([...feedsOf].map(([id, feeds]) => [id, changes(feeds)]));
    const scores = await trx.selectFrom('actor_scores').select(['article_id', 'actor', 'outlet', 'published_at', 'score', 'label']).where('article_id', 'in', part).execute();
    for (const s of scores) {
      const contribution = [{ actor: s.actor, outlet: s.outlet, publishedAt: s.published_at, score: s.score, label: s.label }];
      for (const c of changesOf.get(s.article_id) ?? []) addScores(delta, c.feeds, contribution, c.sign);
    }
    const framing = await trx
      .selectFrom('article_analysis as a')
      .innerJoin('articles as ar', 'ar.id', 'a.article_id')
      .select(['a.article_id', 'a.framing', 'ar.published_at'])
      .where('a.article_id', 'in', part)
      .execute();
    for (const f of framing) {
      const contribution = [{ publishedAt: f.published_at, framing: parseJson<Record<string, number>>(f.framing, {}) }];
      for (const c of changesOf.get(f.article_id) ?? []) addFraming(delta, c.feeds, contribution, c.sign);
    }
  }
  await writeDelta(trx, delta);
}

/** Analysed articles newly linked to `feedId`: their contribution moves from their other feeds' source to all of them. */
export async function addExistingToFeed(trx: Db, feedId: number, articleIds: string[]): Promise<void> {
  if (articleIds.length === 0) return;
  await reattribute(trx, articleIds, (feeds) => {
    const before = feeds.filter((f) => f !== feedId);
    return [{ feeds: before, sign: -1 }, { feeds: [...before, feedId], sign: 1 }];
  });
}

/**
 * Feed `from` is merged into `to`: each feed set holding `from` is replaced by the set with `to` instead (or by
 * `to` alone, whose own rows then take its counts). Call before `from` is deleted.
 */
export async function mergeFeedSets(trx: Db, from: number, to: number): Promise<void> {
  const sets = await trx.selectFrom('feed_sets').select(['id', 'members'])
    .where('id', 'in', trx.selectFrom('feed_set_members').select('set_id').where('feed_id', '=', from)).execute();
  if (sets.length === 0) return;
  const ids = sets.map((s) => s.id);
  const sourceOfSet = new Map(sets.map((s) => [s.id, sourceOf(s.members.split(',').map((f) => (Number(f) === from ? to : Number(f))))]));
  const delta = newDelta();
  for (const r of await trx.selectFrom('shared_actor_daily').selectAll().where('set_id', 'in', ids).execute()) {
    const row = actorRow(delta, sourceOfSet.get(r.set_id) as string, r.day, r.actor, r.outlet);
    for (const c of ACTOR_DAILY.add) row[c] += r[c];
  }
  for (const r of await trx.selectFrom('shared_framing_daily').selectAll().where('set_id', 'in', ids).execute()) {
    framingRow(delta, sourceOfSet.get(r.set_id) as string, r.day, r.term).count += r.count;
  }
  await trx.deleteFrom('shared_actor_daily').where('set_id', 'in', ids).execute();
  await trx.deleteFrom('shared_framing_daily').where('set_id', 'in', ids).execute();
  await trx.deleteFrom('feed_set_members').where('set_id', 'in', ids).execute();
  await trx.deleteFrom('feed_sets').where('id', 'in', ids).execute();
  await writeDelta(trx, delta);
}
