// `/summary`-style query — stance per actor per day for one server over 30 days — over 1,000,000 stored per-actor
// scores, on SQLite and on PostgreSQL (TEST_DATABASE_URL, default the local CI server; skipped with a note when
// unreachable). Measures the store's own query (actorDailySeries) over random servers and windows: p50 and p95.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import pino from 'pino';
import { createStore, type Store } from '../src/store/index.js';
import { DAY, loadPostgres, loadSqlite, prng, type Shape } from './summary-data.js';

const PG_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const SHAPE: Shape = { guilds: 20, feedsPerGuild: 20, articles: 250_000, actorsPerArticle: 4, days: 180, end: Date.UTC(2026, 10, 1) };
const QUERIES = 300;
const logger = pino({ level: 'silent' });

type Figures = Record<string, number>;

/** Every server subscribes to its own feeds; returns the feed ids in creation order. */
async function addGuildFeeds(store: Store): Promise<number[]> {
  const ids: number[] = [];
  for (let g = 0; g < SHAPE.guilds; g++) {
    for (let f = 0; f < SHAPE.feedsPerGuild; f++) {
      const { feed } = await store.addFeed({ url: `https://bench.example/g${g}/f${f}.xml`, nextCheckAt: SHAPE.end, now: 0 });
      await store.subscribe({ guildId: `g${g}`, feedId: feed.id, channelId: 'c', name: `f${f}`, createdBy: 'bench', now: 0 });
      ids.push(feed.id);
    }
  }
  return ids;
}

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number;
const round = (ms: number): number => Math.round(ms * 100) / 100;

function window(random: () => number) {
  const guildId = `g${Math.floor(random() * SHAPE.guilds)}`;
  const to = SHAPE.end - Math.floor(random() * (SHAPE.days - 30)) * DAY;
  return { guildId, from: to - 30 * DAY, to };
}

/** Times `actorDailySeries` (and, for comparison, the exact per-score `actorStats`) over random windows. */
async function measure(store: Store, prefix: string): Promise<Figures> {
  const random = prng(11);
  const probe = window(random);
  const series = await store.actorDailySeries(probe);
  const exact = await store.actorStats(probe);
  const total = (rows: Array<{ n: number }>) => rows.reduce((n, r) => n + r.n, 0);
  if (series.length === 0 || total(series) !== total(exact)) throw new Error(`summary bench: daily aggregates disagree with the scores (${total(series)} vs ${total(exact)})`);
  for (let i = 0; i < 20; i++) await store.actorDailySeries(window(random));
  const times: number[] = [];
  for (let i = 0; i < QUERIES; i++) {
    const range = window(random);
    const start = performance.now();
    await store.actorDailySeries(range);
    times.push(performance.now() - start);
  }
  const exactTimes: number[] = [];
  for (let i = 0; i < 30; i++) {
    const range = window(random);
    const start = performance.now();
    await store.actorStats(range);
    exactTimes.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  exactTimes.sort((a, b) => a - b);
  return {
    [`summary.${prefix}_p50_ms`]: round(percentile(times, 0.5)),
    [`summary.${prefix}_p95_ms`]: round(percentile(times, 0.95)),
    [`summary.${prefix}_exact_scores_p95_ms`]: round(percentile(exactTimes, 0.95)),
    [`summary.${prefix}_rows_per_query`]: series.length,
  };
}

async function onSqlite(): Promise<Figures> {
  const dir = mkdtempSync(join(tmpdir(), 'sw-bench-summary-'));
  const url = `sqlite:${join(dir, 'bench.db')}`;
  try {
    const setup = await createStore({ url, logger });
    await setup.migrate();
    const feedIds = await addGuildFeeds(setup);
    await setup.close();
    const loadStart = performance.now();
    loadSqlite(join(dir, 'bench.db'), SHAPE, feedIds);
    const loadS = (performance.now() - loadStart) / 1000;
    const store = await createStore({ url, logger });
    try {
      return { ...(await measure(store, 'sqlite')), 'summary.sqlite_load_s': Math.round(loadS) };
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function onPostgres(): Promise<Figures> {
  const schema = `sw_bench_summary_${process.pid}`;
  const admin = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3_000 });
  try {
    await admin.connect();
  } catch (error) {
    process.stderr.write(`bench summary: PostgreSQL at ${new URL(PG_URL).host} is unreachable (${(error as Error).message}); skipped\n`);
    return {};
  }
  const store = await createStore({ url: PG_URL, logger, pgSchema: schema });
  try {
    await store.migrate();
    const feedIds = await addGuildFeeds(store);
    const loadStart = performance.now();
    await loadPostgres(PG_URL, schema, SHAPE, feedIds);
    const loadS = (performance.now() - loadStart) / 1000;
    return { ...(await measure(store, 'postgres')), 'summary.postgres_load_s': Math.round(loadS) };
  } finally {
    await store.close();
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
  }
}

export async function benchSummary(): Promise<Figures> {
  const scores = SHAPE.articles * SHAPE.actorsPerArticle;
  return { 'summary.stored_scores': scores, ...(await onSqlite()), ...(await onPostgres()) };
}
