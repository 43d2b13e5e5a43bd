// A thread of the analysis pool that dies after it was ready (a crash, simulated by terminating it) is replaced:
// the replacement gets the server-defined actors and analyses exactly as before; a pool whose threads keep dying
// stops replacing them and analyses inline. The spawn helper is wrapped to reach the real Worker objects.
import { Writable } from 'node:stream';
import type { Worker } from 'node:worker_threads';
import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ActorDef } from '../../src/core/types.js';
import type * as Threads from '../../src/ingest/threads.js';
import { createAnalysisPool, type AnalysisPool } from '../../src/jobs/analysis-pool.js';
import { loadAnalyserResources } from '../../src/resources.js';
import { analyser } from './fixtures.js';

const spawned = vi.hoisted(() => [] as Worker[]);
vi.mock('../../src/ingest/threads.js', async (importOriginal) => {
  const actual = await importOriginal<typeof Threads>();
  return {
    ...actual,
    spawnModuleThread: (...args: Parameters<typeof actual.spawnModuleThread>) => {
      const worker = actual.spawnModuleThread(...args);
      spawned.push(worker);
      return worker;
    },
  };
});

const resources = loadAnalyserResources();
const ZORVANIA: ActorDef = { name: 'Zorvania', kind: 'country', aliases: ['Zorvania'] };
const TEXT = { title: 'Zorvania under fire', text: 'Zorvania was condemned for its brutal aggression, while China praised the European Union.' };
const pools: AnalysisPool[] = [];
afterEach(async () => {
  for (const pool of pools.splice(0)) await pool.close();
  spawned.length = 0;
});

function rig() {
  const lines: string[] = [];
  const logger = pino({ level: 'info' }, new Writable({ write: (chunk, _enc, done) => void (lines.push(String(chunk)), done()) }));
  const pool = createAnalysisPool({ resources, threads: 1, inline: () => analyser, logger, restartDelayMs: 10 });
  pools.push(pool);
  return { pool, lines };
}

describe('analysis pool thread replacement', () => {
  it('replaces a thread that died after it was ready; the new one has the server-defined actors', async () => {
    const { pool, lines } = rig();
    const expected = analyser.withActors([ZORVANIA]).analyse(TEXT);
    pool.setActors([ZORVANIA]);
    expect((await pool.analyse([TEXT]))[0]!.analysis).toEqual(expected);
    await spawned[0]!.terminate();
    await expect.poll(() => spawned.length, { timeout: 10_000 }).toBe(2);
    expect(pool.threads()).toBe(1);
    expect((await pool.analyse([TEXT]))[0]!.analysis).toEqual(expected);
    expect(lines.some((l) => l.includes('analysis thread lost'))).toBe(true);
    expect(lines.some((l) => l.includes('analysis thread replaced'))).toBe(true);
  });

  it('stops replacing threads that keep dying, and analyses inline from then on', async () => {
    const { pool, lines } = rig();
    for (let i = 0; i < 6; i++) {
      await expect.poll(() => spawned.length, { timeout: 10_000 }).toBe(i + 1);
      await pool.analyse([TEXT]); // the thread is ready once it has answered
      await spawned[i]!.terminate();
    }
    await expect.poll(() => lines.some((l) => l.includes('analysis threads keep failing')), { timeout: 5_000 }).toBe(true);
    expect(spawned).toHaveLength(6);
    expect(pool.threads()).toBe(0);
    expect((await pool.analyse([TEXT]))[0]!.analysis).toEqual(analyser.analyse(TEXT));
  });
});
