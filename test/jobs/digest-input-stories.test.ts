// loadDigestInput's "Stories across outlets" section selects stories on the digest's own time basis, as every
// other section: an article new to the server and first stored in the period brings its story in (even one
// published earlier, fetched late), while a new feed's backlog, stored in the period as already seen, brings none.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { loadDigestInput } from '../../src/jobs/digest-input.js';
import type { Store } from '../../src/store/index.js';
import { DAY, analysisOf, article } from '../store/fixtures.js';
import { openStore } from '../store/harness.js';
import { seedFeed } from './digest-seed.js';

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanup.splice(0)) await c();
});

async function seeded(): Promise<Store> {
  const dir = mkdtempSync(join(tmpdir(), 'sw-stories-input-'));
  const store = await openStore(`sqlite:${join(dir, 'sw.db')}`);
  cleanup.push(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const feed = await seedFeed(store, 'g');
  // [id, published, outlet, first stored, new to the server]
  const items: Array<[string, number, string, number, boolean]> = [
    ['late-tass', DAY - 6 * 3_600_000, 'TASS', DAY + 1, true],
    ['late-rt', DAY - 5 * 3_600_000, 'RT', DAY + 2, true],
    ['backlog-cgtn', DAY + 10, 'CGTN', DAY + 3, false],
    ['backlog-xinhua', DAY + 11, 'Xinhua', DAY + 3, false],
  ];
  for (const [id, at, outlet, now, eligible] of items) {
    await store.insertArticles(feed, [article(id, at, outlet)], { eligible, now });
    await store.saveAnalysis(id, analysisOf({ NATO: 0.1 }), { modelVersion: 't', now });
  }
  const joined = (articleId: string, storyId: string) => ({ articleId, storyId, created: articleId === storyId, similarity: 0.5 });
  const saved = await store.saveStoryAssignments([joined('late-tass', 'late-tass'), joined('late-rt', 'late-tass'),
    joined('backlog-cgtn', 'backlog-cgtn'), joined('backlog-xinhua', 'backlog-cgtn')], { now: DAY + 4 });
  expect(saved).toEqual({ ok: true, value: { saved: 4 } });
  return store;
}

it('a digest\'s stories are those with an article new to the server in the period, a new feed\'s backlog left out', async () => {
  const store = await seeded();
  const query = { guildId: 'g', period: { from: DAY, to: 2 * DAY }, timeZone: 'UTC', actors: ['NATO'], articlesPerActor: 2, stories: true };
  const digest = await loadDigestInput(store, { ...query, newOnly: true });
  expect(digest.stories?.map((s) => [s.id, s.outlets, s.articles])).toEqual([['late-tass', 2, 2]]);
  // /summary-style input (published time) still selects by publication.
  const published = await loadDigestInput(store, query);
  expect(published.stories?.map((s) => s.id)).toEqual(['backlog-cgtn']);
});
