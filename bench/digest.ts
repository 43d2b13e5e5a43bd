// Digest build and render time for a realistic server on SQLite: 50 feeds, 5,000 analysed articles over 30 days,
// 20 watched actors, framing terms. Stored through the store's own write path (articles, analyses, daily
// aggregates). Per run: build = store queries -> DigestInput -> buildDigest (a daily and a weekly period);
// render = Discord payloads (digestMessages) + Markdown; png = the stance chart rasterised. p50/p95 in ms.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pino from 'pino';
import { buildDigest } from '../src/core/digest.js';
import type { Digest } from '../src/core/digest-types.js';
import type { DigestPayload } from '../src/core/outbox-payloads.js';
import type { ArticleAnalysis } from '../src/core/types.js';
import { digestMessages } from '../src/discord/render/digest.js';
import { loadDigestInput } from '../src/jobs/digest-input.js';
import { digestToMarkdown } from '../src/report/markdown.js';
import { stanceChartPng } from '../src/report/png.js';
import { createStore, type Store } from '../src/store/index.js';
import { prng } from './summary-data.js';

const DAY = 86_400_000;
const END = Date.UTC(2026, 10, 1, 8);
const SHAPE = { feeds: 50, articles: 5_000, days: 30, actors: 20 };
const RUNS = 40;
const GUILD = 'bench-guild';
const ACTORS = ['NATO', 'United States', 'China', 'Russia', 'European Union', 'Ukraine', 'Iran', 'India', 'Israel', 'United Nations',
  'Japan', 'Turkey', 'Germany', 'France', 'United Kingdom', 'Brazil', 'South Africa', 'Saudi Arabia', 'North Korea', 'Taiwan'];
const TERMS = ['aggression', 'regime', 'provocation', 'hegemony', 'sanctions', 'partnership', 'crackdown', 'ceasefire', 'escalation', 'sovereignty'];

function analysisOf(random: () => number): ArticleAnalysis {
  const count = 1 + Math.floor(random() * 3);
  const first = Math.floor(random() * ACTORS.length);
  const actors = Array.from({ length: count }, (_, k) => {
    const score = Math.round((random() * 2 - 1) * 1000) / 1000;
    const actor = ACTORS[(first + k * 7) % ACTORS.length] as string;
    const sentence = `${actor} was ${score < 0 ? 'condemned for its reckless conduct' : 'praised for the constructive talks'} on ${TERMS[k % TERMS.length]}.`;
    return {
      actor, score, label: score < -0.2 ? 'negative' as const : score > 0.2 ? 'positive' as const : 'neutral' as const,
      confidence: 0.5 + Math.abs(score) / 2, mentions: 1 + Math.floor(random() * 4),
      evidence: [{ sentence, terms: [score < 0 ? 'reckless' : 'constructive'], score }],
    };
  });
  const framing = Object.fromEntries(TERMS.filter(() => random() < 0.2).map((t) => [t, 1 + Math.floor(random() * 3)]));
  return {
    language: 'en', analysed: true, actors, voices: [], framing,
    sentiment: { score: 2, comparative: 0.05, positivePct: 4, negativePct: 3, polarity: 7, tone: 1, wordCount: 400 },
  };
}

