import { describe, expect, it } from 'vitest';
import {
  describeSchedule, dueSlot, initialPeriodEnd, nextSlotAfter, parseDigestSchedule, slotAtOrBefore,
  type DigestSchedule,
} from '../../src/core/digest-schedule.js';
import { dayKey, daysOf, validateTimeZone, wallTime } from '../../src/core/tz.js';

const at = (iso: string): number => Date.parse(iso);
const iso = (t: number | null): string | null => (t === null ? null : new Date(t).toISOString());

function sched(when: string): DigestSchedule {
  const r = parseDigestSchedule(when);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

/** All slots in (from, to], found by repeatedly asking for the next one. */
function slotsBetween(s: DigestSchedule, tz: string, from: number, to: number): string[] {
  const out: string[] = [];
  for (let t = nextSlotAfter(s, tz, from); t !== null && t <= to; t = nextSlotAfter(s, tz, t)) out.push(iso(t) as string);
  return out;
}

describe('parseDigestSchedule', () => {
  it('normalises daily, weekly and cron forms', () => {
    expect(sched('Daily 9:05')).toMatchObject({ kind: 'daily', text: 'daily 09:05', cron: '5 9 * * *' });
    expect(sched('weekly Monday 08:30')).toMatchObject({ kind: 'weekly', text: 'weekly mon 08:30', cron: '30 8 * * 1' });
    expect(sched('  0 9   * * 1-5 ')).toMatchObject({ kind: 'cron', text: '0 9 * * 1-5' });
    expect(slotsBetween(sched('0 */6 * * *'), 'UTC', at('2025-01-01T00:00Z'), at('2025-01-02T00:00Z'))).toEqual([
      '2025-01-01T06:00:00.000Z', '2025-01-01T12:00:00.000Z', '2025-01-01T18:00:00.000Z', '2025-01-02T00:00:00.000Z',
    ]);
    const sundays = slotsBetween(sched('0 8 * jan-mar sun,7'), 'UTC', at('2025-03-20T00:00Z'), at('2026-01-20T00:00Z'));
    expect(sundays.map((x) => x.slice(0, 10))).toEqual(['2025-03-23', '2025-03-30', '2026-01-04', '2026-01-11', '2026-01-18']);
    expect(sched('0 9 L * *').cron).toBe('0 9 L * *');
    expect(slotsBetween(sched('0 9 L * *'), 'UTC', at('2025-02-01T00:00Z'), at('2025-03-01T00:00Z'))).toEqual(['2025-02-28T09:00:00.000Z']);
  });

  it.each([
    ['daily 25:00', /not a time/],
    ['daily 09:60', /not a time/],
    ['daily', /takes one time/],
    ['weekly funday 09:00', /not a day of the week/],
    ['weekly mon', /takes a day and a time/],
    ['0 9 * *', /not a schedule/],
    ['0 9 32 * *', /"32" is out of range \(day of month 1-31\)/],
    ['61 8 * * *', /"61" is out of range \(minute 0-59\)/],
    ['0 9 * * 1-x', /not a valid cron expression.*illegal characters/],
    ['0 9-5 * * *', /larger than/],
    ['*/0 * * * *', /illegal stepping/],
    ['0 0 30 2 *', /never runs/],
    ['0 9 * * * * *', /has 7 fields; a cron expression has 5 .* or 6 \(second first\)/],
    ['* 0 9 * * *', /every 1 s; digests can be at most hourly/],
    ['0 0 9 * * 9', /"9" is out of range \(day of week 0-7 or sun-sat\)/],
    ['0,30 9 * * *', /every 30 min; digests can be at most hourly/],
    ['*/15 * * * *', /at most hourly/],
    ['hourly', /not a schedule/],
  ])('rejects %j with a clear message', (when, message) => {
    const r = parseDigestSchedule(when);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
  });

  it('6 fields (second first) are accepted and run, like the poll tick', () => {
    const s = sched('30 0 9 * * mon-fri');
    expect(s).toMatchObject({ kind: 'cron', cron: '30 0 9 * * mon-fri' });
    expect(slotsBetween(s, 'Europe/Berlin', at('2026-03-27T00:00Z'), at('2026-03-31T00:00Z'))).toEqual([
      '2026-03-27T08:00:30.000Z', '2026-03-30T07:00:30.000Z',
    ]);
  });

  it('describes a schedule with its zone', () => {
    expect(describeSchedule(sched('daily 09:00'), 'Europe/London')).toBe('daily 09:00 (Europe/London)');
    expect(describeSchedule(sched('0 9 * * 1-5'), 'UTC')).toBe('cron "0 9 * * 1-5" (UTC)');
  });
});

describe('validateTimeZone', () => {
  it('accepts IANA names and canonicalises their case', () => {
    expect(validateTimeZone('Asia/Tokyo')).toEqual({ ok: true, value: 'Asia/Tokyo' });
    expect(validateTimeZone('europe/london')).toEqual({ ok: true, value: 'Europe/London' });
  });
  it('rejects unknown zones and empty input', () => {
    const bad = validateTimeZone('Mars/Olympus_Mons');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatch(/unknown time zone "Mars\/Olympus_Mons"/);
    expect(validateTimeZone(' ').ok).toBe(false);
  });
});

describe('slots across time zones and DST', () => {
  it('Europe/London daily 09:00 moves from 09:00Z to 08:00Z when BST starts (30 March 2025)', () => {
    expect(slotsBetween(sched('daily 09:00'), 'Europe/London', at('2025-03-28T12:00Z'), at('2025-03-31T12:00Z'))).toEqual([
      '2025-03-29T09:00:00.000Z', '2025-03-30T08:00:00.000Z', '2025-03-31T08:00:00.000Z',
    ]);
  });

  it('Europe/London daily 09:00 moves back to 09:00Z when BST ends (26 October 2025)', () => {
    expect(slotsBetween(sched('daily 09:00'), 'Europe/London', at('2025-10-24T12:00Z'), at('2025-10-27T12:00Z'))).toEqual([
      '2025-10-25T08:00:00.000Z', '2025-10-26T09:00:00.000Z', '2025-10-27T09:00:00.000Z',
    ]);
  });

  it('a wall time skipped in March runs at the first minute after the change, once', () => {
    expect(slotsBetween(sched('daily 01:30'), 'Europe/London', at('2025-03-29T00:00Z'), at('2025-03-31T12:00Z'))).toEqual([
      '2025-03-29T01:30:00.000Z', '2025-03-30T01:00:00.000Z', '2025-03-31T00:30:00.000Z',
    ]);
  });

  it('a wall time repeated in October runs once, at its first occurrence', () => {
    expect(slotsBetween(sched('daily 01:30'), 'Europe/London', at('2025-10-25T00:00Z'), at('2025-10-27T12:00Z'))).toEqual([
      '2025-10-25T00:30:00.000Z', '2025-10-26T00:30:00.000Z', '2025-10-27T01:30:00.000Z',
    ]);
  });

  it('America/New_York: 02:30 does not exist on 9 March 2025 and runs at 03:00 EDT', () => {
    const s = sched('daily 02:30');
    expect(slotsBetween(s, 'America/New_York', at('2025-03-08T00:00Z'), at('2025-03-10T12:00Z'))).toEqual([
      '2025-03-08T07:30:00.000Z', '2025-03-09T07:00:00.000Z', '2025-03-10T06:30:00.000Z',
    ]);
    expect(wallTime(at('2025-03-09T07:00Z'), 'America/New_York')).toMatchObject({ hour: 3, minute: 0 });
  });

  it('America/New_York: 01:30 happens twice on 2 November 2025 and runs once, in EDT', () => {
    expect(slotsBetween(sched('daily 01:30'), 'America/New_York', at('2025-11-01T12:00Z'), at('2025-11-03T12:00Z'))).toEqual([
      '2025-11-02T05:30:00.000Z', '2025-11-03T06:30:00.000Z',
    ]);
  });

  it('Europe/Berlin: daily 02:30 across both changes of 2026, hours list as fixed times', () => {
    const s = sched('daily 02:30');
    expect(slotsBetween(s, 'Europe/Berlin', at('2026-03-28T12:00Z'), at('2026-03-30T12:00Z'))).toEqual([
      '2026-03-29T01:00:00.000Z', '2026-03-30T00:30:00.000Z',
    ]);
    expect(slotsBetween(s, 'Europe/Berlin', at('2026-10-24T12:00Z'), at('2026-10-26T12:00Z'))).toEqual([
      '2026-10-25T00:30:00.000Z', '2026-10-26T01:30:00.000Z',
    ]);
    expect(slotsBetween(sched('30 2,14 * * *'), 'Europe/Berlin', at('2026-03-28T23:00Z'), at('2026-03-29T13:00Z'))).toEqual([
      '2026-03-29T01:00:00.000Z', '2026-03-29T12:30:00.000Z',
    ]);
  });

  it('Europe/Berlin: an hourly cron runs in real time, through the repeated hour and past the skipped one', () => {
    const s = sched('0 * * * *');
    expect(slotsBetween(s, 'Europe/Berlin', at('2026-10-24T23:30Z'), at('2026-10-25T02:00Z'))).toEqual([
      '2026-10-25T00:00:00.000Z', '2026-10-25T01:00:00.000Z', '2026-10-25T02:00:00.000Z',
    ]);
    expect(slotsBetween(s, 'Europe/Berlin', at('2026-03-28T23:30Z'), at('2026-03-29T02:00Z'))).toEqual([
      '2026-03-29T00:00:00.000Z', '2026-03-29T01:00:00.000Z', '2026-03-29T02:00:00.000Z',
    ]);
  });

  it('America/New_York weekday cron across the November change', () => {
    const s = sched('0 9 * * 1-5');
    expect(slotsBetween(s, 'America/New_York', at('2025-10-31T00:00Z'), at('2025-11-04T23:00Z'))).toEqual([
      '2025-10-31T13:00:00.000Z', '2025-11-03T14:00:00.000Z', '2025-11-04T14:00:00.000Z',
    ]);
  });

  it('Asia/Tokyo weekly mon 09:00 is Monday 00:00Z every week', () => {
    expect(slotsBetween(sched('weekly mon 09:00'), 'Asia/Tokyo', at('2025-03-20T00:00Z'), at('2025-04-08T00:00Z'))).toEqual([
      '2025-03-24T00:00:00.000Z', '2025-03-31T00:00:00.000Z', '2025-04-07T00:00:00.000Z',
    ]);
  });

  it('every daily slot of 2025 in London reads 09:00 on the local clock', () => {
    const s = sched('daily 09:00');
    const slots = slotsBetween(s, 'Europe/London', at('2025-01-01T00:00Z'), at('2026-01-01T00:00Z'));
    expect(slots).toHaveLength(365);
    for (const slot of slots) expect(new Date(slot).toLocaleTimeString('en-GB', { timeZone: 'Europe/London' })).toBe('09:00:00');
  });

  it('cron day-of-month and day-of-week restrict with OR, like Vixie cron', () => {
    const s = sched('0 12 13 * fri');
    const days = slotsBetween(s, 'UTC', at('2025-06-01T00:00Z'), at('2025-06-30T00:00Z')).map((x) => x.slice(0, 10));
    expect(days).toEqual(['2025-06-06', '2025-06-13', '2025-06-20', '2025-06-27']);
  });

  it('finds a Feb 29 schedule years away and the slot at or before an instant', () => {
    const s = sched('0 0 29 2 *');
    expect(iso(nextSlotAfter(s, 'UTC', at('2025-01-01T00:00Z')))).toBe('2028-02-29T00:00:00.000Z');
    expect(iso(slotAtOrBefore(s, 'UTC', at('2025-01-01T00:00Z')))).toBe('2024-02-29T00:00:00.000Z');
    expect(iso(slotAtOrBefore(s, 'UTC', at('2024-02-29T00:00Z')))).toBe('2024-02-29T00:00:00.000Z');
  });
});

describe('dueSlot', () => {
  const s = sched('daily 09:00');
  const tz = 'Europe/London';

  it('is null before the next slot and due right at it', () => {
    const last = at('2025-03-10T09:00Z');
    expect(dueSlot(s, tz, last, at('2025-03-11T08:59Z'))).toBeNull();
    expect(dueSlot(s, tz, last, at('2025-03-11T09:00Z'))).toEqual({ periodStart: last, periodEnd: at('2025-03-11T09:00Z') });
  });

  it('catches missed slots up once, with one period covering the whole gap', () => {
    const last = at('2025-03-10T09:00Z');
    const now = at('2025-03-14T12:00Z');
    const due = dueSlot(s, tz, last, now);
    expect(due).toEqual({ periodStart: last, periodEnd: at('2025-03-14T09:00Z') });
    expect(dueSlot(s, tz, due?.periodEnd as number, now)).toBeNull();
  });

  it('a catch-up across the March change ends at the BST slot', () => {
    const due = dueSlot(s, tz, at('2025-03-28T09:00Z'), at('2025-03-31T10:00Z'));
    expect(due).toEqual({ periodStart: at('2025-03-28T09:00Z'), periodEnd: at('2025-03-31T08:00Z') });
  });

  it('a new schedule starts from the previous slot so nothing posts at once', () => {
    const created = at('2025-03-11T08:55Z');
    const last = initialPeriodEnd(s, tz, created);
    expect(iso(last)).toBe('2025-03-10T09:00:00.000Z');
    expect(dueSlot(s, tz, last, created)).toBeNull();
    expect(dueSlot(s, tz, last, at('2025-03-11T09:00Z'))).toEqual({ periodStart: last, periodEnd: at('2025-03-11T09:00Z') });
  });
});

describe('tz helpers', () => {
  it('dayKey and daysOf use local days', () => {
    expect(dayKey(at('2025-03-30T23:30Z'), 'Europe/London')).toBe('2025-03-31');
    expect(dayKey(at('2025-03-30T23:30Z'))).toBe('2025-03-30');
    expect(daysOf(at('2025-02-27T00:00Z'), at('2025-03-02T00:00Z'))).toEqual(['2025-02-27', '2025-02-28', '2025-03-01']);
    expect(daysOf(at('2025-03-02T00:00Z'), at('2025-03-02T00:00Z'))).toEqual([]);
  });
  it('wallTime reads the local clock', () => {
    expect(wallTime(at('2025-07-04T16:15Z'), 'America/New_York')).toEqual({ year: 2025, month: 7, day: 4, hour: 12, minute: 15 });
  });
});
