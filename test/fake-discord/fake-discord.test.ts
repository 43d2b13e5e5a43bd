import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Events, GatewayIntentBits, MessageFlags } from 'discord.js';
import type { Client, Interaction } from 'discord.js';
import { startFakeDiscord } from './index.js';
import type { FakeDiscord } from './index.js';
import { connectFakeClient } from './client.js';

const echo = {
  name: 'echo', description: 'Echo text back',
  options: [{ type: 3, name: 'text', description: 'What to say', required: true }],
};

describe('fake discord with a plain discord.js client', () => {
  let fake: FakeDiscord;
  let client: Client<true>;

  beforeEach(async () => {
    fake = await startFakeDiscord({ commands: [echo], heartbeatIntervalMs: 200 });
    client = await connectFakeClient(fake);
  });
  afterEach(async () => {
    await client.destroy();
    await fake.stop();
  });

  it('logs in: gateway info over REST, IDENTIFY with the Guilds intent, guilds cached from GUILD_CREATE', async () => {
    expect(fake.requestsTo('GET /gateway/bot')).toHaveLength(1);
    expect(fake.gateway.identifies).toBe(1);
    expect(fake.gateway.intents).toBe(GatewayIntentBits.Guilds);
    expect(client.user.id).toBe(fake.bot.id);
    const guild = client.guilds.cache.get(fake.guilds[0]!.id);
    expect(guild?.channels.cache.map((c) => c.name).sort()).toEqual(['digests', 'general']);
  });

  it('answers a deferred command by editing the original response', async () => {
    client.on(Events.InteractionCreate, async (i: Interaction) => {
      if (!i.isChatInputCommand()) return;
      await i.deferReply({ flags: MessageFlags.Ephemeral });
      await i.editReply(`you said ${i.options.getString('text', true)}`);
    });
    const handle = fake.injectCommand({ name: 'echo', options: { text: 'hi' } });
    expect((await handle.callback()).type).toBe(5);
    const reply = await handle.reply();
    expect(reply.content).toBe('you said hi');
    expect(handle.ephemeral).toBe(true);
    expect(fake.messages('general')).toHaveLength(0);
  });

  it('refuses payloads over Discord limits with 400 Invalid Form Body', async () => {
    const channel = await client.channels.fetch(fake.channel('general').id);
    if (channel === null || !channel.isSendable()) throw new Error('no channel');
    await expect(channel.send('x'.repeat(2001))).rejects.toMatchObject({ code: 50035, status: 400 });
    await channel.send({ content: 'ok', files: [{ attachment: Buffer.from('png-bytes'), name: 'chart.png' }] });
    const [msg] = fake.messages('general');
    expect(msg?.attachments[0]?.filename).toBe('chart.png');
    expect(msg?.files[0]?.data.toString()).toBe('png-bytes');
  });

  it('heartbeats are acknowledged', async () => {
    await new Promise((r) => setTimeout(r, 500));
    expect(fake.gateway.heartbeats).toBeGreaterThan(0);
    expect(client.ws.ping).toBeGreaterThanOrEqual(0);
  });
});
