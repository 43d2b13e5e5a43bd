import { expect, it } from 'vitest';
import { describeStoreContract } from './harness.js';

const digest = (periodStart: number, periodEnd: number, now = periodEnd) => ({
  guildId: 'A', channelId: 'chan-a', periodStart, periodEnd, payload: { title: `digest ${periodEnd}` }, now,
});

describeStoreContract('OutboxStore, AlertStore, LeaseStore', (h) => {
  it('enqueues once per dedupe key and scopes listings to the guild', async () => {
    const { store } = h();
    const first = await store.enqueue({ kind: 'notice', guildId: 'A', channelId: 'c', dedupeKey: 'k1', payload: { text: 'hi' }, now: 5 });
    const again = await store.enqueue({ kind: 'notice', guildId: 'A', channelId: 'c', dedupeKey: 'k1', payload: { text: 'other' }, now: 6 });
    expect(first.created).toBe(true);
    expect(again).toEqual({ item: first.item, created: false });
    expect(first.item).toMatchObject({ status: 'pending', attempts: 0, nextAttemptAt: 5, payload: { text: 'hi' }, messageIds: [] });
    expect(first.item.nonce).toMatch(/^[0-9a-f]{24}$/);
    await store.enqueue({ kind: 'notice', guildId: 'B', channelId: 'd', dedupeKey: 'k2', payload: null, now: 5 });
    expect((await store.listOutbox('A', 10)).map((i) => i.dedupeKey)).toEqual(['k1']);
    expect((await store.listOutbox('B', 10)).map((i) => i.dedupeKey)).toEqual(['k2']);
  });

  it('records a digest run per (channel, period) once and advances the last period end', async () => {
    const { store } = h();
    await store.updateGuildSettings('A', { digestChannelId: 'chan-a', digestSchedule: '0 9 * * *' }, 0);
    const one = await store.enqueueDigest(digest(0, 100));
    const twice = await store.enqueueDigest(digest(0, 100, 150));
    expect([one.created, twice.created, twice.item.id]).toEqual([true, false, one.item.id]);
    expect(one.item).toMatchObject({ kind: 'digest', dedupeKey: 'digest:chan-a:0:100', payload: { title: 'digest 100' } });
    expect((await store.getGuildSettings('A'))?.lastDigestPeriodEnd).toBe(100);
    await store.enqueueDigest(digest(100, 200));
    await store.enqueueDigest(digest(0, 50));
    expect((await store.getGuildSettings('A'))?.lastDigestPeriodEnd).toBe(200);
    expect(await store.countOutbox()).toEqual({ pending: 3, sending: 0, sent: 0, failed: 0, parked: 0 });
  });

  it('claims due items disjointly, retries failures and re-claims an abandoned send', async () => {
    const { store, openAnother } = h();
    const other = await openAnother();
    for (let i = 0; i < 10; i++) await store.enqueue({ kind: 'alert', guildId: 'A', channelId: 'c', dedupeKey: `a${i}`, payload: i, now: i });
    const [x, y] = await Promise.all([
      store.claimDueOutbox({ owner: 'X', now: 100, leaseMs: 50, limit: 6 }),
      other.claimDueOutbox({ owner: 'Y', now: 100, leaseMs: 50, limit: 6 }),
    ]);
    const ids = [...x, ...y].map((i) => i.id);
    expect(new Set(ids).size).toBe(10);
    expect(ids).toHaveLength(10);

    const [sent, failed, parked, crashed] = x;
    expect(await store.markSending(sent!.id, 'Y')).toBe(false);
    expect(await store.markSending(sent!.id, 'X')).toBe(true);
    await store.markSent(sent!.id, ['m1', 'm2'], 110);
    await store.markSending(failed!.id, 'X');
    await store.markFailed(failed!.id, 'HTTP 500', 300);
    await store.park(parked!.id, 'missing permission');
    await store.markSending(crashed!.id, 'X');
    expect(await store.getOutboxItem(sent!.id)).toMatchObject({ status: 'sent', messageIds: ['m1', 'm2'], sentAt: 110, attempts: 1, leaseOwner: null });
    expect(await store.getOutboxItem(parked!.id)).toMatchObject({ status: 'parked', lastError: 'missing permission' });

    const ready = (now: number) => store.claimDueOutbox({ owner: 'Z', now, leaseMs: 1000, limit: 20 }).then((items) => items.map((i) => i.id));
    const releasedByY = y.map((i) => i.id);
    expect((await ready(149)).sort()).toEqual([]);
    expect((await ready(151)).sort()).toEqual([crashed!.id, ...x.slice(4).map((i) => i.id), ...releasedByY].sort());
    expect(await ready(300)).toEqual([failed!.id]);
    expect(await store.getOutboxItem(failed!.id)).toMatchObject({ status: 'failed', attempts: 1, lastError: 'HTTP 500', leaseOwner: 'Z' });
  });

  it('keeps alert rules per guild and fires each event once, with its post enqueued', async () => {
    const { store } = h();
    const rule = await store.addAlertRule({ guildId: 'A', channelId: 'alerts', kind: 'stance', actor: 'China', params: { threshold: -0.5, windowHours: 24 }, createdBy: 'u', now: 1 });
    const other = await store.addAlertRule({ guildId: 'B', channelId: 'b-alerts', kind: 'article', actor: 'EU', outlet: 'RT', params: {}, createdBy: 'u', now: 1 });
    expect(rule).toMatchObject({ guildId: 'A', kind: 'stance', outlet: null, params: { threshold: -0.5, windowHours: 24 }, enabled: true, lastFiredAt: null });
    expect((await store.listAlertRules('A')).map((r) => r.id)).toEqual([rule.id]);
    expect(await store.removeAlertRule('A', other.id)).toBe(false);
    expect(await store.setAlertRuleEnabled('A', other.id, false)).toBe(false);
    expect(await store.setAlertRuleEnabled('B', other.id, false)).toBe(true);
    expect((await store.listEnabledAlertRules()).map((r) => r.id)).toEqual([rule.id]);

    const fired = await store.fireAlert({ ruleId: rule.id, eventKey: 'w:100', firedAt: 100, reason: 'mean -0.6 < -0.5', payload: { text: 'x' } });
    expect(fired.ok).toBe(true);
    expect(await store.fireAlert({ ruleId: rule.id, eventKey: 'w:100', firedAt: 101, reason: 'again', payload: {} })).toEqual({ ok: false, error: 'duplicate' });
    expect(await store.fireAlert({ ruleId: 9999, eventKey: 'k', firedAt: 1, reason: 'r', payload: {} })).toEqual({ ok: false, error: 'unknown-rule' });
    const events = await store.listAlertEvents('A', 10);
    expect(events).toHaveLength(1);
    expect(await store.getOutboxItem(events[0]!.outboxId!)).toMatchObject({ kind: 'alert', guildId: 'A', channelId: 'alerts', payload: { text: 'x' } });
    expect(await store.listAlertEvents('B', 10)).toEqual([]);
    expect((await store.listAlertRules('A'))[0]?.lastFiredAt).toBe(100);
    expect([await store.countAlertsSince('alerts', 50), await store.countAlertsSince('alerts', 101), await store.countAlertsSince('b-alerts', 0)]).toEqual([1, 0, 0]);
    expect(await store.removeAlertRule('A', rule.id)).toBe(true);
    expect(await store.listAlertEvents('A', 10)).toEqual([]);
  });

  it('grants a named job lease to one owner until it expires or is released', async () => {
    const { store, openAnother } = h();
    const other = await openAnother();
    const results = await Promise.all([store.acquireLease('digest', 'w1', 0, 100), other.acquireLease('digest', 'w2', 0, 100)]);
    expect(results.filter(Boolean)).toHaveLength(1);
    const holder = results[0] ? 'w1' : 'w2';
    const loser = holder === 'w1' ? 'w2' : 'w1';
    expect(await store.acquireLease('digest', loser, 99, 100)).toBe(false);
    expect(await store.acquireLease('digest', holder, 50, 100)).toBe(true);
    expect(await store.getLease('digest')).toEqual({ name: 'digest', owner: holder, until: 150 });
    expect(await store.acquireLease('digest', loser, 149, 100)).toBe(false);
    expect(await store.acquireLease('digest', loser, 150, 100)).toBe(true);
    await store.releaseLease('digest', holder);
    expect((await store.getLease('digest'))?.owner).toBe(loser);
    await store.releaseLease('digest', loser);
    expect(await store.getLease('digest')).toBeUndefined();
    expect(await store.acquireLease('digest', holder, 151, 10)).toBe(true);
  });
});
