import { describe, expect, it } from 'vitest';
import {
  evaluateRule, evaluateRules, rateLimitDecision, ticksBetween, type AlertEvent, type AlertRule, type Observation,
  type StanceRule, type VolumeRule,
} from '../../src/core/alerts.js';
import { formatDuration, parseDuration } from '../../src/core/durations.js';

const H = 3_600_000;
const BASE = Date.parse('2025-05-01T00:00:00Z');

function obs(hour: number, score: number, extra: Partial<Observation> = {}): Observation {
  const published = BASE + hour * H + 30 * 60_000;
  return {
    articleId: `a-${hour}-${score}-${extra.outlet ?? ''}`, actor: 'Russia', outlet: 'Wire', title: `Story ${hour}`,
    published, analysedAt: published + 10 * 60_000, score, ...extra,
  };
}

/** Evaluates like the worker: once per hour from BASE to BASE + hours, each time since the previous run. */
function runHourly(rule: AlertRule, observations: Observation[], hours: number): AlertEvent[] {
  const events: AlertEvent[] = [];
  let last: number | null = null;
  for (let h = 1; h <= hours; h++) {
    const now = BASE + h * H + 5 * 60_000;
    events.push(...evaluateRule(rule, { now, lastEvaluatedAt: last, observations }));
    last = now;
  }
  return events;
}

const stanceRule: StanceRule = {
  id: 'r1', kind: 'stance', actor: 'Russia', direction: 'below', threshold: -0.45, windowMs: 6 * H, minArticles: 3, createdAt: BASE,
};

// One article an hour: mild until hour 10, hostile from 10, mild again from 20, hostile again from 30.
const series = Array.from({ length: 40 }, (_, h) => obs(h, h < 10 || (h >= 20 && h < 30) ? -0.2 : -0.8));

describe('stance threshold rule', () => {
  it('fires on the crossing, not on every tick while the mean stays beyond', () => {
    // 6 h window mean = -0.2 - 0.1·m with m hostile hours in it; it first drops below -0.45 when m = 3 (tick 13 h).
    const events = runHourly(stanceRule, series, 26);
    expect(events.map((e) => e.at)).toEqual([BASE + 13 * H]);
    expect(events[0]?.eventKey).toBe('alert:r1:stance-below:2025-05-01T13:00:00.000Z');
    expect(events[0]?.reason).toBe('Mean stance toward Russia over the last 6 h fell below −0.45: now −0.50 from 6 articles.');
  });

  it('fires again after the mean went back and crossed once more', () => {
    expect(runHourly(stanceRule, series, 40).map((e) => (e.at - BASE) / H)).toEqual([13, 33]);
  });

  it('gives the same events, with the same keys, however the evaluations are spaced', () => {
    const hourly = runHourly(stanceRule, series, 40);
    const batched = evaluateRule(stanceRule, { now: BASE + 40 * H + 5 * 60_000, lastEvaluatedAt: null, observations: series }, { maxTicks: 100 });
    expect(batched.map((e) => e.eventKey)).toEqual(hourly.map((e) => e.eventKey));
    const again = evaluateRule(stanceRule, { now: BASE + 40 * H + 5 * 60_000, lastEvaluatedAt: null, observations: series }, { maxTicks: 100 });
    expect(again).toEqual(batched);
  });

  // Hours 10-19 are analysed only at 15:20: windows at 14 h and 15 h hold too few known articles to judge,
  // the last judged tick (13 h) was mild, and at 16 h six hostile articles are known.
  it('uses only what was analysed by each tick, so late articles do not hide a crossing', () => {
    const late = series.slice(0, 20).map((o) => (o.published >= BASE + 10 * H ? { ...o, analysedAt: BASE + 15 * H + 20 * 60_000 } : o));
    expect(runHourly(stanceRule, late, 20).map((e) => (e.at - BASE) / H)).toEqual([16]);
  });

  // Nothing about the actor until hour 10, then hostile articles: the first window that holds enough articles
  // is already past the threshold. It fires there once, stays quiet while the mean stays below, fires again only
  // after the mean went back above (mild articles from hour 16) and fell below once more (hostile from hour 26).
  it('fires on the first judged window of an actor that was quiet before, once per crossing', () => {
    const rule: StanceRule = { ...stanceRule, id: 'quiet', threshold: -0.3, minArticles: 2 };
    const quietThenHostile = Array.from({ length: 30 }, (_, h) => h)
      .filter((h) => h >= 10)
      .map((h) => obs(h, h < 16 || h >= 26 ? -0.8 : 0.2));
    const events = runHourly(rule, quietThenHostile, 36);
    expect(events.map((e) => (e.at - BASE) / H)).toEqual([12, 30]);
    expect(events[0]?.reason).toBe('Mean stance toward Russia over the last 6 h fell below −0.30: now −0.80 from 2 articles.');
    const batched = evaluateRule(rule, { now: BASE + 36 * H + 5 * 60_000, lastEvaluatedAt: null, observations: quietThenHostile }, { maxTicks: 100 });
    expect(batched.map((e) => e.eventKey)).toEqual(events.map((e) => e.eventKey));
  });

  it('needs the minimum number of articles in the window to judge it', () => {
    const sparse = series.filter((_, h) => h % 3 === 0);
    expect(runHourly({ ...stanceRule, minArticles: 3 }, sparse, 30)).toEqual([]);
    expect(runHourly({ ...stanceRule, minArticles: 2 }, sparse, 30).length).toBeGreaterThan(0);
  });

  it('watches the other direction with "above"', () => {
    // The first judged window (tick 3 h, three mild articles) is already above: that is a crossing. Then back
    // above -0.45 once at most 2 hostile hours remain in the window: m = 26 - k ≤ 2 at tick 24 h.
    const rule: StanceRule = { ...stanceRule, id: 'up', direction: 'above' };
    expect(runHourly(rule, series, 40).map((e) => (e.at - BASE) / H)).toEqual([3, 24]);
  });

  it('does not fire for crossings before the rule existed', () => {
    expect(runHourly({ ...stanceRule, createdAt: BASE + 14 * H }, series, 26)).toEqual([]);
  });
});

