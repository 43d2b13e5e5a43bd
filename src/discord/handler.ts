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
  const module = registry.get(interaction.commandName);
  const refusal = refusalFor(interaction, module);
  if (refusal !== undefined || module === undefined || !interaction.inCachedGuild()) {
    log.info({ refusal }, 'command refused');
    await sendPrivate(interaction, refusal ?? MESSAGES.guildOnly);
    return;
  }
  if (module.defer !== false) {
    await interaction.deferReply(module.defer === 'ephemeral' ? { flags: MessageFlags.Ephemeral } : {});
  }
  const outcome = await execute(module, interaction, deps, log);
  if (outcome.kind === 'reply') await sendReply(interaction, outcome.reply);
  else await sendPrivate(interaction, outcome.text);
  log.info({ outcome: outcome.kind, ms: deps.now() - started }, 'command handled');
}

function refusalFor(interaction: ChatInputCommandInteraction, module: CommandModule | undefined): string | undefined {
  if (module === undefined) return MESSAGES.unknownCommand;
  if (!interaction.inCachedGuild()) return MESSAGES.guildOnly;
  const manage = interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild);
  return needsManageServer(module, subcommandPath(interaction)) && !manage ? MESSAGES.manageServer : undefined;
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
