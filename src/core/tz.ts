// Time-zone helpers on top of Intl.DateTimeFormat (the runtime's IANA database): validate a zone, read the
// local wall clock and calendar day of an instant. Cron slots across DST changes are src/core/cron.ts (croner).
import { err, ok, type Result } from './result.js';

/** A local wall-clock time; month 1-12. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The canonical name of an IANA zone ("europe/london" -> "Europe/London"), or why it is not one. */
export function validateTimeZone(name: string): Result<string, string> {
  const trimmed = name.trim();
  if (!trimmed) return err('time zone is empty; use an IANA name such as Europe/London');
  try {
    return ok(new Intl.DateTimeFormat('en-US', { timeZone: trimmed }).resolvedOptions().timeZone);
  } catch {
    return err(`unknown time zone "${trimmed}"; use an IANA name such as Europe/London or America/New_York`);
  }
}

/** Local wall clock of `instant` in `timeZone` (seconds dropped). The zone must be valid. */
export function wallTime(instant: number, timeZone: string): WallTime {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(instant))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1,
    hour: parts.hour ?? 0, minute: parts.minute ?? 0,
  };
}

/** Calendar date `days` after the given one (negative goes back). */
export function addDays(year: number, month: number, day: number, days: number): { year: number; month: number; day: number } {
  const d = new Date(Date.UTC(year, month - 1, day) + days * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Local calendar day of `instant` as `YYYY-MM-DD`: the key per-day series are grouped by. */
export function dayKey(instant: number, timeZone = 'UTC'): string {
  const w = wallTime(instant, timeZone);
  return `${String(w.year).padStart(4, '0')}-${pad2(w.month)}-${pad2(w.day)}`;
}

/** Every local day from the day of `period.from` to the day of the last instant before `period.to`. */
export function daysOf(from: number, to: number, timeZone = 'UTC'): string[] {
  if (to <= from) return [];
  const first = wallTime(from, timeZone);
  const last = dayKey(to - 1, timeZone);
  const days: string[] = [];
  for (let i = 0; i < 3660; i++) {
    const d = addDays(first.year, first.month, first.day, i);
    const key = `${String(d.year).padStart(4, '0')}-${pad2(d.month)}-${pad2(d.day)}`;
    days.push(key);
    if (key >= last) break;
  }
  return days;
}

export function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