describe('volume spike rule', () => {
  const rule: VolumeRule = { id: 'v1', kind: 'volume', actor: 'Russia', windowMs: 6 * H, baselineWindows: 4, k: 3, minCount: 5, createdAt: BASE };
  // Two articles every 6 h for a day, then twelve within hours 30-35.
  const quiet = Array.from({ length: 30 }, (_, h) => h).filter((h) => h % 3 === 0).map((h) => obs(h, 0));
  const burst = Array.from({ length: 12 }, (_, i) => obs(30 + (i % 6), -0.1, { articleId: `burst-${i}` }));

  it('fires once when the window count exceeds mean + k·sd of the windows before', () => {
    const events = runHourly(rule, [...quiet, ...burst], 48);
    expect(events).toHaveLength(1);
    expect(events[0]?.eventKey).toMatch(/^alert:v1:volume:2025-05-02T/);
    expect(events[0]?.reason).toMatch(/^Russia was mentioned in \d+ articles in the last 6 h, against 2\.0 ± 0\.0 in the 4 windows before/);
  });

  it('ignores steady traffic and spikes below the minimum count', () => {
    expect(runHourly(rule, quiet, 48)).toEqual([]);
    const small = burst.slice(0, 4);
    expect(runHourly({ ...rule, k: 0.5 }, small, 48)).toEqual([]);
  });
});

describe('strong article rule', () => {
  const data = [
    obs(1, -0.9, { outlet: 'Global Herald', link: 'https://example.test/1' }),
    obs(2, -0.5, { outlet: 'Global Herald' }),
    obs(3, -0.95, { outlet: 'Eastern Dawn' }),
    obs(4, 0.9, { outlet: 'global herald' }),
    obs(5, -0.8, { outlet: 'Global Herald', actor: 'China' }),
  ];
  const rule: AlertRule = { id: 'a1', kind: 'article', actor: 'Russia', direction: 'negative', threshold: 0.7, outlet: 'global HERALD', createdAt: BASE };

  it('fires once per matching article and says why', () => {
    const events = runHourly(rule, data, 10);
    expect(events.map((e) => e.eventKey)).toEqual(['alert:a1:article:a-1--0.9-Global Herald']);
    expect(events[0]?.reason).toBe('Global Herald published a strongly negative article about Russia (stance −0.90 ≤ −0.70): "Story 1".');
    expect(events[0]?.link).toBe('https://example.test/1');
  });

  it('covers every outlet without an outlet, and positive articles in that direction', () => {
    const { outlet: _o, ...anyOutlet } = rule;
    expect(runHourly(anyOutlet, data, 10).map((e) => e.at)).toEqual([data[0]?.analysedAt, data[2]?.analysedAt]);
    expect(runHourly({ ...rule, direction: 'positive' }, data, 10).map((e) => e.reason)).toEqual(
      ['global herald published a strongly positive article about Russia (stance +0.90 ≥ +0.70): "Story 4".']);
  });

  it('evaluateRules merges rules in time order', () => {
    const all = evaluateRules([rule, { ...rule, id: 'a2', outlet: 'Eastern Dawn' }], { now: BASE + 10 * H, lastEvaluatedAt: null, observations: data });
    expect(all.map((e) => e.ruleId)).toEqual(['a1', 'a2']);
  });
});

describe('ticksBetween', () => {
  it('lists grid ticks after `since`, keeping only the latest after downtime', () => {
    expect(ticksBetween(BASE, BASE + 3 * H + 1, { stepMs: H, maxTicks: 24 })).toEqual([BASE + H, BASE + 2 * H, BASE + 3 * H]);
    expect(ticksBetween(BASE, BASE + 100 * H, { stepMs: H, maxTicks: 2 })).toEqual([BASE + 99 * H, BASE + 100 * H]);
  });
});

describe('rateLimitDecision', () => {
  const now = BASE + 10 * H;
  it('allows N posts in any hour and says when the next is allowed', () => {
    const sent = [now - 50 * 60_000, now - 30 * 60_000, now - 10 * 60_000, now - 2 * H];
    expect(rateLimitDecision(sent, now, 4)).toEqual({ allowed: true });
    expect(rateLimitDecision(sent, now, 3)).toEqual({ allowed: false, retryAt: now + 10 * 60_000 });
    expect(rateLimitDecision(sent, now + 10 * 60_000, 3)).toEqual({ allowed: true });
    expect(rateLimitDecision(sent, now, 2)).toEqual({ allowed: false, retryAt: now + 30 * 60_000 });
    expect(rateLimitDecision([], now, 0)).toEqual({ allowed: true });
  });
});

describe('durations', () => {
  it('parses and formats', () => {
    expect(parseDuration('6h')).toEqual({ ok: true, value: 6 * H });
    expect(parseDuration(' 90 min ')).toEqual({ ok: true, value: 90 * 60_000 });
    expect(parseDuration('2W')).toEqual({ ok: true, value: 14 * 24 * H });
    for (const bad of ['0h', '6', 'h', '1.5h', '3y']) expect(parseDuration(bad).ok).toBe(false);
    expect([formatDuration(6 * H), formatDuration(48 * H), formatDuration(90 * 60_000)]).toEqual(['6 h', '2 days', '90 min']);
  });
});
