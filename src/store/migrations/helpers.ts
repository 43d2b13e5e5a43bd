// Column helpers shared by the migrations: the only place where DDL differs between dialects.
import type { CreateTableBuilder, Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Dialect } from '../types.js';

// Migrations describe past schemas, so they use an untyped Kysely instance.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyDb = Kysely<any>;

export interface Migration {
  up(db: AnyDb, dialect: Dialect): Promise<void>;
}

/** Auto-increment integer primary key: `integer primary key autoincrement` / `serial primary key`. */
export function withId<T extends string>(table: CreateTableBuilder<T, never>, dialect: Dialect): CreateTableBuilder<T, 'id'> {
  return dialect === 'sqlite'
    ? table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    : table.addColumn('id', 'serial', (c) => c.primaryKey());
}

/** SQLite: store the table in primary-key order (WITHOUT ROWID), so key range scans read no other pages. */
export function clusteredOnSqlite(dialect: Dialect) {
  return <T extends string, C extends string>(table: CreateTableBuilder<T, C>): CreateTableBuilder<T, C> =>
    dialect === 'sqlite' ? table.modifyEnd(sql`without rowid`) : table;
}
