import { afterEach, describe, expect, it } from 'vitest';
import { Events, PermissionFlagsBits, Routes } from 'discord.js';
import type { Client, Interaction } from 'discord.js';
import { connectFakeClient } from './client.js';
import { startFakeDiscord } from './index.js';
import type { FakeDiscord, FakeDiscordOptions } from './index.js';

const importCmd = {
  name: 'import', description: 'Import feeds',
  options: [
    { type: 11, name: 'file', description: 'OPML', required: true },
    { type: 7, name: 'channel', description: 'Where', required: false },
  ],
};

describe('fake discord harness details', () => {
  let fake: FakeDiscord;
  let client: Client<true>;
  const start = async (opts: FakeDiscordOptions = {}): Promise<void> => {
    fake = await startFakeDiscord({ commands: [importCmd], ...opts });
    client = await connectFakeClient(fake);
  };
  afterEach(async () => {
    await client.destroy();
    await fake.stop();
  });

  it('resolves attachment and channel options, and serves the attachment bytes', async () => {
    await start();
    client.on(Events.InteractionCreate, async (i: Interaction) => {
      if (!i.isChatInputCommand()) return;
      const file = i.options.getAttachment('file', true);
      const text = await (await fetch(file.url)).text();
      await i.reply(`${file.name}:${text}:${i.options.getChannel('channel')?.name}`);
    });
    const handle = fake.injectCommand({
      name: 'import', options: { file: { filename: 'feeds.opml', content: '<opml/>' }, channel: 'digests' },
    });
    expect((await handle.reply()).content).toBe('feeds.opml:<opml/>:digests');
  });

  it('rejects test mistakes early: unknown options, missing required ones, unknown commands', async () => {
    await start();
    expect(() => fake.injectCommand({ name: 'import', options: { nope: 'x' } })).toThrow(/no option "nope"/);
    expect(() => fake.injectCommand({ name: 'import' })).toThrow(/missing required option\(s\) file/);
    expect(() => fake.injectCommand({ name: 'missing' })).toThrow(/unknown command \/missing/);
  });

  it('expires an interaction that is not answered within the deadline', async () => {
    await start({ interactionDeadlineMs: 150 });
    const failures: unknown[] = [];
    client.on(Events.InteractionCreate, async (i: Interaction) => {
      if (!i.isChatInputCommand()) return;
      await new Promise((r) => setTimeout(r, 300));
      await i.deferReply().catch((e: unknown) => failures.push(e));
    });
    fake.injectCommand({ name: 'import', options: { file: { filename: 'a', content: 'b' } } });
    await fake.waitFor(() => (failures.length > 0 ? true : undefined));
    expect(failures[0]).toMatchObject({ code: 10062, status: 404 });
  });

  it('refuses edits and follow-ups once the interaction token has expired (401, 50027 Invalid Webhook Token)', async () => {
    await start({ interactionTokenMs: 200 });
    const failures: unknown[] = [];
    client.on(Events.InteractionCreate, async (i: Interaction) => {
      if (!i.isChatInputCommand()) return;
      await i.deferReply();
      await i.editReply('working');
      await new Promise((r) => setTimeout(r, 300));
      await i.editReply('done').catch((e: unknown) => failures.push(e));
      await i.followUp('late').catch((e: unknown) => failures.push(e));
    });
    const handle = fake.injectCommand({ name: 'import', options: { file: { filename: 'a', content: 'b' } } });
    await fake.waitFor(() => (failures.length === 2 ? true : undefined));
    expect(failures).toMatchObject([{ code: 50027, status: 401 }, { code: 50027, status: 401 }]);
    expect((await handle.reply()).content).toBe('working');
  });

  it('deduplicates a channel post with enforce_nonce and lists it with its nonce', async () => {
    await start();
    const channel = await client.channels.fetch(fake.channel('digests').id);
    if (channel === null || !channel.isSendable()) throw new Error('no channel');
    const first = await channel.send({ content: 'digest', nonce: 'run-42', enforceNonce: true });
    const again = await channel.send({ content: 'digest', nonce: 'run-42', enforceNonce: true });
    expect(again.id).toBe(first.id);
    expect(fake.messages('digests')).toHaveLength(1);
    const listed = await channel.messages.fetch({ limit: 10 });
    expect(listed.first()?.nonce).toBe('run-42');
    fake.listNonces(false);
    const raw = (await client.rest.get(Routes.channelMessages(channel.id))) as { id: string; nonce?: string }[];
    expect(raw.map((m) => [m.id, m.nonce])).toEqual([[first.id, undefined]]);
  });

  it('refuses a post to a channel the bot cannot send in with 403 Missing Permissions', async () => {
    await start({ guilds: [{ channels: [{ name: 'general' }, { name: 'locked', overwrites: [
      { target: 'Stancewatch', type: 'role', deny: PermissionFlagsBits.SendMessages }] }] }] });
    const locked = await client.channels.fetch(fake.channel('locked').id);
    if (locked === null || !locked.isSendable() || locked.isDMBased()) throw new Error('no channel');
    expect(locked.permissionsFor(client.user)?.has(PermissionFlagsBits.SendMessages)).toBe(false);
    await expect(locked.send('hi')).rejects.toMatchObject({ code: 50013, status: 403 });
  });

  it('waits out a 429 on a channel post, with the rate-limit headers discord.js reads', async () => {
    await start();
    fake.failNext('POST /channels/:id/messages', 429, 1, { retryAfterMs: 400 });
    const channel = await client.channels.fetch(fake.channel('general').id);
    if (channel === null || !channel.isSendable()) throw new Error('no channel');
    await channel.send('after the limit');
    const posts = fake.requestsTo('POST /channels/:id/messages');
    expect(posts.map((r) => [r.status, r.injected])).toEqual([[429, true], [200, false]]);
    expect(fake.messages('general').map((m) => m.content)).toEqual(['after the limit']);
  });

  it('answers 401 to a wrong token and 400 to invalid command registrations', async () => {
    await start();
    const res = await fetch(`${fake.restUrl}/v10/users/@me`, { headers: { authorization: 'Bot wrong' } });
    expect(res.status).toBe(401);
    await expect(client.application.commands.set([{ name: 'Bad Name', description: '' }]))
      .rejects.toMatchObject({ code: 50035 });
  });
});
