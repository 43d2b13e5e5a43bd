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
});
