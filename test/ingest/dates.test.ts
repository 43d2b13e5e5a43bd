import { describe, expect, it } from 'vitest';
import { parseFeedDate } from '../../src/ingest/dates.js';

const iso = (s: string | undefined | null) => {
  const parsed = parseFeedDate(s);
  return parsed ? new Date(parsed.ms).toISOString() : null;
};

describe('parseFeedDate', () => {
  it('reads RFC 822 with names, offsets and two-digit years', () => {
    expect(iso('Tue, 02 Jan 2024 10:00:00 +0300')).toBe('2024-01-02T07:00:00.000Z');
    expect(iso('2 Jan 24 10:00 EST')).toBe('2024-01-02T15:00:00.000Z');
    expect(iso('Tue, 02 Jan 2024 10:00:00 MSK')).toBe('2024-01-02T07:00:00.000Z');
    expect(iso('Tue, 02 Jan 2024 10:00:00 GMT+5:30')).toBe('2024-01-02T04:30:00.000Z');
  });

  it('reads W3C-DTF / ISO 8601; a date without a zone is UTC', () => {
    expect(iso('2024-01-02T10:00:00+08:00')).toBe('2024-01-02T02:00:00.000Z');
    expect(iso('2024-01-02 10:00:00')).toBe('2024-01-02T10:00:00.000Z');
    expect(iso('2024-01-02')).toBe('2024-01-02T00:00:00.000Z');
  });

  it('flags ambiguous zone names and reads them from the table (CST = US Central)', () => {
    expect(parseFeedDate('Tue, 02 Jan 2024 10:00:00 CST')).toEqual({ ms: Date.UTC(2024, 0, 2, 16), ambiguousZone: 'CST' });
    expect(parseFeedDate('Tue, 02 Jan 2024 10:00:00 JST')?.ambiguousZone).toBeUndefined();
  });

  it('rejects unknown zones, impossible fields and junk instead of guessing', () => {
    for (const bad of ['Tue, 02 Jan 2024 10:00:00 XYZ', '2024-02-30', '2024-01-02T24:00:00Z', 'yesterday', '', null]) {
      expect(iso(bad)).toBeNull();
    }
  });

  it('reads RFC 822 dates exactly, for 2,000 random instants with numeric offsets and GMT', () => {
    const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    const pad = (n: number) => String(n).padStart(2, '0');
    let seed = 20_261_128;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 2_000; i++) {
      const ms = Math.floor((Date.UTC(1990, 0, 1) + random() * 50 * 365 * 86_400_000) / 1000) * 1000;
      const offset = [-480, 0, 330, 600, -210][i % 5] as number;
      const local = new Date(ms + offset * 60_000);
      const zone = `${offset < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(offset) / 60))}${pad(Math.abs(offset) % 60)}`;
      const text = `${days[local.getUTCDay()]}, ${pad(local.getUTCDate())} ${months[local.getUTCMonth()]} ${local.getUTCFullYear()} ` +
        `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())} ${i % 7 === 0 && offset === 0 ? 'GMT' : zone}`;
      expect(parseFeedDate(text), text).toEqual({ ms });
      expect(parseFeedDate(new Date(ms).toUTCString())).toEqual({ ms });
    }
    expect(parseFeedDate('Tue, 30 Feb 2024 10:00:00 GMT')).toBeNull();
    expect(parseFeedDate('Tue, 02 Foo 2024 10:00:00 GMT')).toBeNull();
  });
});
