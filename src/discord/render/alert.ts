// Alert payloads (src/core/outbox-payloads.ts) as Discord messages. The reason sentence is built
// from feed data (actor, outlet and article title), so it is escaped like any untrusted text.
import type { APIEmbed } from 'discord.js';
import type { AlertPayload } from '../../core/outbox-payloads.js';
import { LIMITS } from '../limits.js';
import { safeText } from './escape.js';
import { renderMessages, type OutMessage } from './message.js';
import { truncate } from './truncate.js';
import { COLOURS, discordTime, safeHref } from './digest.js';

const KIND_TITLE: Record<AlertPayload['kind'], string> = {
  stance: 'stance threshold crossed',
  volume: 'volume spike',
  article: 'strongly worded article',
};

export function alertMessages(p: AlertPayload): OutMessage[] {
  const lines = [safeText(p.reason), '', `Event time: ${discordTime(p.at)} · rule #${p.ruleId} (see /alerts list)`];
  if (p.link) lines.splice(1, 0, `<${safeHref(p.link)}>`);
  const embed: APIEmbed = {
    title: truncate(`Alert: ${p.actor} — ${KIND_TITLE[p.kind]}`, LIMITS.embedTitle),
    description: truncate(lines.join('\n'), LIMITS.embedDescription),
    color: COLOURS.negative,
  };
  return renderMessages({ embeds: [embed] });
}
