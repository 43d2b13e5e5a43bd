import { randomBytes } from 'node:crypto';
import { MessageFlags, PermissionFlagsBits } from 'discord.js';
import type { ChatInputCommandInteraction, Interaction } from 'discord.js';
import type { Logger } from 'pino';
import { handleAutocomplete } from './autocomplete.js';
import type { CommandModule, CommandReply } from './command.js';
import type { BotDeps } from './deps.js';
import { needsManageServer, subcommandPath } from './permissions.js';
import type { CommandRegistry } from './registry.js';
import { sendPrivate, sendReply } from './respond.js';

export const MESSAGES = {
  unknownCommand: 'This command is not available any more. Ask a server admin to re-register the commands.',
  guildOnly: 'This command works only in a server where Stancewatch is installed.',
  manageServer: 'You need the **Manage Server** permission to use this command.',
  failure: (ref: string) => `Something went wrong on our side. Reference: \`${ref}\` (an admin can find it in the bot's logs).`,
} as const;

/** A short id shown to the user and logged with the error, to find one in the other. */
export function referenceId(): string {
  return randomBytes(4).toString('hex');
}

/** The one interaction handler: routing, permission and guild checks, deferral, replies, errors and logging. */
export function createInteractionHandler(registry: CommandRegistry, deps: BotDeps): (interaction: Interaction) => Promise<void> {
  return async (interaction) => {
    if (interaction.isAutocomplete()) {
      await handleAutocomplete(interaction, registry, deps);
      return;
    }
    if (!interaction.isChatInputCommand()) return;
    const log = deps.logger.child({
      command: interaction.commandName, sub: subcommandPath(interaction), interactionId: interaction.id,
      guildId: interaction.guildId, userId: interaction.user.id,
    });
    await runCommand(interaction, registry, deps, log).catch((error: unknown) => {
      log.error({ err: error }, 'interaction response failed');
    });
  };
}

async function runCommand(interaction: ChatInputCommandInteraction, registry: CommandRegistry, deps: BotDeps, log: Logger): Promise<void> {
  const started = deps.now();
  const admitted = admit(interaction, registry.get(interaction.commandName));
  if ('refusal' in admitted) {
    log.info({ refusal: admitted.refusal }, 'command refused');
    await sendPrivate(interaction, admitted.refusal);
    return;
  }
  const { module, cached } = admitted;
  if (module.defer !== false) {
    await cached.deferReply(module.defer === 'ephemeral' ? { flags: MessageFlags.Ephemeral } : {});
  }
  const outcome = await execute(module, cached, deps, log);
  if (outcome.kind === 'reply') await sendReply(cached, outcome.reply);
  else await sendPrivate(cached, outcome.text);
  log.info({ outcome: outcome.kind, ms: deps.now() - started }, 'command handled');
}

type Admission = { refusal: string } | { module: CommandModule; cached: ChatInputCommandInteraction<'cached'> };

/** Known command, in a server the bot is in, and Manage Server when the command (or subcommand) needs it. */
function admit(interaction: ChatInputCommandInteraction, module: CommandModule | undefined): Admission {
  if (module === undefined) return { refusal: MESSAGES.unknownCommand };
  if (!interaction.inCachedGuild()) return { refusal: MESSAGES.guildOnly };
  const manage = interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild);
  if (needsManageServer(module, subcommandPath(interaction)) && !manage) return { refusal: MESSAGES.manageServer };
  return { module, cached: interaction };
}

type Outcome = { kind: 'reply'; reply: CommandReply } | { kind: 'user-error' | 'failure'; text: string };

async function execute(module: CommandModule, interaction: ChatInputCommandInteraction<'cached'>, deps: BotDeps, log: Logger): Promise<Outcome> {
  try {
    const result = await module.execute({ interaction, log, deps, guildId: interaction.guildId });
    if (result.ok) return { kind: 'reply', reply: result.value };
    log.info({ reason: result.error.message }, 'command rejected input');
    return { kind: 'user-error', text: result.error.message };
  } catch (error) {
    const ref = referenceId();
    log.error({ err: error, ref }, 'command failed');
    return { kind: 'failure', text: MESSAGES.failure(ref) };
  }
}
