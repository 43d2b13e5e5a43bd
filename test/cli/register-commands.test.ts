import { afterEach, describe, expect, it } from 'vitest';
import { err, ok } from '../../src/core/result.js';
import { run } from '../../src/cli/register-commands.js';
import type { RegisterDeps } from '../../src/cli/register-commands.js';
import type { CliIo } from '../../src/cli/io.js';
import { commandPayload } from '../../src/discord/registry.js';
import { startFakeDiscord } from '../fake-discord/index.js';
import type { FakeDiscord } from '../fake-discord/index.js';
import { adminModule, settingsModule } from '../discord/modules.js';
import { runCli } from '../helpers/spawn-cli.js';

function bufferIo(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => void stdout.push(t), err: (t) => void stderr.push(t), readStdin: async () => '' };
}

const modules = [settingsModule, adminModule];

describe('stancewatch register-commands', () => {
  let fake: FakeDiscord | undefined;
  afterEach(async () => fake?.stop());

  async function depsForFake(): Promise<RegisterDeps> {
    fake = await startFakeDiscord();
    const config = { token: fake.token, applicationId: fake.applicationId, restApi: fake.restUrl };
    return { modules, loadBotConfig: () => ok(config) };
  }

  it('--dry-run --json prints the exact payload and sends nothing, without needing a token', async () => {
    const io = bufferIo();
    const deps: RegisterDeps = { modules, loadBotConfig: () => err('must not be read') };
    expect(await run(['--dry-run', '--json'], io, deps)).toBe(0);
    expect(JSON.parse(io.stdout.join(''))).toEqual(JSON.parse(JSON.stringify(commandPayload(modules))));
  });

  it('registers globally: the fake receives exactly the dry-run payload', async () => {
    const deps = await depsForFake();
    const dry = bufferIo();
    await run(['--dry-run', '--json'], dry, deps);
    const io = bufferIo();
    expect(await run([], io, deps)).toBe(0);
    const put = fake!.requestsTo('PUT /applications/:app/commands');
    expect(put).toHaveLength(1);
    expect(put[0]?.body).toEqual(JSON.parse(dry.stdout.join('')));
    expect(fake!.globalCommands().map((c) => c.name)).toEqual(['settings', 'purge']);
    expect(io.stdout.join('\n')).toMatch(/Registered 2 command\(s\) globally/);
  });

  it('registers for one server with --guild', async () => {
    const deps = await depsForFake();
    const guildId = fake!.guilds[0]!.id;
    expect(await run(['--guild', guildId], bufferIo(), deps)).toBe(0);
    expect(fake!.guildCommands(guildId).map((c) => c.name)).toEqual(['settings', 'purge']);
    expect(fake!.globalCommands()).toEqual([]);
  });

  it('reports a registration Discord refuses, and bad usage', async () => {
    const deps = await depsForFake();
    fake!.failNext('PUT /applications/:app/commands', 503, 4);
    const io = bufferIo();
    expect(await run([], io, deps)).toBe(1);
    expect(io.stderr.join('\n')).toMatch(/Discord refused the registration/);
    expect(await run(['--guild', 'abc'], bufferIo(), deps)).toBe(2);
    expect(await run(['--nope'], bufferIo(), deps)).toBe(2);
  });

  it('needs the bot config and at least one command to register for real', async () => {
    const noConfig = bufferIo();
    expect(await run([], noConfig, { modules, loadBotConfig: () => err('DISCORD_TOKEN is not set') })).toBe(1);
    expect(noConfig.stderr.join('')).toContain('DISCORD_TOKEN is not set');
    const empty = bufferIo();
    expect(await run([], empty, { modules: [], loadBotConfig: () => err('unused') })).toBe(1);
    expect(empty.stderr.join('')).toMatch(/no commands to register/);
  });

  it('the real CLI sends the registration to DISCORD_API_URL, where every other REST call goes', async () => {
    fake = await startFakeDiscord({ token: `fake.${'t'.repeat(60)}` });
    const guildId = fake.guilds[0]!.id;
    const result = await runCli(['register-commands', '--guild', guildId], {
      DISCORD_TOKEN: fake.token, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_URL: fake.restUrl,
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(fake.requestsTo('PUT /applications/:app/guilds/:guild/commands')).toHaveLength(1);
    expect(fake.guildCommands(guildId).map((c) => c.name)).toContain('digest');
  }, 30_000);
});
