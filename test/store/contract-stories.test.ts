// Stories across outlets in the store: the articles waiting for a story, saving assignments (one story per
// article, idempotent, fenced by the clustering lease), rebuilding from recent members, and the per-server reads
// the Discord commands use (stories in a window, one story's members with stances and voices, title search).
import { expect, it } from 'vitest';
import type { StoryAssignment } from '../../src/core/story-types.js';
import type { ArticleAnalysis, VoiceStance } from '../../src/core/types.js';
import type { Store } from '../../src/store/index.js';
import { DAY, analysisOf, article, labelOf } from './fixtures.js';
import { describeStoreContract, subscribedFeed } from './harness.js';

const meta = { modelVersion: 'v', now: 1 };
const HOUR = 3_600_000;

const joined = (articleId: string, storyId: string, similarity = 0.5): StoryAssignment => ({ articleId, storyId, created: articleId === storyId, similarity: articleId === storyId ? 1 : similarity });

function voice(speaker: string, actor: string, score: number, speakerActor?: string): VoiceStance {
  return { speaker, ...(speakerActor ? { speakerActor } : {}), actor, label: labelOf(score), score, evidence: [] };
}

async function feedIn(store: Store, guild: string, name: string): Promise<number> {
  return (await subscribedFeed(store, `https://${name}.example/`, guild)).feed.id;
}

/** Stores analysed articles [id, published, outlet, scores] in the feed. */
async function analysed(store: Store, feedId: number, items: Array<[string, number, string, Record<string, number>?]>, analysis?: (id: string) => ArticleAnalysis): Promise<void> {
  await store.insertArticles(feedId, items.map(([id, at, outlet]) => article(id, at, outlet)), { eligible: true, now: 30 * DAY });
  await store.saveAnalyses(items.map(([id, , , scores]) => ({ articleId: id, analysis: analysis?.(id) ?? analysisOf(scores ?? { NATO: 0.1 }) })), meta);
}

const ids = (docs: Array<{ id: string }>) => docs.map((d) => d.id);

