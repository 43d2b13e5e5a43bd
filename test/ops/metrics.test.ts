// /metrics of a running worker app: valid Prometheus text with every metric operators are told to watch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { body, status } from '../helpers/feed-server.js';
import { cycleFeed } from '../scale/cluster.js';
import { pgReachable } from '../scale/pg.js';
import { startTestApp, type TestApp } from './app-fixture.js';
import { parsePrometheus, sample, type Family } from './prom.js';

const reachable = await pgReachable();
let t: TestApp;
let families: Map<string, Family>;

beforeAll(async () => {
  if (!reachable) return;
  t = await startTestApp('sw_metrics');
  await t.addFeeds(6, (i) => (i < 4 ? body(cycleFeed(i, 2, Date.now())) : status(404)));
  const scrape = async () => parsePrometheus(await (await fetch(`${t.base}/metrics`)).text());
  const fetches = () => families.get('stancewatch_feed_fetches_total')?.samples.reduce((n, s) => n + s.value, 0) ?? 0;
  // Analysis runs on a worker thread after the fetch is counted: wait for it too.
  const analysed = () => sample(families, 'stancewatch_articles_analysed_total', 'stancewatch_articles_analysed_total') ?? 0;
  const until = Date.now() + 30_000;
  do {
    await new Promise((r) => setTimeout(r, 250));
    families = await scrape();
  } while ((fetches() < 6 || analysed() < 8 || sample(families, 'stancewatch_feeds', 'stancewatch_feeds', { state: 'total' }) !== 6) && Date.now() < until);
}, 60_000);

afterAll(async () => {
  if (reachable) await t?.close();
}, 30_000);

describe.skipIf(!reachable)('/metrics of a worker', () => {
  it('counts fetch outcomes by kind', () => {
    expect(families.get('stancewatch_feed_fetches_total')?.type).toBe('counter');
    expect(sample(families, 'stancewatch_feed_fetches_total', 'stancewatch_feed_fetches_total', { outcome: 'ok' })).toBe(4);
    const failures = families.get('stancewatch_feed_fetches_total')?.samples.filter((s) => s.labels['outcome'] !== 'ok') ?? [];
    expect(failures.length).toBeGreaterThan(0);
    expect(failures.reduce((n, s) => n + s.value, 0)).toBe(2);
  });

  it('reports feeds by state (due, leased = claimed, disabled) from the database', () => {
    expect(families.get('stancewatch_feeds')?.type).toBe('gauge');
    for (const state of ['total', 'polled', 'due', 'leased', 'disabled']) {
      expect(sample(families, 'stancewatch_feeds', 'stancewatch_feeds', { state }), state).toBeTypeOf('number');
    }
    expect(sample(families, 'stancewatch_feeds', 'stancewatch_feeds', { state: 'total' })).toBe(6);
  });

  it('counts analysed articles and their analysis time in a histogram', () => {
    expect(sample(families, 'stancewatch_articles_analysed_total', 'stancewatch_articles_analysed_total')).toBe(8);
    expect(families.get('stancewatch_analysis_seconds')?.type).toBe('histogram');
    expect(sample(families, 'stancewatch_analysis_seconds', 'stancewatch_analysis_seconds_count')).toBe(8);
    expect(sample(families, 'stancewatch_analysis_seconds', 'stancewatch_analysis_seconds_bucket', { le: '+Inf' })).toBe(8);
  });

  it('exposes digests and alerts delivered/failed from zero, and Discord REST errors', () => {
    for (const kind of ['digest', 'alert']) {
      for (const outcome of ['delivered', 'failed']) {
        expect(sample(families, 'stancewatch_deliveries_total', 'stancewatch_deliveries_total', { kind, outcome })).toBe(0);
      }
    }
    expect(families.get('stancewatch_discord_rest_errors_total')?.type).toBe('counter');
  });

  it('exposes event-loop lag, process memory and worker step durations', () => {
    expect(families.get('stancewatch_nodejs_eventloop_lag_seconds')?.samples[0]?.value).toBeGreaterThanOrEqual(0);
    expect(families.get('stancewatch_process_resident_memory_bytes')?.samples[0]?.value).toBeGreaterThan(10 * 2 ** 20);
    expect(families.get('stancewatch_nodejs_heap_size_used_bytes')?.samples[0]?.value).toBeGreaterThan(0);
    const steps = families.get('stancewatch_worker_step_seconds')?.samples.map((s) => s.labels['step']) ?? [];
    expect(new Set(steps)).toEqual(expect.objectContaining(new Set(['poll', 'retention'])));
  });
});
