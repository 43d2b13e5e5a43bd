import { ApplicationIntegrationType, InteractionContextType, PermissionFlagsBits } from 'discord.js';
import type { RESTPutAPIApplicationCommandsJSONBody } from 'discord.js';
import { commandJson } from './command.js';
import { actorCommand } from './commands/actor.js';
import { actorsCommand } from './commands/actors.js';
import { alertsCommand } from './commands/alerts.js';
import { analyzeCommand } from './commands/analyze.js';
import { articleCommand } from './commands/article.js';
import { digestCommand } from './commands/digest.js';
import { feedsCommand } from './commands/feeds.js';
import { storiesCommand } from './commands/stories.js';
import { storyCommand } from './commands/story.js';
import { summaryCommand } from './commands/summary.js';
import type { CommandModule } from './command.js';

export type CommandRegistry = ReadonlyMap<string, CommandModule>;

/**
 * The bot's slash commands. Each feature adds its module here; the handler and `register-commands` both
 * read this list, so what is registered is exactly what is handled.
 */
export const commandModules: readonly CommandModule[] = [
  summaryCommand, actorCommand, articleCommand, analyzeCommand, feedsCommand, actorsCommand, digestCommand, alertsCommand,
  storiesCommand, storyCommand,
];

/** Indexes modules by command name; two modules with one name is a programming error. */
export function createRegistry(modules: readonly CommandModule[]): CommandRegistry {
  const registry = new Map<string, CommandModule>();
  for (const module of modules) {
    const name = commandJson(module).name;
    if (registry.has(name)) throw new Error(`duplicate slash command /${name}`);
    registry.set(name, module);
  }
  return registry;
}

/**
 * The exact body of the bulk-overwrite registration: guild-only commands, installed to servers, with
 * Manage Server as the default member permission for commands that manage the server as a whole.
 */
export function commandPayload(modules: readonly CommandModule[]): RESTPutAPIApplicationCommandsJSONBody {
  return modules.map((module) => {
    const { dm_permission: _dm, ...json } = commandJson(module);
    return {
      ...json,
      default_member_permissions: module.managesServer === true || module.adminByDefault === true ? PermissionFlagsBits.ManageGuild.toString() : null,
      contexts: [InteractionContextType.Guild],
      integration_types: [ApplicationIntegrationType.GuildInstall],
    };
  });
}
