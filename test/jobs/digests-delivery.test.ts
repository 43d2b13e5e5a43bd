// Exactly once, through the real discord.js client against the fake Discord: every failure between "intent
// recorded" and "post confirmed" still gives one digest in the channel.
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Store } from '../../src/store/index.js';
import { bigDigestPayload, digestPayload, startDeliveryWorld, type DeliveryWorld } from './delivery-world.js';

let w: DeliveryWorld;
const MESSAGES = 'POST /channels/:id/messages';

beforeEach(async () => {
  w = await startDeliveryWorld();
});
afterEach(async () => w.stop());

async function enqueue(payload = digestPayload()): Promise<number> {
  const channelId = w.channelId('digests');
  await w.store.updateGuildSettings(w.guildId, { digestChannelId: channelId, digestSchedule: 'daily 09:00' }, w.clock.now());
  const { item } = await w.store.enqueueDigest({ guildId: w.guildId, channelId, periodStart: 0, periodEnd: 1_000, payload, now: w.clock.now() });
  return item.id;
}

/** The parts one delivery of the fixture digest posts (measured on a clean run, not assumed). */
async function partsOfOneDigest(payload = digestPayload()): Promise<number> {
  const other = await startDeliveryWorld();
  try {
    const { item } = await other.store.enqueue({ kind: 'digest', guildId: other.guildId, channelId: other.channelId('digests'), dedupeKey: 'k', payload, now: 0 });
    await other.deliverer('solo').deliverDue();
    expect((await other.store.getOutboxItem(item.id))?.status).toBe('sent');
    return other.fake.messages('digests').length;
  } finally {
    await other.stop();
  }
}

it('crash after recording intent, before posting: the restart posts it once', async () => {
  const id = await enqueue();
  const [claimed] = await w.store.claimDueOutbox({ owner: 'dead-worker', now: w.clock.now(), leaseMs: 60_000, limit: 1 });
  expect(claimed?.id).toBe(id);
  expect(await w.store.markSending(id, 'dead-worker')).toBe(true);
  // The process dies here. Before the lease expires nobody else takes the item.
  expect(await w.deliverer('restarted').deliverDue()).toEqual({ sent: 0, failed: 0, parked: 0 });
  w.clock.advance(61_000);
  expect(await w.deliverer('restarted').deliverDue()).toEqual({ sent: 1, failed: 0, parked: 0 });
  const item = await w.store.getOutboxItem(id);
  expect(item?.status).toBe('sent');
  expect(w.fake.messages('digests').map((m) => m.id)).toEqual(item?.messageIds);
  expect(w.fake.messages('digests').length).toBe(await partsOfOneDigest());
});

it('crash after posting, before confirming: the restart finds the posts by nonce and posts nothing more', async () => {
  const id = await enqueue();
  const crashing: Store = {
    ...w.store,
    markSent: async () => { throw new Error('process killed'); },
  };
  expect(await w.deliverer('dying', crashing).deliverDue()).toEqual({ sent: 0, failed: 0, parked: 0 });
  const posted = w.fake.messages('digests').map((m) => m.id);
  expect(posted.length).toBeGreaterThan(0);
  expect((await w.store.getOutboxItem(id))?.status).toBe('sending');
  const postsBefore = w.posts('digests');
  w.clock.advance(61_000);
  expect(await w.deliverer('restarted').deliverDue()).toEqual({ sent: 1, failed: 0, parked: 0 });
  expect(w.posts('digests')).toBe(postsBefore);
  expect(w.fake.messages('digests').map((m) => m.id)).toEqual(posted);
  expect((await w.store.getOutboxItem(id))?.messageIds).toEqual(posted);
  expect(w.fake.requestsTo('GET /channels/:id/messages').length).toBe(1);
});

it('a failure halfway through a multi-part digest: the retry posts only the missing parts', async () => {
  const id = await enqueue(bigDigestPayload());
  const parts = await partsOfOneDigest(bigDigestPayload());
  expect(parts).toBeGreaterThan(1);
  w.fake.failNext(MESSAGES, 200, 1); // part 1 goes through
  w.fake.failNext(MESSAGES, 500, 4); // part 2 fails (discord.js retries 3 times, then gives up)
  expect(await w.deliverer('w1').deliverDue()).toEqual({ sent: 0, failed: 1, parked: 0 });
  expect(w.fake.messages('digests').length).toBe(1);
  w.clock.advance(1_000);
  expect(await w.deliverer('w1').deliverDue()).toEqual({ sent: 1, failed: 0, parked: 0 });
  expect(w.fake.messages('digests').length).toBe(parts);
  expect(w.posts('digests')).toBe(parts);
  expect((await w.store.getOutboxItem(id))?.messageIds).toEqual(w.fake.messages('digests').map((m) => m.id));
});

it('Discord 500 then success: retried with backoff, posted once', async () => {
  const id = await enqueue();
  w.fake.failNext(MESSAGES, 500, 4);
  expect(await w.deliverer('w1').deliverDue()).toEqual({ sent: 0, failed: 1, parked: 0 });
  const failed = await w.store.getOutboxItem(id);
  expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
  expect(failed?.nextAttemptAt).toBe(w.clock.now() + 1_000);
  expect(await w.deliverer('w1').deliverDue()).toEqual({ sent: 0, failed: 0, parked: 0 });
  w.clock.advance(1_000);
  expect(await w.deliverer('w1').deliverDue()).toEqual({ sent: 1, failed: 0, parked: 0 });
  expect(w.fake.messages('digests').length).toBe(await partsOfOneDigest());
  expect((await w.store.getOutboxItem(id))?.status).toBe('sent');
});
