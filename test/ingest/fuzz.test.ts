// Issue 8 "Fuzzing and hostile input": over 10,000 documents mutated deterministically (seeded PRNG) from the shared
// feed corpus go through parseFeedDocument (decode + parse + normalise). Every case must come back as a value (the
// last-resort catch in parse.ts must never fire), within a generous per-case bound (a hang detector, not a speed
// test), with output bounded by its input (entity bombs do not expand), and the heap must stay bounded.
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseFeedDocument } from '../../src/ingest/index.js';
import { SHARED } from './fetch-helpers.js';
import { type Case, type Family, loadSeeds, MUTATORS, seededRng } from './fuzz-mutators.js';

const FEEDS = join(SHARED, 'feeds');
/** Cases per mutation family (10,000+ in all); the heavy families (MiB-sized inputs) get fewer. */
const PLAN: [Family, number][] = [
  ['truncate', 2_000], ['flipBytes', 2_000], ['invalidUtf8', 1_500], ['randomCharset', 1_500], ['entityBombs', 400],
  ['deepNesting', 150], ['hugeAttribute', 100], ['duplicateSpan', 400], ['splice', 1_000], ['stacked', 1_000],
];
/** Hang detector: a case that takes this long is stuck, not slow. */
const CASE_BOUND_MS = 5_000;
/** Text a document may gain over its own size (the bounded DTD entity expansion is 1 MiB). */
const EXPANSION_ALLOWANCE = 2 * 1024 * 1024;
const MiB = 1024 * 1024;
const CODES = new Set(['FEED_PARSE', 'NOT_A_FEED', 'EMPTY']);

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const groups = [
  loadSeeds([join(FEEDS, 'rss-parser', 'input')], 24 * 1024),
  loadSeeds([join(FEEDS, 'outlets')], 24 * 1024),
  loadSeeds([join(FEEDS, 'feedparser')], 64 * 1024),
];
const corpus = groups.flat();

interface Stats {
  cases: number;
  slowestMs: number;
  peakHeap: number;
  problems: string[];
}
const stats: Stats = { cases: 0, slowestMs: 0, peakHeap: 0, problems: [] };
let baselineHeap = 0;

beforeAll(() => {
  gc();
  baselineHeap = process.memoryUsage().heapUsed;
});

/** What is wrong with one result, if anything. */
function problemWith(result: Awaited<ReturnType<typeof parseFeedDocument>>, input: Case): string | undefined {
  if (!result.ok) {
    if (!CODES.has(result.error.code) || typeof result.error.message !== 'string') return `bad error ${JSON.stringify(result.error)}`;
    if (result.error.message.startsWith('unexpected parser failure')) return `escaped to the last-resort catch: ${result.error.message}`;
    return undefined;
  }
  const size = textSize(result.value);
  if (size > 2 * input.bytes.length + EXPANSION_ALLOWANCE) return `output of ${size} chars from ${input.bytes.length} bytes`;
  if (!Array.isArray(result.value.items) || typeof result.value.title !== 'string') return 'malformed ParsedFeed';
  return undefined;
}

/** Characters of text held in a value (strings, recursively). */
function textSize(value: unknown): number {
  if (typeof value === 'string') return value.length;
  if (value && typeof value === 'object') return Object.values(value).reduce((n: number, v) => n + textSize(v), 0);
  return 0;
}

async function runFamily(family: Family, count: number, seed: number): Promise<void> {
  const rng = seededRng(seed);
  for (let i = 0; i < count; i++) {
    const group = groups[Math.floor(rng() * groups.length)] as Buffer[];
    const doc = group[Math.floor(rng() * group.length)] as Buffer;
    const input = MUTATORS[family](doc, rng, corpus);
    const started = performance.now();
    const result = await parseFeedDocument(input.bytes, { url: 'http://127.0.0.1/feed.xml', ...(input.contentType ? { contentType: input.contentType } : {}) });
    const ms = performance.now() - started;
    stats.cases++;
    stats.slowestMs = Math.max(stats.slowestMs, ms);
    stats.peakHeap = Math.max(stats.peakHeap, process.memoryUsage().heapUsed);
    const problem = ms > CASE_BOUND_MS ? `took ${Math.round(ms)} ms` : problemWith(result, input);
    if (problem) stats.problems.push(`${family} #${i} (seed ${seed}): ${problem}`);
  }
}

describe('parser fuzzing (seeded, 10,000+ cases)', () => {
  it('loads a corpus of real feeds to mutate', () => {
    expect(groups.every((g) => g.length > 0) && corpus.length > 1_000).toBe(true);
  });

  it.each(PLAN.map(([family, count], i) => [family, count, 7_919 * (i + 1)] as const))(
    '%s: %i cases come back as values, in bounded time and size',
    async (family, count, seed) => {
      const before = stats.problems.length;
      await runFamily(family, count, seed);
      expect(stats.problems.slice(before, before + 5)).toEqual([]);
    },
    120_000,
  );
});

describe('parser fuzzing: bounds over the whole run', () => {
  it(`10,000+ cases ran; none took ${CASE_BOUND_MS} ms; the heap peaked under 768 MiB above the start, kept under 64 MiB`, () => {
    gc();
    expect(stats.cases).toBeGreaterThanOrEqual(10_000);
    const retained = process.memoryUsage().heapUsed - baselineHeap;
    expect(stats.slowestMs).toBeLessThan(CASE_BOUND_MS);
    expect(stats.peakHeap - baselineHeap).toBeLessThan(768 * MiB);
    expect(retained).toBeLessThan(64 * MiB);
  });
});

describe('entity bombs, spelled out', () => {
  const laughs = ['<!ENTITY a0 "ha">', ...Array.from({ length: 12 }, (_, i) => `<!ENTITY a${i + 1} "${`&a${i};`.repeat(10)}">`)].join('');

  it('billion laughs is not expanded: the reference stays unresolved text', async () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE rss [${laughs}]><rss version="2.0"><channel><title>t &a12;</title></channel></rss>`;
    const result = await parseFeedDocument(Buffer.from(xml));
    expect(result.ok && result.value.title).toBe('t &a12;');
  });

  it('a quadratic blow-up stops at the 1 MiB expansion budget', async () => {
    const xml = `<!DOCTYPE rss [<!ENTITY big "${'A'.repeat(100_000)}">]><rss version="2.0"><channel>` +
      `<title>${'&big;'.repeat(1_000)}</title></channel></rss>`;
    const result = await parseFeedDocument(Buffer.from(xml));
    const title = result.ok ? result.value.title : '';
    expect(title.length).toBeGreaterThan(100_000);
    expect(title.length).toBeLessThan(MiB + 1_000 * '&big;'.length);
  });
});
