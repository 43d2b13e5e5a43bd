// What every domain module of the store receives: the database, its dialect and transaction helpers.
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { retryBusy } from './retry.js';
import type { Database } from './schema.js';
import type { Dialect } from './types.js';

export type Db = Kysely<Database>;

export interface StoreContext {
  db: Db;
  dialect: Dialect;
  logger: Logger;
  /** Runs `fn` in one transaction (retried as a whole while SQLite is busy). */
  tx<T>(fn: (trx: Db) => Promise<T>): Promise<T>;
  /** Runs a single statement, retried while SQLite is busy. */
  run<T>(fn: (db: Db) => Promise<T>): Promise<T>;
}

export function createContext(db: Db, dialect: Dialect, logger: Logger): StoreContext {
  const retry = <T>(fn: () => Promise<T>) => (dialect === 'sqlite' ? retryBusy(fn) : fn());
  return {
    db,
    dialect,
    logger,
    tx: (fn) => retry(() => db.transaction().execute((trx) => fn(trx))),
    run: (fn) => retry(() => fn(db)),
  };
}

export const toBool = (value: number): boolean => value !== 0;
export const toInt = (value: boolean | undefined): number => (value ? 1 : 0);

export function parseJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/** Start of the UTC day containing `ms`. */
export const utcDay = (ms: number): number => Math.floor(ms / 86_400_000) * 86_400_000;
