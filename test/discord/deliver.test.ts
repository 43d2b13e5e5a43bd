// The Discord deliverer with the real discord.js client against the fake Discord: payloads within the limits,
// the chart PNG attached and shown, no mentions, and a lost channel parks the digest and tells the admins once.
import { PermissionFlagsBits } from 'discord.js';
import { afterEach, expect, it } from 'vitest';
import type { AlertPayload } from '../../src/core/outbox-payloads.js';
import { partMarker, partNonce } from '../../src/discord/deliver.js';
import { LIMITS } from '../../src/discord/limits.js';
import { embedLength } from '../../src/discord/render/split.js';
import type { Store } from '../../src/store/index.js';
import { bigDigestPayload, digestPayload, startDeliveryWorld, type DeliveryWorld } from '../jobs/delivery-world.js';

let w: DeliveryWorld | undefined;
afterEach(async () => {
  await w?.stop();
  w = undefined;
});

interface Body {
  content?: string;
  embeds?: { title?: string; description?: string; footer?: { text: string }; image?: { url: string } }[];
  allowed_mentions?: unknown;
  nonce?: string;
  enforce_nonce?: boolean;
  attachments?: { id: number; filename: string }[];
}

function bodies(world: DeliveryWorld): { body: Body; files: { name: string; data: Buffer }[] }[] {
  return world.fake.requestsTo('POST /channels/:id/messages').filter((r) => r.status === 200).map((r) => ({ body: r.body as Body, files: r.files }));
}

it('posts a large digest as several messages within the limits, with the chart attached, nonces and no mentions', async () => {
  w = await startDeliveryWorld();
  const channelId = w.channelId('digests');
  const { item } = await w.store.enqueue({ kind: 'digest', guildId: w.guildId, channelId, dedupeKey: 'd1', payload: bigDigestPayload(), now: w.clock.now() });
  expect(await w.deliverer('bot').deliverDue()).toEqual({ sent: 1, failed: 0, parked: 0 });
  const posts = bodies(w);
  expect(posts.length).toBeGreaterThan(1);
  posts.forEach(({ body }, i) => {
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(body).toMatchObject({ nonce: partNonce(item.nonce, i), enforce_nonce: true });
    expect(body.nonce?.length).toBeLessThanOrEqual(25);
    expect(body.embeds?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedsPerMessage);
    const total = (body.embeds ?? []).reduce((n, e) => n + embedLength(e as never), 0);
    expect(total).toBeLessThanOrEqual(LIMITS.embedTotal);
    expect(body.embeds?.at(-1)?.footer?.text).toContain(partMarker(item.nonce, i));
  });
  const last = posts.at(-1);
  expect(last?.files.map((f) => f.name)).toEqual(['stance.png']);
  expect(last?.body.attachments).toEqual([{ id: 0, filename: 'stance.png', description: expect.any(String) }]);
  expect(last?.body.embeds?.at(-1)?.image?.url).toBe('attachment://stance.png');
  expect(last?.body.embeds?.at(-1)?.description).toMatch(/^Not charted: Actor 4 x+, Actor 5 x+, .*Actor 13 x+ \(the chart shows the 4 actors with the most mentions\); `\/actor` shows/);
  const png = last?.files[0]?.data as Buffer;
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([800, 400]);
  expect(posts.slice(0, -1).every((p) => p.files.length === 0)).toBe(true);
  expect((await w.store.getOutboxItem(item.id))?.messageIds).toEqual(w.fake.messages('digests').map((m) => m.id));
});

/** What a reader sees: the text without zero-width characters. */
const visible = (text: string): string => text.replace(/[\u200b-\u200d\u2060]/g, '');

it('hides the part marker from readers, and a retry after a crash finds the posted parts by it when Discord lists no nonces', async () => {
  w = await startDeliveryWorld();
  w.fake.listNonces(false);
  const world = w;
  const notice = { type: 'feed-disabled', feedName: 'Herald', url: 'https://example.test/rss', code: 'GONE', message: 'the feed is gone (410)' };
  const crashing: Store = { ...world.store, markSent: async () => { throw new Error('process killed'); } };
  // Each crash ends its delivery pass: one item per crashed deliverer.
  const { item: note } = await world.store.enqueue({ kind: 'notice', guildId: world.guildId, channelId: world.channelId('general'), dedupeKey: 'n', payload: notice, now: world.clock.now() });
  await world.deliverer('dying-1', crashing).deliverDue();
  const { item: digest } = await world.store.enqueue({ kind: 'digest', guildId: world.guildId, channelId: world.channelId('digests'), dedupeKey: 'd', payload: bigDigestPayload(), now: world.clock.now() });
  await world.deliverer('dying-2', crashing).deliverDue();
  const posted = [...world.fake.messages('digests'), ...world.fake.messages('general')];
  expect(world.fake.messages('digests').length).toBeGreaterThan(1);
  for (const m of posted) {
    const text = [m.content, ...m.embeds.map((e) => e.footer?.text ?? '')].join('\n');
    expect(visible(text)).not.toContain('ref:');
    expect(m.embeds.every((e, i) => i < m.embeds.length - 1 || visible(e.footer?.text ?? '') === 'Stancewatch')).toBe(true);
  }
  expect(visible(world.fake.messages('general')[0]?.content ?? '')).toMatch(/re-add it with \/feeds add\.$/);
  const postsBefore = [world.posts('digests'), world.posts('general')];
  world.clock.advance(61_000);
  expect(await world.deliverer('restarted').deliverDue()).toEqual({ sent: 2, failed: 0, parked: 0 });
  expect([...world.fake.messages('digests'), ...world.fake.messages('general')].map((m) => m.id)).toEqual(posted.map((m) => m.id));
  expect((await world.store.getOutboxItem(digest.id))?.messageIds).toEqual(world.fake.messages('digests').map((m) => m.id));
  expect((await world.store.getOutboxItem(note.id))?.messageIds).toEqual(world.fake.messages('general').map((m) => m.id));
  expect([world.posts('digests'), world.posts('general')]).toEqual(postsBefore);
});