/** 50 feeds subscribed by one server and 5,000 analysed articles spread over the 30 days before END. */
async function seed(store: Store): Promise<void> {
  const random = prng(23);
  const feedIds: number[] = [];
  for (let f = 0; f < SHAPE.feeds; f++) {
    const { feed } = await store.addFeed({ url: `https://bench.example/f${f}.xml`, nextCheckAt: END, now: 0 });
    await store.subscribe({ guildId: GUILD, feedId: feed.id, channelId: 'digests', name: `Outlet ${f}`, createdBy: 'bench', now: 0 });
    feedIds.push(feed.id);
  }
  for (let f = 0; f < SHAPE.feeds; f++) {
    const items = Array.from({ length: SHAPE.articles / SHAPE.feeds }, (_, i) => {
      const publishedAt = END - Math.floor(random() * SHAPE.days * DAY);
      const id = `f${f}-a${i}`;
      return { id, link: `https://bench.example/${id}`, outlet: `Outlet ${f}`, title: `Story ${i} from outlet ${f} about the summit`, publishedAt, text: '' };
    }).sort((a, b) => a.publishedAt - b.publishedAt);
    for (let day = 0; day < SHAPE.days; day++) {
      const chunk = items.filter((a) => Math.floor((END - a.publishedAt) / DAY) === SHAPE.days - 1 - day);
      if (chunk.length === 0) continue;
      // Seen by the poller ten minutes after the newest item of the chunk: digests count articles by when they were seen.
      await store.insertArticles(feedIds[f] as number, chunk, { eligible: true, now: (chunk.at(-1)?.publishedAt ?? END) + 600_000 });
      await store.saveAnalyses(chunk.map((a) => ({ articleId: a.id, analysis: analysisOf(random) })), { modelVersion: 'bench', now: END });
    }
  }
  for (const actor of ACTORS) await store.watchActor(GUILD, actor, 0);
}

async function build(store: Store, days: number): Promise<Digest> {
  const period = { from: END - days * DAY, to: END };
  const input = await loadDigestInput(store, { guildId: GUILD, period, timeZone: 'Europe/Berlin', actors: ACTORS, articlesPerActor: 2, newOnly: true });
  return buildDigest(input);
}

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number;
const round = (ms: number): number => Math.round(ms * 100) / 100;

async function timed<T>(times: number[], fn: () => Promise<T> | T): Promise<T> {
  const start = performance.now();
  const value = await fn();
  times.push(performance.now() - start);
  return value;
}

function stats(prefix: string, times: number[]): Record<string, number> {
  const sorted = [...times].sort((a, b) => a - b);
  return { [`${prefix}_p50_ms`]: round(percentile(sorted, 0.5)), [`${prefix}_p95_ms`]: round(percentile(sorted, 0.95)) };
}

/** Times build, render and PNG of the daily digest, and build of the weekly one, RUNS times after a warm-up. */
async function measure(store: Store): Promise<Record<string, number>> {
  const t = { build: [] as number[], week: [] as number[], render: [] as number[], png: [] as number[] };
  let messages = 0;
  let pngBytes = 0;
  let articles = 0;
  for (let i = -3; i < RUNS; i++) {
    const lap = { build: [] as number[], week: [] as number[], render: [] as number[], png: [] as number[] };
    const digest = await timed(lap.build, () => build(store, 1));
    await timed(lap.week, () => build(store, 7));
    const png = await timed(lap.png, () => stanceChartPng(digest.chart));
    if (!png.ok) throw new Error(`digest bench: chart not rendered: ${png.error}`);
    const payload: DigestPayload = { type: 'digest', digest, timeZone: 'Europe/Berlin', trigger: 'scheduled' };
    const out = await timed(lap.render, () => ({ discord: digestMessages(payload, png.value), markdown: digestToMarkdown(digest, { timeZone: 'Europe/Berlin', chartFile: 'stance.png' }) }));
    if (digest.articles === 0 || out.markdown.length === 0) throw new Error('digest bench: empty digest');
    if (i < 0) continue;
    for (const key of Object.keys(t) as (keyof typeof t)[]) t[key].push(...lap[key]);
    messages = out.discord.length;
    pngBytes = png.value.length;
    articles = digest.articles;
  }
  return {
    ...stats('digest.build_day', t.build), ...stats('digest.build_week', t.week), ...stats('digest.render', t.render), ...stats('digest.png', t.png),
    'digest.day_articles': articles, 'digest.discord_messages': messages, 'digest.png_kb': Math.round(pngBytes / 102.4) / 10,
  };
}

export async function benchDigest(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'sw-bench-digest-'));
  const store = await createStore({ url: `sqlite:${join(dir, 'digest.db')}`, logger: pino({ level: 'silent' }) });
  try {
    await store.migrate();
    const start = performance.now();
    await seed(store);
    const seedMs = performance.now() - start;
    return { ...(await measure(store)), 'digest.seed_5000_articles_s': round(seedMs / 1000) };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
