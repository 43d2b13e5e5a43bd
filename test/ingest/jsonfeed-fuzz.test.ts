// The parser fuzz families (fuzz-mutators.ts) applied to JSON Feed documents: every case comes back as a value
// (never the last-resort catch), in bounded time, with output bounded by the input (content_text escaping
// "<" as "&lt;" may grow it fourfold).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { parseFeedDocument } from '../../src/ingest/index.js';
import { type Family, MUTATORS, seededRng } from './fuzz-mutators.js';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name));
const generated = Buffer.from(JSON.stringify({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Generated',
  items: Array.from({ length: 40 }, (_, n) => ({
    id: `g${n}`, url: `https://g.example/${n}`, title: `Item ${n} “quoted” \u00e9`, content_html: `<p>Body ${n}</p>`,
    date_published: '2024-01-02T10:00:00Z', tags: ['a', 'b'], authors: [{ name: 'A' }],
  })),
}));
const seeds = [fixture('jsonfeed-1.0.json'), fixture('jsonfeed-1.1.json'), generated];
const FAMILIES: Family[] = ['truncate', 'flipBytes', 'invalidUtf8', 'randomCharset', 'duplicateSpan', 'splice', 'stacked'];
const CASES = 300;

function textSize(value: unknown): number {
  if (typeof value === 'string') return value.length;
  if (value && typeof value === 'object') return Object.values(value).reduce((n: number, v) => n + textSize(v), 0);
  return 0;
}

describe('JSON Feed fuzzing', () => {
  it.each(FAMILIES.map((family, i) => [family, 104_729 * (i + 1)] as const))('%s: cases come back as values, bounded', async (family, seed) => {
    const rng = seededRng(seed);
    const problems: string[] = [];
    for (let i = 0; i < CASES; i++) {
      const input = MUTATORS[family](seeds[i % seeds.length] as Buffer, rng, seeds);
      const started = performance.now();
      const result = await parseFeedDocument(input.bytes, input.contentType ? { contentType: input.contentType } : {});
      const ms = performance.now() - started;
      if (ms > 5_000) problems.push(`#${i} took ${Math.round(ms)} ms`);
      if (!result.ok && result.error.message.startsWith('unexpected parser failure')) problems.push(`#${i}: ${result.error.message}`);
      if (result.ok && textSize(result.value) > 4 * input.bytes.length + 1024) problems.push(`#${i}: output of ${textSize(result.value)} chars`);
    }
    expect(problems.slice(0, 5)).toEqual([]);
  }, 120_000);
});
