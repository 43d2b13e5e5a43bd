import type { APIEmbed, MessageMentionOptions } from 'discord.js';
import { LIMITS } from '../limits.js';
import { packEmbeds, splitContent } from './split.js';

/** Nobody is pinged unless a feature explicitly opts in. */
export const NO_MENTIONS: MessageMentionOptions = { parse: [] };

export interface OutFile {
  name: string;
  data: Buffer;
  description?: string;
}

/** One Discord message, ready for reply/editReply/followUp/channel.send. */
export interface OutMessage {
  content?: string;
  embeds?: APIEmbed[];
  files?: { attachment: Buffer; name: string; description?: string }[];
  allowedMentions: MessageMentionOptions;
}

export interface RenderInput {
  content?: string;
  embeds?: readonly APIEmbed[];
  files?: readonly OutFile[];
  allowedMentions?: MessageMentionOptions;
}

/**
 * Turns content, embeds and files of any size into messages within Discord's limits: content is split into
 * 2,000-character messages, embeds are fitted and packed (10 per message, 6,000 characters), files go 10 per
 * message starting with the last one. Always returns at least one message.
 */
export function renderMessages(input: RenderInput): OutMessage[] {
  const allowedMentions = input.allowedMentions ?? NO_MENTIONS;
  const texts = input.content === undefined || input.content === '' ? [] : splitContent(input.content);
  const messages: OutMessage[] = texts.map((content) => ({ content, allowedMentions }));
  const groups = packEmbeds(input.embeds ?? []);
  groups.forEach((embeds, i) => {
    const target = i === 0 ? messages[messages.length - 1] : undefined;
    if (target !== undefined) target.embeds = embeds;
    else messages.push({ embeds, allowedMentions });
  });
  attachFiles(messages, input.files ?? [], allowedMentions);
  return messages.length > 0 ? messages : [{ content: '\u200b', allowedMentions }];
}

function attachFiles(messages: OutMessage[], files: readonly OutFile[], allowedMentions: MessageMentionOptions): void {
  for (let i = 0; i < files.length; i += LIMITS.filesPerMessage) {
    const batch = files.slice(i, i + LIMITS.filesPerMessage).map((f) => ({
      attachment: f.data, name: f.name, ...(f.description === undefined ? {} : { description: f.description }),
    }));
    const last = messages[messages.length - 1];
    if (i === 0 && last !== undefined) last.files = batch;
    else messages.push({ files: batch, allowedMentions });
  }
}
