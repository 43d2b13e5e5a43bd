// The alert evaluator over stored analyses: each event posts once (however often the evaluator runs, and from
// several workers), rate-limited per channel, with the reason it fired.
import { expect, it } from 'vitest';
import pino from 'pino';
import type { AlertPayload } from '../../src/core/outbox-payloads.js';
import { runAlertEvaluator } from '../../src/jobs/alerts.js';
import { createDigestsApi } from '../../src/jobs/api-digests.js';
import type { Store } from '../../src/store/index.js';
import { describeStoreContract } from '../store/harness.js';
import { seedArticles, seedFeed } from './digest-seed.js';

const silent = pino({ level: 'silent' });
const HOUR = 3_600_000;
const T0 = Date.parse('2025-06-02T00:00:00Z');

function world(store: Store) {
  let t = T0;
  const clock = { now: () => t, set: (ms: number) => void (t = ms) };
  const api = createDigestsApi({ store, now: clock.now, builtInActors: ['Russia', 'China', 'NATO'], articlesPerActor: 2, defaultSchedule: '0 8 * * *', defaultTimezone: 'UTC' });
  const evaluate = (owner = 'w1', s: Store = store, perHour = 5) =>
    runAlertEvaluator({ store: s, logger: silent, now: clock.now, owner, maxPerChannelPerHour: perHour });
  const alerts = async () => (await store.listOutbox('g1', 100)).filter((i) => i.kind === 'alert');
  return { clock, api, evaluate, alerts };
}

