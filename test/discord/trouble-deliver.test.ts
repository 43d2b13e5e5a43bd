// The outbox deliverer under Discord trouble (real discord.js client, fake Discord, real store, fake clock):
// 429 storms, 5xx storms longer than discord.js's own retries, the bot removed from a server, and the bot
// losing its permission in the digest channel with several digests queued.
import { ChannelType, OverwriteType, PermissionFlagsBits } from 'discord.js';
import { afterEach, expect, it } from 'vitest';
import type { AlertPayload } from '../../src/core/outbox-payloads.js';
import { createDeliverer, type Deliverer } from '../../src/discord/deliver.js';
import { bigDigestPayload, digestPayload, startDeliveryWorld, type DeliveryWorld } from '../jobs/delivery-world.js';
import { memoryLogger, type LogLine } from './helpers.js';

const POST = 'POST /channels/:id/messages';
const HOUR = 3_600_000;
let w: DeliveryWorld | undefined;
afterEach(async () => {
  await w?.stop();
  w = undefined;
});

/** A deliverer whose log lines the test can read; backoff starts at 1 s and doubles. */
function deliverer(world: DeliveryWorld): { d: Deliverer; logs: LogLine[] } {
  const { logger, lines } = memoryLogger();
  return { d: createDeliverer({ client: world.client, store: world.store, logger, now: world.clock.now, owner: 'bot', backoffMs: 1_000, leaseMs: 60_000 }), logs: lines };
}

function postsTo(world: DeliveryWorld, channelId: string): { status: number; injected: boolean }[] {
  return world.fake.requestsTo(POST).filter((r) => r.path.includes(channelId));
}

let periods = 0;

/** `count` digests for distinct periods (each (channel, period) is one outbox item). */
async function queueDigests(world: DeliveryWorld, guildId: string, channelId: string, count: number, big = false): Promise<number[]> {
  const ids: number[] = [];
  for (let i = periods; i < periods + count; i++) {
    const payload = big ? bigDigestPayload() : digestPayload();
    const { item } = await world.store.enqueueDigest({ guildId, channelId, periodStart: i * HOUR, periodEnd: (i + 1) * HOUR, payload, now: world.clock.now() });
    ids.push(item.id);
  }
  periods += count;
  return ids;
}

/** Every part of every item is in its channel exactly once: one message per recorded id, no nonce twice. */
async function expectEachPostedOnce(world: DeliveryWorld, ids: number[], channel: string): Promise<void> {
  const messages = world.fake.messages(channel);
  const recorded = [];
  for (const id of ids) {
    const item = await world.store.getOutboxItem(id);
    expect(item?.status).toBe('sent');
    recorded.push(...(item?.messageIds ?? []));
  }
  expect(messages.map((m) => m.id).sort()).toEqual([...recorded].sort());
  expect(new Set(messages.map((m) => m.nonce)).size).toBe(messages.length);
}

it('a 429 storm (per-route and global) while digests and alerts are posted: all delivered once, in one pass', async () => {
  w = await startDeliveryWorld();
  const alert: AlertPayload = { type: 'alert', ruleId: 1, kind: 'volume', actor: 'Russia', reason: 'Volume spike', at: 0 };
  const digests = await queueDigests(w, w.guildId, w.channelId('digests'), 3, true);
  const { item: a } = await w.store.enqueue({ kind: 'alert', guildId: w.guildId, channelId: w.channelId('general'), dedupeKey: 'a', payload: alert, now: 0 });
  w.fake.failNext(POST, 429, 6, { retryAfterMs: 150 });
  w.fake.failNext(POST, 429, 2, { retryAfterMs: 150, global: true });
  const { d, logs } = deliverer(w);
  expect(await d.deliverDue()).toEqual({ sent: 4, failed: 0, parked: 0 });
  expect(w.fake.requestsTo(POST).filter((r) => r.injected)).toHaveLength(8);
  await expectEachPostedOnce(w, digests, 'digests');
  await expectEachPostedOnce(w, [a.id], 'general');
  expect(w.fake.messages('digests').length).toBeGreaterThan(3);
  expect(logs.filter((l) => l.level >= 40)).toEqual([]);
}, 30_000);

