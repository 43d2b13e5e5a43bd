// /feeds import: an OPML import (up to 100 entries, 2 at a time per host, each up to the fetch timeout) can take
// longer than Discord keeps an interaction's token (15 minutes). While it runs, the deferred reply shows progress,
// edited at most every few seconds; the report goes into that reply, or, once the token is (nearly) expired or an
// edit fails with 50027 Invalid Webhook Token, into the channel as a normal message naming the admin.
import { DiscordAPIError, RESTJSONErrorCodes } from 'discord.js';
import { err, ok, type Result } from '../../core/result.js';
import type { CommandContext, CommandReply } from '../command.js';
import { NO_MENTIONS, renderMessages } from '../render/message.js';
import { sendReply } from '../respond.js';
import { userError, type UserError } from '../user-error.js';
import { feedsErrorText, importEmbeds } from '../views/feeds.js';
import { plural } from '../views/format.js';
import { readAttachment } from './attachment.js';

/** Largest OPML file accepted (the facade's parser has the same bound). */
const MAX_OPML_BYTES = 512 * 1024;

export interface ImportTiming {
  /** How long after the command the interaction token is used: Discord's 15 minutes less a safety margin. */
  tokenLifetimeMs: number;
  /** Least time between two progress edits of the deferred reply. */
  progressEveryMs: number;
}

export const DISCORD_IMPORT_TIMING: ImportTiming = { tokenLifetimeMs: 14 * 60_000, progressEveryMs: 5_000 };

const tokenGone = (e: unknown): boolean => e instanceof DiscordAPIError && e.code === RESTJSONErrorCodes.InvalidWebhookToken;

interface Progress {
  update(done: number, total: number): void;
  /** Waits for the edit in flight. */
  settle(): Promise<void>;
  /** Whether the interaction token may still be used. */
  alive(): boolean;
  expire(): void;
}

function progressReporter(ctx: CommandContext, timing: ImportTiming): Progress {
  const started = ctx.interaction.createdTimestamp;
  let expired = false;
  let last = ctx.deps.now();
  let pending: Promise<void> = Promise.resolve();
  const alive = (): boolean => !expired && ctx.deps.now() - started < timing.tokenLifetimeMs;
  return {
    alive,
    expire: () => {
      expired = true;
    },
    settle: () => pending,
    update(done, total) {
      const now = ctx.deps.now();
      if (done >= total || now - last < timing.progressEveryMs || !alive()) return;
      last = now;
      const content = `⏳ Importing: ${done} of ${plural(total, 'entry', 'entries')} checked…`;
      pending = pending
        .then(() => ctx.interaction.editReply({ content, allowedMentions: NO_MENTIONS }))
        .then(() => undefined, (e: unknown) => {
          if (tokenGone(e)) expired = true;
          else ctx.log.warn({ err: e }, 'import progress not shown');
        });
    },
  };
}

/** The report as channel messages, for when the interaction can no longer be answered. */
async function postToChannel(ctx: CommandContext, reply: CommandReply): Promise<void> {
  const channel = ctx.interaction.channel ?? (await ctx.interaction.client.channels.fetch(ctx.interaction.channelId));
  if (channel === null || !channel.isSendable()) throw new Error('the channel of the import cannot be posted in');
  const userId = ctx.interaction.user.id;
  const messages = renderMessages({
    ...reply, allowedMentions: { users: [userId] },
    content: `<@${userId}> Your OPML import took longer than Discord lets a command answer privately; here is its report.`,
  });
  for (const m of messages) await channel.send(m);
  ctx.log.info({ messages: messages.length }, 'import report posted in the channel: interaction token expired');
}

export async function importFile(ctx: CommandContext, timing: ImportTiming): Promise<Result<CommandReply, UserError>> {
  const { interaction, deps, guildId } = ctx;
  const text = await readAttachment(interaction.options.getAttachment('file', true), MAX_OPML_BYTES);
  if (!text.ok) return err(userError(text.error));
  const progress = progressReporter(ctx, timing);
  const report = await deps.jobs.importOpml({
    guildId, channelId: interaction.channelId, userId: interaction.user.id, text: text.value, onProgress: progress.update,
  });
  await progress.settle();
  if (!report.ok) return err(userError(feedsErrorText(report.error)));
  const checked = report.value.added.length + report.value.duplicates.length + report.value.rejected.length;
  const reply: CommandReply = { content: `Import finished: ${plural(checked, 'entry', 'entries')} checked.`, embeds: importEmbeds(report.value) };
  if (progress.alive()) {
    try {
      await sendReply(interaction, reply);
      return ok({ ...reply, alreadySent: true });
    } catch (e) {
      if (!tokenGone(e)) throw e;
      progress.expire();
    }
  }
  await postToChannel(ctx, reply);
  return ok({ ...reply, alreadySent: true });
}
