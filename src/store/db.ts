// Opens a Kysely instance for a DATABASE_URL: `sqlite:PATH`, `sqlite::memory:` or `postgres://...`.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type SqliteDatabase } from 'kysely';
import pg from 'pg';
import type { Logger } from 'pino';
import type { Result } from '../core/result.js';
import { err, ok } from '../core/result.js';
import { BACKSTOP_AUTOCHECKPOINT, startCheckpointer } from './checkpointer.js';
import { isSqliteBusy } from './retry.js';
import type { Database } from './schema.js';
import type { Dialect } from './types.js';

export type DbTarget = { dialect: 'sqlite'; path: string } | { dialect: 'postgres'; url: string };

export function parseDatabaseUrl(url: string): Result<DbTarget, string> {
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length);
    return path === '' ? err('sqlite: URL needs a path, e.g. sqlite:./data/stancewatch.db') : ok({ dialect: 'sqlite', path });
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    try {
      new URL(url);
    } catch {
      return err('malformed postgres:// URL');
    }
    return ok({ dialect: 'postgres', url });
  }
  return err('DATABASE_URL must start with sqlite: or postgres://');
}

const INT8_OID = 20;
const NUMERIC_OID = 1700;

/** int8 (COUNT, BIGINT epoch ms) and numeric (SUM) as JS numbers, on this pool only. */
const pgTypes = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID || oid === NUMERIC_OID
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format ?? 'text'),
};

export interface OpenDbOptions {
  /** PostgreSQL schema used through search_path (created if missing). */
  pgSchema?: string;
  /** SQLite busy_timeout in ms. better-sqlite3 waits synchronously, so keep it short: retryBusy carries the patience. */
  busyTimeoutMs?: number;
  poolSize?: number;
  /** SQLite file: checkpoint the WAL on a background thread (checkpointer.ts) every this many ms. */
  backgroundCheckpointMs?: number;
  /** SQLite file: how the /healthz write probe waits for the write lock. */
  writeProbe?: WriteProbeOptions;
}

export interface OpenedDb {
  db: Kysely<Database>;
  dialect: Dialect;
  /**
   * Whether a writer can take the write lock now (for /healthz). SQLite: `BEGIN IMMEDIATE` then `ROLLBACK` on a
   * probe connection; an error says why not. PostgreSQL (row locks, no database-wide write lock): always ok.
   */
  probeWrite(): Promise<Result<void, string>>;
  /** Closes the connection (and stops the checkpoint thread, if any). */
  close(): Promise<void>;
}

export interface WriteProbeOptions {
  /** How long the lock may stay taken before the probe reports it (writers retry for about 5-10 s). */
  windowMs?: number;
  /** Pause between attempts (asynchronous: the event loop keeps running). */
  retryMs?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * SQLite's write lock, probed from a connection of its own with busy_timeout 0: `BEGIN IMMEDIATE` takes the
 * lock or fails at once, and `ROLLBACK` releases it in the same synchronous call, so the probe never waits
 * inside SQLite (nor blocks the event loop) and holds the lock for microseconds. It retries every `retryMs`;
 * taken during the whole `windowMs`, another connection holds it and every writer is blocked.
 */
export function sqliteWriteProbe(path: string, options: WriteProbeOptions = {}): { probe(): Promise<Result<void, string>>; close(): void } {
  const windowMs = options.windowMs ?? 1_000;
  const retryMs = options.retryMs ?? 25;
  let connection: BetterSqlite3.Database | undefined;
  const open = (): BetterSqlite3.Database => {
    if (connection) return connection;
    const opened = new BetterSqlite3(path, { fileMustExist: true });
    opened.pragma('busy_timeout = 0');
    return (connection = opened);
  };
  return {
    async probe() {
      const deadline = Date.now() + windowMs;
      for (;;) {
        try {
          const c = open();
          c.exec('BEGIN IMMEDIATE');
          c.exec('ROLLBACK');
          return ok(undefined);
        } catch (error) {
          if (!isSqliteBusy(error)) return err(`the write probe failed: ${(error as { code?: string }).code ?? 'unknown error'}`);
          if (Date.now() >= deadline) return err(`the write lock is held by another connection (busy for ${windowMs} ms): every writer is blocked`);
          await sleep(retryMs);
        }
      }
    },
    close() {
      connection?.close();
      connection = undefined;
    },
  };
}

export function openDb(target: DbTarget, logger: Logger, options: OpenDbOptions = {}): OpenedDb {
  if (target.dialect === 'postgres') {
    const db = openPostgres(target.url, logger, options);
    return { db, dialect: 'postgres', probeWrite: async () => ok(undefined), close: () => db.destroy() };
  }
  const file = target.path !== ':memory:';
  const background = options.backgroundCheckpointMs !== undefined && file;
  const db = openSqlite(target.path, options, background);
  const checkpointer = background ? startCheckpointer(target.path, options.backgroundCheckpointMs as number, logger) : undefined;
  // An in-memory database has no other connection that could hold its lock.
  const writeProbe = file ? sqliteWriteProbe(target.path, options.writeProbe) : undefined;
  return {
    db,
    dialect: 'sqlite',
    probeWrite: async () => (writeProbe ? writeProbe.probe() : ok(undefined)),
    async close() {
      writeProbe?.close();
      await checkpointer?.stop();
      await db.destroy();
    },
  };
}

function openSqlite(path: string, options: OpenDbOptions, backgroundCheckpoint: boolean): Kysely<Database> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const database = new BetterSqlite3(path);
  database.pragma('journal_mode = WAL');
  database.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 250}`);
  database.pragma('foreign_keys = ON');
  database.pragma('synchronous = NORMAL');
  // Checkpoint every ~40 MB of WAL instead of every 4 MB: index pages rewritten by many commits in between are
  // copied back once (a cold poll cycle: 57 -> 73 feeds/s, 21 -> 19 ms CPU per feed).
  database.pragma(`wal_autocheckpoint = ${backgroundCheckpoint ? BACKSTOP_AUTOCHECKPOINT : 10_000}`);
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: reusingStatements(database) }) });
}

/** Prepared statements kept per SQL text; the least recently used one goes when the cache is full. */
const STATEMENT_CACHE_SIZE = 256;

/**
 * Kysely prepares every query anew; with one SQL text per query shape, reusing the prepared statement saves the
 * parse/plan on each call (a large share of a poll cycle's store time). better-sqlite3 runs a statement
 * synchronously, so a reused statement is never busy when the next call comes (the store does not stream).
 */
function reusingStatements(database: BetterSqlite3.Database): SqliteDatabase {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => void database.close(),
    prepare(sqlText) {
      let statement = cache.get(sqlText);
      if (statement) cache.delete(sqlText);
      else statement = database.prepare(sqlText);
      cache.set(sqlText, statement);
      if (cache.size > STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
      return statement;
    },
  };
}

function openPostgres(url: string, logger: Logger, options: OpenDbOptions): Kysely<Database> {
  const schema = options.pgSchema;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name ${schema}`);
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    types: pgTypes,
    connectionTimeoutMillis: 10_000,
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  });
  // An idle client losing its connection must not crash the process; the next query reports the error.
  pool.on('error', (error) => logger.warn({ err: error }, 'idle database connection failed'));
  // Nor must a checked-out one (pg-pool listens only while idle): the running query rejects, the pool drops it.
  pool.on('connect', (client) => client.on('error', (error) => logger.warn({ err: error }, 'database connection failed')));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
