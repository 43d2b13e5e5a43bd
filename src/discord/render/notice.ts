// Notice payloads (src/core/outbox-payloads.ts) as Discord messages: a disabled feed, or posts to a channel
// that stopped working. Feed names, URLs and error texts come from outside and are escaped.
import type { NoticePayload } from '../../core/outbox-payloads.js';
import { LIMITS } from '../limits.js';
import { safeHref } from './digest.js';
import { safeText } from './escape.js';
import { renderMessages, type OutMessage } from './message.js';
import { truncate } from './truncate.js';

function noticeText(p: NoticePayload): string {
  if (p.type === 'feed-disabled') {
    return `⚠️ The feed **${safeText(p.feedName)}** (<${safeHref(p.url)}>) failed too often and is no longer polled `
      + `(${safeText(p.code)}: ${safeText(truncate(p.message, 300))}). Fix the address and re-add it with /feeds add.`;
  }
  const what = p.what === 'digest'
    ? 'Scheduled digests are paused until a channel is set again with /digest channel.'
    : `Alert rule #${p.ruleId ?? '?'} was disabled; remove it or add it again with another channel (/alerts).`;
  return `⚠️ Stancewatch could not post in <#${p.channelId}> (${safeText(p.reason)}). ${what} `
    + 'Check that the bot can view the channel, send messages, embed links and attach files.';
}

export function noticeMessages(p: NoticePayload): OutMessage[] {
  return renderMessages({ content: truncate(noticeText(p), LIMITS.content) });
}
