import { describe, expect, it } from 'vitest';
import { backoffDelayMs, DEFAULT_SCHEDULE, firstCheckDelayMs, planNextCheck, successDelayMs, type ScheduleConfig } from '../../src/core/feed-check-schedule.js';

const cfg: ScheduleConfig = { ...DEFAULT_SCHEDULE, backoffJitterRatio: 0.5, backoffBaseMs: 1_000, backoffMaxMs: 60_000, minIntervalMs: 300_000, maxIntervalMs: 3_600_000, defaultIntervalMs: 900_000, disableAfterErrors: 3 };
const NOW = 1_700_000_000_000;

describe('backoff', () => {
  it('doubles per error up to the ceiling, jitter scales into [d/2, d)', () => {
    expect(backoffDelayMs(0, cfg, 0)).toBe(500);
    expect(backoffDelayMs(3, cfg, 0)).toBe(4_000);
    expect(backoffDelayMs(3, cfg, 0.5)).toBe(6_000);
    expect(backoffDelayMs(20, cfg, 0)).toBe(30_000);
    expect(backoffDelayMs(20, cfg, 0.999_999)).toBeLessThanOrEqual(60_000);
  });

  it('backoff.jitterRatio sets how much of the delay is random: [d * (1 - ratio), d)', () => {
    const at = (ratio: number, jitter: number): number => backoffDelayMs(3, { ...cfg, backoffJitterRatio: ratio }, jitter);
    expect(at(0, 0)).toBe(8_000);
    expect(at(0, 0.9)).toBe(8_000);
    expect(at(0.2, 0)).toBe(6_400);
    expect(at(0.2, 0.5)).toBe(7_200);
    expect(at(1, 0)).toBe(0);
    expect(at(1, 0.25)).toBe(2_000);
  });

  it('a longer Retry-After wins, a shorter one does not', () => {
    expect(backoffDelayMs(0, cfg, 0, 120_000)).toBe(120_000);
    expect(backoffDelayMs(5, cfg, 0, 10)).toBe(16_000);
  });
});

describe('success interval', () => {
  it('uses the longest hint, clamped to the range', () => {
    expect(successDelayMs({}, NOW, cfg)).toBe(900_000);
    expect(successDelayMs({ ttlSeconds: 1_200 }, NOW, cfg)).toBe(1_200_000);
    expect(successDelayMs({ ttlSeconds: 600, maxAgeSeconds: 1_800 }, NOW, cfg)).toBe(1_800_000);
    expect(successDelayMs({ maxAgeSeconds: 10 }, NOW, cfg)).toBe(300_000);
    expect(successDelayMs({ expires: NOW + 86_400_000 }, NOW, cfg)).toBe(3_600_000);
    expect(successDelayMs({ expires: NOW - 1 }, NOW, cfg)).toBe(900_000);
  });
});

describe('first check spread', () => {
  it('is stable per URL, inside the window and spread across it', () => {
    const urls = Array.from({ length: 200 }, (_, i) => `https://feeds.example/${i}.xml`);
    const delays = urls.map((u) => firstCheckDelayMs(u, 600_000));
    expect(firstCheckDelayMs(urls[0] as string, 600_000)).toBe(delays[0]);
    expect(delays.every((d) => d >= 0 && d < 600_000)).toBe(true);
    expect(new Set(delays.map((d) => Math.floor(d / 60_000))).size).toBeGreaterThanOrEqual(8);
  });
});

describe('planNextCheck', () => {
  it('success resets the error count', () => {
    expect(planNextCheck({ kind: 'success', hints: {} }, 2, NOW, 0, cfg)).toEqual({ nextCheckAt: NOW + 900_000, errors: 0, disable: false });
  });

  it('failures count up and disable at the limit; 410 disables at once', () => {
    expect(planNextCheck({ kind: 'failure' }, 0, NOW, 0, cfg)).toEqual({ nextCheckAt: NOW + 500, errors: 1, disable: false });
    expect(planNextCheck({ kind: 'failure' }, 2, NOW, 0, cfg).disable).toBe(true);
    expect(planNextCheck({ kind: 'failure', disable: true }, 0, NOW, 0, cfg).disable).toBe(true);
  });
});
