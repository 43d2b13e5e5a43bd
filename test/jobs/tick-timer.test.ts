// The worker's tick is woken by node-cron (a heartbeat task) and due by croner: node-cron's task is the timer,
// croner's reading of the expression (day-of-month OR day-of-week, zones, DST) decides when the tick runs.
import { Cron } from 'croner';
import cron from 'node-cron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cronOptions } from '../../src/core/cron.js';
import { startTickTimer } from '../../src/jobs/tick-timer.js';
import { createWorker, type WorkerStep } from '../../src/jobs/worker.js';
import { silent } from './fixtures.js';

/** A step that records when (fake clock) each tick started; `slowFirstMs` makes the first tick that long. */
function recorder(slowFirstMs = 0): { starts: number[]; step: WorkerStep } {
  const starts: number[] = [];
  return {
    starts,
    step: { name: 'record', run: async () => {
      starts.push(Date.now());
      if (starts.length === 1 && slowFirstMs > 0) await new Promise((r) => setTimeout(r, slowFirstMs));
    } },
  };
}

const tickTasks = (): string[] => [...cron.getTasks().values()].filter((t) => t.name === 'stancewatch-tick').map((t) => `${t.getPattern()} ${t.getStatus()}`);

describe('tick timer (node-cron heartbeat, croner schedule)', () => {
  beforeEach(() => void vi.useFakeTimers({ now: Date.UTC(2025, 0, 1, 0, 0, 0, 500) }));
  afterEach(async () => {
    for (const task of cron.getTasks().values()) await task.destroy(); // a failed test's leftover
    vi.useRealTimers();
  });

  it('the tick is driven by node-cron: a per-second task for a seconds tick, stopping it stops the tick, stop removes it', async () => {
    const { starts, step } = recorder();
    const worker = createWorker({ tickExpression: '*/2 * * * * *', logger: silent, now: () => Date.now(), steps: [step] });
    worker.start();
    expect(tickTasks()).toEqual(['* * * * * * idle']);
    await vi.advanceTimersByTimeAsync(6_000);
    const base = Date.UTC(2025, 0, 1);
    expect(starts.map((t) => t - base)).toEqual([500, 2_000, 4_000, 6_000]);
    // Stopping node-cron's task (nothing else) stops the ticks: it is the only timer.
    const task = [...cron.getTasks().values()].find((t) => t.name === 'stancewatch-tick');
    await task?.stop();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(starts).toHaveLength(4);
    await task?.start();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(starts.at(-1)! - base).toBe(17_000); // the runs at 8-16 s, while it was stopped, are one tick
    expect(starts).toHaveLength(5);
    await worker.stop(1_000);
    expect(tickTasks()).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(starts).toHaveLength(5);
  });

  it('a five-field tick gets a per-minute heartbeat', async () => {
    const worker = createWorker({ tickExpression: '@hourly', logger: silent, now: () => Date.now(), steps: [] });
    worker.start();
    expect(tickTasks()).toEqual(['* * * * * idle']);
    await worker.stop(1_000);
    const five = createWorker({ tickExpression: ' */5  * * * * ', logger: silent, now: () => Date.now(), steps: [] });
    five.start();
    expect(tickTasks()).toEqual(['* * * * * idle']);
    await five.stop(1_000);
    expect(tickTasks()).toEqual([]);
  });

  it('ticks on croner\'s day-of-month OR day-of-week, as digests do (not node-cron\'s AND)', async () => {
    vi.setSystemTime(new Date(2025, 6, 11, 11, 0)); // Friday 11 July 2025, 11:00 local time
    const { starts, step } = recorder();
    const worker = createWorker({ tickExpression: '0 12 13 * fri', logger: silent, now: () => Date.now(), steps: [step] });
    worker.start();
    await vi.advanceTimersByTimeAsync(2 * 86_400_000 + 2 * 3_600_000); // to Sunday 13 July, 13:00
    await worker.stop(1_000);
    const local = starts.map((t) => new Date(t)).map((d) => `${d.getDate()} ${d.getHours()}:${d.getMinutes()}`);
    expect(local).toEqual(['11 11:0', '11 12:0', '13 12:0']); // at start, Friday, Sunday the 13th
  });

  it('one catch-up tick after a slow tick (never two for one run, none skipped), then on time', async () => {
    const { starts, step } = recorder(25_000);
    const worker = createWorker({ tickExpression: '*/10 * * * * *', logger: silent, now: () => Date.now(), steps: [step] });
    worker.start();
    await vi.advanceTimersByTimeAsync(45_000);
    await worker.stop(1_000);
    const base = Date.UTC(2025, 0, 1);
    // The first tick runs 0.5-25.5 s: the runs at 10 and 20 s are one tick at 26 s; then 30 and 40 s.
    expect(starts.map((t) => t - base)).toEqual([500, 26_000, 30_000, 40_000]);
  });

  it('keeps a real-time tick going through the autumn DST change of its zone (heartbeat matched in UTC)', async () => {
    vi.setSystemTime(Date.UTC(2025, 9, 26, 0, 0, 30)); // 02:00:30 CEST; at 01:00 UTC clocks go 03:00 -> 02:00
    const starts: number[] = [];
    let busy = false;
    const timer = startTickTimer({
      expression: '*/15 * * * *', schedule: new Cron('*/15 * * * *', cronOptions('Europe/Berlin')), from: Date.now(),
      busy: () => busy, tick: async () => { busy = true; starts.push(Date.now()); busy = false; }, logger: silent,
    });
    await vi.advanceTimersByTimeAsync(2 * 3_600_000);
    await timer.stop();
    const minutes = starts.map((t) => (t - Date.UTC(2025, 9, 26)) / 60_000);
    expect(minutes).toEqual([15, 30, 45, 60, 75, 90, 105, 120]);
  });
});
