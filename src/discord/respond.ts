import { MessageFlags } from 'discord.js';
import type { ChatInputCommandInteraction } from 'discord.js';
import type { CommandReply } from './command.js';
import { LIMITS } from './limits.js';
import { NO_MENTIONS, renderMessages } from './render/message.js';
import { truncate } from './render/truncate.js';

/** Sends a command's reply: edits the deferred response or replies, and posts any overflow as follow-ups. */
export async function sendReply(interaction: ChatInputCommandInteraction, reply: CommandReply): Promise<void> {
  if (reply.alreadySent === true) return;
  const [first, ...rest] = renderMessages(reply);
  const ephemeral = interaction.deferred ? interaction.ephemeral === true : reply.ephemeral === true;
  const flags = ephemeral ? MessageFlags.Ephemeral : undefined;
  if (first !== undefined) {
    if (interaction.deferred) await interaction.editReply(first);
    else await interaction.reply({ ...first, ...(flags === undefined ? {} : { flags }) });
  }
  for (const message of rest) await interaction.followUp({ ...message, ...(flags === undefined ? {} : { flags }) });
}

/**
 * Shows a message only the invoking user sees, whatever state the interaction is in. A public "thinking…"
 * response is deleted first so the error does not sit in the channel.
 */
export async function sendPrivate(interaction: ChatInputCommandInteraction, text: string): Promise<void> {
  const message = { content: truncate(text, LIMITS.content), allowedMentions: NO_MENTIONS };
  if (interaction.deferred && interaction.ephemeral === true) {
    await interaction.editReply(message);
    return;
  }
  if (interaction.deferred && !interaction.replied) await interaction.deleteReply();
  if (interaction.deferred || interaction.replied) await interaction.followUp({ ...message, flags: MessageFlags.Ephemeral });
  else await interaction.reply({ ...message, flags: MessageFlags.Ephemeral });
}
