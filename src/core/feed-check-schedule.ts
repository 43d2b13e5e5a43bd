// When to check a feed next: exponential backoff on failure, cache hints on success, hashed first-check spread.
// Pure: the clock (`now`) and the jitter (a number in [0, 1)) are passed in.
import { hash53 } from './hash.js';

export interface ScheduleConfig {
  /** First backoff step after a failure. */
  backoffBaseMs: number;
  /** Backoff ceiling. */
  backoffMaxMs: number;
  /** Share of a backoff delay that is random, 0..1: the delay falls in [delay * (1 - ratio), delay). */
  backoffJitterRatio: number;
  /** Interval used after a success when the server gives no hint. */
  defaultIntervalMs: number;
  /** Success intervals (hinted or default) are clamped into [minIntervalMs, maxIntervalMs]. */
  minIntervalMs: number;
  maxIntervalMs: number;
  /** Consecutive failures after which the feed is disabled. */
  disableAfterErrors: number;
}

export const DEFAULT_SCHEDULE: ScheduleConfig = {
  backoffBaseMs: 60_000,
  backoffMaxMs: 24 * 3_600_000,
  backoffJitterRatio: 0.2,
  defaultIntervalMs: 15 * 60_000,
  minIntervalMs: 5 * 60_000,
  maxIntervalMs: 6 * 3_600_000,
  disableAfterErrors: 10,
};

/** Freshness hints from the server and the feed. */
export interface CacheHints {
  /** RSS <ttl>, in seconds. */
  ttlSeconds?: number;
  /** Cache-Control max-age, in seconds. */
  maxAgeSeconds?: number;
  /** Expires header as epoch ms. */
  expires?: number;
}

/**
 * Backoff after a failure: `min(max, base * 2^errorsBefore)`, then jitter: the delay is scaled into
 * [delay * (1 - jitterRatio), delay) by `jitter` in [0, 1) (ratio 0.5 is "equal jitter", 0 none); a longer
 * Retry-After wins.
 * `errorsBefore` is the number of consecutive failures before this one (0 for the first).
 */
export function backoffDelayMs(errorsBefore: number, cfg: ScheduleConfig, jitter: number, retryAfterMs?: number): number {
  const exp = Math.min(cfg.backoffMaxMs, cfg.backoffBaseMs * 2 ** Math.max(0, errorsBefore));
  const ratio = Math.min(1, Math.max(0, cfg.backoffJitterRatio));
  const jittered = Math.round(exp * (1 - ratio) + exp * ratio * clampUnit(jitter));
  return retryAfterMs !== undefined && retryAfterMs > jittered ? retryAfterMs : jittered;
}

/** Interval after a success: the longest server/feed hint, else the default, clamped to the configured range. */
export function successDelayMs(hints: CacheHints, now: number, cfg: ScheduleConfig): number {
  const candidates: number[] = [];
  if (hints.ttlSeconds !== undefined) candidates.push(hints.ttlSeconds * 1000);
  if (hints.maxAgeSeconds !== undefined) candidates.push(hints.maxAgeSeconds * 1000);
  if (hints.expires !== undefined) candidates.push(hints.expires - now);
  const hinted = candidates.filter((ms) => Number.isFinite(ms) && ms > 0);
  const wanted = hinted.length ? Math.max(...hinted) : cfg.defaultIntervalMs;
  return Math.min(cfg.maxIntervalMs, Math.max(cfg.minIntervalMs, wanted));
}

/** Delay before the first check of a feed, spread over `spreadMs` by a hash of its URL (stable across restarts). */
export function firstCheckDelayMs(url: string, spreadMs: number): number {
  return spreadMs > 0 ? hash53(url) % Math.floor(spreadMs) : 0;
}

export type CheckResult =
  | { kind: 'success'; hints: CacheHints }
  | { kind: 'failure'; retryAfterMs?: number; disable?: boolean };

export interface CheckPlan {
  nextCheckAt: number;
  /** Consecutive failures after this check (0 after a success). */
  errors: number;
  /** True when the feed must now be disabled (too many failures, or the server said it is gone). */
  disable: boolean;
}

/** The whole decision after one check of a feed that had `errorsBefore` consecutive failures. */
export function planNextCheck(
  result: CheckResult,
  errorsBefore: number,
  now: number,
  jitter: number,
  cfg: ScheduleConfig,
): CheckPlan {
  if (result.kind === 'success') {
    return { nextCheckAt: now + successDelayMs(result.hints, now, cfg), errors: 0, disable: false };
  }
  const errors = errorsBefore + 1;
  const delay = backoffDelayMs(errorsBefore, cfg, jitter, result.retryAfterMs);
  return { nextCheckAt: now + delay, errors, disable: result.disable === true || errors >= cfg.disableAfterErrors };
}

function clampUnit(value: number): number {
  if (!Number.isFinite(value) || value < 0) return 0;
  return value >= 1 ? 1 - Number.EPSILON : value;
}
