// One poll cycle: claim due feeds under a lease (so several workers never refresh the same feed), refresh them
// with a global and a per-host concurrency limit, renew leases while work runs, release them when done.
import type { Logger } from 'pino';
import type { Feed, Store } from '../store/index.js';
import { createKeyedLimiter } from './limiter.js';
import { hostOf } from '../core/feed-url.js';
import { refreshFeed, type RefreshDeps, type RefreshResult } from './refresh.js';

export interface PollSettings {
  owner: string;
  batchSize: number;
  leaseMs: number;
  concurrency: number;
  perHostConcurrency: number;
}

export interface CycleReport {
  claimed: number;
  stored: number;
  notModified: number;
  failed: number;
  newArticles: number;
  /** Refreshes that threw (a bug or a database outage), counted and logged, never fatal to the cycle. */
  crashed: number;
}

export interface Poller {
  /** Runs one cycle: claims every due feed in batches until none is left or `stopping()` says stop. */
  cycle(stopping: () => boolean): Promise<CycleReport>;
}

export function createPoller(store: Store, refresh: RefreshDeps, settings: PollSettings, logger: Logger): Poller {
  const limiter = createKeyedLimiter(settings.concurrency, settings.perHostConcurrency);
  /** Feeds claimed and not finished yet, queued or running: their leases are renewed until they are done. */
  const held = new Set<number>();

  const refreshOne = async (feed: Feed, report: CycleReport): Promise<void> => {
    try {
      count(report, await refreshFeed(feed, refresh));
      await store.releaseFeedLease(feed.id, settings.owner);
    } catch (error) {
      // The lease is kept: it expires after leaseMs, which spaces out retries of a feed that keeps crashing.
      report.crashed++;
      logger.error({ err: error, feedId: feed.id }, 'feed refresh crashed');
    } finally {
      held.delete(feed.id);
    }
  };

  const renewLeases = async (): Promise<void> => {
    const until = refresh.now() + settings.leaseMs;
    for (const id of held) await store.renewFeedLease(id, settings.owner, until).catch(() => false);
  };

  return {
    async cycle(stopping) {
      const report: CycleReport = { claimed: 0, stored: 0, notModified: 0, failed: 0, newArticles: 0, crashed: 0 };
      const renewal = setInterval(() => void renewLeases(), Math.max(1000, settings.leaseMs / 3));
      renewal.unref();
      try {
        while (!stopping()) {
          const feeds = await store.claimDueFeeds({ owner: settings.owner, now: refresh.now(), leaseMs: settings.leaseMs, limit: settings.batchSize });
          if (feeds.length === 0) break;
          report.claimed += feeds.length;
          for (const feed of feeds) held.add(feed.id);
          await Promise.all(feeds.map((feed) => limiter.run(hostOf(feed.url), () => refreshOne(feed, report))));
          if (feeds.length < settings.batchSize) break;
        }
      } finally {
        clearInterval(renewal);
      }
      return report;
    },
  };
}

function count(report: CycleReport, result: RefreshResult): void {
  if (result.kind === 'stored') {
    report.stored++;
    report.newArticles += result.newArticles;
  } else if (result.kind === 'not-modified') report.notModified++;
  else report.failed++;
}
