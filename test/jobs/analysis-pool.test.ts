// The analysis pool: worker threads give the same analyses as the main thread's analyser, server-defined actors
// reach the threads, a thread that cannot run leaves its work to the main thread, and the pool never deadlocks
// on its bound. Also the analysis runner with threads, end to end on a real store.
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { ActorDef } from '../../src/core/types.js';
import { createAnalysisPool, type AnalysisPool } from '../../src/jobs/analysis-pool.js';
import { createAnalysisRunner } from '../../src/jobs/analysis.js';
import { createFetcher } from '../../src/ingest/index.js';
import { loadAnalyserResources } from '../../src/resources.js';
import { analyser, fakeClock, silent, tempStore } from './fixtures.js';

const resources = loadAnalyserResources();
const ZORVANIA: ActorDef = { name: 'Zorvania', kind: 'country', aliases: ['Zorvania'] };
const TEXTS = [
  { title: 'Russia condemns NATO drills', text: 'Russia condemned NATO drills, while China praised the European Union for its cooperation.' },
  { title: 'Zorvania under fire', text: 'Zorvania was condemned for its brutal aggression. Critics accused Zorvania of reckless lies and threats.' },
  { title: 'Markets', text: 'Shares rose slightly on Tuesday as investors weighed the outlook.' },
  { title: 'Пример', text: 'Это текст на русском языке о политике и экономике.' },
];

const pools: AnalysisPool[] = [];
afterEach(async () => {
  for (const pool of pools.splice(0)) await pool.close();
});

function pool(options: Partial<Parameters<typeof createAnalysisPool>[0]> = {}): AnalysisPool {
  const p = createAnalysisPool({ resources, threads: 2, inline: () => analyser, logger: silent, ...options });
  pools.push(p);
  return p;
}

const analysesOf = (results: Array<{ analysis: unknown }>) => results.map((r) => r.analysis);

describe('analysis pool', () => {
  it('analyses on worker threads exactly as the main thread does, in order', async () => {
    const p = pool();
    const batches = await Promise.all([TEXTS, [...TEXTS].reverse(), TEXTS.slice(1)].map((batch) => p.analyse(batch)));
    expect(p.threads()).toBe(2);
    expect(analysesOf(batches[0]!)).toEqual(TEXTS.map((t) => analyser.analyse(t)));
    expect(analysesOf(batches[1]!)).toEqual([...TEXTS].reverse().map((t) => analyser.analyse(t)));
    expect(batches[2]!.every((r) => r.seconds >= 0)).toBe(true);
    expect(await p.analyse([])).toEqual([]);
  });

  it('uses server-defined actors from the next batch on, and drops them again', async () => {
    const p = pool();
    const withActor = analyser.withActors([ZORVANIA]);
    expect(analyser.analyse(TEXTS[1]!).actors.map((a) => a.actor)).not.toContain('Zorvania');
    p.setActors([ZORVANIA]);
    const [first, second] = await Promise.all([p.analyse([TEXTS[1]!]), p.analyse(TEXTS)]);
    expect(first![0]!.analysis.actors.map((a) => a.actor)).toContain('Zorvania');
    expect(analysesOf(first!)).toEqual([withActor.analyse(TEXTS[1]!)]);
    expect(analysesOf(second!)).toEqual(TEXTS.map((t) => withActor.analyse(t)));
    p.setActors([]);
    expect(analysesOf(await p.analyse([TEXTS[1]!]))).toEqual([analyser.analyse(TEXTS[1]!)]);
  });

  it('falls back to the main thread when its threads cannot run, and says so once per thread', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'warn' }, new Writable({ write: (chunk, _enc, done) => void (lines.push(String(chunk)), done()) }));
    const broken = { ...resources, model: null as unknown as typeof resources.model };
    const p = pool({ resources: broken, logger });
    const results = await Promise.all([p.analyse(TEXTS), p.analyse(TEXTS.slice(0, 2))]);
    expect(analysesOf(results[0]!)).toEqual(TEXTS.map((t) => analyser.analyse(t)));
    expect(analysesOf(results[1]!)).toEqual(TEXTS.slice(0, 2).map((t) => analyser.analyse(t)));
    await expect.poll(() => p.threads(), { timeout: 10_000 }).toBe(0);
    expect(lines.filter((l) => l.includes('analysis thread lost'))).toHaveLength(2);
    expect(analysesOf(await p.analyse([TEXTS[0]!]))).toEqual([analyser.analyse(TEXTS[0]!)]);
  });

  it('waits for room past its bound without deadlock, even for a batch larger than the bound', async () => {
    const p = pool({ maxQueued: 3 });
    const big = [...TEXTS, ...TEXTS];
    const results = await Promise.all([p.analyse(big), p.analyse(TEXTS), p.analyse(TEXTS.slice(0, 1)), p.analyse(big)]);
    expect(results.map((r) => r.length)).toEqual([8, 4, 1, 8]);
    expect(analysesOf(results[3]!)).toEqual(big.map((t) => analyser.analyse(t)));
  });

  it('finishes batches in flight when closed, then analyses inline', async () => {
    const p = pool();
    const running = p.analyse([...TEXTS, ...TEXTS, ...TEXTS]);
    await p.close();
    expect(p.threads()).toBe(0);
    expect((await running).length).toBe(12);
    expect(analysesOf(await p.analyse([TEXTS[0]!]))).toEqual([analyser.analyse(TEXTS[0]!)]);
  });
});

describe('analysis runner on threads', () => {
  it('stores every new article analysed once, with server-defined actors', async () => {
    const store = await tempStore();
    const clock = fakeClock();
    const fetcher = createFetcher({ userAgent: 't', timeoutMs: 1_000, maxBytes: 1_000_000, maxRedirects: 1, allowPrivateAddresses: true, logger: silent, now: clock.now });
    const runner = createAnalysisRunner({ store, fetcher, base: analyser, modelVersion: 't', fullTextConcurrency: 1, now: clock.now, threads: { resources, count: 2, logger: silent } });
    try {
      await store.addGuildActor({ guildId: 'g', name: 'Zorvania', kind: 'country', aliases: ['Zorvania'], createdBy: 'u', now: 0 });
      await runner.refreshActors();
      const { feed } = await store.addFeed({ url: 'https://news.example/feed.xml', nextCheckAt: 0, now: 0 });
      const articles = TEXTS.map((t, i) => ({ id: `a${i}`, link: `https://news.example/${i}`, outlet: 'News', title: t.title, publishedAt: clock.now(), text: t.text }));
      const prepared = await runner.prepareNew(articles, false, silent);
      await store.insertArticles(feed.id, prepared.articles, { eligible: true, now: clock.now(), analyses: prepared.analyses });
      expect(await store.listPendingAnalysis(10)).toEqual([]);
      expect((await store.getAnalysis('a1'))?.actors.map((a) => a.actor)).toContain('Zorvania');
      expect((await store.getAnalysis('a0'))?.actors).toEqual([...analyser.analyse(TEXTS[0]!).actors].sort((x, y) => x.actor.localeCompare(y.actor)));
    } finally {
      await runner.close();
      await fetcher.close();
      await store.close();
    }
  });
});
