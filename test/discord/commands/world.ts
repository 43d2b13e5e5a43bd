// The whole bot for command tests: the real discord.js client against the fake Discord, every command module,
// a real SQLite store (temp file), the real analyser, the real guarded fetcher and a local feed server.
import pino from 'pino';
import { createFeedsCommand, feedsCommand } from '../../../src/discord/commands/feeds.js';
import type { ImportTiming } from '../../../src/discord/commands/feeds-import.js';
import { commandModules } from '../../../src/discord/registry.js';
import { createFetcher, type Fetcher } from '../../../src/ingest/index.js';
import { createJobsApi, type JobsApi } from '../../../src/jobs/api.js';
import type { Store } from '../../../src/store/index.js';
import type { InteractionHandle } from '../../fake-discord/handle.js';
import type { FakeDiscordOptions } from '../../fake-discord/index.js';
import type { FakeMessage } from '../../fake-discord/messages.js';
import { startFeedServer, type FeedServer } from '../../helpers/feed-server.js';
import { analyser, tempStore } from '../../jobs/fixtures.js';
import { startHarness, type BotHarness } from '../helpers.js';

export const EPHEMERAL = 64;

export interface World {
  h: BotHarness;
  store: Store;
  server: FeedServer;
  fetcher: Fetcher;
  jobs: JobsApi;
  /** Guild ids: the first is the default target of injected interactions. */
  guildA: string;
  guildB: string;
  stop(): Promise<void>;
}

export interface WorldOptions {
  allowPrivateAddresses?: boolean;
  /** /feeds import's token lifetime and progress interval (default: Discord's). */
  importTiming?: ImportTiming;
  /** Options of the fake Discord (e.g. a short interactionTokenMs). */
  discord?: FakeDiscordOptions;
}

export async function startWorld(options: WorldOptions = {}): Promise<World> {
  const store = await tempStore();
  const server = await startFeedServer();
  const logger = pino({ level: 'silent' });
  const fetcher = createFetcher({
    userAgent: 'Stancewatch-test', timeoutMs: 3_000, maxBytes: 2 * 1024 * 1024, maxRedirects: 3,
    allowPrivateAddresses: options.allowPrivateAddresses ?? true, logger,
  });
  const now = (): number => Date.now();
  const jobs = createJobsApi({ store, fetcher, analyser, logger, now, digest: { articlesPerActor: 2, defaultSchedule: '0 8 * * *', defaultTimezone: 'UTC' } });
  const modules = commandModules.map((m) => (m === feedsCommand && options.importTiming ? createFeedsCommand(options.importTiming) : m));
  const h = await startHarness(modules, { guilds: [{ name: 'Alpha' }, { name: 'Beta' }], ...options.discord }, { store, jobs });
  return {
    h, store, server, fetcher, jobs,
    guildA: h.fake.guilds[0]!.id, guildB: h.fake.guilds[1]!.id,
    stop: async () => {
      await h.stop();
      await fetcher.close();
      await server.close();
      await store.close();
    },
  };
}

/** The reply's visible text: content plus every embed's title, description, fields and footer. */
export function textOf(message: FakeMessage): string {
  const embeds = message.embeds.map((e) => [e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text].filter(Boolean).join('\n'));
  return [message.content, ...embeds].join('\n');
}

/** Every body the bot sent for this interaction (callbacks, edits, follow-ups). */
export function sentBodies(handle: InteractionHandle): Record<string, unknown>[] {
  return handle.requests().flatMap((r) => (r.body && typeof r.body === 'object' ? [r.body as Record<string, unknown>] : []));
}

/** Asserts-friendly view: each message-bearing body's allowed_mentions (undefined when absent). */
export function mentionPolicies(handle: InteractionHandle): unknown[] {
  return sentBodies(handle)
    .map((b) => ('data' in b && b['data'] && typeof b['data'] === 'object' ? (b['data'] as Record<string, unknown>) : b))
    .filter((b) => 'content' in b || 'embeds' in b)
    .map((b) => b['allowed_mentions']);
}
