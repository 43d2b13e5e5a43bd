// The composition root: config -> logger -> store -> jobs -> bot. Nothing else wires concrete parts together.
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { DestinationStream } from 'pino';
import type { AppConfig, Settings } from './config.js';
import { firstCheckDelayMs } from './core/schedule.js';
import { createFetcher, type Fetcher } from './ingest/index.js';
import { buildWorker, type WorkerSettings } from './jobs/index.js';
import { isTicking, type Worker } from './jobs/worker.js';
import { createOpsServer, type HealthCheck, type OpsServer } from './ops/http.js';
import { createMetrics, type Metrics } from './ops/metrics.js';
import { createLogger, type Logger } from './log.js';
import { loadAnalyserResources } from './resources.js';
import { createAnalyser } from './core/analyse.js';
import { createStore, type Store } from './store/index.js';

export type Role = 'all' | 'worker' | 'bot';

/** The server id used for feeds and digests of the console deployment (no Discord). */
export const LOCAL_GUILD = 'local';

export interface AppOptions {
  role: Role;
  /** Log destination (tests inject one). */
  logDestination?: DestinationStream;
  now?: () => number;
}

export interface App {
  store: Store;
  logger: Logger;
  worker: Worker | null;
  metrics: Metrics;
  /** The port /healthz and /metrics listen on, when HTTP_PORT is set. */
  httpPort: number | null;
  stop(): Promise<void>;
}

const MINUTE = 60_000;

export function workerSettings(s: Settings): WorkerSettings {
  return {
    tickExpression: s.poll.tick,
    poll: { batchSize: s.poll.batchSize, leaseMs: s.poll.leaseSeconds * 1000, concurrency: s.poll.concurrency, perHostConcurrency: s.poll.perHostConcurrency },
    schedule: {
      backoffBaseMs: s.backoff.baseSeconds * 1000,
      backoffMaxMs: s.backoff.maxSeconds * 1000,
      defaultIntervalMs: s.schedule.defaultIntervalMinutes * MINUTE,
      minIntervalMs: s.schedule.minIntervalMinutes * MINUTE,
      maxIntervalMs: s.schedule.maxIntervalMinutes * MINUTE,
      disableAfterErrors: s.backoff.disableAfterFailures,
    },
    maxItemAgeMs: s.poll.maxItemAgeDays * 24 * 60 * MINUTE,
    fullTextConcurrency: s.fetch.fullTextConcurrency,
    retention: { maxAgeMs: s.retention.articleDays * 24 * 60 * MINUTE, batchSize: s.retention.pruneBatchSize },
  };
}

export function createAppFetcher(config: AppConfig, logger: Logger, now: () => number = Date.now): Fetcher {
  const f = config.settings.fetch;
  return createFetcher({
    userAgent: f.userAgent,
    timeoutMs: f.timeoutSeconds * 1000,
    maxBytes: f.maxFeedBytes,
    articleMaxBytes: f.maxArticleBytes,
    articleConcurrency: f.fullTextConcurrency,
    maxRedirects: f.maxRedirects,
    allowPrivateAddresses: f.allowPrivateAddresses,
    logger: logger.child({ module: 'fetch' }),
    now,
  });
}

/** Adds the seed feeds of config/feeds.yaml, subscribed by the local (console) server. */
async function addSeedFeeds(config: AppConfig, store: Store, now: number): Promise<void> {
  for (const seed of config.seedFeeds) {
    const { feed } = await store.addFeed({ url: seed.url, fullText: seed.fullText ?? false, nextCheckAt: now + firstCheckDelayMs(seed.url, 5 * MINUTE), now });
    await store.subscribe({ guildId: LOCAL_GUILD, feedId: feed.id, channelId: LOCAL_GUILD, name: seed.name ?? seed.url, createdBy: 'config', now });
  }
}

export async function startApp(config: AppConfig, options: AppOptions): Promise<App> {
  const now = options.now ?? Date.now;
  const logger = createLogger({ level: config.logLevel, secrets: config.secrets, destination: options.logDestination });
  const store = await createStore({ url: config.databaseUrl, logger: logger.child({ module: 'store' }) });
  try {
    await store.migrate();
    await addSeedFeeds(config, store, now());
  } catch (error) {
    await store.close();
    throw error;
  }
  const owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const metrics = createMetrics();
  let worker: Worker | null = null;
  let fetcher: Fetcher | null = null;
  if (options.role !== 'bot') {
    const resources = loadAnalyserResources();
    fetcher = createAppFetcher(config, logger, now);
    worker = buildWorker({
      store, fetcher, analyser: createAnalyser(resources), owner, logger, now, random: Math.random,
      modelVersion: `stance-v${resources.model.version}+lexicon-v${resources.lexicon.version}`,
      settings: workerSettings(config.settings),
      extraSteps: [{ name: 'feed-gauges', run: async () => metrics.setFeeds(await store.countFeeds(now())) }],
      observe: { fetchOutcome: metrics.fetchOutcome, analysisSeconds: (s) => { metrics.analysisSeconds(s); metrics.articlesAnalysed(1); }, workerStep: metrics.workerStep },
    }).worker;
    worker.start();
  }
  if (!config.discord) logger.info({ outputDir: config.settings.digest.outputDir }, 'no DISCORD_TOKEN: the bot is off; digests and alerts are written to the output folder');
  const ops = config.httpPort === undefined ? null : createOpsServer({ checks: healthChecks(store, worker, now), metrics: () => metrics.render(), logger });
  const httpPort = ops ? await ops.listen(config.httpPort ?? 0) : null;
  logger.info({ role: options.role, database: store.dialect, owner, httpPort }, 'stancewatch ready');
  return {
    store, logger, worker, metrics, httpPort,
    async stop() {
      logger.info('stopping');
      await worker?.stop(config.settings.shutdown.graceSeconds * 1000);
      await ops?.close();
      await fetcher?.close();
      await store.close();
      logger.info('stopped');
    },
  };
}

/** /healthz: the database answers, the scheduler ticks (workers), Discord is connected (or not configured). */
function healthChecks(store: Store, worker: Worker | null, now: () => number): HealthCheck[] {
  const checks: HealthCheck[] = [{ name: 'database', check: async () => ({ ok: await store.ping() }) }];
  if (worker) {
    checks.push({
      name: 'scheduler',
      check: async () => {
        const h = worker.health();
        return { ok: isTicking(h, now(), 10 * MINUTE), detail: `${h.ticks} ticks, last ${h.lastTickAt ? new Date(h.lastTickAt).toISOString() : 'none yet'}` };
      },
    });
  }
  return checks;
}
