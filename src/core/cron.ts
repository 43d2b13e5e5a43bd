// Five-field cron expressions (minute hour day-of-month month day-of-week), parsed into sets of allowed
// values. Supports `*`, numbers, names (jan-dec, sun-sat), ranges `a-b`, lists `a,b` and steps `*/n`, `a-b/n`.
// Day-of-week 7 is Sunday, like 0. As in Vixie cron, when both day fields are restricted a day matches if
// EITHER matches.
import { err, ok, type Result } from './result.js';

export interface CronFields {
  minutes: number[];
  hours: number[];
  daysOfMonth: number[];
  months: number[];
  /** 0 = Sunday … 6 = Saturday. */
  daysOfWeek: number[];
  /** Whether the day-of-month / day-of-week field was `*` (unrestricted). */
  anyDayOfMonth: boolean;
  anyDayOfWeek: boolean;
}

interface FieldSpec {
  name: string;
  min: number;
  max: number;
  names?: readonly string[];
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;
export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

const SPECS: readonly FieldSpec[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: MONTHS },
  { name: 'day of week', min: 0, max: 7, names: WEEKDAYS },
];

function parseValue(text: string, spec: FieldSpec): Result<number, string> {
  const lower = text.toLowerCase();
  const named = spec.names?.indexOf(lower as never) ?? -1;
  if (named >= 0) return ok(spec.name === 'month' ? named + 1 : named);
  if (!/^\d+$/.test(text)) return err(`"${text}" is not a valid ${spec.name}`);
  const n = Number(text);
  if (n < spec.min || n > spec.max) return err(`${spec.name} ${n} is out of range ${spec.min}-${spec.max}`);
  return ok(n);
}

function parseRange(text: string, spec: FieldSpec): Result<[number, number], string> {
  if (text === '*') return ok([spec.min, spec.max]);
  const [a, b, extra] = text.split('-');
  if (extra !== undefined || a === undefined || a === '') return err(`"${text}" is not a valid ${spec.name} range`);
  const lo = parseValue(a, spec);
  if (!lo.ok) return lo;
  if (b === undefined) return ok([lo.value, lo.value]);
  const hi = parseValue(b, spec);
  if (!hi.ok) return hi;
  if (hi.value < lo.value) return err(`${spec.name} range "${text}" runs backwards`);
  return ok([lo.value, hi.value]);
}

function parsePart(part: string, spec: FieldSpec, into: Set<number>): string | null {
  const [rangeText, stepText, extra] = part.split('/');
  if (extra !== undefined || rangeText === undefined) return `"${part}" is not a valid ${spec.name}`;
  const range = parseRange(rangeText, spec);
  if (!range.ok) return range.error;
  const lo = range.value[0];
  let hi = range.value[1];
  let step = 1;
  if (stepText !== undefined) {
    if (!/^\d+$/.test(stepText) || Number(stepText) < 1) return `step "${stepText}" in ${spec.name} must be a positive number`;
    step = Number(stepText);
    if (rangeText !== '*' && !rangeText.includes('-')) hi = spec.max;
  }
  for (let v = lo; v <= hi; v += step) into.add(v);
  return null;
}

function parseField(text: string, spec: FieldSpec): Result<number[], string> {
  const values = new Set<number>();
  for (const part of text.split(',')) {
    const problem = parsePart(part, spec, values);
    if (problem) return err(problem);
  }
  return ok([...values].sort((a, b) => a - b));
}

/** Parses a 5-field cron expression, or says which field is wrong. */
export function parseCron(expression: string): Result<CronFields, string> {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5) {
    return err(`a cron expression has 5 fields (minute hour day-of-month month day-of-week); "${expression.trim()}" has ${fields.length}`);
  }
  const parsed: number[][] = [];
  for (const [i, spec] of SPECS.entries()) {
    const r = parseField(fields[i] as string, spec);
    if (!r.ok) return err(`bad cron expression: ${r.error}`);
    parsed.push(r.value);
  }
  const [minutes, hours, daysOfMonth, months, dow] = parsed as [number[], number[], number[], number[], number[]];
  const daysOfWeek = [...new Set(dow.map((d) => d % 7))].sort((a, b) => a - b);
  return ok({
    minutes, hours, daysOfMonth, months, daysOfWeek,
    anyDayOfMonth: (fields[2] as string).startsWith('*'), anyDayOfWeek: (fields[4] as string).startsWith('*'),
  });
}

/** Whether a calendar date (month 1-12, weekday 0 = Sunday) is a day the expression runs on. */
export function cronMatchesDay(c: CronFields, month: number, day: number, dow: number): boolean {
  if (!c.months.includes(month)) return false;
  const domOk = c.daysOfMonth.includes(day);
  const dowOk = c.daysOfWeek.includes(dow);
  if (c.anyDayOfMonth && c.anyDayOfWeek) return true;
  if (c.anyDayOfMonth) return dowOk;
  if (c.anyDayOfWeek) return domOk;
  return domOk || dowOk;
}
