// Story clustering: joins, splits, window, eviction, determinism and replay, on small synthetic articles.
import { describe, expect, it } from 'vitest';
import { clusterBatch } from '../../src/core/story-batch.js';
import { DEFAULT_STORY_OPTIONS, StoryIndex } from '../../src/core/story-cluster.js';
import { sStem, storyTerms } from '../../src/core/story-terms.js';
import type { StoryDoc } from '../../src/core/story-types.js';

const HOUR = 3_600_000;
const T0 = Date.UTC(2024, 2, 7, 12);

const doc = (id: string, outlet: string, hours: number, title: string, lead: string, actors: string[] = []): StoryDoc =>
  ({ id, outlet, title, lead, published: T0 + hours * HOUR, actors });

const sweden = [
  doc('s1', 'Censor.NET', 0, 'Sweden officially becomes 32nd member of NATO', 'Sweden formally joined the North Atlantic Alliance on Thursday, becoming the 32nd member of NATO after depositing its accession documents in Washington.', ['Sweden', 'NATO']),
  doc('s2', 'Petra', 2, 'Sweden formally joins NATO', 'Sweden became the newest member of NATO after the deposit of its accession document with the US government in Washington, ending two centuries of neutrality.', ['Sweden', 'NATO', 'United States']),
  doc('s3', 'TASS', 5, 'Stockholm completes NATO accession, Kremlin vows countermeasures', 'Sweden\'s accession to NATO will be met with military-technical countermeasures, Kremlin spokesman Dmitry Peskov said after Stockholm joined the alliance as its 32nd member.', ['Sweden', 'NATO', 'Russia']),
];
const quake = [
  doc('q1', 'Reuters', 1, 'Earthquake of magnitude 7.4 strikes off Taiwan coast, tsunami warning issued', 'A powerful earthquake struck eastern Taiwan near Hualien, collapsing buildings and triggering tsunami warnings across Japan and the Philippines.', ['Taiwan', 'Japan']),
  doc('q2', 'CGTN', 3, 'Strong quake jolts Hualien in Taiwan region, buildings collapse', 'A 7.3-magnitude earthquake jolted Hualien County, collapsing buildings; tsunami warnings were issued for Okinawa in Japan.', ['Taiwan', 'Japan']),
];
const stream = [...sweden, ...quake];

function storiesOf(docs: StoryDoc[]): string[][] {
  return clusterBatch(docs).stories.map((s) => [...s.articles].sort());
}

