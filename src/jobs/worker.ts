// The worker: a cron tick (poll.tick) that runs its steps in order (poll feeds, analyse leftovers, schedule
// digests, evaluate alerts, prune, deliver offline). Each step is isolated: one failing step is logged and the
// rest run. stop() stops taking new work and waits (bounded) for the running tick to finish.
// The tick expression is read by croner with the options of src/core/cron.ts, exactly as digest schedules are
// read (one dialect: 5 or 6 fields, day-of-month OR day-of-week), in the process's local zone; node-cron is the
// timer that wakes the worker to check it (src/jobs/tick-timer.ts).
import { Cron } from 'croner';
import type { Logger } from 'pino';
import { cronOptions } from '../core/cron.js';
import { startTickTimer, type TickTimer } from './tick-timer.js';

export interface WorkerStep {
  name: string;
  /** `stopping()` turns true when shutdown begins: long steps should check it between units of work. */
  run(stopping: () => boolean): Promise<unknown>;
}

export interface WorkerHealth {
  /** When the worker started (epoch ms). */
  startedAt: number;
  /** When the last tick finished (epoch ms), null before the first. */
  lastTickAt: number | null;
  /** When the running tick started, null when idle. */
  tickStartedAt: number | null;
  ticks: number;
}

/** Healthy when a tick finished, or the running one started, within `staleMs` (or the worker just started). */
export function isTicking(h: WorkerHealth, now: number, staleMs: number): boolean {
  const last = Math.max(h.lastTickAt ?? h.startedAt, h.tickStartedAt ?? 0);
  return now - last <= staleMs;
}

export interface Worker {
  start(): void;
  /** Runs one tick now (also what the schedule calls). Overlapping calls wait for the running tick. */
  tick(): Promise<void>;
  /** When the schedule runs the tick next after `after` (epoch ms); null once stopping. */
  nextTickAt(after: number): number | null;
  stop(graceMs: number): Promise<void>;
  health(): WorkerHealth;
}

export interface WorkerOptions {
  tickExpression: string;
  steps: WorkerStep[];
  logger: Logger;
  now: () => number;
  /** Called after each step with its duration in seconds and whether it failed (metrics). */
  observe?: (step: string, seconds: number, failed: boolean) => void;
}

export function createWorker(options: WorkerOptions): Worker {
  const { logger } = options;
  // Without a function croner only computes times (no timer); it throws on an expression that src/config.ts
  // refuses at start.
  const schedule = new Cron(options.tickExpression, cronOptions());
  let timer: TickTimer | null = null;
  let current: Promise<void> | null = null;
  let stopping = false;
  const health: WorkerHealth = { startedAt: options.now(), lastTickAt: null, tickStartedAt: null, ticks: 0 };

  const runSteps = async (): Promise<void> => {
    for (const step of options.steps) {
      if (stopping) break;
      const started = performance.now();
      let failed = false;
      try {
        const result = await step.run(() => stopping);
        logger.debug({ step: step.name, result }, 'worker step done');
      } catch (error) {
        failed = true;
        logger.error({ err: error, step: step.name }, 'worker step failed');
      }
      options.observe?.(step.name, (performance.now() - started) / 1000, failed);
    }
    health.lastTickAt = options.now();
    health.ticks++;
  };

  const tick = async (): Promise<void> => {
    if (current) return current;
    if (stopping) return;
    health.tickStartedAt = options.now();
    current = runSteps().finally(() => {
      current = null;
      health.tickStartedAt = null;
    });
    return current;
  };

  return {
    start() {
      // tick() never rejects (each step's failure is caught and logged) and never overlaps itself; the timer
      // catches up a run that came during a tick once it ends. Runs up to now are covered by the tick at once.
      // `from` is on node-cron's clock (Date), as are its heartbeats.
      timer = startTickTimer({
        expression: options.tickExpression, schedule, from: Date.now(), busy: () => current !== null, tick, logger,
      });
      logger.info({ tick: options.tickExpression, steps: options.steps.map((s) => s.name) }, 'worker started');
      void tick();
    },
    tick,
    nextTickAt: (after) => (stopping ? null : schedule.nextRun(new Date(after))?.getTime() ?? null),
    async stop(graceMs) {
      stopping = true;
      await timer?.stop();
      if (current) {
        const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), graceMs).unref());
        const outcome = await Promise.race([current.then(() => 'done' as const), timeout]);
        if (outcome === 'timeout') logger.warn({ graceMs }, 'worker stopped before the running tick finished');
      }
      logger.info('worker stopped');
    },
    health: () => ({ ...health }),
  };
}
