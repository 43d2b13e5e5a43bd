import { once } from 'node:events';
import { Client, Events, GatewayIntentBits } from 'discord.js';
import type { ClientOptions } from 'discord.js';
import type { FakeDiscord } from './index.js';

/** REST options that point discord.js at the fake. Merge into a Client's options. */
export function fakeRestOptions(fake: FakeDiscord): { api: string } {
  return { api: fake.restUrl };
}

/** Logs a real discord.js Client in to the fake and resolves once it is ready (READY + every GUILD_CREATE). */
export async function loginToFake(fake: FakeDiscord, client: Client, timeoutMs = 10_000): Promise<Client<true>> {
  const ready = once(client, Events.ClientReady, { signal: AbortSignal.timeout(timeoutMs) });
  await client.login(fake.token);
  await ready;
  return client as Client<true>;
}

/** A plain Client (Guilds intent, no mentions) wired to the fake and logged in. Destroy it after the test. */
export async function connectFakeClient(fake: FakeDiscord, options: Partial<ClientOptions> = {}): Promise<Client<true>> {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { parse: [] },
    ...options,
    rest: { ...options.rest, api: fake.restUrl },
  });
  return loginToFake(fake, client);
}
