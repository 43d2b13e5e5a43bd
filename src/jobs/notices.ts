// Notices to the servers that subscribe to a feed (e.g. "this feed was disabled"), posted once through the outbox.
// Payloads are structured data; the Discord and Markdown renderers compose (and escape) the text.
import type { FetchError } from '../ingest/index.js';
import type { Feed, Store } from '../store/index.js';

export interface FeedDisabledNotice {
  type: 'feed-disabled';
  feedName: string;
  url: string;
  code: string;
  message: string;
}

/** Announces a newly disabled feed once in every channel that subscribes to it. */
export async function announceDisabledFeed(feed: Feed, error: FetchError, store: Store, now: number): Promise<void> {
  const subscriptions = await store.subscriptionsOfFeed(feed.id);
  const channels = new Map(subscriptions.map((s) => [`${s.guildId}:${s.channelId}`, s]));
  for (const sub of channels.values()) {
    const payload: FeedDisabledNotice = { type: 'feed-disabled', feedName: sub.name, url: feed.url, code: error.code, message: error.message };
    await store.enqueue({
      kind: 'notice',
      guildId: sub.guildId,
      channelId: sub.channelId,
      dedupeKey: `feed-disabled:${feed.id}:${sub.channelId}:${now}`,
      payload,
      now,
    });
  }
}
