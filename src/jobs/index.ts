// Builds the worker from its parts: poll feeds -> analyse -> cluster stories -> (digests, alerts, retention,
// offline delivery).
import type { Logger } from 'pino';
import type { Analyser, AnalyserResources } from '../core/analyse.js';
import type { ScheduleConfig } from '../core/feed-check-schedule.js';
import type { Fetcher } from '../ingest/index.js';
import type { Store } from '../store/index.js';
import { createAnalysisRunner, type AnalysisRunner } from './analysis.js';
import { createPoller, type PollSettings } from './poller.js';
import { storyStep } from './stories.js';
import { createWorker, type Worker, type WorkerStep } from './worker.js';

export interface WorkerSettings {
  tickExpression: string;
  poll: Omit<PollSettings, 'owner'>;
  schedule: ScheduleConfig;
  maxItemAgeMs: number;
  fullTextConcurrency: number;
  retention: { maxAgeMs: number; batchSize: number };
  /** Story clustering after analysis (config stories.windowHours); without it, no clustering step. */
  stories?: { windowMs: number; leaseMs: number };
}

export interface WorkerParts {
  store: Store;
  fetcher: Fetcher;
  analyser: Analyser;
  /** The resources `analyser` was built from: given, analysis runs on worker threads (stopped by worker.stop). */
  resources?: AnalyserResources;
  /** Analysis threads (default: one per core but one). */
  analysisThreads?: number;
  modelVersion: string;
  settings: WorkerSettings;
  /** Unique per process: lease owner for feeds and jobs. */
  owner: string;
  logger: Logger;
  now: () => number;
  random: () => number;
  /** More steps after polling and analysis (digests, alerts, delivery), in order. */
  extraSteps?: WorkerStep[];
  /** Metrics hooks. */
  observe?: {
    fetchOutcome?: (kind: string) => void;
    analysisSeconds?: (seconds: number) => void;
    workerStep?: (step: string, seconds: number, failed: boolean) => void;
  };
}

export interface WorkerApp {
  worker: Worker;
  analysis: AnalysisRunner;
}

export function buildWorker(parts: WorkerParts): WorkerApp {
  const { store, logger, settings } = parts;
  const analysis = createAnalysisRunner({
    store, fetcher: parts.fetcher, base: parts.analyser, modelVersion: parts.modelVersion,
    fullTextConcurrency: settings.fullTextConcurrency, now: parts.now, observe: parts.observe?.analysisSeconds,
    ...(parts.resources ? { threads: { resources: parts.resources, count: parts.analysisThreads, logger: logger.child({ module: 'analysis' }) } } : {}),
  });
  const refreshDeps = {
    store, fetcher: parts.fetcher, analysis, logger, now: parts.now, random: parts.random, onOutcome: parts.observe?.fetchOutcome,
    settings: { schedule: settings.schedule, maxItemAgeMs: settings.maxItemAgeMs },
  };
  const poller = createPoller(store, refreshDeps, { ...settings.poll, owner: parts.owner }, logger.child({ module: 'poller' }));
  const steps: WorkerStep[] = [
    { name: 'actors', run: () => analysis.refreshActors() },
    { name: 'poll', run: (stopping) => poller.cycle(stopping) },
    { name: 'analyse-pending', run: () => analysis.analysePending(500, logger) },
    ...(settings.stories ? [storyStep({ store, logger, now: parts.now, owner: parts.owner, windowMs: settings.stories.windowMs, leaseMs: settings.stories.leaseMs })] : []),
    ...(parts.extraSteps ?? []),
    { name: 'retention', run: () => store.pruneOlderThan(parts.now() - settings.retention.maxAgeMs, settings.retention.batchSize) },
  ];
  const worker = createWorker({
    tickExpression: settings.tickExpression, steps, logger: logger.child({ module: 'worker' }), now: parts.now, observe: parts.observe?.workerStep,
  });
  const stop = async (graceMs: number): Promise<void> => {
    await worker.stop(graceMs);
    await analysis.close();
  };
  return { worker: { ...worker, stop }, analysis };
}
