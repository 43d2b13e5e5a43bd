// Error classification and a bounded retry for SQLite lock contention.

const SQLITE_BUSY = new Set(['SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_BUSY_RECOVERY', 'SQLITE_LOCKED']);
const PG_TRANSIENT_CODES = new Set(['40001', '40P01', '57P01', '57P02', '57P03', '53300']);
const NET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);

function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

export function isSqliteBusy(error: unknown): boolean {
  const code = codeOf(error);
  return code !== undefined && SQLITE_BUSY.has(code);
}

/**
 * True for database errors worth retrying later: lock contention, serialization failures, lost or
 * refused connections. Jobs use it to decide between "retry next tick" and "this is a bug".
 */
export function isTransientDbError(error: unknown): boolean {
  const code = codeOf(error);
  if (code !== undefined && (SQLITE_BUSY.has(code) || PG_TRANSIENT_CODES.has(code) || NET_CODES.has(code))) return true;
  if (code?.startsWith('08')) return true;
  const message = error instanceof Error ? error.message : '';
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect/i.test(message);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const MAX_DELAY_MS = 1_000;

/**
 * Runs `fn`, retrying up to `attempts` times while SQLite reports busy/locked. The waits are asynchronous
 * (the event loop keeps serving fetches and lease renewals), doubling from `baseDelayMs` up to 1 s, so the
 * defaults give another writer about 5-10 s. (busy_timeout alone is not enough: it blocks the thread, and a
 * transaction that read before writing gets SQLITE_BUSY at once, without waiting.)
 */
export async function retryBusy<T>(fn: () => Promise<T>, attempts = 12, baseDelayMs = 25): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (!isSqliteBusy(error) || attempt >= attempts) throw error;
      await sleep(Math.min(MAX_DELAY_MS, baseDelayMs * 2 ** (attempt - 1)) * (0.5 + Math.random()));
    }
  }
}