describe('story clustering', () => {
  it('joins the same event in different wording and keeps an unrelated event apart', () => {
    expect(storiesOf(stream).sort()).toEqual([['q1', 'q2'], ['s1', 's2', 's3']]);
  });

  it('gives a story the id of its first article and the joiner its similarity', () => {
    const { assignments } = clusterBatch(stream);
    const s3 = assignments.find((a) => a.articleId === 's3');
    expect(s3).toMatchObject({ storyId: 's1', created: false });
    expect(s3?.similarity).toBeGreaterThanOrEqual(DEFAULT_STORY_OPTIONS.threshold);
    expect(assignments.find((a) => a.articleId === 'q1')).toEqual({ articleId: 'q1', storyId: 'q1', created: true, similarity: 1 });
  });

  it('leaves an article with nothing in common as a story of its own (singleton)', () => {
    const odd = doc('o1', 'BBC', 2, 'Chelsea flower show opens with record crowds', 'Gardeners queued from dawn at the Royal Hospital grounds for the annual horticultural exhibition.');
    const stories = storiesOf([...stream, odd]);
    expect(stories).toContainEqual(['o1']);
    expect(stories.flat().sort()).toEqual([...stream.map((d) => d.id), 'o1'].sort());
  });

  it('does not let an article join a story whose last article is more than the window before it', () => {
    const late = { ...sweden[1] as StoryDoc, id: 'late', published: T0 + 5 * HOUR + DEFAULT_STORY_OPTIONS.windowMs + 1 };
    const onTime = { ...sweden[1] as StoryDoc, id: 'ontime', published: T0 + 5 * HOUR + DEFAULT_STORY_OPTIONS.windowMs };
    expect(clusterBatch([...sweden, late]).assignments.at(-1)).toMatchObject({ articleId: 'late', created: true });
    expect(clusterBatch([...sweden, onTime]).assignments.at(-1)).toMatchObject({ articleId: 'ontime', storyId: 's1' });
  });

  it('moves a story\'s window with its last article', () => {
    const chain = [0, 60, 120, 180].map((h, i) => ({ ...sweden[i % 3] as StoryDoc, id: `c${i}`, published: T0 + h * HOUR }));
    expect(storiesOf(chain)).toEqual([['c0', 'c1', 'c2', 'c3']]);
    expect(clusterBatch(chain, { windowMs: 48 * HOUR }).stories).toHaveLength(4);
  });

  it('forgets closed stories on evictBefore: a later copy cannot join them', () => {
    const index = new StoryIndex();
    for (const d of sweden) index.assign(d);
    expect(index.stats().stories).toBe(1);
    index.evictBefore(T0 + 6 * HOUR);
    expect(index.stats().stories).toBe(0);
    expect(index.assign({ ...sweden[0] as StoryDoc, id: 'again', published: T0 + 7 * HOUR }).created).toBe(true);
  });

  it('keeps memory bounded by the window as the stream moves on', () => {
    const index = new StoryIndex();
    for (let day = 0; day < 20; day++) {
      for (const d of stream) index.assign({ ...d, id: `${d.id}-${day}`, published: d.published + day * 24 * HOUR });
    }
    const { stories, documents } = index.stats();
    expect(documents).toBeLessThanOrEqual(stream.length * 4);
    expect(stories).toBeLessThanOrEqual(4);
  });

  it('is deterministic: the same sequence gives the same assignments', () => {
    expect(clusterBatch(stream).assignments).toEqual(clusterBatch([...stream].reverse()).assignments);
    const a = new StoryIndex();
    const b = new StoryIndex();
    expect(stream.map((d) => a.assign(d))).toEqual(stream.map((d) => b.assign(d)));
  });

  it('replays: restoring the stored assignments, then assigning, gives the ids of one uninterrupted run', () => {
    const extra = [
      doc('s4', 'Al Jazeera', 30, 'Sweden raises its flag at NATO headquarters', 'The Swedish flag was raised at NATO headquarters in Brussels, days after Sweden became the alliance\'s 32nd member.', ['Sweden', 'NATO']),
      doc('q3', 'NHK', 26, 'Hualien earthquake death toll rises as rescuers search collapsed buildings', 'Rescuers in Hualien searched collapsed buildings after the earthquake in Taiwan; aftershocks continued.', ['Taiwan']),
    ];
    const all = [...stream, ...extra].sort((x, y) => x.published - y.published);
    const once = new StoryIndex();
    const expected = all.map((d) => once.assign(d));
    for (let cut = 1; cut < all.length; cut++) {
      const restarted = new StoryIndex();
      for (const a of expected.slice(0, cut)) restarted.restore(a.storyId, all.find((d) => d.id === a.articleId) as StoryDoc);
      expect(all.slice(cut).map((d) => restarted.assign(d))).toEqual(expected.slice(cut));
    }
    expect(expected.find((a) => a.articleId === 's4')?.storyId).toBe('s1');
    expect(expected.find((a) => a.articleId === 'q3')?.storyId).toBe('q1');
  });
});

describe('story terms', () => {
  it('takes content words (title twice), capitalised names and actors, without the outlet\'s own name', () => {
    const [words, names, actors] = storyTerms({ outlet: 'TASS', title: 'Kremlin warns of response', lead: 'MOSCOW, April 4. /TASS/. Russia will take countermeasures, Kremlin Spokesman Dmitry Peskov told reporters.', actors: ['Russia'] });
    expect(words.get('kremlin')).toBe(3);
    expect(words.has('tass')).toBe(false);
    expect(words.has('april')).toBe(false);
    expect(words.get('countermeasure')).toBe(1);
    expect(names.get('kremlin spokesman dmitry peskov')).toBe(1);
    expect(names.has('peskov')).toBe(true);
    expect([...actors.keys()]).toEqual(['Russia']);
  });

  it('reads no names from a Title Case headline', () => {
    const [, names] = storyTerms({ outlet: 'X', title: 'Finland Officially Becomes Member Of Alliance', lead: '', actors: [] });
    expect(names.size).toBe(0);
  });

  it('strips plurals only (S-stemmer)', () => {
    expect(['sanctions', 'countries', 'talks', 'crisis', 'status', 'russia\'s'].map(sStem)).toEqual(['sanction', 'country', 'talk', 'crisis', 'status', 'russia']);
  });
});
