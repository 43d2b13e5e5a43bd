// SQL for the hot write path (a feed's new articles, analyses, scores, links and daily aggregates). Kysely builds
// and compiles an operation tree for every value of every row (50 articles x 11 columns, 120 scores x 9) on each
// call; here the SQL text is built once per shape and only the parameters change. Same SQL for both dialects
// but the placeholders, and the SQLite driver reuses the prepared statement (db.ts).
import { CompiledQuery, SqliteAdapter, type Insertable } from 'kysely';
import type { Db } from './context.js';
import type { Database } from './schema.js';

/** SQL texts by (dialect, shape); a few shapes recur, so a small cache holds them all. */
const texts = new Map<string, string>();
const MAX_TEXTS = 128;

/** Yields the dialect's next placeholder: `?` on SQLite, `$1`, `$2`... on PostgreSQL. */
export type Placeholder = () => string;

/** `n` placeholders separated by commas. */
export const placeholders = (p: Placeholder, n: number): string => Array.from({ length: n }, p).join(', ');

/** `rows` tuples of `columns` placeholders each: `(?, ?), (?, ?)`. */
export const tuples = (p: Placeholder, columns: number, rows: number): string =>
  Array.from({ length: rows }, () => `(${placeholders(p, columns)})`).join(', ');

const quoted = (columns: readonly string[]): string => columns.map((c) => `"${c}"`).join(', ');

/**
 * Runs the statement `build` writes for `shape` (built once per dialect and shape) with `params`; returns the
 * rows (for a select or a `returning`). The shape must determine the text completely, and PostgreSQL's
 * placeholders are numbered in the order `build` calls `p`, which must be the order of `params`.
 */
export async function shapedQuery<R = Record<string, unknown>>(db: Db, shape: string, build: (p: Placeholder) => string, params: unknown[]): Promise<R[]> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  const key = `${sqlite ? 's' : 'p'}|${shape}`;
  let text = texts.get(key);
  if (text === undefined) {
    let n = 0;
    text = build(sqlite ? () => '?' : () => `$${++n}`);
    if (texts.size >= MAX_TEXTS) texts.delete(texts.keys().next().value as string);
    texts.set(key, text);
  }
  return (await db.executeQuery<R>(CompiledQuery.raw(text, params))).rows;
}

/** The rows' values in column order (a missing value is NULL). */
function valuesOf(rows: Array<Record<string, unknown>>, columns: string[]): unknown[] {
  const params: unknown[] = [];
  for (const row of rows) for (const c of columns) params.push(row[c] ?? null);
  return params;
}

/** Inserts rows that all have the columns of the first row (in any order); a missing value is NULL. */
export async function insertRows<T extends keyof Database & string>(db: Db, table: T, rows: Array<Insertable<Database[T]>>): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0] as object);
  await shapedQuery(db, `insert|${table}|${columns.join(',')}|${rows.length}`,
    (p) => `insert into "${table}" (${quoted(columns)}) values ${tuples(p, columns.length, rows.length)}`,
    valuesOf(rows as Array<Record<string, unknown>>, columns));
}

/**
 * Multi-row upsert: rows that collide on `key` add `add` columns to the stored row (`col = table.col +
 * excluded.col`). Every row has `columns`, in that order.
 */
export async function upsertAdding<T extends keyof Database & string>(
  db: Db, table: T, spec: { columns: readonly string[]; key: readonly string[]; add: readonly string[] }, rows: Array<Insertable<Database[T]>>,
): Promise<void> {
  if (rows.length === 0) return;
  const columns = [...spec.columns];
  const sets = spec.add.map((c) => `"${c}" = "${table}"."${c}" + excluded."${c}"`).join(', ');
  await shapedQuery(db, `upsert|${table}|${columns.join(',')}|${rows.length}`,
    (p) => `insert into "${table}" (${quoted(columns)}) values ${tuples(p, columns.length, rows.length)} on conflict (${quoted(spec.key)}) do update set ${sets}`,
    valuesOf(rows as Array<Record<string, unknown>>, columns));
}
