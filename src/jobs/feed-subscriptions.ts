// Feed subscription operations of the facade: dry run, add (validated by one fetch), remove, pause/resume.
import type { Logger } from 'pino';
import type { Analyser } from '../core/analyse.js';
import { checkFeedUrl, hostOf } from '../core/feed-url.js';
import { cleanTitle } from '../core/opml.js';
import { ok, type Result } from '../core/result.js';
import type { FeedItem, ParsedFeed } from '../core/types.js';
import type { Fetcher } from '../ingest/index.js';
import type { Store, Subscription } from '../store/index.js';
import { failure, fromFetchError } from './feeds-errors.js';
import type { ActorScore, AddedFeed, AddFeedRequest, FeedPreview, FeedsError, FeedsResult, PreviewItem } from './feeds-types.js';

export interface FeedOpsDeps {
  store: Store;
  fetcher: Fetcher;
  analyser: Analyser;
  logger: Logger;
  now: () => number;
}

/** Items analysed by a dry run, and actors shown per item. */
const PREVIEW_ITEMS = 5;
const PREVIEW_ACTORS = 3;

type Fetched = { url: string; feed: ParsedFeed };

/** One guarded fetch of a syntactically checked http(s) URL. */
async function fetchOnce(deps: FeedOpsDeps, rawUrl: string): Promise<Result<Fetched, FeedsError>> {
  const checked = checkFeedUrl(rawUrl);
  if (!checked.ok) return failure('INVALID_URL', { detail: checked.error });
  const outcome = await deps.fetcher.fetchFeed(checked.value, {});
  if (outcome.kind === 'error') return fromFetchError(outcome);
  if (outcome.kind === 'not-modified') return failure('UNREADABLE', { detail: 'the server answered 304 Not Modified to a plain request' });
  return ok({ url: outcome.permanentRedirectTo ?? checked.value, feed: outcome.feed });
}

export function topActors(analysis: { actors: ActorScore[] }, limit: number): ActorScore[] {
  return [...analysis.actors]
    .sort((a, b) => b.mentions - a.mentions || Math.abs(b.score) - Math.abs(a.score) || a.actor.localeCompare(b.actor))
    .slice(0, limit)
    .map(({ actor, label, score, confidence, mentions }) => ({ actor, label, score, confidence, mentions }));
}

function previewItem(analyser: Analyser, item: FeedItem): PreviewItem {
  const analysis = analyser.analyse({ title: item.title, text: item.content || item.summary || '' });
  return {
    title: item.title,
    ...(item.link === undefined ? {} : { link: item.link }),
    ...(item.published === undefined ? {} : { published: item.published }),
    analysed: analysis.analysed,
    tone: analysis.sentiment.tone,
    actors: topActors(analysis, PREVIEW_ACTORS),
  };
}

export async function testFeed(deps: FeedOpsDeps, url: string): FeedsResult<FeedPreview> {
  const fetched = await fetchOnce(deps, url);
  if (!fetched.ok) return fetched;
  const { feed } = fetched.value;
  return ok({
    url: fetched.value.url,
    title: feed.title || hostOf(fetched.value.url),
    itemCount: feed.items.length,
    items: feed.items.slice(0, PREVIEW_ITEMS).map((item) => previewItem(deps.analyser, item)),
    warnings: feed.warnings.length,
  });
}

async function existingSubscription(store: Store, guildId: string, url: string): Promise<Subscription | undefined> {
  const feed = await store.getFeedByUrl(url);
  if (feed === undefined) return undefined;
  const subs = await store.listSubscriptions(guildId);
  return subs.find((s) => s.feedId === feed.id);
}

const duplicateOf = (existing: Subscription) => failure('DUPLICATE', { detail: existing.name });

export async function addFeed(deps: FeedOpsDeps, request: AddFeedRequest): FeedsResult<AddedFeed> {
  const checked = checkFeedUrl(request.url);
  if (!checked.ok) return failure('INVALID_URL', { detail: checked.error });
  const before = await existingSubscription(deps.store, request.guildId, checked.value);
  if (before !== undefined) return duplicateOf(before);
  const fetched = await fetchOnce(deps, checked.value);
  if (!fetched.ok) return fetched;
  const { url, feed: parsed } = fetched.value;
  const now = deps.now();
  const stored = await deps.store.addFeed({ url, title: parsed.title || null, siteLink: parsed.link ?? null, fullText: request.fullText, nextCheckAt: now, now });
  if (!stored.created && stored.feed.disabled) await deps.store.enableFeed(stored.feed.id, now);
  const name = cleanTitle(request.name) ?? cleanTitle(parsed.title) ?? hostOf(url);
  const sub = await deps.store.subscribe({ guildId: request.guildId, feedId: stored.feed.id, channelId: request.channelId, name, createdBy: request.userId, now });
  if (!sub.ok) return duplicateOf(sub.error.existing);
  deps.logger.info({ guildId: request.guildId, feedId: stored.feed.id, subscriptionId: sub.value.id, newFeed: stored.created }, 'feed subscribed');
  return ok({ subscription: sub.value, url, title: parsed.title || null, newFeed: stored.created });
}

export async function removeFeed(deps: FeedOpsDeps, guildId: string, subscriptionId: number): FeedsResult<Subscription> {
  const sub = await deps.store.getSubscription(guildId, subscriptionId);
  if (sub === undefined || !(await deps.store.unsubscribe(guildId, subscriptionId))) return failure('UNKNOWN_FEED');
  deps.logger.info({ guildId, feedId: sub.feedId, subscriptionId }, 'feed unsubscribed');
  return ok(sub);
}

export async function setFeedPaused(deps: FeedOpsDeps, guildId: string, subscriptionId: number, paused: boolean): FeedsResult<Subscription> {
  const sub = await deps.store.getSubscription(guildId, subscriptionId);
  if (sub === undefined || !(await deps.store.setSubscriptionPaused(guildId, subscriptionId, paused))) return failure('UNKNOWN_FEED');
  if (!paused) {
    const feed = await deps.store.getFeed(sub.feedId);
    if (feed?.disabled) await deps.store.enableFeed(feed.id, deps.now());
  }
  deps.logger.info({ guildId, subscriptionId, paused }, 'feed subscription paused state changed');
  return ok({ ...sub, paused });
}
