// PostgreSQL only: saveStoryAssignments locks the clustering lease's row while it checks it, so a worker whose
// lease is being taken over (the other worker's statement not yet committed) waits for it and then writes nothing,
// instead of reading the old row, finding the lease still its own and saving alongside the new holder. (SQLite
// has one writer at a time: its check cannot interleave with a takeover.)
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/index.js';
import { DAY, analysisOf, article } from '../store/fixtures.js';
import { engines, openStore, subscribedFeed } from './harness.js';

const postgres = engines().find((e) => e.name === 'postgres');

describe.runIf(postgres !== undefined)('story assignments and a lease taken over meanwhile [postgres]', () => {
  const cleanup: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c();
  });

  it('a save that checks the lease while another worker takes it over waits, then writes nothing', async () => {
    const db = await (postgres as NonNullable<typeof postgres>).setup();
    cleanup.push(async () => db.dispose());
    const store: Store = await openStore(db.url, db.pgSchema);
    cleanup.push(async () => store.close());
    const { feed } = await subscribedFeed(store, 'https://mine.example/');
    await store.insertArticles(feed.id, [article('l1', DAY, 'TASS')], { eligible: true, now: 2 * DAY });
    await store.saveAnalyses([{ articleId: 'l1', analysis: analysisOf({ NATO: 0.1 }) }], { modelVersion: 'v', now: 1 });
    const lease = { name: 'story-clustering', owner: 'w1' };
    expect(await store.acquireLease(lease.name, 'w1', 100, 50)).toBe(true);

    const other = new pg.Client({ connectionString: db.url });
    await other.connect();
    cleanup.push(async () => other.end());
    await other.query(`set search_path to ${db.pgSchema}`);
    await other.query('begin');
    // w2 takes the lease over (as a forced takeover would); not committed yet.
    await other.query('update job_leases set owner = $1, until = $2 where name = $3', ['w2', 1000, lease.name]);
    const saving = store.saveStoryAssignments([{ articleId: 'l1', storyId: 'l1', created: true, similarity: 1 }], { now: 120, lease });
    await new Promise((r) => setTimeout(r, 300));
    await other.query('commit');

    expect(await saving).toEqual({ ok: false, error: 'lease-lost' });
    expect((await store.unclusteredArticles(10)).map((d) => d.id)).toEqual(['l1']);
  });
});
