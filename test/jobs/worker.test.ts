import { describe, expect, it } from 'vitest';
import { createWorker, isTicking } from '../../src/jobs/worker.js';
import { silent } from './fixtures.js';

describe('worker', () => {
  it('runs every step in order, isolates a failing step, and records the tick', async () => {
    const ran: string[] = [];
    const observed: Array<[string, boolean]> = [];
    let t = 1000;
    const worker = createWorker({
      tickExpression: '* * * * *', logger: silent, now: () => t,
      observe: (step, _s, failed) => observed.push([step, failed]),
      steps: [
        { name: 'a', run: async () => void ran.push('a') },
        { name: 'boom', run: async () => { throw new Error('step failed'); } },
        { name: 'c', run: async () => void ran.push('c') },
      ],
    });
    t = 2000;
    await worker.tick();
    expect(ran).toEqual(['a', 'c']);
    expect(observed).toEqual([['a', false], ['boom', true], ['c', false]]);
    expect(worker.health()).toMatchObject({ startedAt: 1000, lastTickAt: 2000, tickStartedAt: null, ticks: 1 });
  });

  it('never overlaps ticks, and stop waits for the running tick (bounded)', async () => {
    let release = (): void => undefined;
    let runs = 0;
    const worker = createWorker({
      tickExpression: '* * * * *', logger: silent, now: () => 0,
      steps: [{ name: 'slow', run: () => { runs++; return new Promise<void>((r) => { release = r; }); } }],
    });
    const first = worker.tick();
    const second = worker.tick();
    expect(runs).toBe(1);
    const stopped = worker.stop(5_000);
    release();
    await Promise.all([first, second, stopped]);
    await worker.tick();
    expect(runs).toBe(1);
  });

  it('gives up waiting after the grace period', async () => {
    const worker = createWorker({
      tickExpression: '* * * * *', logger: silent, now: () => 0,
      steps: [{ name: 'stuck', run: () => new Promise<void>(() => undefined) }],
    });
    void worker.tick();
    const started = Date.now();
    await worker.stop(100);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('passes a stopping flag to long steps', async () => {
    let sawStop = false;
    const worker = createWorker({
      tickExpression: '* * * * *', logger: silent, now: () => 0,
      steps: [{ name: 'loop', run: async (stopping) => {
        for (let i = 0; i < 100 && !stopping(); i++) await new Promise((r) => setTimeout(r, 5));
        sawStop = stopping();
      } }],
    });
    const tick = worker.tick();
    await new Promise((r) => setTimeout(r, 20));
    await worker.stop(5_000);
    await tick;
    expect(sawStop).toBe(true);
  });

  it('reports ticking health from the last tick or the running one', () => {
    const base = { startedAt: 0, lastTickAt: null, tickStartedAt: null, ticks: 0 };
    expect(isTicking(base, 1000, 5000)).toBe(true);
    expect(isTicking(base, 6000, 5000)).toBe(false);
    expect(isTicking({ ...base, lastTickAt: 5000 }, 6000, 5000)).toBe(true);
    expect(isTicking({ ...base, tickStartedAt: 4000 }, 8000, 5000)).toBe(true);
  });
});
