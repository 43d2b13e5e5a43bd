// The composition root: config -> logger -> store -> jobs -> bot. Nothing else wires concrete parts together.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Client } from 'discord.js';
import type { DestinationStream } from 'pino';
import type { AppConfig } from './config.js';
import { createAnalyser, type Analyser, type AnalyserResources } from './core/analyse.js';
import { firstCheckDelayMs } from './core/feed-check-schedule.js';
import { createDeliverer, type Deliverer } from './discord/deliver.js';
import { startBot } from './discord/client.js';
import { commandModules } from './discord/registry.js';
import type { Fetcher } from './ingest/index.js';
import { alertStep } from './jobs/alerts.js';
import { createJobsApi, type JobsApi } from './jobs/api.js';
import { digestStep } from './jobs/digests.js';
import { buildWorker } from './jobs/index.js';
import { offlineDeliveryStep } from './jobs/offline-delivery.js';
import type { Worker } from './jobs/worker.js';
import { createLogger, type Logger } from './log.js';
import { createAppFetcher, healthChecks, LOCAL_GUILD, workerSettings } from './main-wiring.js';
import { createOpsServer } from './ops/http.js';
import { createMetrics, type Metrics } from './ops/metrics.js';
import { loadAnalyserResources } from './resources.js';
import { createStore, type Store } from './store/index.js';

export { LOCAL_GUILD } from './main-wiring.js';

export type Role = 'all' | 'worker' | 'bot';

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
  discord: Client<true> | null;
  metrics: Metrics;
  /** The port /healthz and /metrics listen on, when HTTP_PORT is set. */
  httpPort: number | null;
  stop(): Promise<void>;
}

interface Shared {
  config: AppConfig;
  store: Store;
  logger: Logger;
  metrics: Metrics;
  fetcher: Fetcher;
  analyser: Analyser;
  resources: AnalyserResources;
  modelVersion: string;
  jobs: JobsApi;
  owner: string;
  now: () => number;
}

/** Adds the seed feeds of config/feeds.yaml, subscribed by the local (console) server, whose digests go to files. */
async function prepareLocalServer(config: AppConfig, store: Store, jobs: JobsApi, now: number): Promise<void> {
  for (const seed of config.seedFeeds) {
    const { feed } = await store.addFeed({ url: seed.url, fullText: seed.fullText ?? false, nextCheckAt: now + firstCheckDelayMs(seed.url, 5 * 60_000), now });
    await store.subscribe({ guildId: LOCAL_GUILD, feedId: feed.id, channelId: LOCAL_GUILD, name: seed.name ?? seed.url, createdBy: 'config', now });
  }
  if (!config.discord && !(await store.getGuildSettings(LOCAL_GUILD))?.digestChannelId) {
    await jobs.setDigestChannel(LOCAL_GUILD, LOCAL_GUILD);
  }
}

function startWorker(p: Shared): Worker {
  const s = p.config.settings;
  const { store, logger, now, owner, metrics } = p;
  const worker = buildWorker({
    store, fetcher: p.fetcher, analyser: p.analyser, resources: p.resources, modelVersion: p.modelVersion, owner, logger, now, random: Math.random,
    settings: workerSettings(s),
    extraSteps: [
      digestStep({ store, logger, now, owner, options: { articlesPerActor: s.digest.topArticlesPerActor } }),
      alertStep({ store, logger, now, owner, maxPerChannelPerHour: s.alerts.maxPerChannelPerHour }),
      ...(p.config.discord ? [] : [offlineDeliveryStep({ store, logger, now, owner, outputDir: s.digest.outputDir, localGuildId: LOCAL_GUILD })]),
      { name: 'feed-gauges', run: async () => metrics.setFeeds(await store.countFeeds(now())) },
    ],
    observe: {
      fetchOutcome: metrics.fetchOutcome,
      analysisSeconds: (seconds) => { metrics.analysisSeconds(seconds); metrics.articlesAnalysed(1); },
      workerStep: metrics.workerStep,
    },
  }).worker;
  worker.start();
  return worker;
}

