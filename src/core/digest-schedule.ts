// Digest schedules: parse `/digest schedule when:` ("daily 09:00", "weekly mon 08:30" or a cron expression
// of 5 fields, or 6 with the second first) and compute, in an IANA time zone, the instants ("slots") at which
// digests are due.
// One cron dialect for the whole app (src/core/cron.ts, croner): the same as the poll tick's. Pure: the
// worker's tick only wakes the scheduler; which period to cover is decided here.
// DST (croner, as Vixie cron): a slot whose wall time is skipped when clocks go forward runs at the first
// minute after the change (daily 01:30 on a 01:00->02:00 night runs at 02:00); a wall time repeated when
// clocks go back runs once, at its first occurrence.
import type { Cron } from 'croner';
import { lastRunAtOrBefore, nextRunAfter, parseCron, shortestGapMinutes } from './cron.js';
import { err, ok, type Result } from './result.js';
import { pad2 } from './tz.js';

export interface DigestSchedule {
  kind: 'daily' | 'weekly' | 'cron';
  /** Normalised form, e.g. "daily 09:00", "weekly mon 08:30", "0 9 * * 1-5". */
  text: string;
  /** Equivalent cron expression (src/core/cron.ts dialect). */
  cron: string;
}

export interface DuePeriod {
  periodStart: number;
  periodEnd: number;
}

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const MIN_GAP_MINUTES = 60;
const USAGE = 'use "daily HH:MM", "weekly DAY HH:MM" (DAY = mon…sun) or a cron expression such as "0 9 * * 1-5"';

function parseTime(text: string): Result<{ hour: number; minute: number }, string> {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text);
  const hour = Number(m?.[1]);
  const minute = Number(m?.[2]);
  if (!m || hour > 23 || minute > 59) return err(`"${text}" is not a time; write HH:MM between 00:00 and 23:59`);
  return ok({ hour, minute });
}

function parseWeekday(text: string): Result<number, string> {
  const lower = text.toLowerCase();
  const i = WEEKDAYS.findIndex((d) => lower.length >= 3 && `${d}${dayTail(d)}`.startsWith(lower));
  return i >= 0 ? ok(i) : err(`"${text}" is not a day of the week; use mon, tue, wed, thu, fri, sat or sun`);
}

function dayTail(d: string): string {
  return { sun: 'day', mon: 'day', tue: 'sday', wed: 'nesday', thu: 'rsday', fri: 'day', sat: 'urday' }[d] ?? '';
}

function fromCron(kind: DigestSchedule['kind'], text: string, cron: string): Result<DigestSchedule, string> {
  const parsed = parseCron(cron);
  if (!parsed.ok) return parsed;
  const gap = shortestGapMinutes(parsed.value);
  if (gap < MIN_GAP_MINUTES) {
    const every = gap < 1 ? `${Math.round(gap * 60)} s` : `${gap} min`;
    return err(`"${text}" would send a digest every ${every}; digests can be at most hourly`);
  }
  return ok({ kind, text, cron });
}

/** Parsed schedules by their text: the scheduler re-reads every server's schedule on every tick. */
const parsedSchedules = new Map<string, Result<DigestSchedule, string>>();
const MAX_CACHED = 1_000;

/** Parses the `when:` option of `/digest schedule`. Errors are sentences for the user. */
export function parseDigestSchedule(when: string): Result<DigestSchedule, string> {
  let parsed = parsedSchedules.get(when);
  if (!parsed) {
    parsed = parseSchedule(when);
    if (parsedSchedules.size >= MAX_CACHED) parsedSchedules.clear();
    parsedSchedules.set(when, parsed);
  }
  return parsed.ok ? ok({ ...parsed.value }) : parsed;
}

function parseSchedule(when: string): Result<DigestSchedule, string> {
  const words = when.trim().split(/\s+/).filter(Boolean);
  const head = words[0]?.toLowerCase();
  if (head === 'daily') {
    if (words.length !== 2) return err(`"daily" takes one time, e.g. "daily 09:00"`);
    const t = parseTime(words[1] as string);
    if (!t.ok) return t;
    const { hour, minute } = t.value;
    return fromCron('daily', `daily ${pad2(hour)}:${pad2(minute)}`, `${minute} ${hour} * * *`);
  }
  if (head === 'weekly') {
    if (words.length !== 3) return err(`"weekly" takes a day and a time, e.g. "weekly mon 09:00"`);
    const d = parseWeekday(words[1] as string);
    if (!d.ok) return d;
    const t = parseTime(words[2] as string);
    if (!t.ok) return t;
    const { hour, minute } = t.value;
    const text = `weekly ${WEEKDAYS[d.value]} ${pad2(hour)}:${pad2(minute)}`;
    return fromCron('weekly', text, `${minute} ${hour} * * ${d.value}`);
  }
  if (words.length >= 5 || (words.length === 1 && head?.startsWith('@'))) {
    return fromCron('cron', words.join(' '), words.join(' '));
  }
  return err(`"${when.trim()}" is not a schedule; ${USAGE}`);
}

/** Parsed schedules per expression and zone (a schedule is checked by the scheduler on every tick). */
const evaluators = new Map<string, Cron>();

function evaluator(s: DigestSchedule, tz: string): Cron {
  const key = `${s.cron}\n${tz}`;
  let cron = evaluators.get(key);
  if (!cron) {
    const parsed = parseCron(s.cron, tz);
    if (!parsed.ok) throw new Error(`digest schedule "${s.cron}" was not made by parseDigestSchedule: ${parsed.error}`);
    if (evaluators.size >= MAX_CACHED) evaluators.clear();
    cron = parsed.value;
    evaluators.set(key, cron);
  }
  return cron;
}

/** The latest slot at or before `t`, or null when there is none. */
export function slotAtOrBefore(s: DigestSchedule, tz: string, t: number): number | null {
  return lastRunAtOrBefore(evaluator(s, tz), t);
}

/** The first slot strictly after `t`, or null when there is none. */
export function nextSlotAfter(s: DigestSchedule, tz: string, t: number): number | null {
  return nextRunAfter(evaluator(s, tz), t);
}

/**
 * Where the first period of a newly set schedule starts: the last slot before it was set, so the first
 * digest covers a full natural period and nothing is posted right away. Store it as `lastPeriodEnd`.
 */
export function initialPeriodEnd(s: DigestSchedule, tz: string, createdAt: number): number {
  return slotAtOrBefore(s, tz, createdAt) ?? createdAt;
}

/**
 * The digest due at `now`, if any: from the end of the last digest to the latest slot that has passed.
 * After downtime spanning several slots this is ONE period covering the whole gap (caught up once).
 */
export function dueSlot(s: DigestSchedule, tz: string, lastPeriodEnd: number, now: number): DuePeriod | null {
  const slot = slotAtOrBefore(s, tz, now);
  if (slot === null || slot <= lastPeriodEnd) return null;
  return { periodStart: lastPeriodEnd, periodEnd: slot };
}

/** Human description for confirmations: "daily 09:00 (Europe/London)". */
export function describeSchedule(s: DigestSchedule, tz: string): string {
  return `${s.kind === 'cron' ? `cron "${s.text}"` : s.text} (${tz})`;
}
