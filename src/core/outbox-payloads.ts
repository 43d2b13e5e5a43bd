// What the outbox carries (JSON): structured data only. The Discord renderer (src/discord/render) and the
// offline writer (Markdown files) compose and escape the text, so a payload never holds platform markup.
import type { Digest } from './digest-types.js';

export interface DigestPayload {
  type: 'digest';
  digest: Digest;
  /** IANA zone the period, dates and chart days are shown in. */
  timeZone: string;
  /** 'scheduled' by the worker, 'manual' for `/digest now`. */
  trigger: 'scheduled' | 'manual';
}

export interface AlertPayload {
  type: 'alert';
  ruleId: number;
  kind: 'stance' | 'volume' | 'article';
  actor: string;
  /** Why it fired, as a sentence. */
  reason: string;
  /** The tick or analysis time the event belongs to (epoch ms). */
  at: number;
  link?: string;
}

/** A feed was disabled after repeated failures (enqueued by src/jobs/notices.ts). */
export interface FeedDisabledPayload {
  type: 'feed-disabled';
  feedName: string;
  url: string;
  code: string;
  message: string;
}

/** Posts to a channel stopped working (bot removed, permission lost); sent once to another channel. */
export interface DeliveryParkedPayload {
  type: 'delivery-parked';
  /** What stopped: the scheduled digest or an alert rule. */
  what: 'digest' | 'alert';
  channelId: string;
  reason: string;
  ruleId?: number;
}

export type NoticePayload = FeedDisabledPayload | DeliveryParkedPayload;
export type OutboxPayload = DigestPayload | AlertPayload | NoticePayload;

/** Narrows an outbox payload read back from the database; unknown shapes give null. */
export function asOutboxPayload(value: unknown): OutboxPayload | null {
  if (typeof value !== 'object' || value === null) return null;
  const type = (value as { type?: unknown }).type;
  return type === 'digest' || type === 'alert' || type === 'feed-disabled' || type === 'delivery-parked' ? (value as OutboxPayload) : null;
}