async function startDiscord(p: Shared): Promise<{ client: Client<true>; deliverer: Deliverer } | null> {
  const discord = p.config.discord;
  if (!discord) return null;
  const logger = p.logger.child({ module: 'discord' });
  const client = await startBot({
    config: { token: discord.token, applicationId: discord.applicationId ?? '', ...(discord.apiUrl ? { restApi: discord.apiUrl } : {}) },
    deps: { logger, now: p.now, store: p.store, jobs: p.jobs },
    modules: commandModules,
  });
  client.rest.on('response', (_request, response) => {
    if (response.status >= 400) p.metrics.discordRestError(response.status);
  });
  const deliverer = createDeliverer({ client, store: p.store, logger, now: p.now, owner: p.owner, onOutcome: p.metrics.delivery });
  deliverer.start(5_000);
  return { client, deliverer };
}

/** SQLite: the WAL is copied back into the database by a background thread this often. */
const WAL_CHECKPOINT_MS = 1_000;

async function openStore(config: AppConfig, logger: Logger): Promise<Store> {
  const store = await createStore({ url: config.databaseUrl, logger: logger.child({ module: 'store' }), backgroundCheckpointMs: WAL_CHECKPOINT_MS });
  try {
    await store.migrate();
    return store;
  } catch (error) {
    await store.close();
    throw error;
  }
}

export async function startApp(config: AppConfig, options: AppOptions): Promise<App> {
  const now = options.now ?? Date.now;
  const logger = createLogger({ level: config.logLevel, secrets: config.secrets, destination: options.logDestination });
  logger.info({ envFile: config.envFile, configDir: config.configDir }, 'configuration loaded');
  const store = await openStore(config, logger);
  const resources = loadAnalyserResources();
  const analyser = createAnalyser(resources);
  const fetcher = createAppFetcher(config, logger, now, options.role !== 'bot');
  const s = config.settings.digest;
  const jobs = createJobsApi({
    store, fetcher, analyser, logger: logger.child({ module: 'jobs-api' }), now,
    digest: { articlesPerActor: s.topArticlesPerActor, defaultSchedule: s.defaultSchedule, defaultTimezone: s.defaultTimezone },
  });
  const owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const shared: Shared = {
    config, store, logger, fetcher, analyser, resources, jobs, owner, now, metrics: createMetrics(),
    modelVersion: `stance-v${resources.model.version}+lexicon-v${resources.lexicon.version}`,
  };
  await prepareLocalServer(config, store, jobs, now());
  const worker = options.role === 'bot' ? null : startWorker(shared);
  const bot = options.role === 'worker' ? null : await startDiscord(shared).catch(async (error: unknown) => {
    await worker?.stop(1_000);
    await store.close();
    throw error;
  });
  if (!config.discord) logger.info({ outputDir: s.outputDir }, 'no DISCORD_TOKEN: the bot is off; digests and alerts are written to the output folder');
  const ops = config.httpPort === undefined ? null : createOpsServer({ checks: healthChecks(store, worker, bot?.client ?? null, config, now), metrics: () => shared.metrics.render(), logger });
  const httpPort = ops ? await ops.listen(config.httpPort ?? 0) : null;
  logger.info({ role: options.role, database: store.dialect, owner, httpPort, discord: bot !== null }, 'stancewatch ready');
  return {
    store, logger, worker, discord: bot?.client ?? null, metrics: shared.metrics, httpPort,
    async stop() {
      logger.info('stopping');
      await worker?.stop(config.settings.shutdown.graceSeconds * 1000);
      await bot?.deliverer.stop();
      await bot?.client.destroy();
      await ops?.close();
      await fetcher.close();
      await store.close();
      logger.info('stopped');
    },
  };
}
