import type {
  ApplicationCommandOptionChoiceData,
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  SlashCommandBuilder,
} from 'discord.js';
import type { Logger } from 'pino';
import type { Result } from '../core/result.js';
import type { BotDeps } from './deps.js';
import type { RenderInput } from './render/message.js';
import type { UserError } from './user-error.js';

/** What a command answers: rendered within Discord's limits (split into follow-ups when needed). */
export interface CommandReply extends RenderInput {
  /** For commands that do not defer: whether the reply is ephemeral (deferred ones chose at defer time). */
  ephemeral?: boolean;
  /**
   * The command delivered this reply itself (e.g. as a channel message once the interaction token had expired):
   * the handler sends nothing more.
   */
  alreadySent?: boolean;
}

export interface CommandContext {
  interaction: ChatInputCommandInteraction<'cached'>;
  /** Child logger bound to the command, guild and interaction ids. */
  log: Logger;
  deps: BotDeps;
  guildId: string;
}

export interface AutocompleteContext {
  interaction: AutocompleteInteraction<'cached'>;
  log: Logger;
  deps: BotDeps;
  guildId: string;
  /** The focused option's name and what the user has typed so far. */
  focused: { name: string; value: string };
}

export interface CommandModule {
  /** The command's definition; the builder or its JSON. */
  data: SlashCommandBuilder | Pick<SlashCommandBuilder, 'toJSON'> | RESTPostAPIChatInputApplicationCommandsJSONBody;
  /**
   * Manage Server requirement, checked again at run time: `true` for the whole command (also registered as
   * default_member_permissions), or the subcommands that need it (`'add'`, or `'group sub'`), for commands that
   * mix read-only and configuration subcommands and so must stay visible to everyone.
   */
  managesServer: boolean | readonly string[];
  /**
   * Registers the command with default_member_permissions = Manage Server even when `managesServer` lists only
   * some subcommands (Discord cannot restrict single subcommands). A server may loosen it for read-only
   * subcommands; the listed ones are still checked at run time.
   */
  adminByDefault?: boolean;
  /** Defer within Discord's 3 s: anything that touches the network or the database. */
  defer: 'ephemeral' | 'public' | false;
  /** Expected problems are `err(userError(...))`; anything thrown is reported with a reference id. */
  execute(ctx: CommandContext): Promise<Result<CommandReply, UserError>>;
  /** Choices matching what was typed; capped at 25 and to 100 characters by the handler. */
  autocomplete?(ctx: AutocompleteContext): Promise<ApplicationCommandOptionChoiceData[]>;
}

export function commandJson(module: CommandModule): RESTPostAPIChatInputApplicationCommandsJSONBody {
  const data = module.data;
  return 'toJSON' in data ? (data.toJSON() as RESTPostAPIChatInputApplicationCommandsJSONBody) : data;
}
