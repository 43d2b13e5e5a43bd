// Story clustering (a worker step, after analysis): one pass puts every analysed article that is in no story yet
// into one (core/story-cluster's StoryIndex decides). One pass at a time across workers: the pass holds the
// clustering lease, renews it between batches, and each batch is saved in ONE transaction that checks (and on
// PostgreSQL locks) the lease, so a worker that lost it writes nothing more. An article is stored in one story
// only (its membership is keyed by the article), so a replay or a second worker never clusters it twice.
// Restart-safe: the index is rebuilt from the stored members of the stories still open, read in published order
// alongside the articles being assigned (memory bounded by the window), and a killed pass leaves whole batches.
// Articles come late (a slow feed, a retry): one published before stories already stored is compared with every
// story whose window holds it, so the index is fed the stored members up to one window AHEAD of each article.
import type { Logger } from 'pino';
import { StoryIndex } from '../core/story-cluster.js';
import type { StoryAssignment, StoryDoc } from '../core/story-types.js';
import type { ClusteredDoc, Store, StoryCursor } from '../store/index.js';
import type { WorkerStep } from './worker.js';

export const STORY_LEASE = 'story-clustering';

export interface StoryStepDeps {
  store: Store;
  logger: Logger;
  now: () => number;
  /** Lease owner (unique per process). */
  owner: string;
  /** A story takes articles published up to this long after its last one (config stories.windowHours). */
  windowMs: number;
  /** Articles assigned and saved per transaction (default 500). */
  batchSize?: number;
  /** How long the lease is held without renewal (renewed every batch, released when the pass ends). Default 1 min. */
  leaseMs?: number;
}

export interface StoryPassReport {
  /** Articles stored in a story by this pass. */
  clustered: number;
  /** Stories this pass started. */
  created: number;
  batches: number;
  /** Another worker holds the lease: nothing done. */
  skipped: boolean;
  /** The lease was lost during the pass (too slow to renew): the pass stopped, the rest is for the holder. */
  leaseLost: boolean;
}

const before = (a: StoryCursor, b: StoryCursor): boolean => a.published < b.published || (a.published === b.published && a.id < b.id);
const at = (doc: StoryDoc): StoryCursor => ({ published: doc.published, id: doc.id });

/**
 * The stored members of the stories open since `since`, fed to the index in (published, id) order up to each
 * article being assigned. Members this pass saved itself are skipped (the index already has them).
 */
function restorer(store: Store, index: StoryIndex, since: number, pageSize: number) {
  let page: ClusteredDoc[] = [];
  let next = 0;
  let after: StoryCursor | undefined;
  let exhausted = false;
  const ownSaves = new Set<string>();
  const head = async (): Promise<ClusteredDoc | undefined> => {
    if (next < page.length) return page[next];
    if (exhausted) return undefined;
    page = await store.recentStoryMembers(since, { limit: pageSize, ...(after ? { after } : {}) });
    next = 0;
    exhausted = page.length < pageSize;
    return page[0];
  };
  return {
    /** Restores every stored member before `position` (members this pass saved itself are in the index already). */
    async upTo(position: StoryCursor): Promise<void> {
      for (let member = await head(); member && before(at(member.doc), position); member = await head()) {
        next++;
        after = at(member.doc);
        if (ownSaves.delete(member.doc.id)) continue;
        index.restore(member.storyId, member.doc);
      }
    },
    saved(assignments: StoryAssignment[]): void {
      for (const a of assignments) ownSaves.add(a.articleId);
    },
  };
}

/** One clustering pass; safe to run from any number of workers at once. */
export async function runStoryClustering(deps: StoryStepDeps, stopping: () => boolean = () => false): Promise<StoryPassReport> {
  const { store, logger: log } = deps;
  const batchSize = deps.batchSize ?? 500;
  const leaseMs = deps.leaseMs ?? 60_000;
  const report: StoryPassReport = { clustered: 0, created: 0, batches: 0, skipped: false, leaseLost: false };
  if (!(await store.acquireLease(STORY_LEASE, deps.owner, deps.now(), leaseMs))) return { ...report, skipped: true };
  try {
    let batch = await store.unclusteredArticles(batchSize);
    if (batch.length === 0) return report;
    const index = new StoryIndex({ windowMs: deps.windowMs, lateMs: deps.windowMs });
    const restore = restorer(store, index, (batch[0] as StoryDoc).published - deps.windowMs, batchSize);
    const lease = { name: STORY_LEASE, owner: deps.owner };
    while (batch.length > 0 && !stopping()) {
      const assignments: StoryAssignment[] = [];
      for (const doc of batch) {
        await restore.upTo({ published: doc.published + deps.windowMs, id: doc.id });
        assignments.push(index.assign(doc));
      }
      // The index also sweeps as stream time passes; once per batch keeps memory flat whatever it does.
      index.evictBefore((batch[batch.length - 1] as StoryDoc).published - deps.windowMs);
      // Renewed only while held without a break: a worker whose lease lapsed may have missed another's batches.
      const renewed = await store.renewLease(STORY_LEASE, deps.owner, deps.now(), leaseMs);
      const saved = renewed ? await store.saveStoryAssignments(assignments, { now: deps.now(), lease }) : { ok: false as const, error: 'lease-lost' as const };
      if (!saved.ok) {
        log.warn({ clustered: report.clustered }, 'story clustering lease lost, pass stopped');
        return { ...report, leaseLost: true };
      }
      restore.saved(assignments);
      report.batches++;
      report.clustered += saved.value.saved;
      report.created += assignments.filter((a) => a.created).length;
      log.debug({ batch: report.batches, articles: assignments.length, saved: saved.value.saved }, 'story batch saved');
      batch = await store.unclusteredArticles(batchSize, at(batch[batch.length - 1] as StoryDoc));
    }
    log.info({ clustered: report.clustered, created: report.created, batches: report.batches }, 'story clustering pass done');
    return report;
  } finally {
    await store.releaseLease(STORY_LEASE, deps.owner);
  }
}

export function storyStep(deps: StoryStepDeps): WorkerStep {
  return { name: 'stories', run: (stopping) => runStoryClustering({ ...deps, logger: deps.logger.child({ module: 'stories' }) }, stopping) };
}
