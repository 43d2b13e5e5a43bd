// Two workers clustering the same database at once (each its own store and connection pool; PostgreSQL when
// TEST_DATABASE_URL is set, and SQLite). Each worker's clock now and then jumps a second ahead, past the other's
// half-second lease, so passes keep taking the lease over from each other mid-pass. No article is ever clustered
// twice, every article ends in exactly one story, and the stored stories are consistent (each story holds its
// first article; its figures are its members').
import { expect, it } from 'vitest';
import { runStoryClustering } from '../../src/jobs/stories.js';
import type { Store } from '../../src/store/index.js';
import { describeStoreContract } from '../store/harness.js';
import { silent } from './fixtures.js';
import { seedArticles, SYNTHETIC_ANALYSIS, syntheticEvents } from './story-seed.js';

const START = Date.UTC(2026, 2, 2);
const HOUR = 3_600_000;

/** The real clock, one reading in ten a second ahead (a seeded sequence: the same jumps every run). */
function jumpyClock(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1_103_515_245 + 12_345) % 2 ** 31;
    return Date.now() + (x % 10 === 0 ? 1000 : 0);
  };
}

/** Runs passes until nothing is left to cluster; counts the passes that lost the lease midway. */
async function worker(store: Store, owner: string, seed: number): Promise<{ passes: number; lost: number; clustered: number }> {
  const tally = { passes: 0, lost: 0, clustered: 0 };
  const now = jumpyClock(seed);
  for (let idle = 0; idle < 3;) {
    const report = await runStoryClustering({ store, logger: silent, now, owner, windowMs: 72 * HOUR, batchSize: 10, leaseMs: 500 });
    tally.passes++;
    tally.clustered += report.clustered;
    if (report.leaseLost) tally.lost++;
    if (report.clustered === 0 && !report.leaseLost && !report.skipped) idle++;
    if (report.skipped || report.leaseLost) await new Promise((r) => setTimeout(r, 5));
  }
  return tally;
}

describeStoreContract('story clustering by two workers at once', (h) => {
  it('never clusters an article twice and leaves every article in exactly one consistent story', async () => {
    const { store } = h();
    const other = await h().openAnother();
    const { feed } = await store.addFeed({ url: 'https://feed.example/', nextCheckAt: 0, now: 0 });
    await store.subscribe({ guildId: 'g1', feedId: feed.id, channelId: 'c1', name: 'feed', createdBy: 'test', now: 0 });
    const articles = syntheticEvents(100, 4, 0.25);
    await seedArticles(store, feed.id, articles, START, undefined, SYNTHETIC_ANALYSIS);

    const [a, b] = await Promise.all([worker(store, 'w1', 1), worker(other, 'w2', 2)]);
    // Both worked, and the short lease was lost mid-pass: the workers really contended.
    expect(a.clustered).toBeGreaterThan(0);
    expect(b.clustered).toBeGreaterThan(0);
    expect(a.lost + b.lost).toBeGreaterThan(0);
    expect(a.clustered + b.clustered).toBe(articles.length);
    expect(await store.unclusteredArticles(10)).toEqual([]);

    const stories = await store.storiesForGuild({ guildId: 'g1', from: 0, to: START + 1000 * HOUR, limit: 10_000 });
    const seen = new Map<string, string>();
    for (const s of stories) {
      const members = await store.storyMembers(s.id);
      expect(members.map((m) => m.id), `story ${s.id} holds its first article`).toContain(s.id);
      expect(await store.getStory(s.id)).toMatchObject({ articleCount: members.length, outletCount: new Set(members.map((m) => m.outlet)).size });
      for (const m of members) {
        expect(seen.get(m.id), `${m.id} in one story`).toBeUndefined();
        seen.set(m.id, s.id);
      }
    }
    expect(seen.size).toBe(articles.length);
  }, 120_000);
});