it('a 5xx storm longer than discord.js retries: the outbox retries with doubling backoff and posts once', async () => {
  w = await startDeliveryWorld();
  const [id] = await queueDigests(w, w.guildId, w.channelId('digests'), 1);
  w.fake.failNext(POST, 503, 10);
  const { d, logs } = deliverer(w);
  const start = w.clock.now();
  expect(await d.deliverDue()).toEqual({ sent: 0, failed: 1, parked: 0 });
  expect(await w.store.getOutboxItem(id!)).toMatchObject({ status: 'failed', attempts: 1, nextAttemptAt: start + 1_000 });
  expect(await d.deliverDue()).toEqual({ sent: 0, failed: 0, parked: 0 });
  w.clock.advance(1_000);
  expect(await d.deliverDue()).toEqual({ sent: 0, failed: 1, parked: 0 });
  expect(await w.store.getOutboxItem(id!)).toMatchObject({ attempts: 2, nextAttemptAt: start + 1_000 + 2_000 });
  w.clock.advance(1_000);
  expect(await d.deliverDue()).toEqual({ sent: 0, failed: 0, parked: 0 });
  w.clock.advance(1_000);
  expect(await d.deliverDue()).toEqual({ sent: 1, failed: 0, parked: 0 });
  expect(postsTo(w, w.channelId('digests')).map((r) => r.status)).toEqual([...Array(10).fill(503), 200]);
  expect(w.fake.requestsTo('GET /channels/:id/messages')).toHaveLength(2);
  await expectEachPostedOnce(w, [id!], 'digests');
  expect(logs.filter((l) => l.msg === 'delivery failed, will retry')).toHaveLength(2);
  w.clock.advance(24 * HOUR);
  expect(await d.deliverDue()).toEqual({ sent: 0, failed: 0, parked: 0 });
}, 30_000);

it('the bot removed from a server (GUILD_DELETE): its digests are parked once each, no notice, the other server unaffected', async () => {
  w = await startDeliveryWorld([{ name: 'Gone' }, { name: 'Stays' }]);
  const world = w;
  const gone = world.fake.guilds[0]!;
  const stays = world.fake.guilds[1]!;
  const lost = gone.channels.find((c) => c.name === 'digests')!.id;
  const kept = stays.channels.find((c) => c.name === 'digests')!.id;
  await world.store.updateGuildSettings(gone.id, { digestChannelId: lost, digestSchedule: 'daily 09:00' }, 0);
  world.fake.dispatch('GUILD_DELETE', { id: gone.id });
  world.fake.guilds.splice(0, 1);
  await world.fake.waitFor(() => (world.client.guilds.cache.has(gone.id) ? undefined : true), 5_000, 'the guild to leave the cache');
  const parked = await queueDigests(world, gone.id, lost, 3);
  const delivered = await queueDigests(world, stays.id, kept, 1);
  const { d, logs } = deliverer(world);
  expect(await d.deliverDue()).toEqual({ sent: 1, failed: 0, parked: 3 });
  for (const id of parked) expect((await world.store.getOutboxItem(id))?.status).toBe('parked');
  await expectEachPostedOnce(world, delivered, kept);
  expect((await world.store.getGuildSettings(gone.id))?.digestParked).toContain('Unknown Channel');
  expect(logs.filter((l) => l.msg === 'no channel to tell the admins about the lost channel')).toHaveLength(1);
  world.clock.advance(48 * HOUR);
  expect(await d.deliverDue()).toEqual({ sent: 0, failed: 0, parked: 0 });
  expect(postsTo(world, lost)).toHaveLength(3);
  expect(world.fake.requestsTo(POST).filter((r) => r.status === 200)).toHaveLength(1);
}, 30_000);

