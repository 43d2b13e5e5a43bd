import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GatewayIntentBits } from 'discord.js';
import type { CommandReply } from '../../src/discord/command.js';
import { MESSAGES } from '../../src/discord/handler.js';
import { gate, startHarness } from './helpers.js';
import type { BotHarness } from './helpers.js';
import { adminModule, crashModule, reportModule, settingsModule, validateModule } from './modules.js';

const EPHEMERAL = 64;
const report = gate<CommandReply>();

describe('bot framework against the fake Discord', () => {
  let h: BotHarness;
  beforeAll(async () => {
    h = await startHarness([reportModule(report.promise), settingsModule, adminModule, validateModule, crashModule],
      { heartbeatIntervalMs: 200 });
  });
  afterAll(async () => h.stop());

  it('logs in with only the Guilds intent, caches the guild and heartbeats', async () => {
    expect(h.fake.gateway.identifies).toBe(1);
    expect(h.fake.gateway.intents).toBe(GatewayIntentBits.Guilds);
    expect(h.client.guilds.cache.has(h.fake.guilds[0]!.id)).toBe(true);
    await h.fake.waitFor(() => (h.fake.gateway.heartbeatAcks > 0 ? true : undefined), 10_000, 'a heartbeat');
    // A heartbeat carries the last sequence number, or null when it goes out before the first dispatch (the client's
    // first beat is jittered and can beat READY on a busy machine): a later one carries the number.
    const beat = await h.fake.waitFor(() => h.fake.gateway.received.find((f) => f.op === 1 && typeof f.d === 'number'), 10_000, 'a heartbeat with the sequence');
    expect(typeof beat.d).toBe('number');
    expect(h.logs.some((l) => l.msg === 'discord ready')).toBe(true);
  });

  it('defers a slow command publicly, then edits the reply when the work is done', async () => {
    const handle = h.fake.injectCommand({ name: 'report', options: { period: '7d' } });
    const cb = await handle.callback();
    expect(cb.type).toBe(5);
    expect(Number(cb.data?.['flags'] ?? 0) & EPHEMERAL).toBe(0);
    report.open({ content: 'Stance report for <@&123> @everyone' });
    const reply = await handle.reply();
    expect(reply.content).toBe('Stance report for <@&123> @everyone');
    expect(handle.ephemeral).toBe(false);
    const edit = handle.requests().find((r) => r.method === 'PATCH');
    expect(edit?.body).toMatchObject({ allowed_mentions: { parse: [] } });
  });

  it('refuses a Manage Server subcommand to a member without it, at run time', async () => {
    const refused = h.fake.injectCommand({ name: 'settings', subcommand: 'set', options: { feed: 'x' }, user: 'member' });
    const answer = await refused.answer();
    expect(answer.content).toBe(MESSAGES.manageServer);
    expect(refused.ephemeral).toBe(true);
    const allowed = h.fake.injectCommand({ name: 'settings', subcommand: 'list', user: 'member' });
    expect((await allowed.reply()).content).toBe(`list done in ${h.fake.guilds[0]!.id}`);
    const admin = h.fake.injectCommand({ name: 'settings', subcommand: 'set', options: { feed: 'x' }, user: 'admin' });
    expect((await admin.reply()).content).toBe(`set done in ${h.fake.guilds[0]!.id}`);
  });

  it('refuses a whole-server command even when the server loosened its permissions', async () => {
    const handle = h.fake.injectCommand({ name: 'purge', user: 'member' });
    expect((await handle.reply()).content).toBe(MESSAGES.manageServer);
    expect(handle.ephemeral).toBe(true);
  });

  it('tells the user when a stale registration invokes a command the bot no longer has', async () => {
    const handle = h.fake.injectCommand({ name: 'gone', schema: { name: 'gone', options: [] } });
    expect((await handle.reply()).content).toBe(MESSAGES.unknownCommand);
    expect(handle.ephemeral).toBe(true);
  });

  it('is guild-only', async () => {
    const handle = h.fake.injectCommand({ name: 'purge', dm: true });
    expect((await handle.reply()).content).toBe(MESSAGES.guildOnly);
  });

  it('turns an expected problem into a clear ephemeral message, removing the public placeholder', async () => {
    const handle = h.fake.injectCommand({ name: 'validate', options: { url: 'ftp://example.org' } });
    const [followup] = await handle.followups();
    expect(followup?.content).toBe('That is not an https:// URL.');
    expect((followup?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(handle.record.originalDeleted).toBe(true);
    expect(h.fake.messages('general').some((m) => m.content.includes('https://'))).toBe(false);
  });

  it('reports an unexpected exception with a reference id that is in the logs, never the stack', async () => {
    const handle = h.fake.injectCommand({ name: 'crash' });
    const answer = await handle.answer();
    const ref = /Reference: `([0-9a-f]{8})`/.exec(answer.content)?.[1];
    expect(ref).toBeDefined();
    expect(answer.content).not.toMatch(/exploded|secret|at .*:\d+/);
    const logged = h.logs.find((l) => l.msg === 'command failed' && l['ref'] === ref);
    expect(JSON.stringify(logged?.['err'])).toContain('database exploded');
  });

  it('answers autocomplete with at most 25 choices within the length limits', async () => {
    const handle = h.fake.injectAutocomplete({ name: 'settings', subcommand: 'set', options: { feed: 'bb' }, focused: 'feed', user: 'admin' });
    const choices = await handle.choices();
    expect(choices).toHaveLength(25);
    expect(choices.every((c) => c.name.length <= 100 && String(c.value).length <= 100)).toBe(true);
    expect(choices.some((c) => c.value === 'v'.repeat(101))).toBe(false);
    expect(choices[1]?.name).toBe('bb feed 0');
  });

  it('gives an empty autocomplete list on errors or without permission', async () => {
    const failing = h.fake.injectAutocomplete({ name: 'settings', subcommand: 'set', options: { feed: 'boom' }, focused: 'feed', user: 'admin' });
    expect(await failing.choices()).toEqual([]);
    const member = h.fake.injectAutocomplete({ name: 'settings', subcommand: 'set', options: { feed: 'bb' }, focused: 'feed', user: 'member' });
    expect(await member.choices()).toEqual([]);
  });
});
