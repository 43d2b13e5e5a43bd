// Feed date parsing: RFC 822/2822 (and its common deformations, asctime-like orders) and ISO 8601 / W3C-DTF.
// A date without a zone is UTC. Zone names come from an explicit table (zones.ts); unknown names reject the date.
import { AMBIGUOUS_ZONES, ZONE_OFFSETS } from './zones.js';

export interface ParsedDate {
  /** Epoch milliseconds, UTC. */
  ms: number;
  /** Set when the zone name was ambiguous (e.g. CST); the table's reading was used. */
  ambiguousZone?: string;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAYS = /^(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?$/i;
const ISO = /^(\d{4})(?:-?(\d{2})(?:-?(\d{2}))?)?(?:[T ](\d{2}):?(\d{2})(?::?(\d{2})(?:[.,]\d+)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const ISO_SHORT = /^(\d{2})(\d{2})(\d{2})$|^-(\d{2})-?(\d{2})$/;

/** Parses a feed date string; null when it cannot be read unambiguously enough to trust. */
export function parseFeedDate(input: string | undefined | null): ParsedDate | null {
  const text = (input ?? '').trim();
  if (!text || text.length > 100) return null;
  return parseIso(text) ?? parseRfc822(text);
}

function parseIso(text: string): ParsedDate | null {
  const s = ISO_SHORT.exec(text);
  if (s?.[1]) return build([twoDigitYear(num(s[1])), num(s[2]), num(s[3]), 0, 0, 0], 0);
  if (s) return build([twoDigitYear(num(s[4])), num(s[5]), 1, 0, 0, 0], 0);
  const m = ISO.exec(text);
  // A zone is only meaningful after a time ("2013-01-27-01" is a malformed date, not an offset).
  if (!m || (m[7] && m[4] === undefined)) return null;
  const offset = m[7] ? numericOffset(m[7]) : 0;
  if (offset === null) return null;
  return build([num(m[1]), num(m[2], 1), num(m[3], 1), num(m[4]), num(m[5]), num(m[6])], offset);
}

interface Rfc822Parts {
  day?: number;
  month?: number;
  year?: number;
  time?: [number, number, number];
  offset?: number;
  ambiguousZone?: string;
}

/** The form nearly every feed writes (`Date.prototype.toUTCString`'s): "Wed, 02 Oct 2002 13:00:00 GMT". */
const COMMON_RFC822 = /^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?(\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d{2}):(\d{2}):(\d{2}) ([^\s,]+)$/;

/**
 * A date in the common form, read with one match instead of token by token (the same fields, zone reading and
 * checks as the token path, so the same result); undefined for any other form.
 */
function parseCommonRfc822(text: string): ParsedDate | null | undefined {
  const m = COMMON_RFC822.exec(text);
  if (!m) return undefined;
  const parts: Rfc822Parts = {};
  if (!classifyZone(m[7] as string, parts)) return null;
  const date = build([num(m[3]), MONTHS.indexOf((m[2] as string).toLowerCase()) + 1, num(m[1]), num(m[4]), num(m[5]), num(m[6])], parts.offset ?? 0);
  if (date && parts.ambiguousZone) date.ambiguousZone = parts.ambiguousZone;
  return date;
}

function parseRfc822(text: string): ParsedDate | null {
  const common = parseCommonRfc822(text);
  if (common !== undefined) return common;
  const parts: Rfc822Parts = {};
  const tokens = text.replace(/,/g, ' ').split(/\s+/).filter(Boolean);
  for (const token of tokens) {
    if (!classify(token, parts)) return null;
  }
  const { day, month, year, time = [0, 0, 0], offset = 0 } = parts;
  if (day === undefined || month === undefined || year === undefined) return null;
  const date = build([year, month, day, ...time], offset);
  if (date && parts.ambiguousZone) date.ambiguousZone = parts.ambiguousZone;
  return date;
}

/** Assigns one token to a date part; false when it fits nowhere (the whole date is then rejected). */
function classify(token: string, parts: Rfc822Parts): boolean {
  if (WEEKDAYS.test(token) && parts.month === undefined && parts.day === undefined) return true;
  const month = MONTHS.indexOf(token.slice(0, 3).toLowerCase());
  if (month >= 0 && /^[a-z]+\.?$/i.test(token) && parts.month === undefined) {
    parts.month = month + 1;
    return true;
  }
  if (/^\d{1,2}:\d{2}(:\d{2})?$/.test(token) && !parts.time) {
    const [h, m, s] = token.split(':').map(Number);
    parts.time = [h ?? 0, m ?? 0, s ?? 0];
    return true;
  }
  if (/^\d+$/.test(token)) return classifyNumber(token, parts);
  return classifyZone(token, parts);
}

function classifyNumber(token: string, parts: Rfc822Parts): boolean {
  const value = Number(token);
  if (token.length <= 2 && parts.day === undefined) parts.day = value;
  else if ((token.length === 4 || token.length === 2) && parts.year === undefined) {
    parts.year = token.length === 2 ? twoDigitYear(value) : value;
  } else return false;
  return true;
}

function classifyZone(token: string, parts: Rfc822Parts): boolean {
  if (parts.offset !== undefined) return false;
  const m = /^(?:(?:GMT|UTC?)(?=[+-]))?([+-]\d{1,2}(?::?\d{2})?)$/i.exec(token);
  if (m?.[1]) {
    const offset = numericOffset(m[1]);
    if (offset === null) return false;
    parts.offset = offset;
    return true;
  }
  const name = token.replace(/[()]/g, '').toUpperCase();
  const offset = ZONE_OFFSETS[name];
  if (offset === undefined) return false;
  parts.offset = offset;
  if (AMBIGUOUS_ZONES.has(name)) parts.ambiguousZone = name;
  return true;
}

/** "+0200", "+02:00", "-5", "+05:30" -> minutes east of UTC; null when out of range. */
function numericOffset(text: string): number | null {
  const m = /^([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(text);
  if (!m) return text.toUpperCase() === 'Z' ? 0 : null;
  const hours = Number(m[2]);
  const minutes = Number(m[3] ?? 0);
  if (hours > 14 || minutes > 59) return null;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

/** Builds a UTC instant from local fields and an offset, rejecting out-of-range fields (no rollover). */
function build(fields: number[], offsetMinutes: number): ParsedDate | null {
  const [y = 0, mo = 1, d = 1, h = 0, mi = 0, s = 0] = fields;
  if (y < 1000 || y > 9999 || mo < 1 || mo > 12 || h > 23 || mi > 59 || s > 60) return null;
  const local = Date.UTC(y, mo - 1, d, h, mi, Math.min(s, 59));
  const check = new Date(local);
  if (check.getUTCDate() !== d || check.getUTCMonth() !== mo - 1) return null;
  return { ms: local - offsetMinutes * 60_000 };
}

function twoDigitYear(value: number): number {
  return value < 50 ? 2000 + value : 1900 + value;
}

function num(text: string | undefined, fallback = 0): number {
  return text === undefined ? fallback : Number(text);
}
