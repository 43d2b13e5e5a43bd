// RefreshFeed: fetch the feed, store what is new, analyse it, and plan the next check. Expected failures
// (404, broken XML, timeouts) are recorded on the feed and never thrown: one bad feed never stops a poll.
import type { Logger } from 'pino';
import { hostOf } from '../core/feed-url.js';
import { planNextCheck, type CheckResult, type ScheduleConfig } from '../core/schedule.js';
import type { FeedItem } from '../core/types.js';
import type { Fetcher, FetchError, FetchOutcome } from '../ingest/index.js';
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

export async function refreshFeed(feed: Feed, deps: RefreshDeps): Promise<RefreshResult> {
  const log = deps.logger.child({ feedId: feed.id, url: feed.url });
  const outcome = await deps.fetcher.fetchFeed(feed.url, validatorsOf(feed));
  deps.onOutcome?.(outcome.kind === 'error' ? outcome.code : outcome.kind);
  switch (outcome.kind) {
    case 'not-modified':
      await recordNotModified(feed, outcome, deps);
      log.debug('feed not modified');
      return { kind: 'not-modified' };
    case 'error':
      return recordFailure(feed, outcome, deps, log);
    case 'ok':
      return storeNewItems(feed, outcome, deps, log);
  }
}

function validatorsOf(feed: Feed): { etag?: string; lastModified?: string } {
  return { ...(feed.etag ? { etag: feed.etag } : {}), ...(feed.lastModified ? { lastModified: feed.lastModified } : {}) };
}

function plan(feed: Feed, result: CheckResult, deps: RefreshDeps): ReturnType<typeof planNextCheck> {
  return planNextCheck(result, feed.errorCount, deps.now(), deps.random(), deps.settings.schedule);
}

async function recordNotModified(feed: Feed, outcome: Extract<FetchOutcome, { kind: 'not-modified' }>, deps: RefreshDeps): Promise<void> {
  const next = plan(feed, { kind: 'success', hints: outcome.cacheHints }, deps);
  await deps.store.recordFetchNotModified(feed.id, { now: deps.now(), nextCheckAt: next.nextCheckAt });
}

async function recordFailure(feed: Feed, error: FetchError, deps: RefreshDeps, log: Logger): Promise<RefreshResult> {
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

async function storeNewItems(feed: Feed, outcome: Extract<FetchOutcome, { kind: 'ok' }>, deps: RefreshDeps, log: Logger): Promise<RefreshResult> {
  const now = deps.now();
  const feedId = outcome.permanentRedirectTo ? await followMove(feed, outcome.permanentRedirectTo, deps, log) : feed.id;
  const outlet = outcome.feed.title || hostOf(feed.url);
  const fresh = outcome.feed.items.filter((item) => item.published === undefined || item.published >= now - deps.settings.maxItemAgeMs);
  const articles = fresh.map((item) => toNewArticle(item, outlet));
  const newIds = await storeAnalysed(feedId, feed, articles, now, deps, log);
  const next = plan(feed, { kind: 'success', hints: outcome.cacheHints }, deps);
  await deps.store.recordFetchSuccess(feedId, {
    now,
    nextCheckAt: next.nextCheckAt,
    etag: outcome.validators.etag ?? null,
    lastModified: outcome.validators.lastModified ?? null,
    title: outcome.feed.title || null,
    siteLink: outcome.feed.link ?? null,
  });
  log.info({ items: outcome.feed.items.length, fresh: fresh.length, newArticles: newIds.length, primed: feed.primed, warnings: outcome.warnings.length }, 'feed refreshed');
  return { kind: 'stored', newArticles: newIds.length, items: outcome.feed.items.length };
}

/**
 * Analyses the items not stored yet, then stores the items and those analyses in one transaction. When the
 * analysis fails, the items are stored without it (the pending queue analyses them later) and the error goes on.
 */
async function storeAnalysed(feedId: number, feed: Feed, articles: NewArticle[], now: number, deps: RefreshDeps, log: Logger): Promise<string[]> {
  const unseen = await deps.store.unseenArticles(articles);
  const insert = { eligible: feed.primed, now };
  let prepared: Prepared;
  try {
    prepared = await deps.analysis.prepareNew(unseen, feed.fullText, log);
  } catch (error) {
    await deps.store.insertArticles(feedId, articles, insert);
    throw error;
  }
  const withText = new Map(prepared.articles.map((a) => [a.id, a]));
  return deps.store.insertArticles(feedId, articles.map((a) => withText.get(a.id) ?? a), { ...insert, analyses: prepared.analyses });
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
