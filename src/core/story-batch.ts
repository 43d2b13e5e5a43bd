// Clusters a finite set of articles at once (the CLI, evaluation): in published order, ties by id, through the same
// incremental index as the job. Pure.
import { StoryIndex, type StoryIndexOptions } from './story-cluster.js';
import type { StoryAssignment, StoryDoc } from './story-types.js';

export interface BatchStory {
  id: string;
  /** Article ids in the order they joined. */
  articles: string[];
}

/** Published order, ties by id (code-unit order, the same on every machine). */
export const byPublished = (a: { id: string; published: number }, b: { id: string; published: number }): number =>
  a.published - b.published || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function clusterBatch(docs: StoryDoc[], options: Partial<StoryIndexOptions> = {}): { stories: BatchStory[]; assignments: StoryAssignment[] } {
  const index = new StoryIndex(options);
  const stories = new Map<string, BatchStory>();
  const assignments: StoryAssignment[] = [];
  for (const doc of [...docs].sort(byPublished)) {
    const a = index.assign(doc);
    assignments.push(a);
    const story = stories.get(a.storyId);
    if (story) story.articles.push(doc.id);
    else stories.set(a.storyId, { id: a.storyId, articles: [doc.id] });
  }
  return { stories: [...stories.values()], assignments };
}
