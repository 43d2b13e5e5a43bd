// The digest scheduler: due periods across time zones, catch-up once after downtime, and exactly one outbox
// item however many workers run it (SQLite, and PostgreSQL when TEST_DATABASE_URL is set).
import { expect, it } from 'vitest';
import pino from 'pino';
import type { DigestPayload } from '../../src/core/outbox-payloads.js';
import { createDigestsApi } from '../../src/jobs/api-digests.js';
import { runDigestScheduler } from '../../src/jobs/digests.js';
import type { Store } from '../../src/store/index.js';
import { describeStoreContract } from '../store/harness.js';
import { seedArticles, seedFeed } from './digest-seed.js';

const silent = pino({ level: 'silent' });
const HOUR = 3_600_000;

function api(store: Store, clock: { now: () => number }) {
  return createDigestsApi({ store, now: clock.now, builtInActors: ['Russia', 'China', 'NATO'], articlesPerActor: 2, defaultSchedule: '0 8 * * *', defaultTimezone: 'UTC' });
}

const scheduler = (store: Store, clock: { now: () => number }, owner: string) =>
  runDigestScheduler({ store, logger: silent, now: clock.now, owner, options: { articlesPerActor: 2 } });

async function digests(store: Store, guildId: string) {
  return (await store.listOutbox(guildId, 100)).filter((i) => i.kind === 'digest');
}

describeStoreContract('digest scheduler', (h) => {
  it('posts at the local slot (Europe/London, across the DST change) once per period', async () => {
    const { store } = h();
    let t = Date.parse('2025-03-29T12:00:00Z'); // Saturday; clocks go forward on Sunday 30 March at 01:00 UTC
    const clock = { now: () => t };
    await api(store, clock).setDigestChannel('g1', 'chan-1');
    expect((await api(store, clock).setDigestSchedule('g1', 'daily 09:00', 'Europe/London')).ok).toBe(true);
    t = Date.parse('2025-03-30T07:59:00Z'); // 08:59 BST
    expect(await scheduler(store, clock, 'w1')).toMatchObject({ enqueued: 0 });
    t = Date.parse('2025-03-30T08:00:30Z'); // 09:00:30 BST
    expect(await scheduler(store, clock, 'w1')).toMatchObject({ enqueued: 1 });
    expect(await scheduler(store, clock, 'w1')).toMatchObject({ enqueued: 0 });
    const [item] = await digests(store, 'g1');
    const p = item?.payload as DigestPayload;
    expect(p.digest.period).toEqual({ from: Date.parse('2025-03-29T09:00:00Z'), to: Date.parse('2025-03-30T08:00:00Z') });
    expect(p.timeZone).toBe('Europe/London');
    expect(item?.dedupeKey).toBe(`digest:chan-1:${Date.parse('2025-03-29T09:00:00Z')}:${Date.parse('2025-03-30T08:00:00Z')}`);
  });

  it('after downtime spanning three slots, catches up once with one digest covering the gap', async () => {
    const { store } = h();
    let t = Date.parse('2025-06-02T10:00:00Z');
    const clock = { now: () => t };
    await api(store, clock).setDigestChannel('g1', 'chan-1');
    await api(store, clock).setDigestSchedule('g1', 'daily 09:00', 'UTC');
    t = Date.parse('2025-06-03T09:05:00Z');
    await scheduler(store, clock, 'w1');
    t = Date.parse('2025-06-06T12:00:00Z'); // down from the 3rd to the 6th: slots of the 4th, 5th and 6th missed
    expect(await scheduler(store, clock, 'w1')).toMatchObject({ enqueued: 1 });
    t += HOUR;
    expect(await scheduler(store, clock, 'w1')).toMatchObject({ enqueued: 0 });
    const periods = (await digests(store, 'g1')).map((i) => (i.payload as DigestPayload).digest.period).sort((a, b) => a.from - b.from);
    expect(periods).toEqual([
      { from: Date.parse('2025-06-02T09:00:00Z'), to: Date.parse('2025-06-03T09:00:00Z') },
      { from: Date.parse('2025-06-03T09:00:00Z'), to: Date.parse('2025-06-06T09:00:00Z') },
    ]);
  });

  it('two workers and a scheduled digest: exactly one outbox item, with the stored analyses in it', async () => {
    const { store, openAnother } = h();
    const other = await openAnother();
    let t = Date.parse('2025-06-02T10:00:00Z');
    const clock = { now: () => t };
    const feedId = await seedFeed(store, 'g1');
    await seedArticles(store, feedId, [
      { id: 'a1', publishedAt: Date.parse('2025-06-02T12:00:00Z'), outlet: 'Herald', scores: { Russia: -0.6, NATO: 0.4 } },
      { id: 'a2', publishedAt: Date.parse('2025-06-02T15:00:00Z'), outlet: 'Wire', scores: { Russia: -0.2 } },
      { id: 'a3', publishedAt: Date.parse('2025-06-02T16:00:00Z'), outlet: 'Wire', scores: { China: 0.5 }, eligible: false },
    ]);
    await api(store, clock).setDigestChannel('g1', 'chan-1');
    await api(store, clock).setDigestSchedule('g1', 'daily 09:00', 'UTC');
    t = Date.parse('2025-06-03T09:00:10Z');
    const reports = await Promise.all([scheduler(store, clock, 'w1'), scheduler(other, clock, 'w2'), scheduler(store, clock, 'w3')]);
    expect(reports.reduce((n, r) => n + r.enqueued, 0)).toBe(1);
    for (const owner of ['w1', 'w2', 'w3']) await scheduler(owner === 'w2' ? other : store, clock, owner);
    const items = await digests(store, 'g1');
    expect(items).toHaveLength(1);
    const d = (items[0]?.payload as DigestPayload).digest;
    expect(d.articles).toBe(2); // a3 is a new feed's backlog: not new to the server, so not in the digest
    expect(d.actors.find((a) => a.actor === 'Russia')).toMatchObject({ n: 2, mean: expect.closeTo(-0.4, 10) });
    expect(d.highlights.find((x) => x.actor === 'China')?.mostPositive ?? []).toEqual([]);
  });
});

