// Shared set-up for delivery tests: the fake Discord, a real discord.js client logged in to it, a real store,
// a controllable clock, and digest payloads built from the fixed digest fixture.
import type { Client } from 'discord.js';
import { buildDigest } from '../../src/core/digest.js';
import type { DigestPayload } from '../../src/core/outbox-payloads.js';
import { createDeliverer, type Deliverer } from '../../src/discord/deliver.js';
import type { Store } from '../../src/store/index.js';
import { fixtureInput } from '../core/digest-fixture.js';
import { connectFakeClient } from '../fake-discord/client.js';
import { startFakeDiscord, type FakeDiscord, type GuildSpec } from '../fake-discord/index.js';
import { fakeClock, silent, tempStore, type Clock } from './fixtures.js';

export interface DeliveryWorld {
  fake: FakeDiscord;
  client: Client<true>;
  store: Store;
  clock: Clock;
  guildId: string;
  channelId(name: string): string;
  deliverer(owner: string, store?: Store): Deliverer;
  /** POSTs of messages to a channel so far. */
  posts(channel: string): number;
  stop(): Promise<void>;
}

export function digestPayload(trigger: DigestPayload['trigger'] = 'scheduled'): DigestPayload {
  return { type: 'digest', digest: buildDigest(fixtureInput()), timeZone: 'UTC', trigger };
}

/** A digest too large for one message: many actors, each with long titles and evidence. */
export function bigDigestPayload(): DigestPayload {
  const input = fixtureInput();
  const actors = Array.from({ length: 14 }, (_, i) => `Actor ${i} ${'x'.repeat(20)}`);
  const long = (i: number, what: string) => `${what} ${i} ${'lorem ipsum dolor sit amet '.repeat(12)}`.trim();
  const articles = actors.flatMap((actor, i) => [-0.8, -0.5, 0.6, 0.9].map((score, j) => ({
    actor, title: long(i * 10 + j, 'Title'), link: `https://example.test/${i}/${j}`, outlet: `Outlet ${j}`,
    published: input.period.from + j * 3_600_000, score, evidence: long(i * 10 + j, 'Evidence'), terms: [],
  })));
  const digest = buildDigest({
    ...input, watched: actors, articles,
    actors: actors.map((actor, i) => ({ actor, n: 20 - i, meanScore: 0.1, labels: { negative: 5, neutral: 10, positive: 5 - (i % 5) } })),
  });
  return { type: 'digest', digest, timeZone: 'UTC', trigger: 'scheduled' };
}

export async function startDeliveryWorld(guilds?: GuildSpec[], store?: Store): Promise<DeliveryWorld> {
  const fake = await startFakeDiscord(guilds ? { guilds } : {});
  const client = await connectFakeClient(fake, { rest: { retries: 3, timeout: 5_000 } });
  const db = store ?? (await tempStore());
  const clock = fakeClock(Date.now());
  const guildId = fake.guilds[0]?.id as string;
  return {
    fake, client, store: db, clock, guildId,
    channelId: (name) => fake.channel(name).id,
    deliverer: (owner, s) => createDeliverer({ client, store: s ?? db, logger: silent, now: clock.now, owner, backoffMs: 1_000, leaseMs: 60_000 }),
    posts: (channel) => fake.requestsTo('POST /channels/:id/messages').filter((r) => r.path.includes(fake.channel(channel).id) && r.status === 200).length,
    stop: async () => {
      await client.destroy();
      await fake.stop();
      await db.close();
    },
  };
}
