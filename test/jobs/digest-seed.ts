// Seeds a server with stored, analysed articles (fixed scores) for digest, summary and alert tests.
import type { Store } from '../../src/store/index.js';
import { analysisOf, article } from '../store/fixtures.js';

export interface SeedArticle {
  id: string;
  publishedAt: number;
  outlet?: string;
  scores: Record<string, number>;
  framing?: Record<string, number>;
  /** false: a new feed's backlog (never "new" in digests and alerts). Default true. */
  eligible?: boolean;
  /** When the analysis was stored. Default publishedAt. */
  analysedAt?: number;
}

/** One feed subscribed by `guildId` (channel `${guildId}-feeds`); returns the feed id. */
export async function seedFeed(store: Store, guildId: string, url = `https://news.example/${guildId}.xml`): Promise<number> {
  const { feed } = await store.addFeed({ url, nextCheckAt: 0, now: 0 });
  const sub = await store.subscribe({ guildId, feedId: feed.id, channelId: `${guildId}-feeds`, name: url, createdBy: 'seed', now: 0 });
  if (!sub.ok) throw new Error('subscribe failed');
  return feed.id;
}

export async function seedArticles(store: Store, feedId: number, items: SeedArticle[]): Promise<void> {
  for (const a of items) {
    await store.insertArticles(feedId, [article(a.id, a.publishedAt, a.outlet ?? 'Outlet')], { eligible: a.eligible ?? true, now: a.publishedAt });
    await store.saveAnalysis(a.id, analysisOf(a.scores, a.framing ?? {}), { modelVersion: 'test', now: a.analysedAt ?? a.publishedAt });
  }
}
