// RefreshFeed: fetch the feed (HTTP only), parse it, keep the fresh items, analyse the new ones, store them, and
// plan the next check. Expected failures (404, broken XML, timeouts) are recorded on the feed and never thrown:
// one bad feed never stops a poll.
import type { Logger } from 'pino';
import { hostOf } from '../core/feed-url.js';
import { planNextCheck, type CheckResult, type ScheduleConfig } from '../core/feed-check-schedule.js';
import type { FeedItem, ParsedFeed } from '../core/types.js';
import type { Fetched, Fetcher, FetchError, Parsed } from '../ingest/index.js';
import type { Feed, NewArticle, Store } from '../store/index.js';
import type { AnalysisRunner, Prepared } from './analysis.js';
import { announceDisabledFeed } from './notices.js';

export interface RefreshSettings {
  schedule: ScheduleConfig;
  /** Items published earlier than now - maxItemAgeMs are skipped. */
  maxItemAgeMs: number;
}

export interface RefreshDeps {
  store: Store;
  fetcher: Fetcher;
  analysis: AnalysisRunner;
  settings: RefreshSettings;
  logger: Logger;
  now: () => number;
  /** Jitter source in [0, 1). */
  random: () => number;
  /** Told each fetch outcome: 'ok', 'not-modified' or the error code (metrics). */
  onOutcome?: (kind: string) => void;
}

export type RefreshResult =
  | { kind: 'stored'; newArticles: number; items: number }
  | { kind: 'not-modified' }
  | { kind: 'failed'; code: string; disabled: boolean };

/** Fetch (HTTP only), parse, keep the fresh items, analyse the new ones, store them, plan the next check. */
export async function refreshFeed(feed: Feed, deps: RefreshDeps): Promise<RefreshResult> {
  const log = deps.logger.child({ feedId: feed.id, url: feed.url });
  const fetched = await deps.fetcher.fetchDocument(feed.url, validatorsOf(feed));
  if (fetched.kind === 'not-modified') return recordNotModified(feed, fetched, deps, log);
  if (fetched.kind === 'error') return recordFailure(feed, fetched, deps, log);
  const parsed = await deps.fetcher.parseDocument(fetched);
  if (parsed.kind === 'error') return recordFailure(feed, parsed, deps, log);
  deps.onOutcome?.('ok');
  const now = deps.now();
  const feedId = parsed.permanentRedirectTo ? await followMove(feed, parsed.permanentRedirectTo, deps, log) : feed.id;
  const articles = freshItems(parsed.feed, deps.settings.maxItemAgeMs, now).map((item) => toNewArticle(item, outletOf(parsed.feed, feed)));
  const prepared = await analyseNew(feedId, feed, articles, now, deps, log);
  const newIds = await storeArticles(feedId, feed, articles, prepared, now, deps);
  await recordSuccess(feedId, parsed, plan(feed, { kind: 'success', hints: parsed.cacheHints }, deps), now, deps);
  log.info({ items: parsed.feed.items.length, fresh: articles.length, newArticles: newIds.length, primed: feed.primed, warnings: parsed.warnings.length }, 'feed refreshed');
  return { kind: 'stored', newArticles: newIds.length, items: parsed.feed.items.length };
}

function validatorsOf(feed: Feed): { etag?: string; lastModified?: string } {
  return { ...(feed.etag ? { etag: feed.etag } : {}), ...(feed.lastModified ? { lastModified: feed.lastModified } : {}) };
}

function plan(feed: Feed, result: CheckResult, deps: RefreshDeps): ReturnType<typeof planNextCheck> {
  return planNextCheck(result, feed.errorCount, deps.now(), deps.random(), deps.settings.schedule);
}

async function recordNotModified(feed: Feed, fetched: Extract<Fetched, { kind: 'not-modified' }>, deps: RefreshDeps, log: Logger): Promise<RefreshResult> {
  deps.onOutcome?.('not-modified');
  const next = plan(feed, { kind: 'success', hints: fetched.cacheHints }, deps);
  await deps.store.recordFetchNotModified(feed.id, { now: deps.now(), nextCheckAt: next.nextCheckAt });
  log.debug('feed not modified');
  return { kind: 'not-modified' };
}

async function recordFailure(feed: Feed, error: FetchError, deps: RefreshDeps, log: Logger): Promise<RefreshResult> {
  deps.onOutcome?.(error.code);
  const next = plan(feed, { kind: 'failure', retryAfterMs: error.retryAfterMs, disable: error.disable }, deps);
  const outcome = await deps.store.recordFetchFailure(feed.id, {
    now: deps.now(),
    code: error.code,
    message: error.message,
    nextCheckAt: next.nextCheckAt,
    disable: next.disable,
    disableAfter: deps.settings.schedule.disableAfterErrors,
  });
  log.warn({ code: error.code, status: error.status, errorCount: outcome.errorCount, disabled: outcome.disabled }, 'feed fetch failed');
  if (outcome.newlyDisabled) await announceDisabledFeed(feed, error, deps.store, deps.now());
  return { kind: 'failed', code: error.code, disabled: outcome.disabled };
}

/** Items published within the last maxItemAgeMs, and those without a date. */
function freshItems(parsed: ParsedFeed, maxItemAgeMs: number, now: number): FeedItem[] {
  return parsed.items.filter((item) => item.published === undefined || item.published >= now - maxItemAgeMs);
}

function outletOf(parsed: ParsedFeed, feed: Feed): string {
  return parsed.title || hostOf(feed.url);
}

/**
 * Analyses the articles not stored yet. When the analysis fails, the articles are stored without it (the pending
 * queue analyses them later) and the error goes on.
 */
async function analyseNew(feedId: number, feed: Feed, articles: NewArticle[], now: number, deps: RefreshDeps, log: Logger): Promise<Prepared> {
  const unseen = await deps.store.unseenArticles(articles);
  try {
    return await deps.analysis.prepareNew(unseen, feed.fullText, log);
  } catch (error) {
    await deps.store.insertArticles(feedId, articles, { eligible: feed.primed, now });
    throw error;
  }
}

/** Stores the articles (with full text where it was fetched) and their analyses in one transaction; the new ids. */
async function storeArticles(feedId: number, feed: Feed, articles: NewArticle[], prepared: Prepared, now: number, deps: RefreshDeps): Promise<string[]> {
  const withText = new Map(prepared.articles.map((a) => [a.id, a]));
  return deps.store.insertArticles(feedId, articles.map((a) => withText.get(a.id) ?? a), { eligible: feed.primed, now, analyses: prepared.analyses });
}

async function recordSuccess(feedId: number, parsed: Extract<Parsed, { kind: 'ok' }>, next: { nextCheckAt: number }, now: number, deps: RefreshDeps): Promise<void> {
  await deps.store.recordFetchSuccess(feedId, {
    now,
    nextCheckAt: next.nextCheckAt,
    etag: parsed.validators.etag ?? null,
    lastModified: parsed.validators.lastModified ?? null,
    title: parsed.feed.title || null,
    siteLink: parsed.feed.link ?? null,
  });
}

async function followMove(feed: Feed, to: string, deps: RefreshDeps, log: Logger): Promise<number> {
  const moved = await deps.store.moveFeedUrl(feed.id, to);
  log.info({ to, merged: moved.merged, into: moved.feedId }, 'feed moved permanently');
  return moved.feedId;
}

function toNewArticle(item: FeedItem, outlet: string): NewArticle {
  return {
    id: item.id,
    link: item.link ?? null,
    outlet,
    title: item.title,
    publishedAt: item.published ?? null,
    text: item.content || item.summary || '',
  };
}
