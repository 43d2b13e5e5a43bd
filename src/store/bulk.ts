// Multi-row INSERT for the hot write path (a feed's new articles, analyses and scores). Kysely builds and
// compiles an operation tree for every value of every row (50 articles x 11 columns, 120 scores x 9) on each
// call; here the SQL text is built once per shape and only the parameters change. Same SQL for both dialects
// but the placeholders, and the SQLite driver reuses the prepared statement (db.ts).
import { CompiledQuery, SqliteAdapter, type Insertable } from 'kysely';
import type { Db } from './context.js';
import type { Database } from './schema.js';

/** SQL texts by (dialect, table, columns, rows); a few shapes recur, so a small cache holds them all. */
const texts = new Map<string, string>();
const MAX_TEXTS = 64;

function insertText(sqlite: boolean, table: string, columns: string[], rows: number): string {
  const key = `${sqlite ? 's' : 'p'}|${table}|${columns.join(',')}|${rows}`;
  let text = texts.get(key);
  if (text !== undefined) return text;
  const tuples: string[] = [];
  let n = 0;
  for (let r = 0; r < rows; r++) tuples.push(`(${columns.map(() => (sqlite ? '?' : `$${++n}`)).join(', ')})`);
  text = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values ${tuples.join(', ')}`;
  if (texts.size >= MAX_TEXTS) texts.delete(texts.keys().next().value as string);
  texts.set(key, text);
  return text;
}

/** Inserts rows that all have the columns of the first row (in any order); a missing value is NULL. */
export async function insertRows<T extends keyof Database & string>(db: Db, table: T, rows: Array<Insertable<Database[T]>>): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0] as object);
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  const params: unknown[] = [];
  for (const row of rows as Array<Record<string, unknown>>) for (const c of columns) params.push(row[c] ?? null);
  await db.executeQuery(CompiledQuery.raw(insertText(sqlite, table, columns, rows.length), params));
}
