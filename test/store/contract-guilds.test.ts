import { expect, it } from 'vitest';
import { describeStoreContract, subscribedFeed } from './harness.js';

describeStoreContract('SubscriptionStore, ActorStore, GuildSettingsStore', (h) => {
  it('subscribes once per guild and feed, and lists with the feed state and article count', async () => {
    const { store } = h();
    const { feed } = await store.addFeed({ url: 'https://s.example/', title: 'S', nextCheckAt: 0, now: 0 });
    const first = await store.subscribe({ guildId: 'A', feedId: feed.id, channelId: 'ca', name: 'Wire', createdBy: 'u1', now: 3 });
    const dup = await store.subscribe({ guildId: 'A', feedId: feed.id, channelId: 'other', name: 'Again', createdBy: 'u2', now: 4 });
    expect(first.ok).toBe(true);
    expect(dup).toEqual({ ok: false, error: { kind: 'duplicate', existing: first.ok ? first.value : undefined } });
    expect((await store.subscribe({ guildId: 'B', feedId: feed.id, channelId: 'cb', name: 'Wire', createdBy: 'u3', now: 5 })).ok).toBe(true);

    await store.insertArticles(feed.id, [{ id: 'a1', link: null, outlet: 'S', title: 't', publishedAt: 1, text: '' }], { eligible: true, now: 9 });
    await store.recordFetchFailure(feed.id, { now: 20, code: 'HTTP_500', message: 'boom', nextCheckAt: 30 });
    const [view] = await store.listSubscriptions('A');
    expect(view).toMatchObject({
      guildId: 'A', channelId: 'ca', name: 'Wire', paused: false, url: 'https://s.example/', feedTitle: 'S',
      lastFetchAt: 20, lastErrorCode: 'HTTP_500', lastErrorMessage: 'boom', errorCount: 1, disabled: false, articleCount: 1,
    });
    expect((await store.subscriptionsOfFeed(feed.id)).map((s) => s.guildId)).toEqual(['A', 'B']);
  });

  it('scopes find, pause and unsubscribe to the guild', async () => {
    const { store } = h();
    const a = await subscribedFeed(store, 'https://x.example/', 'A');
    const b = await subscribedFeed(store, 'https://y.example/', 'B');
    expect(await store.getSubscription('B', a.subscription.id)).toBeUndefined();
    expect(await store.getSubscription('A', a.subscription.id)).toEqual(a.subscription);
    expect(await store.findSubscriptionsByName('A', 'HTTPS://X.EXAMPLE/')).toEqual([a.subscription]);
    expect(await store.findSubscriptionsByName('A', 'https://y.example/')).toEqual([]);
    expect(await store.setSubscriptionPaused('A', b.subscription.id, true)).toBe(false);
    expect(await store.setSubscriptionPaused('B', b.subscription.id, true)).toBe(true);
    expect((await store.getSubscription('B', b.subscription.id))?.paused).toBe(true);
    expect(await store.unsubscribe('A', b.subscription.id)).toBe(false);
    expect(await store.unsubscribe('B', b.subscription.id)).toBe(true);
    expect(await store.listSubscriptions('B')).toEqual([]);
    expect((await store.listSubscriptions('A')).map((s) => s.id)).toEqual([a.subscription.id]);
  });

  it('keeps server-defined and watched actors per guild', async () => {
    const { store } = h();
    const added = await store.addGuildActor({ guildId: 'A', name: 'ASEAN', kind: 'bloc', aliases: ['ASEAN', 'Association of Southeast Asian Nations'], createdBy: 'u', now: 1 });
    expect(added.ok && added.value).toMatchObject({ guildId: 'A', name: 'ASEAN', kind: 'bloc', aliases: ['ASEAN', 'Association of Southeast Asian Nations'] });
    expect(await store.addGuildActor({ guildId: 'A', name: 'ASEAN', kind: 'bloc', aliases: [], createdBy: 'u', now: 2 })).toEqual({ ok: false, error: 'duplicate' });
    expect((await store.addGuildActor({ guildId: 'B', name: 'ASEAN', kind: 'bloc', aliases: [], createdBy: 'u', now: 2 })).ok).toBe(true);
    expect((await store.listGuildActors('A')).map((a) => a.aliases.length)).toEqual([2]);
    expect(await store.removeGuildActor('A', 'ASEAN')).toBe(true);
    expect(await store.listGuildActors('A')).toEqual([]);
    expect((await store.listGuildActors('B')).map((a) => a.name)).toEqual(['ASEAN']);
    await store.addGuildActor({ guildId: 'C', name: 'Wagner Group', kind: 'organization', aliases: ['Wagner', 'PMC Wagner'], createdBy: 'u', now: 3 });
    expect(await store.listAllGuildActors()).toEqual([
      { name: 'ASEAN', kind: 'bloc', aliases: [] },
      { name: 'Wagner Group', kind: 'organization', aliases: ['Wagner', 'PMC Wagner'] },
    ]);

    expect(await store.watchActor('A', 'China', 1)).toBe(true);
    expect(await store.watchActor('A', 'China', 2)).toBe(false);
    await store.watchActor('A', 'NATO', 3);
    await store.watchActor('B', 'Russia', 3);
    expect(await store.listWatchedActors('A')).toEqual(['China', 'NATO']);
    expect(await store.unwatchActor('B', 'China')).toBe(false);
    expect(await store.unwatchActor('A', 'China')).toBe(true);
    expect(await store.listWatchedActors('A')).toEqual(['NATO']);
    expect(await store.listWatchedActors('B')).toEqual(['Russia']);
  });

  it('creates and patches guild settings without touching other guilds', async () => {
    const { store } = h();
    expect(await store.getGuildSettings('A')).toBeUndefined();
    const created = await store.updateGuildSettings('A', { digestChannelId: 'c1' }, 10, 'Europe/Berlin');
    expect(created).toMatchObject({ guildId: 'A', digestChannelId: 'c1', digestSchedule: null, timezone: 'Europe/Berlin', createdAt: 10, updatedAt: 10 });
    const patched = await store.updateGuildSettings('A', { digestSchedule: '0 9 * * *', alertChannelId: 'c2' }, 20);
    expect(patched).toMatchObject({ digestChannelId: 'c1', digestSchedule: '0 9 * * *', timezone: 'Europe/Berlin', alertChannelId: 'c2', createdAt: 10, updatedAt: 20 });
    await store.updateGuildSettings('B', { digestChannelId: 'b1', digestSchedule: '0 8 * * 1' }, 30);
    await store.updateGuildSettings('C', { digestChannelId: 'x', digestSchedule: '0 8 * * *', digestParked: 'missing permission' }, 30);
    expect((await store.getGuildSettings('B'))?.timezone).toBe('UTC');
    expect((await store.listDigestSchedules()).map((s) => s.guildId)).toEqual(['A', 'B']);
    await store.updateGuildSettings('A', { digestChannelId: null }, 40);
    expect((await store.listDigestSchedules()).map((s) => s.guildId)).toEqual(['B']);
    expect((await store.getGuildSettings('B'))?.digestChannelId).toBe('b1');
  });
});
