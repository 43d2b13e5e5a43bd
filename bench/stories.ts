// Story clustering throughput and memory (issue 15): 100,000 synthetic articles over 30 days (bench/stories-data.ts)
// through one StoryIndex, clustering only (no analysis). Articles per CPU-second of `assign`; heap after a full GC
// at 25 %, 50 % and 100 % of the stream with what the index holds (the 72 h window bounds it); B-cubed F1 against
// the stream's own events over its first 6 days (a sanity check of the synthetic data, not a quality figure).
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { StoryIndex } from '../src/core/story-cluster.js';
import { bcubed } from '../src/eval/bcubed.js';
import type { StoryDoc } from '../src/core/story-types.js';
import { DEFAULT_STREAM, storyStream } from './stories-data.js';

const BATCH = 2_500;

function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

const mb = (bytes: number): number => Math.round((bytes / 2 ** 20) * 10) / 10;

/** B-cubed of the first 20,000 articles of the stream against its own events (kept apart from the timed run). */
function syntheticScore(): { f1: number } {
  const index = new StoryIndex();
  const gold = new Map<string, string>();
  const predicted = new Map<string, string>();
  for (const doc of storyStream({ ...DEFAULT_STREAM, articles: 20_000, days: 6 })) {
    predicted.set(doc.id, index.assign(doc).storyId);
    gold.set(doc.id, String(doc.event));
  }
  return bcubed(gold, predicted);
}

export async function benchStories(): Promise<Record<string, number>> {
  const index = new StoryIndex();
  const total = DEFAULT_STREAM.articles;
  const checkpoints = new Map([[total / 4, 'p25'], [total / 2, 'p50'], [total, 'p100']]);
  const figures: Record<string, number> = {};
  let cpu = 0;
  let seen = 0;
  let created = 0;
  let batch: Array<StoryDoc & { event: number }> = [];
  const flush = (): void => {
    const start = process.cpuUsage();
    for (const doc of batch) if (index.assign(doc).created) created++;
    const used = process.cpuUsage(start);
    cpu += used.user + used.system;
    seen += batch.length;
    batch = [];
    const label = checkpoints.get(seen);
    if (label) {
      collectGarbage();
      const stats = index.stats();
      figures[`stories.heap_mb_${label}`] = mb(process.memoryUsage().heapUsed);
      figures[`stories.open_stories_${label}`] = stats.stories;
      figures[`stories.window_articles_${label}`] = stats.documents;
    }
  };
  for (const doc of storyStream()) {
    batch.push(doc);
    if (batch.length === BATCH) flush();
  }
  if (batch.length) flush();
  await Promise.resolve();
  const score = syntheticScore();
  return {
    'stories.articles_per_s': Math.round((seen * 1e6) / cpu), 'stories.articles': seen, 'stories.created': created,
    'stories.synthetic_bcubed_f1': Math.round(score.f1 * 1000) / 1000, ...figures,
  };
}