describeStoreContract('alert evaluator', (h) => {
  it('a strong article fires once per event with its reason, whatever the number of passes and workers', async () => {
    const { store, openAnother } = h();
    const other = await openAnother();
    const w = world(store);
    const rule = await w.api.addAlertRule({ guildId: 'g1', channelId: 'alerts', createdBy: 'u', actor: 'russia', kind: 'article', direction: 'negative', threshold: 0.6, outlet: 'herald' });
    expect(rule).toMatchObject({ ok: true, value: { actor: 'Russia', description: expect.stringContaining('from herald') } });
    const feedId = await seedFeed(store, 'g1');
    await seedArticles(store, feedId, [
      { id: 'hit', publishedAt: T0 + HOUR, outlet: 'Herald', scores: { Russia: -0.8 } },
      { id: 'mild', publishedAt: T0 + HOUR, outlet: 'Herald', scores: { Russia: -0.3 } },
      { id: 'elsewhere', publishedAt: T0 + HOUR, outlet: 'Wire', scores: { Russia: -0.9 } },
      { id: 'backlog', publishedAt: T0 + HOUR, outlet: 'Herald', scores: { Russia: -0.95 }, eligible: false },
    ]);
    w.clock.set(T0 + 2 * HOUR);
    const reports = await Promise.all([w.evaluate('w1'), w.evaluate('w2', other)]);
    expect(reports.map((r) => r.skipped).sort()).toEqual([false, true]);
    w.clock.set(T0 + 3 * HOUR);
    await w.evaluate('w2', other);
    await w.evaluate('w1');
    const items = await w.alerts();
    expect(items).toHaveLength(1);
    const payload = items[0]?.payload as AlertPayload;
    expect(payload).toMatchObject({ type: 'alert', kind: 'article', actor: 'Russia', link: 'https://news.example/hit' });
    expect(payload.reason).toBe('Herald published a strongly negative article about Russia (stance −0.80 ≤ −0.60): "Title hit".');
    expect(items[0]?.channelId).toBe('alerts');
    expect((await store.listAlertEvents('g1', 10)).map((e) => e.reason)).toEqual([payload.reason]);
  });

  it('a stance rule fires on the crossing, not again while the stance stays past the threshold', async () => {
    const { store } = h();
    const w = world(store);
    await w.api.addAlertRule({ guildId: 'g1', channelId: 'alerts', createdBy: 'u', actor: 'Russia', kind: 'stance', direction: 'below', threshold: -0.3, window: '6h', minArticles: 2 });
    const feedId = await seedFeed(store, 'g1');
    await seedArticles(store, feedId, [
      { id: 'a', publishedAt: T0 + HOUR, scores: { Russia: 0.1 } },
      { id: 'b', publishedAt: T0 + 1.5 * HOUR, scores: { Russia: 0.0 } },
      { id: 'c', publishedAt: T0 + 4.5 * HOUR, scores: { Russia: -0.9 } },
      { id: 'd', publishedAt: T0 + 4.6 * HOUR, scores: { Russia: -0.8 } },
      { id: 'e', publishedAt: T0 + 5.5 * HOUR, scores: { Russia: -0.7 } },
    ]);
    for (let hour = 1; hour <= 9; hour++) {
      w.clock.set(T0 + hour * HOUR + 60_000);
      await w.evaluate();
    }
    const items = await w.alerts();
    expect(items).toHaveLength(1);
    const p = items[0]?.payload as AlertPayload;
    expect(p).toMatchObject({ kind: 'stance', at: T0 + 5 * HOUR });
    expect(p.reason).toContain('Mean stance toward Russia over the last 6 h fell below −0.30');
  });

  // The field report: /alerts add stance actor:NATO direction:below threshold:-0.3 window:24h min_articles:2
  // for an actor nobody wrote about before. The first window with two articles is already below: it fires,
  // once over every later pass, and again only after mild articles lift the mean and hostile ones sink it again.
  it('a stance rule for a quiet actor fires the first time the window holds enough articles past the threshold', async () => {
    const { store } = h();
    const w = world(store);
    await w.api.addAlertRule({ guildId: 'g1', channelId: 'alerts', createdBy: 'u', actor: 'NATO', kind: 'stance', direction: 'below', threshold: -0.3, window: '24h', minArticles: 2 });
    const feedId = await seedFeed(store, 'g1');
    const at = (hours: number[], score: number, tag: string) => hours.map((hr) => ({ id: `${tag}${hr}`, publishedAt: T0 + hr * HOUR, scores: { NATO: score } }));
    await seedArticles(store, feedId, [...at([2.2], -0.6, 'h'), ...at([3.4], -0.5, 'h'), ...at([6.5, 7.5, 8.5], 0.6, 'm'), ...at([12.5, 13.5, 14.5, 15.5], -0.9, 'x')]);
    for (let hour = 1; hour <= 20; hour++) {
      w.clock.set(T0 + hour * HOUR + 60_000);
      await w.evaluate();
      await w.evaluate();
    }
    const items = (await w.alerts()).map((i) => i.payload as AlertPayload).sort((a, b) => a.at - b.at);
    expect(items.map((p) => (p.at - T0) / HOUR)).toEqual([4, 16]);
    expect(items[0]?.reason).toBe('Mean stance toward NATO over the last 24 h fell below −0.30: now −0.55 from 2 articles.');
  });

  it('respects the per-channel rate limit and posts the held-back events later', async () => {
    const { store } = h();
    const w = world(store);
    await w.api.addAlertRule({ guildId: 'g1', channelId: 'alerts', createdBy: 'u', actor: 'China', kind: 'article', direction: 'positive', threshold: 0.5 });
    const feedId = await seedFeed(store, 'g1');
    await seedArticles(store, feedId, Array.from({ length: 5 }, (_, i) => ({ id: `p${i}`, publishedAt: T0 + HOUR + i * 60_000, scores: { China: 0.7 } })));
    w.clock.set(T0 + 2 * HOUR);
    expect(await w.evaluate('w1', store, 2)).toMatchObject({ events: 5, fired: 2, rateLimited: 3 });
    w.clock.set(T0 + 2.5 * HOUR);
    expect(await w.evaluate('w1', store, 2)).toMatchObject({ fired: 0 });
    w.clock.set(T0 + 3 * HOUR);
    expect(await w.evaluate('w1', store, 2)).toMatchObject({ fired: 2 });
    w.clock.set(T0 + 4 * HOUR);
    await w.evaluate('w1', store, 2);
    const times = (await w.alerts()).map((i) => i.createdAt).sort((a, b) => a - b);
    expect(times).toEqual([T0 + 2 * HOUR, T0 + 2 * HOUR, T0 + 3 * HOUR, T0 + 3 * HOUR, T0 + 4 * HOUR]);
    const keys = new Set((await w.alerts()).map((i) => i.dedupeKey));
    expect(keys.size).toBe(5);
  });

  it('rejects invalid rules with a reason and lists and removes rules per server', async () => {
    const { store } = h();
    const w = world(store);
    const base = { guildId: 'g1', channelId: 'alerts', createdBy: 'u', actor: 'Russia' } as const;
    expect(await w.api.addAlertRule({ ...base, kind: 'stance', direction: 'below', threshold: -0.3, window: '5 minutes' })).toMatchObject({ ok: false, error: expect.stringContaining('not a duration') });
    expect(await w.api.addAlertRule({ ...base, kind: 'stance', direction: 'below', threshold: -0.3, window: '90d' })).toMatchObject({ ok: false, error: expect.stringContaining('between 1h and 30d') });
    expect(await w.api.addAlertRule({ ...base, kind: 'article', direction: 'negative', threshold: 1.5 })).toMatchObject({ ok: false });
    expect(await w.api.addAlertRule({ ...base, actor: 'Atlantis', kind: 'volume', window: '6h' })).toMatchObject({ ok: false, error: expect.stringContaining('not a known actor') });
    const added = await w.api.addAlertRule({ ...base, kind: 'volume', window: '6h' });
    expect(added).toMatchObject({ ok: true, value: { kind: 'volume', description: expect.stringContaining('volume spike for Russia') } });
    expect((await w.api.listAlertRules('g1')).length).toBe(1);
    expect(await w.api.listAlertRules('g2')).toEqual([]);
    const id = added.ok ? added.value.id : -1;
    expect(await w.api.removeAlertRule('g2', id)).toBe(false);
    expect(await w.api.removeAlertRule('g1', id)).toBe(true);
  });
});
