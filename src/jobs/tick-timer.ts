// The worker's timer: node-cron 4 wakes the worker, croner (src/core/cron.ts, the one cron dialect) decides
// whether a tick is due. node-cron runs a heartbeat task at the tick expression's finest granularity (every
// second when the expression has a seconds field, else every minute) and never reads the tick expression
// itself, so node-cron's own dialect (day-of-month AND day-of-week) never applies. On each heartbeat the tick
// runs when croner's first run after the last tick's heartbeat has come: one tick however many runs passed
// (e.g. during a slow tick), none while a tick is running (those runs are caught up when it ends).
// The heartbeat is matched in UTC: whole seconds and minutes are the same instants in every zone in use, and
// node-cron matches wall-clock time, so in a zone with DST a per-minute heartbeat would pause for the repeated
// hour at the autumn change; croner applies the tick's zone to the runs.
import type { Cron } from 'croner';
import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from 'pino';
import { nextRunAfter } from '../core/cron.js';

export interface TickTimerOptions {
  /** The tick expression as written (to see whether it has a seconds field). */
  expression: string;
  /** The same expression read by croner, with the zone the tick runs in. */
  schedule: Cron;
  /** Ticks due after this instant (epoch ms) run; the worker passes its start, when it ticks at once. */
  from: number;
  /** True while a tick runs (started by the timer or not). */
  busy: () => boolean;
  /** Runs one tick; resolves when it ends and never rejects. */
  tick: () => Promise<void>;
  logger: Logger;
}

export interface TickTimer {
  /** node-cron's task (for inspection). */
  task: ScheduledTask;
  /** Stops and removes the node-cron task; no heartbeat runs after. */
  stop(): Promise<void>;
}

/** The heartbeat: every second for a 6-field expression, else every minute (nicknames have no seconds). */
export function heartbeatExpression(expression: string): string {
  return expression.trim().split(/\s+/).length === 6 ? '* * * * * *' : '* * * * *';
}

export function startTickTimer(options: TickTimerOptions): TickTimer {
  let last = options.from;
  const onHeartbeat = async (at: number): Promise<void> => {
    if (options.busy()) return;
    const due = nextRunAfter(options.schedule, last);
    if (due === null || due > at) return;
    last = at;
    await options.tick();
  };
  const task = cron.schedule(heartbeatExpression(options.expression), (context) => onHeartbeat(context.date.getTime()), {
    name: 'stancewatch-tick',
    timezone: 'UTC',
    // A heartbeat that comes while the previous one still awaits its tick is skipped (the tick is caught up).
    noOverlap: true,
    // A late heartbeat (busy event loop) still runs: only the latest passed one, which is all croner needs.
    missedExecutionTolerance: 86_400_000,
    suppressMissedWarning: true,
    logger: cronLogger(options.logger),
  });
  return {
    task,
    async stop() {
      await task.destroy();
    },
  };
}

/** node-cron's own messages (e.g. a heartbeat skipped during a slow tick) go to pino at debug level. */
function cronLogger(logger: Logger): NonNullable<Parameters<typeof cron.schedule>[2]>['logger'] {
  const log = logger.child({ module: 'node-cron' });
  return {
    info: (m: string) => log.debug({ detail: m }, 'node-cron'),
    warn: (m: string) => log.debug({ detail: m }, 'node-cron'),
    error: (m: string | Error) => log.warn({ detail: String(m) }, 'node-cron'),
    debug: (m: string | Error) => log.trace({ detail: String(m) }, 'node-cron'),
  };
}
