import { describe, expect, it, vi } from 'vitest';
import { nextSlotAfter, parseDigestSchedule } from '../../src/core/digest-schedule.js';
import { wallTime } from '../../src/core/tz.js';
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

  it('the tick reads cron as digest schedules do: day-of-month OR day-of-week, same times', async () => {
    const expression = '0 12 13 * fri';
    const worker = createWorker({ tickExpression: expression, logger: silent, now: () => 0, steps: [] });
    const schedule = parseDigestSchedule(expression);
    if (!schedule.ok) throw new Error(schedule.error);
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const ticks: number[] = [];
    const slots: number[] = [];
    for (let t = Date.UTC(2025, 5, 1), i = 0; i < 12; i++) {
      ticks.push(worker.nextTickAt(ticks.at(-1) ?? t) as number);
      slots.push(nextSlotAfter(schedule.value, zone, slots.at(-1) ?? t) as number);
    }
    expect(ticks).toEqual(slots);
    const days = ticks.map((t) => wallTime(t, zone)).map((w) => `${w.month}/${w.day} ${w.hour}:${w.minute}`);
    expect(days).toEqual(['6/6 12:0', '6/13 12:0', '6/20 12:0', '6/27 12:0', '7/4 12:0', '7/11 12:0', '7/13 12:0', '7/18 12:0', '7/25 12:0', '8/1 12:0', '8/8 12:0', '8/13 12:0']);
    await worker.stop(100);
    expect(worker.nextTickAt(Date.UTC(2025, 5, 1))).toBeNull();
  });

  it('start() ticks at once and then on the schedule; stop ends the schedule', async () => {
    vi.useFakeTimers({ now: Date.UTC(2025, 0, 1, 0, 0, 30) });
    try {
      let runs = 0;
      const worker = createWorker({ tickExpression: '* * * * *', logger: silent, now: () => Date.now(), steps: [{ name: 'count', run: async () => void runs++ }] });
      worker.start();
      await vi.advanceTimersByTimeAsync(29_000);
      expect(runs).toBe(1);
      await vi.advanceTimersByTimeAsync(2_000);
      expect(runs).toBe(2);
      await vi.advanceTimersByTimeAsync(60_000);
      expect(runs).toBe(3);
      await worker.stop(1_000);
      await vi.advanceTimersByTimeAsync(180_000);
      expect(runs).toBe(3);
    } finally {
      vi.useRealTimers();
    }
  });
});
