// Stories of one server with their splits, read from the store and compared (core/story-compare): what the
// digest's "Stories across outlets" section and /stories show. Only the server's articles count (the store's
// per-server queries), so nothing of another server's feeds shows.
import type { StoryDigestInput } from '../core/digest-stories.js';
import { compareStory } from '../core/story-compare.js';
import type { Store, StoryQuery } from '../store/index.js';

/** The server's stories of the query (ranked by the store: most outlets, then articles, then latest), each compared. */
export async function storiesWithSplits(store: Store, q: StoryQuery): Promise<StoryDigestInput[]> {
  const stories = await store.storiesForGuild(q);
  return Promise.all(stories.map(async (s): Promise<StoryDigestInput> => {
    const members = await store.storyMembers(s.id, q.guildId);
    const comparison = compareStory(s.id, members);
    return {
      id: s.id, title: s.title, outlets: s.outletCount, articles: s.articleCount,
      first: s.firstPublished, last: s.lastPublished, splits: comparison.splits,
    };
  }));
}
