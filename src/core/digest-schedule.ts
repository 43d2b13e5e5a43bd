// Digest schedules: parse `/digest schedule when:` ("daily 09:00", "weekly mon 08:30" or a 5-field cron
// expression) and compute, in an IANA time zone, the instants ("slots") at which digests are due.
// Pure: the runtime tick (node-cron) only wakes the worker; which period to cover is decided here.
// DST: a slot whose wall time is skipped when clocks go forward runs the same distance after the change
// (daily 01:30 on a 01:00->02:00 night runs at 02:30); a wall time repeated when clocks go back runs once,
// at its first occurrence.
import { cronMatchesDay, parseCron, WEEKDAYS, type CronFields } from './cron.js';
import { err, ok, type Result } from './result.js';
import { addDays, instantOf, pad2, wallTime, weekday } from './tz.js';

export interface DigestSchedule {
  kind: 'daily' | 'weekly' | 'cron';
  /** Normalised form, e.g. "daily 09:00", "weekly mon 08:30", "0 9 * * 1-5". */
  text: string;
  /** Equivalent cron expression (for node-cron). */
  cron: string;
  fields: CronFields;
}

export interface DuePeriod {
  periodStart: number;
  periodEnd: number;
}

/** Slots further apart than this are not searched (covers Feb 29 schedules). */
const MAX_SEARCH_DAYS = 8 * 366;
const MIN_GAP_MINUTES = 60;
const USAGE = 'use "daily HH:MM", "weekly DAY HH:MM" (DAY = mon…sun) or a 5-field cron expression such as "0 9 * * 1-5"';

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
  const fields = parseCron(cron);
  if (!fields.ok) return fields;
  const gap = minGapMinutes(fields.value);
  if (gap < MIN_GAP_MINUTES) return err(`"${text}" would send a digest every ${gap} min; digests can be at most hourly`);
  return ok({ kind, text, cron, fields: fields.value });
}

function minGapMinutes(c: CronFields): number {
  const times = c.hours.flatMap((h) => c.minutes.map((m) => h * 60 + m));
  let gap = Infinity;
  for (let i = 1; i < times.length; i++) gap = Math.min(gap, (times[i] as number) - (times[i - 1] as number));
  return gap;
}

/** Parses the `when:` option of `/digest schedule`. Errors are sentences for the user. */
export function parseDigestSchedule(when: string): Result<DigestSchedule, string> {
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
  if (words.length === 5) return fromCron('cron', words.join(' '), words.join(' '));
  return err(`"${when.trim()}" is not a schedule; ${USAGE}`);
}

/** The slots of one local calendar date, ascending. */
function slotsOfDate(s: DigestSchedule, tz: string, date: { year: number; month: number; day: number }): number[] {
  const f = s.fields;
  if (!cronMatchesDay(f, date.month, date.day, weekday(date.year, date.month, date.day))) return [];
  const out = new Set<number>();
  for (const hour of f.hours) for (const minute of f.minutes) out.add(instantOf({ ...date, hour, minute }, tz));
  return [...out].sort((a, b) => a - b);
}

/** The latest slot at or before `t`, or null when there is none within eight years. */
export function slotAtOrBefore(s: DigestSchedule, tz: string, t: number): number | null {
  const w = wallTime(t, tz);
  for (let i = 1; i >= -MAX_SEARCH_DAYS; i--) {
    const slots = slotsOfDate(s, tz, addDays(w.year, w.month, w.day, i));
    for (let j = slots.length - 1; j >= 0; j--) if ((slots[j] as number) <= t) return slots[j] as number;
  }
  return null;
}

/** The first slot strictly after `t`, or null when there is none within eight years. */
export function nextSlotAfter(s: DigestSchedule, tz: string, t: number): number | null {
  const w = wallTime(t, tz);
  for (let i = -1; i <= MAX_SEARCH_DAYS; i++) {
    const found = slotsOfDate(s, tz, addDays(w.year, w.month, w.day, i)).find((slot) => slot > t);
    if (found !== undefined) return found;
  }
  return null;
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
