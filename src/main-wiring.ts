// Pieces of the composition root kept apart to keep src/main.ts short: settings mapping and health checks.
import type { Client } from 'discord.js';
import type { AppConfig, Settings } from './config.js';
import { createFetcher, type Fetcher } from './ingest/index.js';
import type { WorkerSettings } from './jobs/index.js';
import { isTicking, type Worker } from './jobs/worker.js';
import type { Logger } from './log.js';
import type { HealthCheck } from './ops/http.js';
import type { Store } from './store/index.js';

/** The server id used for feeds and digests of the console deployment (no Discord). */
export const LOCAL_GUILD = 'local';

const MINUTE = 60_000;

export function workerSettings(s: Settings): WorkerSettings {
  return {
    tickExpression: s.poll.tick,
    poll: { batchSize: s.poll.batchSize, leaseMs: s.poll.leaseSeconds * 1000, concurrency: s.poll.concurrency, perHostConcurrency: s.poll.perHostConcurrency },
    schedule: {
      backoffBaseMs: s.backoff.baseSeconds * 1000,
      backoffMaxMs: s.backoff.maxSeconds * 1000,
      backoffJitterRatio: s.backoff.jitterRatio,
      defaultIntervalMs: s.schedule.defaultIntervalMinutes * MINUTE,
      minIntervalMs: s.schedule.minIntervalMinutes * MINUTE,
      maxIntervalMs: s.schedule.maxIntervalMinutes * MINUTE,
      disableAfterErrors: s.backoff.disableAfterFailures,
    },
    maxItemAgeMs: s.poll.maxItemAgeDays * 24 * 60 * MINUTE,
    fullTextConcurrency: s.fetch.fullTextConcurrency,
    retention: { maxAgeMs: s.retention.articleDays * 24 * 60 * MINUTE, batchSize: s.retention.pruneBatchSize },
    stories: { windowMs: s.stories.windowHours * 60 * MINUTE, leaseMs: s.stories.leaseSeconds * 1000 },
  };
}

/** `polls`: this process runs the poller (a bot-only process parses the odd feed inline, without a parse thread). */
export function createAppFetcher(config: AppConfig, logger: Logger, now: () => number = Date.now, polls = true): Fetcher {
  const f = config.settings.fetch;
  return createFetcher({
    userAgent: f.userAgent,
    timeoutMs: f.timeoutSeconds * 1000,
    maxBytes: f.maxFeedBytes,
    articleMaxBytes: f.maxArticleBytes,
    articleConcurrency: f.fullTextConcurrency,
    maxRedirects: f.maxRedirects,
    allowPrivateAddresses: f.allowPrivateAddresses,
    parseInThread: f.parseInThread && polls,
    parseDeadlineMs: f.parseDeadlineSeconds * 1000,
    logger: logger.child({ module: 'fetch' }),
    now,
  });
}

/** /healthz: the database answers and takes writes (no held SQLite write lock), the scheduler ticks (workers), Discord is connected (or not configured). */
export function healthChecks(store: Store, worker: Worker | null, discord: Client<true> | null, config: AppConfig, now: () => number): HealthCheck[] {
  const checks: HealthCheck[] = [{ name: 'database', check: () => store.health() }];
  if (worker) {
    checks.push({
      name: 'scheduler',
      check: async () => {
        const h = worker.health();
        return { ok: isTicking(h, now(), 10 * MINUTE), detail: `${h.ticks} ticks, last ${h.lastTickAt ? new Date(h.lastTickAt).toISOString() : 'none yet'}` };
      },
    });
  }
  checks.push({
    name: 'discord',
    check: async () => {
      if (!config.discord) return { ok: true, detail: 'not configured' };
      if (!discord) return { ok: true, detail: 'not this process (worker role)' };
      return { ok: discord.ws.status === 0, detail: `gateway status ${discord.ws.status}, ping ${discord.ws.ping} ms` };
    },
  });
  return checks;
}
