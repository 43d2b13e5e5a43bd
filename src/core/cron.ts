// Cron expressions: ONE dialect, parsed and evaluated by croner, for the poll tick (poll.tick) and for digest
// schedules (digest.defaultSchedule, `/digest schedule when:`). The dialect:
// - five fields: minute hour day-of-month month day-of-week, or six with the second first (accepted and run
//   alike by the tick and by digests, which must still be at most hourly); names jan-dec and sun-sat;
//   day-of-week 0 and 7 are Sunday; `*`, lists, ranges and steps (`*/n`, `a-b/n`, and `a/n` = from a to the
//   end, as the earlier parser read it); croner's `L` (last), `W` (weekday), `#` (nth) and `?`; nicknames
//   such as @daily;
// - when both day fields are restricted, a day matches if EITHER matches (Vixie cron, POSIX), e.g.
//   `0 12 13 * fri` runs on every Friday and on every 13th;
// - time zones: IANA names; a fixed time skipped when clocks go forward runs at the first minute after the
//   gap, a fixed time repeated when clocks go back runs once (the first time). A list or range of hours is a
//   fixed time too (Vixie cron); an expression with `*` or a step in seconds, minutes or hours runs in real time.
// Pure: the Cron objects made here only compute times; src/jobs/worker.ts is what schedules the tick.
import { Cron, type CronOptions } from 'croner';
import { err, ok, type Result } from './result.js';

/** How every cron expression of the app is read (the worker schedules its tick with these too). */
export function cronOptions(timeZone?: string): CronOptions {
  return {
    mode: '5-or-6-parts', domAndDow: false, fixedTimeRule: 'no-wildcard', sloppyRanges: true, alternativeWeekdays: false,
    ...(timeZone === undefined ? {} : { timezone: timeZone }),
  };
}

/** A fixed reference for checks that must not depend on the clock. */
const REFERENCE = new Date(Date.UTC(2001, 0, 1));

/**
 * Parses an expression for evaluation in `timeZone` (default UTC); a sentence saying what is wrong otherwise,
 * including an expression that never runs (e.g. 30 February).
 */
export function parseCron(expression: string, timeZone = 'UTC'): Result<Cron, string> {
  const text = expression.trim().replace(/\s+/g, ' ');
  const fields = text.split(' ').length;
  if (!text.startsWith('@') && fields !== 5 && fields !== 6) {
    return err(`"${text}" has ${fields} field${fields === 1 ? '' : 's'}; a cron expression has 5 (minute hour day-of-month month day-of-week) or 6 (second first)`);
  }
  let cron: Cron;
  try {
    cron = new Cron(text, cronOptions(timeZone));
  } catch (error) {
    return err(`"${text}" is not a valid cron expression (${fields === 6 ? 'second ' : ''}minute hour day-of-month month day-of-week): ${reason(error, text, fields === 6 ? 1 : 0)}`);
  }
  if (cron.nextRun(REFERENCE) === null) return err(`"${text}" never runs (no date matches its day and month fields)`);
  return ok(cron);
}

/** The first run strictly after `t` (epoch ms), or null when there is none. */
export function nextRunAfter(cron: Cron, t: number): number | null {
  return cron.nextRun(new Date(t))?.getTime() ?? null;
}

/** The latest run at or before `t` (epoch ms), or null when there is none. */
export function lastRunAtOrBefore(cron: Cron, t: number): number | null {
  return cron.previousRuns(1, new Date(t + 1))[0]?.getTime() ?? null;
}

/**
 * The shortest time between two runs on one day, in minutes: with one second and one minute value it is a
 * multiple of an hour; with two or more of either, two of the first three runs fall in the same minute or
 * hour (so they show it).
 */
export function shortestGapMinutes(cron: Cron): number {
  const runs = cron.nextRuns(3, REFERENCE).map((d) => d.getTime());
  let gap = Infinity;
  for (let i = 1; i < runs.length; i++) gap = Math.min(gap, ((runs[i] as number) - (runs[i - 1] as number)) / 60_000);
  return gap;
}

/** croner's field names: where the field stands and what it allows (its own message shows 0-based values). */
const FIELDS: Record<string, [number, string]> = {
  second: [-1, 'second 0-59'], minute: [0, 'minute 0-59'], hour: [1, 'hour 0-23'], day: [2, 'day of month 1-31'],
  month: [3, 'month 1-12 or jan-dec'], dayOfWeek: [4, 'day of week 0-7 or sun-sat'],
};

function reason(error: unknown, text: string, offset: number): string {
  const message = (error instanceof Error ? error.message : String(error)).replace(/^CronPattern: /, '').replace(/\.$/, '');
  const field = FIELDS[/^Invalid value for (\w+)/.exec(message)?.[1] ?? ''];
  if (!field) return message;
  const written = text.split(' ')[field[0] + offset] ?? '';
  return `"${written}" is out of range (${field[1]})`;
}