/** Denies the bot Send Messages in `channel`, in the fake and (CHANNEL_UPDATE) in the client's cache. */
function revoke(world: DeliveryWorld, channel: string): void {
  const c = world.fake.channel(channel);
  const role = world.fake.guilds[0]!.roles.find((r) => r.name === world.fake.bot.username)!;
  c.permission_overwrites.push({ id: role.id, type: OverwriteType.Role, allow: '0', deny: PermissionFlagsBits.SendMessages.toString() });
  world.fake.dispatch('CHANNEL_UPDATE', { ...c, type: ChannelType.GuildText });
}

function restore(world: DeliveryWorld, channel: string): void {
  const c = world.fake.channel(channel);
  c.permission_overwrites.length = 0;
  world.fake.dispatch('CHANNEL_UPDATE', { ...c, type: ChannelType.GuildText });
}

it('permission lost in the digest channel with five digests queued: parked, admins told once, told again only after a new loss', async () => {
  w = await startDeliveryWorld();
  const world = w;
  const channel = world.channelId('digests');
  await world.store.updateGuildSettings(world.guildId, { digestChannelId: channel, digestSchedule: 'daily 09:00' }, world.clock.now());
  const { d } = deliverer(world);
  const first = await queueDigests(world, world.guildId, channel, 1);
  expect(await d.deliverDue()).toMatchObject({ sent: 1 });
  revoke(world, 'digests');
  const queued = await queueDigests(world, world.guildId, channel, 5);
  w.fake.failNext(POST, 429, 2, { retryAfterMs: 100 });
  expect(await d.deliverDue()).toEqual({ sent: 0, failed: 0, parked: 5 });
  expect(await d.deliverDue()).toEqual({ sent: 1, failed: 0, parked: 0 });
  for (let hour = 0; hour < 6; hour++) {
    world.clock.advance(HOUR);
    expect(await d.deliverDue()).toEqual({ sent: 0, failed: 0, parked: 0 });
  }
  expect(postsTo(world, channel).filter((r) => r.status === 403)).toHaveLength(queued.length);
  const notices = world.fake.messages('general');
  expect(notices).toHaveLength(1);
  expect(notices[0]?.content).toContain(`<#${channel}>`);
  expect(notices[0]?.content).toContain('Missing Permissions');
  expect(world.fake.messages('digests')).toHaveLength(first.length);
  expect(await world.store.listDigestSchedules()).toHaveLength(0);

  restore(world, 'digests');
  world.clock.advance(HOUR);
  await world.store.updateGuildSettings(world.guildId, { digestChannelId: channel, digestParked: null }, world.clock.now());
  const again = await queueDigests(world, world.guildId, channel, 1);
  expect(await d.deliverDue()).toMatchObject({ sent: 1 });
  await expectEachPostedOnce(world, [...first, ...again], 'digests');
  revoke(world, 'digests');
  await queueDigests(world, world.guildId, channel, 2);
  expect(await d.deliverDue()).toMatchObject({ parked: 2 });
  expect(await d.deliverDue()).toMatchObject({ sent: 1 });
  expect(world.fake.messages('general')).toHaveLength(2);
}, 30_000);

it('no channel left to tell the admins in: the digest is still parked once, and the miss is logged', async () => {
  w = await startDeliveryWorld([{ channels: [{ name: 'digests' }] }]);
  const channel = w.channelId('digests');
  await w.store.updateGuildSettings(w.guildId, { digestChannelId: channel, digestSchedule: 'daily 09:00' }, 0);
  revoke(w, 'digests');
  await queueDigests(w, w.guildId, channel, 2);
  const { d, logs } = deliverer(w);
  expect(await d.deliverDue()).toEqual({ sent: 0, failed: 0, parked: 2 });
  w.clock.advance(HOUR);
  expect(await d.deliverDue()).toEqual({ sent: 0, failed: 0, parked: 0 });
  expect(logs.filter((l) => l.msg === 'no channel to tell the admins about the lost channel')).toHaveLength(1);
  expect(await w.store.countOutbox()).toMatchObject({ parked: 2, pending: 0, failed: 0 });
}, 30_000);
