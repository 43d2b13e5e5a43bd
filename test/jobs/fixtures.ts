// Shared set-up for job tests: a real SQLite store, the real fetcher (private addresses allowed for 127.0.0.1),
// the real analyser, and a controllable clock.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { createAnalyser } from '../../src/core/analyse.js';
import { DEFAULT_SCHEDULE } from '../../src/core/feed-check-schedule.js';
import { createFetcher } from '../../src/ingest/index.js';
import { createAnalysisRunner } from '../../src/jobs/analysis.js';
import type { RefreshDeps } from '../../src/jobs/refresh.js';
import { loadAnalyserResources } from '../../src/resources.js';
import { createStore, type Store } from '../../src/store/index.js';

export const silent = pino({ level: 'silent' });
const resources = loadAnalyserResources();
export const analyser = createAnalyser(resources);

export interface Clock {
  now: () => number;
  advance(ms: number): void;
  set(ms: number): void;
}

export function fakeClock(start = Date.UTC(2026, 10, 1)): Clock {
  let t = start;
  return { now: () => t, advance: (ms) => void (t += ms), set: (ms) => void (t = ms) };
}

export async function tempStore(url?: string, pgSchema?: string): Promise<Store> {
  const store = await createStore({
    url: url ?? `sqlite:${join(mkdtempSync(join(tmpdir(), 'sw-jobs-')), 'sw.db')}`,
    logger: silent,
    ...(pgSchema ? { pgSchema } : {}),
  });
  await store.migrate();
  return store;
}

export function refreshDeps(store: Store, clock: Clock, overrides: Partial<RefreshDeps['settings']> = {}): RefreshDeps {
  const fetcher = createFetcher({
    userAgent: 'Stancewatch-test', timeoutMs: 3_000, maxBytes: 10 * 1024 * 1024, maxRedirects: 5,
    allowPrivateAddresses: true, logger: silent, now: clock.now,
  });
  const analysis = createAnalysisRunner({ store, fetcher, base: analyser, modelVersion: 'test', fullTextConcurrency: 2, now: clock.now });
  return {
    store, fetcher, analysis, logger: silent, now: clock.now, random: () => 0.5,
    settings: { schedule: { ...DEFAULT_SCHEDULE, disableAfterErrors: 3 }, maxItemAgeMs: 365 * 86_400_000, ...overrides },
  };
}

export interface SampleItem {
  guid: string;
  title: string;
  body: string;
  daysAgo?: number;
  link?: string;
}

export function rss(title: string, items: SampleItem[], now: number): string {
  const entries = items.map((i) => `<item><guid isPermaLink="false">${i.guid}</guid><title>${i.title}</title>` +
    `<link>${i.link ?? `https://news.example/${i.guid}`}</link>` +
    `<pubDate>${new Date(now - (i.daysAgo ?? 1) * 86_400_000).toUTCString()}</pubDate>` +
    `<description>${i.body}</description></item>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${title}</title>` +
    `<link>https://news.example/</link><description>test</description>${entries}</channel></rss>`;
}