describeStoreContract('digests API', (h) => {
  it('validates schedules and zones, and /digest now covers the period since the last digest once', async () => {
    const { store } = h();
    let t = Date.parse('2025-06-02T10:00:30Z');
    const digestsApi = api(store, { now: () => t });
    expect(await digestsApi.digestNow('g1')).toEqual({ ok: false, error: expect.stringContaining('/digest channel') });
    const set = await digestsApi.setDigestChannel('g1', 'chan-1');
    expect(set).toMatchObject({ channelId: 'chan-1', schedule: '0 8 * * *', timeZone: 'UTC', nextDigestAt: Date.parse('2025-06-03T08:00:00Z') });
    expect(await digestsApi.setDigestSchedule('g1', '*/5 * * * *')).toMatchObject({ ok: false, error: expect.stringContaining('at most hourly') });
    expect(await digestsApi.setDigestSchedule('g1', 'daily 9am')).toMatchObject({ ok: false });
    expect(await digestsApi.setDigestSchedule('g1', 'daily 09:00', 'Mars/Olympus')).toMatchObject({ ok: false, error: expect.stringContaining('unknown time zone') });
    expect(await digestsApi.setDigestSchedule('g1', 'weekly mon 08:30', 'america/new_york')).toMatchObject({ ok: true, value: { timeZone: 'America/New_York', schedule: 'weekly mon 08:30' } });
    const now = await digestsApi.digestNow('g1');
    expect(now).toMatchObject({ ok: true, value: { created: true, period: { from: Date.parse('2025-06-02T08:00:00Z'), to: Date.parse('2025-06-02T10:00:00Z') } } });
    expect(await digestsApi.digestNow('g1')).toMatchObject({ ok: false });
    t += 2 * 60_000;
    expect(await digestsApi.digestNow('g1')).toMatchObject({ ok: true, value: { period: { from: Date.parse('2025-06-02T10:00:00Z') } } });
    expect(await digests(store, 'g1')).toHaveLength(2);
    expect((await digestsApi.previewDigest('g1')).ok).toBe(true);
    expect(await digests(store, 'g1')).toHaveLength(2);
  });

  it('summary and actor views come from the stored analyses, grouped into the server\'s local days', async () => {
    const { store } = h();
    const t = Date.parse('2025-06-10T12:00:00Z');
    const digestsApi = api(store, { now: () => t });
    await digestsApi.setDigestSchedule('g1', 'daily 09:00', 'Asia/Tokyo');
    const feedId = await seedFeed(store, 'g1');
    await seedArticles(store, feedId, [
      { id: 'n1', publishedAt: Date.parse('2025-06-09T16:00:00Z'), outlet: 'Herald', scores: { Russia: -0.8 } }, // 10 Jun 01:00 Tokyo
      { id: 'n2', publishedAt: Date.parse('2025-06-09T14:00:00Z'), outlet: 'Wire', scores: { Russia: 0.2 } }, // 9 Jun 23:00 Tokyo
      { id: 'old', publishedAt: Date.parse('2025-06-02T12:00:00Z'), outlet: 'Wire', scores: { Russia: 0.5 } },
    ]);
    const summary = await digestsApi.summary('g1', '7d', { actor: 'russia' });
    expect(summary).toMatchObject({ ok: true, value: { filter: { actor: 'Russia' }, timeZone: 'Asia/Tokyo', actors: [{ actor: 'Russia', n: 2, change: { direction: '▼' } }] } });
    if (!summary.ok) return;
    expect(summary.value.outlets[0]).toMatchObject({ mostFor: [{ outlet: 'Wire' }], mostAgainst: [{ outlet: 'Herald' }] });
    const view = await digestsApi.actorView('g1', 'RUSSIA', '7d');
    expect(view.ok && view.value.chart.series[0]?.values.filter((v) => v !== null)).toEqual([0.2, -0.8]);
    expect(view.ok && view.value.chart.days.slice(-2)).toEqual(['2025-06-09', '2025-06-10']);
    expect(await digestsApi.actorView('g1', 'Atlantis', '7d')).toMatchObject({ ok: false, error: expect.stringContaining('not a known actor') });
  });
});
