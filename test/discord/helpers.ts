import { Writable } from 'node:stream';
import { pino } from 'pino';
import type { Logger } from 'pino';
import type { Client } from 'discord.js';
import { startBot } from '../../src/discord/client.js';
import type { CommandModule } from '../../src/discord/command.js';
import type { BotDeps } from '../../src/discord/deps.js';
import { commandPayload } from '../../src/discord/registry.js';
import { startFakeDiscord } from '../fake-discord/index.js';
import type { FakeDiscord, FakeDiscordOptions } from '../fake-discord/index.js';

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

/** A pino logger whose lines are kept as parsed objects. */
export function memoryLogger(): { logger: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim() !== '') lines.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  return { logger: pino({ level: 'debug' }, stream), lines };
}

export interface BotHarness {
  fake: FakeDiscord;
  client: Client<true>;
  logs: LogLine[];
  stop(): Promise<void>;
}

/** What the feature commands need (store, jobs facade); the framework's own test modules use neither. */
export type FeatureDeps = Pick<BotDeps, 'store' | 'jobs'>;

/** The fake Discord with `modules` registered globally, and the real bot (src/discord/client.ts) logged in to it. */
export async function startHarness(modules: CommandModule[], options: FakeDiscordOptions = {}, features?: FeatureDeps): Promise<BotHarness> {
  const fake = await startFakeDiscord({ commands: commandPayload(modules), ...options });
  const { logger, lines } = memoryLogger();
  const client = await startBot({
    config: { token: fake.token, applicationId: fake.applicationId, restApi: fake.restUrl },
    deps: { logger, now: () => Date.now(), ...features } as BotDeps,
    modules,
  });
  return {
    fake, client, logs: lines,
    stop: async () => {
      await client.destroy();
      await fake.stop();
    },
  };
}

/** A promise with its resolver, to hold a command until the test lets it finish. */
export function gate<T = void>(): { promise: Promise<T>; open(value: T): void } {
  let open!: (value: T) => void;
  const promise = new Promise<T>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}
