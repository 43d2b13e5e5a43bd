import { Client, Events, GatewayIntentBits, RESTEvents } from 'discord.js';
import type { Interaction } from 'discord.js';
import type { Logger } from 'pino';
import type { CommandModule } from './command.js';
import type { BotDeps } from './deps.js';
import { createInteractionHandler } from './handler.js';
import { createRegistry } from './registry.js';
import { NO_MENTIONS } from './render/message.js';

/** What the bot needs to talk to Discord. */
export interface BotConfig {
  token: string;
  applicationId: string;
  /** REST base URL override (tests point it at the fake Discord); default Discord's. */
  restApi?: string;
}

export interface BotClientOptions {
  logger: Logger;
  onInteraction(interaction: Interaction): Promise<void>;
  restApi?: string;
}

/** A discord.js Client with only the Guilds intent, no mentions by default, and its lifecycle logged. */
export function createBotClient(options: BotClientOptions): Client {
  const { logger } = options;
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: NO_MENTIONS,
    // Global fetch, not @discordjs/rest's bundled undici 6: once ingest loads undici 7 it installs its Agent as the
    // process-wide dispatcher, and undici 6's request() then fails every multipart upload ("action is not a function").
    rest: { makeRequest: fetch, ...(options.restApi === undefined ? {} : { api: options.restApi }) },
  });
  client.on(Events.InteractionCreate, (interaction) => void options.onInteraction(interaction));
  client.on(Events.ClientReady, (ready) => logger.info({ user: ready.user.tag, guilds: ready.guilds.cache.size }, 'discord ready'));
  client.on(Events.ShardResume, (shardId, replayed) => logger.info({ shardId, replayed }, 'discord session resumed'));
  client.on(Events.ShardReconnecting, (shardId) => logger.info({ shardId }, 'discord reconnecting'));
  client.on(Events.ShardDisconnect, (event, shardId) => logger.warn({ shardId, code: event.code }, 'discord disconnected'));
  client.on(Events.ShardError, (error, shardId) => logger.error({ err: error, shardId }, 'discord gateway error'));
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'));
  client.rest.on(RESTEvents.RateLimited, (info) =>
    logger.warn({ route: info.route, method: info.method, retryAfter: info.retryAfter, global: info.global }, 'discord rate limited'));
  return client;
}

export interface StartBotOptions {
  config: BotConfig;
  deps: BotDeps;
  modules: readonly CommandModule[];
}

/** Builds the registry, the handler and the client, and logs in. Resolves once ready; rejects if the token is refused. */
export async function startBot({ config, deps, modules }: StartBotOptions): Promise<Client<true>> {
  const handler = createInteractionHandler(createRegistry(modules), deps);
  const client = createBotClient({
    logger: deps.logger, onInteraction: handler, ...(config.restApi === undefined ? {} : { restApi: config.restApi }),
  });
  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  try {
    await client.login(config.token);
  } catch (error) {
    await client.destroy();
    throw error;
  }
  return ready;
}
