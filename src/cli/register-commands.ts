// `stancewatch register-commands [--guild ID] [--dry-run --json]`: registers the bot's slash commands globally
// or for one server (bulk overwrite), or prints the exact payload without sending it.
import { REST, Routes } from 'discord.js';
import { formatProblems, loadConfig } from '../config.js';
import { err, ok, type Result } from '../core/result.js';
import type { BotConfig } from '../discord/client.js';
import type { CommandModule } from '../discord/command.js';
import { commandModules, commandPayload } from '../discord/registry.js';
import { EXIT, parseArgs, type CliIo } from './io.js';

export interface RegisterDeps {
  modules: readonly CommandModule[];
  /** Token and application id; only read when actually registering (a dry run needs neither). */
  loadBotConfig(): Result<BotConfig, string>;
}

/** Reads the token, application id and REST API base (DISCORD_API_URL, as `run` uses) through src/config.ts. */
export function botConfigFromEnv(): Result<BotConfig, string> {
  const config = loadConfig();
  if (!config.ok) return err(formatProblems(config.error));
  const discord = config.value.discord;
  if (discord === null) return err('DISCORD_TOKEN is not set: registering commands needs the bot token.');
  if (discord.applicationId === undefined) return err('DISCORD_APPLICATION_ID is not set: registering commands needs it.');
  return ok({ token: discord.token, applicationId: discord.applicationId, ...(discord.apiUrl === undefined ? {} : { restApi: discord.apiUrl }) });
}

const defaultDeps: RegisterDeps = { modules: commandModules, loadBotConfig: botConfigFromEnv };

interface Options {
  guild: string | undefined;
  dryRun: boolean;
  json: boolean;
}

function parseOptions(args: string[]): Result<Options, string> {
  const parsed = parseArgs(args, ['guild'], ['dry-run', 'json']);
  if (typeof parsed === 'string') return err(parsed);
  if (parsed.positionals.length > 0) return err(`unexpected argument ${parsed.positionals[0]}`);
  const guild = parsed.flags.get('guild');
  if (guild !== undefined && (guild === true || !/^\d{15,22}$/.test(guild))) return err('--guild needs a server id (digits only)');
  return ok({ guild, dryRun: parsed.flags.has('dry-run'), json: parsed.flags.has('json') });
}

function describe(payload: ReturnType<typeof commandPayload>, guild: string | undefined): string {
  const where = guild === undefined ? 'globally' : `in server ${guild}`;
  const lines = payload.map((c) => `  /${c.name}${c.default_member_permissions ? '  (Manage Server)' : ''}`);
  return [`${payload.length} command(s) ${where}:`, ...lines].join('\n');
}

export async function run(args: string[], io: CliIo, deps: RegisterDeps = defaultDeps): Promise<number> {
  const options = parseOptions(args);
  if (!options.ok) {
    io.err(`register-commands: ${options.error}\nUsage: stancewatch register-commands [--guild ID] [--dry-run --json]`);
    return EXIT.usage;
  }
  const { guild, dryRun, json } = options.value;
  const payload = commandPayload(deps.modules);
  if (dryRun) {
    io.out(json ? JSON.stringify(payload, null, 2) : `Would register ${describe(payload, guild)}`);
    return EXIT.ok;
  }
  if (payload.length === 0) {
    io.err('register-commands: no commands to register (registering none would delete the existing ones).');
    return EXIT.failure;
  }
  const config = deps.loadBotConfig();
  if (!config.ok) {
    io.err(`register-commands: ${config.error}`);
    return EXIT.failure;
  }
  return register(config.value, payload, guild, json, io);
}

async function register(config: BotConfig, payload: ReturnType<typeof commandPayload>, guild: string | undefined, json: boolean, io: CliIo): Promise<number> {
  const rest = new REST({ version: '10', ...(config.restApi === undefined ? {} : { api: config.restApi }) }).setToken(config.token);
  const route = guild === undefined ? Routes.applicationCommands(config.applicationId) : Routes.applicationGuildCommands(config.applicationId, guild);
  try {
    const registered = await rest.put(route, { body: payload });
    io.out(json ? JSON.stringify(registered, null, 2) : `Registered ${describe(payload, guild)}`);
    return EXIT.ok;
  } catch (error) {
    io.err(`register-commands: Discord refused the registration: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT.failure;
  }
}
