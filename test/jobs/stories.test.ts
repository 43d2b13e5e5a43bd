// The story-clustering pass on a real SQLite store: two outlets' articles about one event end in one story,
// unrelated articles stay apart, a rerun changes nothing, a pass stopped between batches and resumed gives the
// same stories as one uninterrupted pass, and a pass waits for the lease another worker holds.
import { afterEach, expect, it } from 'vitest';
import { runStoryClustering, STORY_LEASE, type StoryStepDeps } from '../../src/jobs/stories.js';
import type { Store } from '../../src/store/index.js';
import { silent, tempStore } from './fixtures.js';
import { EVENT_ARTICLES, seedArticles, SYNTHETIC_ANALYSIS, syntheticEvents } from './story-seed.js';

const HOUR = 3_600_000;
const START = Date.UTC(2026, 2, 2);
const stores: Store[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

async function world(): Promise<{ store: Store; feedId: number }> {
  const store = await tempStore();
  stores.push(store);
  const { feed } = await store.addFeed({ url: 'https://feed.example/', nextCheckAt: 0, now: 0 });
  await store.subscribe({ guildId: 'g1', feedId: feed.id, channelId: 'c1', name: 'feed', createdBy: 'test', now: 0 });
  return { store, feedId: feed.id };
}

const deps = (store: Store, owner = 'w1', extra: Partial<StoryStepDeps> = {}): StoryStepDeps =>
  ({ store, logger: silent, now: () => START + 100 * HOUR, owner, windowMs: 72 * HOUR, ...extra });

/** article id -> story id, for every article in a story. */
async function storyOf(store: Store, ids: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const seen = new Set<string>();
  for (const id of ids) {
    if (out.has(id)) continue;
    const stories = await store.storiesForGuild({ guildId: 'g1', from: 0, to: START + 10_000 * HOUR, limit: 10_000 });
    for (const s of stories) {
      if (seen.has(s.id)) continue;
      seen.add(s.id);
      for (const m of await store.storyMembers(s.id)) out.set(m.id, s.id);
    }
  }
  return out;
}

it('puts two outlets\' articles about one event in one story and unrelated articles apart; a rerun changes nothing', async () => {
  const { store, feedId } = await world();
  await seedArticles(store, feedId, EVENT_ARTICLES, START);
  const report = await runStoryClustering(deps(store));
  expect(report).toMatchObject({ clustered: EVENT_ARTICLES.length, skipped: false, leaseLost: false });
  const story = await storyOf(store, EVENT_ARTICLES.map((a) => a.id));
  expect(story.size).toBe(EVENT_ARTICLES.length);
  // Same event, same story (its first article's id); different events or none, different stories.
  for (const a of EVENT_ARTICLES) {
    for (const b of EVENT_ARTICLES) {
      const same = a.event !== null && a.event === b.event;
      expect(story.get(a.id) === story.get(b.id), `${a.id} / ${b.id}`).toBe(same || a.id === b.id);
    }
  }
  expect(story.get('quake-harmony')).toBe('quake-wire');
  expect(story.get('summit-harmony')).toBe('summit-compass');
  expect(await store.getStory('quake-wire')).toMatchObject({ articleCount: 3, outletCount: 3, title: EVENT_ARTICLES[0]?.title });
  expect(report.created).toBe(4);

  expect(await runStoryClustering(deps(store))).toEqual({ clustered: 0, created: 0, batches: 0, skipped: false, leaseLost: false });
  expect(await storyOf(store, EVENT_ARTICLES.map((a) => a.id))).toEqual(story);
  expect(await store.getLease(STORY_LEASE)).toBeUndefined();
});

it('clusters late articles into the stories already stored (the index rebuilt from the stored members)', async () => {
  const { store, feedId } = await world();
  const early = EVENT_ARTICLES.filter((a) => a.hour <= 2);
  const late = EVENT_ARTICLES.filter((a) => a.hour > 2);
  await seedArticles(store, feedId, early, START);
  await runStoryClustering(deps(store));
  await seedArticles(store, feedId, late, START);
  expect(await runStoryClustering(deps(store))).toMatchObject({ clustered: late.length, created: 2 });
  const story = await storyOf(store, EVENT_ARTICLES.map((a) => a.id));
  expect(story.get('quake-harmony')).toBe('quake-wire');
  expect(story.get('summit-harmony')).toBe('summit-compass');
  expect(new Set(story.values()).size).toBe(4);
});

it('gives the same stories when a pass is stopped between batches and a later pass resumes', async () => {
  const articles = syntheticEvents(60, 3, 0.5);
  const one = await world();
  await seedArticles(one.store, one.feedId, articles, START, undefined, SYNTHETIC_ANALYSIS);
  expect(await runStoryClustering(deps(one.store, 'w1', { batchSize: 20 }))).toMatchObject({ clustered: articles.length, batches: 9 });
  const whole = await storyOf(one.store, articles.map((a) => a.id));

  const two = await world();
  await seedArticles(two.store, two.feedId, articles, START, undefined, SYNTHETIC_ANALYSIS);
  let batches = 0;
  const stopAfter = (n: number) => () => batches++ >= n;
  // Stopped after 40 articles: event 13 has one article stored, two to come.
  const first = await runStoryClustering(deps(two.store, 'w1', { batchSize: 20 }), stopAfter(2));
  expect(first.clustered).toBe(40);
  expect(await runStoryClustering(deps(two.store, 'w2', { batchSize: 20 }))).toMatchObject({ clustered: articles.length - 40 });
  expect(await storyOf(two.store, articles.map((a) => a.id))).toEqual(whole);
  // The synthetic events are told apart: one story each.
  expect(new Set(whole.values()).size).toBe(60);
});

it('skips the pass while another worker holds the lease, and stops when the lease is taken over mid-pass', async () => {
  const { store, feedId } = await world();
  await seedArticles(store, feedId, syntheticEvents(20, 3), START, undefined, SYNTHETIC_ANALYSIS);
  const now = START + 100 * HOUR;
  expect(await store.acquireLease(STORY_LEASE, 'other', now, 60_000)).toBe(true);
  expect(await runStoryClustering(deps(store))).toMatchObject({ skipped: true, clustered: 0 });
  await store.releaseLease(STORY_LEASE, 'other');
  // After w1's first batch its clock jumps past its lease and 'other' takes the lease over (its statement is
  // issued before w1's renewal, on the same connection).
  let t = now;
  let calls = 0;
  const jumping = deps(store, 'w1', { batchSize: 10, leaseMs: 1000, now: () => t });
  const pass = runStoryClustering(jumping, () => {
    if (++calls === 2) {
      t += 5000;
      void store.acquireLease(STORY_LEASE, 'other', t, 60_000);
    }
    return false;
  });
  const report = await pass;
  expect(report.leaseLost).toBe(true);
  expect(report.clustered).toBe(10);
  expect((await store.unclusteredArticles(100)).length).toBe(50);
  expect((await store.getLease(STORY_LEASE))?.owner).toBe('other');
});

it('an article fetched late, published before a stored story began, still joins that story (and no unrelated one)', async () => {
  const { store, feedId } = await world();
  const late = ['quake-wire', 'summit-compass'];
  // The wire's quake report (hour 0) and the summit's first report (hour 1) come in after the others were clustered.
  await seedArticles(store, feedId, EVENT_ARTICLES.filter((a) => !late.includes(a.id)), START);
  await runStoryClustering(deps(store));
  await seedArticles(store, feedId, EVENT_ARTICLES.filter((a) => late.includes(a.id)), START);
  const report = await runStoryClustering(deps(store));
  expect(report).toMatchObject({ clustered: 2, created: 0 });
  const story = await storyOf(store, EVENT_ARTICLES.map((a) => a.id));
  expect(story.get('quake-wire')).toBe(story.get('quake-harmony'));
  expect(story.get('quake-wire')).toBe(story.get('quake-ledger'));
  expect(story.get('summit-compass')).toBe(story.get('summit-harmony'));
  expect(story.get('quake-wire')).not.toBe(story.get('summit-compass'));
  expect(new Set(story.values()).size).toBe(4);
});

it('a late article is compared only with stories whose window holds it', async () => {
  const { store, feedId } = await world();
  const quake = EVENT_ARTICLES.filter((a) => a.event === 'quake');
  // The same report published 100 h before the stored story began is outside its 72 h window: a story of its own.
  await seedArticles(store, feedId, quake.filter((a) => a.id !== 'quake-wire'), START + 100 * HOUR);
  await runStoryClustering(deps(store));
  await seedArticles(store, feedId, quake.filter((a) => a.id === 'quake-wire'), START - 3 * HOUR);
  expect(await runStoryClustering(deps(store))).toMatchObject({ clustered: 1, created: 1 });
});