it('renders the fixed digest with its figures, linked titles and escaped untrusted text', async () => {
  w = await startDeliveryWorld();
  await w.store.enqueue({ kind: 'digest', guildId: w.guildId, channelId: w.channelId('digests'), dedupeKey: 'd2', payload: digestPayload(), now: w.clock.now() });
  await w.deliverer('bot').deliverDue();
  const [message] = w.fake.messages('digests');
  const text = (message?.embeds ?? []).map((e) => `${e.title}\n${e.description ?? ''}`).join('\n');
  expect(text).toContain('**Russia** −0.45 negative · ▼ 0.25 · 12 mentions');
  expect(text).toContain('**India** +0.20 positive · new · 7 mentions');
  expect(text).toContain('**Ukraine**: no mentions');
  expect(text).toContain('[Strikes hit \\[Kharkiv\\] grid](<https://example.test/a1>)');
  expect(text).toContain('[Beijing opens \\(new\\) port](<https://example.test/c1%20x>)');
  expect(text).toContain('> Russia shelled the city again.');
  expect(text).toMatch(/Wire \| Service\s+−0\.10 \(4\)/);
  expect(text).toContain('**hegemony**: 8 uses (2.0 expected at the earlier rate)');
  expect(text).toContain(`<t:${Date.parse('2025-03-10T00:00:00Z') / 1000}:f>`);
});

it('a channel the bot lost parks the digest, pauses the schedule and tells the admins once in another channel', async () => {
  const deny = PermissionFlagsBits.SendMessages;
  w = await startDeliveryWorld([{ channels: [{ name: 'general' }, { name: 'digests', overwrites: [{ target: 'Stancewatch', type: 'role', deny }] }] }]);
  const lost = w.channelId('digests');
  await w.store.updateGuildSettings(w.guildId, { digestChannelId: lost, digestSchedule: 'daily 09:00' }, 0);
  const rule = await w.store.addAlertRule({ guildId: w.guildId, channelId: lost, kind: 'article', actor: 'Russia', params: { direction: 'negative', threshold: 0.5 }, createdBy: 'u', now: 0 });
  const alert: AlertPayload = { type: 'alert', ruleId: rule.id, kind: 'article', actor: 'Russia', reason: 'Herald published <@&123> @everyone', at: 0 };
  for (const [i, end] of [1_000, 2_000].entries()) {
    await w.store.enqueueDigest({ guildId: w.guildId, channelId: lost, periodStart: i * 1_000, periodEnd: end, payload: digestPayload(), now: w.clock.now() });
  }
  await w.store.enqueue({ kind: 'alert', guildId: w.guildId, channelId: lost, dedupeKey: 'a1', payload: alert, now: w.clock.now() });
  await w.store.enqueue({ kind: 'alert', guildId: w.guildId, channelId: lost, dedupeKey: 'a2', payload: alert, now: w.clock.now() });
  expect(await w.deliverer('bot').deliverDue()).toMatchObject({ parked: 4 });
  expect(await w.deliverer('bot').deliverDue()).toMatchObject({ sent: 2 });
  w.clock.advance(3_600_000);
  expect(await w.deliverer('bot').deliverDue()).toEqual({ sent: 0, failed: 0, parked: 0 });
  expect(await w.store.countOutbox()).toMatchObject({ parked: 4, sent: 2, pending: 0, failed: 0 });
  expect((await w.store.getGuildSettings(w.guildId))?.digestParked).toContain('Missing Permissions');
  expect((await w.store.listDigestSchedules()).length).toBe(0);
  expect((await w.store.listAlertRules(w.guildId))[0]?.enabled).toBe(false);
  const notices = w.fake.messages('general').map((m) => m.content);
  expect(notices).toHaveLength(2);
  expect(notices.some((c) => c.includes(`<#${lost}>`) && c.includes('/digest channel'))).toBe(true);
  expect(notices.some((c) => c.includes(`Alert rule #${rule.id} was disabled`))).toBe(true);
  expect(w.fake.messages('digests')).toHaveLength(0);
});

it('escapes mentions in alerts and posts an unknown channel\'s items nowhere else', async () => {
  w = await startDeliveryWorld();
  const alert: AlertPayload = { type: 'alert', ruleId: 7, kind: 'article', actor: 'Russia', reason: 'Herald wrote about @everyone and <@&123>', at: 0, link: 'https://example.test/x y' };
  await w.store.enqueue({ kind: 'alert', guildId: w.guildId, channelId: w.channelId('general'), dedupeKey: 'a', payload: alert, now: 0 });
  await w.store.enqueue({ kind: 'alert', guildId: w.guildId, channelId: '999999999999999999', dedupeKey: 'b', payload: alert, now: 0 });
  expect(await w.deliverer('bot').deliverDue()).toMatchObject({ sent: 1, parked: 1 });
  const [message] = w.fake.messages('general');
  const description = message?.embeds[0]?.description ?? '';
  expect(description).toContain('@\u200beveryone');
  expect(description).toContain('<\u200b@&123');
  expect(description).toContain('<https://example.test/x%20y>');
  expect(message?.embeds[0]?.title).toBe('Alert: Russia — strongly worded article');
  expect(w.fake.messages('general')).toHaveLength(1);
  expect(w.fake.messages('digests')).toHaveLength(0);
});