describeStoreContract('stories', (h) => {
  it('lists the analysed articles not in a story yet in (published, id) order, with a lead and the actors most mentioned first', async () => {
    const { store } = h();
    const f = await feedIn(store, 'g1', 'f');
    const long = { ...article('long', 2 * DAY, 'RT'), text: 'word '.repeat(400) };
    await store.insertArticles(f, [article('b', DAY, 'TASS'), article('a', DAY, 'Reuters'), long, article('pending', DAY)], { eligible: true, now: 3 * DAY });
    const analysis = analysisOf({ NATO: -0.4, Russia: 0.3, China: 0.1 });
    analysis.actors = analysis.actors.map((a) => ({ ...a, mentions: a.actor === 'Russia' ? 5 : a.actor === 'China' ? 3 : 1 }));
    await store.saveAnalyses([{ articleId: 'a', analysis }, { articleId: 'b', analysis: analysisOf({}) }, { articleId: 'long', analysis: analysisOf({}) }], meta);
    const docs = await store.unclusteredArticles(10);
    expect(ids(docs)).toEqual(['a', 'b', 'long']);
    expect(docs[0]).toEqual({ id: 'a', outlet: 'Reuters', title: 'Title a', lead: 'Text of a', published: DAY, actors: ['Russia', 'China', 'NATO'] });
    expect(docs[2]?.lead).toHaveLength(600);
    expect(ids(await store.unclusteredArticles(1))).toEqual(['a']);
    expect(ids(await store.unclusteredArticles(10, { published: DAY, id: 'a' }))).toEqual(['b', 'long']);
    expect(ids(await store.unclusteredArticles(10, { published: DAY, id: 'b' }))).toEqual(['long']);
    await store.saveStoryAssignments([joined('a', 'a'), joined('b', 'a')], { now: 5 });
    expect(ids(await store.unclusteredArticles(10))).toEqual(['long']);
  });

  it('saves a batch in one go: each article in exactly one story, a second assignment of it a no-op, the figures kept', async () => {
    const { store } = h();
    const f = await feedIn(store, 'g1', 'f');
    await analysed(store, f, [['s1', DAY, 'TASS'], ['s2', DAY + HOUR, 'Reuters'], ['s3', DAY + 2 * HOUR, 'TASS'], ['s4', 2 * DAY, 'CGTN']]);
    expect(await store.saveStoryAssignments([joined('s1', 's1'), joined('s2', 's1', 0.7), joined('s3', 's1', 0.4)], { now: 7 })).toEqual({ ok: true, value: { saved: 3 } });
    expect(await store.getStory('s1')).toEqual({ id: 's1', title: 'Title s1', firstPublished: DAY, lastPublished: DAY + 2 * HOUR, articleCount: 3, outletCount: 2, updatedAt: 7 });
    // Replayed, or assigned elsewhere: nothing changes (s2 stays in s1, story s2 is not made).
    expect(await store.saveStoryAssignments([joined('s2', 's2'), joined('s3', 's1')], { now: 8 })).toEqual({ ok: true, value: { saved: 0 } });
    expect(await store.getStory('s2')).toBeUndefined();
    expect((await store.getStory('s1'))?.articleCount).toBe(3);
    // A repeated article in one batch counts once (the first assignment), an unknown article is skipped.
    expect(await store.saveStoryAssignments([joined('s4', 's1', 0.3), joined('s4', 's4'), joined('gone', 's1')], { now: 9 })).toEqual({ ok: true, value: { saved: 1 } });
    expect(await store.getStory('s1')).toMatchObject({ articleCount: 4, outletCount: 3, lastPublished: 2 * DAY, updatedAt: 9 });
    expect(ids(await store.storyMembers('s1'))).toEqual(['s1', 's2', 's3', 's4']);
  });

  it('writes nothing unless the clustering lease is still the caller\'s', async () => {
    const { store } = h();
    const f = await feedIn(store, 'g1', 'f');
    await analysed(store, f, [['l1', DAY, 'TASS'], ['l2', DAY, 'RT']]);
    const lease = { name: 'story-clustering', owner: 'w1' };
    expect(await store.saveStoryAssignments([joined('l1', 'l1')], { now: 100, lease })).toEqual({ ok: false, error: 'lease-lost' });
    expect(await store.acquireLease(lease.name, 'w1', 100, 50)).toBe(true);
    expect(await store.saveStoryAssignments([joined('l1', 'l1')], { now: 120, lease })).toEqual({ ok: true, value: { saved: 1 } });
    // Expired, then taken by another worker: w1's next batch is refused.
    expect(await store.saveStoryAssignments([joined('l2', 'l1')], { now: 150, lease })).toEqual({ ok: false, error: 'lease-lost' });
    expect(await store.acquireLease(lease.name, 'w2', 151, 50)).toBe(true);
    expect(await store.saveStoryAssignments([joined('l2', 'l1')], { now: 152, lease })).toEqual({ ok: false, error: 'lease-lost' });
    expect(ids(await store.unclusteredArticles(10))).toEqual(['l2']);
  });

  it('renews a job lease only while it is held without a break', async () => {
  const { store } = h();
  expect(await store.renewLease('story-clustering', 'w1', 0, 100)).toBe(false);
  expect(await store.acquireLease('story-clustering', 'w1', 0, 100)).toBe(true);
  expect(await store.renewLease('story-clustering', 'w1', 99, 100)).toBe(true);
  expect(await store.renewLease('story-clustering', 'w2', 100, 100)).toBe(false);
  expect((await store.getLease('story-clustering'))?.until).toBe(199);
  // Lapsed: not renewed, even when nobody took it (its holder may have missed another worker's writes).
  expect(await store.renewLease('story-clustering', 'w1', 199, 100)).toBe(false);
  expect(await store.acquireLease('story-clustering', 'w2', 200, 100)).toBe(true);
  expect(await store.renewLease('story-clustering', 'w1', 201, 100)).toBe(false);
});

it('gives back the members of the stories still open since an instant, page by page, to rebuild the index', async () => {
    const { store } = h();
    const f = await feedIn(store, 'g1', 'f');
    await analysed(store, f, [['old', DAY, 'TASS'], ['r1', 2 * DAY, 'TASS', { Russia: -0.3 }], ['r2', 5 * DAY, 'RT'], ['r3', 5 * DAY, 'CGTN'], ['n1', 6 * DAY, 'RT']]);
    await store.saveStoryAssignments([joined('old', 'old'), joined('r1', 'r1'), joined('r2', 'r1'), joined('r3', 'r3'), joined('n1', 'n1')], { now: 1 });
    const all = await store.recentStoryMembers(4 * DAY, { limit: 10 });
    // r1 was published before the instant but its story's last article after it: the whole story comes back.
    expect(all.map((m) => `${m.storyId}:${m.doc.id}`)).toEqual(['r1:r1', 'r1:r2', 'r3:r3', 'n1:n1']);
    expect(all[0]?.doc).toEqual({ id: 'r1', outlet: 'TASS', title: 'Title r1', lead: 'Text of r1', published: 2 * DAY, actors: ['Russia'] });
    const first = await store.recentStoryMembers(4 * DAY, { limit: 2 });
    const last = first[first.length - 1]?.doc as { id: string; published: number };
    const rest = await store.recentStoryMembers(4 * DAY, { limit: 2, after: { published: last.published, id: last.id } });
    expect([...first, ...rest].map((m) => m.doc.id)).toEqual(['r1', 'r2', 'r3', 'n1']);
  });

  it('lists a server\'s stories in a window with its own articles only, biggest first, filtered by actor or outlet', async () => {
    const { store } = h();
    const mine = await feedIn(store, 'g1', 'mine');
    const theirs = await feedIn(store, 'g2', 'theirs');
    await analysed(store, mine, [['m1', DAY + HOUR, 'TASS', { NATO: -0.5 }], ['m2', DAY + 2 * HOUR, 'Reuters', { NATO: 0.2 }], ['m3', DAY + 3 * HOUR, 'Reuters'],
      ['m4', 3 * DAY, 'CGTN', { China: 0.6 }], ['m5', 3 * DAY + HOUR, 'TASS', { China: 0.3 }], ['m6', 5 * DAY, 'RT']]);
    await analysed(store, theirs, [['t0', DAY, 'Xinhua'], ['t1', 3 * DAY, 'Xinhua'], ['t2', 3 * DAY, 'Global Times']]);
    await store.saveStoryAssignments([joined('t0', 't0'), joined('m1', 't0'), joined('m2', 't0'), joined('m3', 't0'),
      joined('t1', 't1'), joined('t2', 't1'), joined('m4', 't1'), joined('m5', 't1'), joined('m6', 'm6')], { now: 1 });
    const week = { guildId: 'g1', from: 0, to: 7 * DAY, limit: 10 };
    expect(await store.storiesForGuild(week)).toEqual([
      // The story's first article (t0) is another server's: g1 sees its own earliest headline and figures.
      { id: 't0', title: 'Title m1', firstPublished: DAY + HOUR, lastPublished: DAY + 3 * HOUR, articleCount: 3, outletCount: 2,
        outlets: [{ outlet: 'Reuters', articles: 2 }, { outlet: 'TASS', articles: 1 }] },
      { id: 't1', title: 'Title m4', firstPublished: 3 * DAY, lastPublished: 3 * DAY + HOUR, articleCount: 2, outletCount: 2,
        outlets: [{ outlet: 'CGTN', articles: 1 }, { outlet: 'TASS', articles: 1 }] },
      { id: 'm6', title: 'Title m6', firstPublished: 5 * DAY, lastPublished: 5 * DAY, articleCount: 1, outletCount: 1, outlets: [{ outlet: 'RT', articles: 1 }] },
    ]);
    expect((await store.storiesForGuild({ ...week, minOutlets: 2 })).map((s) => s.id)).toEqual(['t0', 't1']);
    expect((await store.storiesForGuild({ ...week, limit: 1 })).map((s) => s.id)).toEqual(['t0']);
    expect((await store.storiesForGuild({ ...week, actor: 'China' })).map((s) => s.id)).toEqual(['t1']);
    expect((await store.storiesForGuild({ ...week, outlet: 'TASS' })).map((s) => s.id)).toEqual(['t0', 't1']);
    // A story counts in the window when one of the server's articles is in it; its figures cover all of them.
    expect((await store.storiesForGuild({ ...week, from: DAY + 3 * HOUR, to: 2 * DAY }))).toMatchObject([{ id: 't0', articleCount: 3 }]);
    expect(await store.storiesForGuild({ ...week, guildId: 'nobody' })).toEqual([]);
    expect((await store.storiesForGuild({ ...week, guildId: 'g2' })).map((s) => `${s.id}:${s.articleCount}`)).toEqual(['t1:2', 't0:1']);
  });

  it('on the seen basis (digests) lists the stories with an article first stored in the window and new to the server', async () => {
    const { store } = h();
    const feed = await feedIn(store, 'g1', 'mine');
    // Published long before the window but first stored in it (a late fetch): it brings its story in.
    await store.insertArticles(feed, [article('late', DAY, 'TASS'), article('late2', DAY + HOUR, 'RT')], { eligible: true, now: 10 * DAY });
    // A new feed's backlog, stored in the window and published in it: it brings nothing in.
    await store.insertArticles(feed, [article('old', 10 * DAY, 'CGTN'), article('old2', 10 * DAY, 'Xinhua')], { eligible: false, now: 10 * DAY });
    // Stored before the window.
    await store.insertArticles(feed, [article('prev', 8 * DAY, 'BBC'), article('prev2', 8 * DAY, 'AP')], { eligible: true, now: 8 * DAY });
    await store.saveAnalyses(['late', 'late2', 'old', 'old2', 'prev', 'prev2'].map((id) => ({ articleId: id, analysis: analysisOf({ NATO: 0.1 }) })), meta);
    await store.saveStoryAssignments([joined('late', 'late'), joined('late2', 'late'), joined('old', 'old'), joined('old2', 'old'),
      joined('prev', 'prev'), joined('prev2', 'prev')], { now: 1 });
    const window = { guildId: 'g1', from: 9 * DAY, to: 11 * DAY, limit: 10 };
    expect((await store.storiesForGuild({ ...window, basis: 'seen' })).map((s) => s.id)).toEqual(['late']);
    expect((await store.storiesForGuild({ ...window, basis: 'seen', outlet: 'RT' })).map((s) => s.id)).toEqual(['late']);
    expect((await store.storiesForGuild(window)).map((s) => s.id)).toEqual(['old']);
  });

  it('reads one story\'s members with their stances and voices, for the server or for everyone', async () => {
    const { store } = h();
    const mine = await feedIn(store, 'g1', 'mine');
    const theirs = await feedIn(store, 'g2', 'theirs');
    const withVoices = (id: string): ArticleAnalysis => ({
      ...analysisOf(id === 'a1' ? { NATO: -0.6, Russia: 0.4 } : { NATO: 0.5 }),
      voices: id === 'a1' ? [voice('Dmitry Peskov', 'NATO', -0.7, 'Russia'), voice('unnamed', 'Russia', 0.3)] : [],
    });
    await analysed(store, mine, [['a1', DAY, 'TASS'], ['a2', DAY + HOUR, 'Reuters']], withVoices);
    await analysed(store, theirs, [['a3', DAY + 2 * HOUR, 'Xinhua']], withVoices);
    await store.saveStoryAssignments([joined('a1', 'a1'), joined('a2', 'a1'), joined('a3', 'a1')], { now: 1 });
    const members = await store.storyMembers('a1', 'g1');
    expect(members).toEqual([
      { id: 'a1', outlet: 'TASS', title: 'Title a1', link: 'https://news.example/a1', published: DAY, text: 'Text of a1',
        actors: [{ actor: 'NATO', score: -0.6, label: 'negative', mentions: 2 }, { actor: 'Russia', score: 0.4, label: 'positive', mentions: 2 }],
        voices: [{ speaker: 'Dmitry Peskov', speakerActor: 'Russia', actor: 'NATO', label: 'negative', score: -0.7 }, { speaker: 'unnamed', actor: 'Russia', label: 'positive', score: 0.3 }] },
      { id: 'a2', outlet: 'Reuters', title: 'Title a2', link: 'https://news.example/a2', published: DAY + HOUR, text: 'Text of a2',
        actors: [{ actor: 'NATO', score: 0.5, label: 'positive', mentions: 2 }], voices: [] },
    ]);
    expect(ids(await store.storyMembers('a1'))).toEqual(['a1', 'a2', 'a3']);
    expect(await store.storyMembers('a1', 'g3')).toEqual([]);
    expect(await store.storyMembers('nope')).toEqual([]);
  });

  it('finds a server\'s stories by headline, case-insensitively and literally, latest first', async () => {
    const { store } = h();
    const mine = await feedIn(store, 'g1', 'mine');
    const theirs = await feedIn(store, 'g2', 'theirs');
    const titled = (id: string, title: string, at: number) => ({ ...article(id, at, 'TASS'), title });
    await store.insertArticles(mine, [titled('h1', 'NATO summit opens in Vilnius', DAY), titled('h2', 'Summit: 100% agreement on grain', 2 * DAY)], { eligible: true, now: 3 * DAY });
    await store.insertArticles(theirs, [titled('h3', 'Another summit', 3 * DAY)], { eligible: true, now: 3 * DAY });
    await store.saveAnalyses(['h1', 'h2', 'h3'].map((id) => ({ articleId: id, analysis: analysisOf({}) })), meta);
    await store.saveStoryAssignments([joined('h1', 'h1'), joined('h2', 'h2'), joined('h3', 'h3')], { now: 1 });
    expect((await store.searchStories('g1', 'SUMMIT', 25)).map((s) => s.id)).toEqual(['h2', 'h1']);
    expect(await store.searchStories('g1', '100%', 25)).toEqual([{ id: 'h2', title: 'Summit: 100% agreement on grain', firstPublished: 2 * DAY, lastPublished: 2 * DAY }]);
    expect(await store.searchStories('g1', '0_a', 25)).toEqual([]);
    expect((await store.searchStories('g1', '', 1)).map((s) => s.id)).toEqual(['h2']);
    expect((await store.searchStories('g2', 'summit', 25)).map((s) => s.id)).toEqual(['h3']);
    // A story is found by any of the server's headlines in it, and titled by the one most like the others (as /story).
    await store.insertArticles(mine, [titled('c1', 'Alliance unity holds as exercises begin', 4 * DAY), titled('c2', 'Undersea cable near Oslo cut, navy investigates', 4 * DAY + HOUR),
      titled('c3', 'Oslo undersea cable cut: navy investigates damage', 4 * DAY + 2 * HOUR)], { eligible: true, now: 5 * DAY });
    await store.insertArticles(theirs, [titled('c4', 'Fishing quotas agreed in Bergen', 4 * DAY + 3 * HOUR)], { eligible: true, now: 5 * DAY });
    await store.saveAnalyses(['c1', 'c2', 'c3', 'c4'].map((id) => ({ articleId: id, analysis: analysisOf({}) })), meta);
    await store.saveStoryAssignments([joined('c1', 'c1'), joined('c2', 'c1'), joined('c3', 'c1'), joined('c4', 'c1')], { now: 2 });
    expect(await store.searchStories('g1', 'oslo', 25)).toEqual([{ id: 'c1', title: 'Undersea cable near Oslo cut, navy investigates', firstPublished: 4 * DAY, lastPublished: 4 * DAY + 3 * HOUR }]);
    expect(await store.searchStories('g1', 'bergen', 25)).toEqual([]);
    expect((await store.searchStories('g2', 'bergen', 25)).map((s) => s.title)).toEqual(['Fishing quotas agreed in Bergen']);
    const listed = await store.storiesForGuild({ guildId: 'g1', from: 4 * DAY, to: 5 * DAY, limit: 5 });
    expect(listed.map((x) => [x.id, x.title])).toEqual([['c1', 'Undersea cable near Oslo cut, navy investigates']]);
    // By the beginning of the id (an autocomplete value cut to 100 characters): exact case, % and _ literal.
    expect(await store.storyIdsStartingWith('g1', 'h', 5)).toEqual(['h1', 'h2']);
    expect(await store.storyIdsStartingWith('g1', 'h1', 5)).toEqual(['h1']);
    expect(await store.storyIdsStartingWith('g1', 'H', 5)).toEqual([]);
    expect(await store.storyIdsStartingWith('g1', '_1', 5)).toEqual([]);
    expect(await store.storyIdsStartingWith('g1', 'h3', 5)).toEqual([]);
    expect(await store.storyIdsStartingWith('g2', 'h', 5)).toEqual(['h3']);
  });

  it('prunes memberships with their articles and the stories whose last article is gone', async () => {
    const { store } = h();
    const f = await feedIn(store, 'g1', 'f');
    await analysed(store, f, [['p1', DAY, 'TASS'], ['p2', 2 * DAY, 'RT'], ['p3', 9 * DAY, 'RT'], ['q1', 3 * DAY, 'TASS'], ['q2', 9 * DAY, 'RT']]);
    await store.saveStoryAssignments([joined('p1', 'p1'), joined('p2', 'p1'), joined('q1', 'q1'), joined('p3', 'p3'), joined('q2', 'q1')], { now: 1 });
    expect(await store.pruneOlderThan(5 * DAY, 2)).toBe(3);
    expect(await store.getStory('p1')).toBeUndefined();
    expect(await store.getStory('q1')).toMatchObject({ id: 'q1' });
    expect(ids(await store.storyMembers('q1'))).toEqual(['q2']);
    expect(ids(await store.storyMembers('p1'))).toEqual([]);
  });
});
