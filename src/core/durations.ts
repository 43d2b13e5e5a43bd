// Durations as users type them in slash-command options ("90m", "6h", "7d", "2w") and as messages show them.
import { err, ok, type Result } from './result.js';

const UNITS: Record<string, number> = { m: 60_000, min: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** "6h" -> 21600000. Whole numbers with a unit m/min, h, d or w. */
export function parseDuration(text: string): Result<number, string> {
  const m = /^(\d{1,5})\s*(m|min|h|d|w)$/i.exec(text.trim());
  const unit = UNITS[m?.[2]?.toLowerCase() ?? ''];
  if (!m || unit === undefined || Number(m[1]) === 0) {
    return err(`"${text.trim()}" is not a duration; write a whole number and a unit, e.g. 90m, 6h, 7d or 2w`);
  }
  return ok(Number(m[1]) * unit);
}

/**
 * In natural units, as people write them: 21600000 -> "6 h", 86400000 -> "24 h", 129600000 -> "36 h",
 * 604800000 -> "7 days"; whole days from two days on, else hours, else minutes.
 */
export function formatDuration(ms: number): string {
  if (ms % 86_400_000 === 0 && ms >= 2 * 86_400_000) return `${ms / 86_400_000} days`;
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000} h`;
  return `${Math.round(ms / 60_000)} min`;
}
