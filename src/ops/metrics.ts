// Prometheus metrics (prom-client) for the worker and the bot. Jobs and the bot take plain callbacks
// (`observe…`); this module turns them into metrics, so no other layer depends on prom-client.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface FeedGauges {
  total: number;
  polled: number;
  disabled: number;
  due: number;
  leased: number;
}

export interface Metrics {
  registry: Registry;
  fetchOutcome(kind: string): void;
  articlesAnalysed(n: number): void;
  analysisSeconds(seconds: number): void;
  workerStep(step: string, seconds: number, failed: boolean): void;
  delivery(kind: string, outcome: 'delivered' | 'failed' | 'parked'): void;
  discordRestError(status: number | string): void;
  setFeeds(counts: FeedGauges): void;
  render(): Promise<string>;
}

const DELIVERY_KINDS = ['digest', 'alert'] as const;
const DELIVERY_OUTCOMES = ['delivered', 'failed'] as const;
const FEED_STATES: Array<keyof FeedGauges> = ['total', 'polled', 'disabled', 'due', 'leased'];

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'stancewatch_', eventLoopMonitoringPrecision: 20 });
  const fetches = new Counter({ name: 'stancewatch_feed_fetches_total', help: 'Feed fetch outcomes by kind (ok, not-modified, or the error code).', labelNames: ['outcome'], registers: [registry] });
  const analysed = new Counter({ name: 'stancewatch_articles_analysed_total', help: 'Articles analysed.', registers: [registry] });
  const analysisTime = new Histogram({
    name: 'stancewatch_analysis_seconds', help: 'Time to analyse one article.',
    buckets: [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25], registers: [registry],
  });
  const steps = new Histogram({
    name: 'stancewatch_worker_step_seconds', help: 'Duration of worker tick steps.', labelNames: ['step', 'failed'],
    buckets: [0.01, 0.05, 0.25, 1, 5, 15, 60, 300], registers: [registry],
  });
  const deliveries = new Counter({ name: 'stancewatch_deliveries_total', help: 'Outbox deliveries (digests, alerts, notices) by outcome.', labelNames: ['kind', 'outcome'], registers: [registry] });
  const restErrors = new Counter({ name: 'stancewatch_discord_rest_errors_total', help: 'Discord REST errors by status.', labelNames: ['status'], registers: [registry] });
  const feeds = new Gauge({ name: 'stancewatch_feeds', help: 'Feeds by state (total, polled, disabled, due, leased).', labelNames: ['state'], registers: [registry] });
  // Known series start at 0, so rate() and absence alerts work before the first event.
  for (const kind of DELIVERY_KINDS) for (const outcome of DELIVERY_OUTCOMES) deliveries.inc({ kind, outcome }, 0);
  for (const state of FEED_STATES) feeds.set({ state }, 0);
  return {
    registry,
    fetchOutcome: (kind) => fetches.inc({ outcome: kind }),
    articlesAnalysed: (n) => analysed.inc(n),
    analysisSeconds: (s) => analysisTime.observe(s),
    workerStep: (step, seconds, failed) => steps.observe({ step, failed: String(failed) }, seconds),
    delivery: (kind, outcome) => deliveries.inc({ kind, outcome }),
    discordRestError: (status) => restErrors.inc({ status: String(status) }),
    setFeeds(counts) {
      for (const [state, value] of Object.entries(counts)) feeds.set({ state }, value);
    },
    render: () => registry.metrics(),
  };
}
