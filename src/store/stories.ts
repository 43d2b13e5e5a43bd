// Stories across outlets, the clustering side: which analysed articles wait for a story (as clustering reads
// them), the members of recent stories (to rebuild the index after a restart) and the one write, a batch of
// assignments in one transaction. An article is in exactly one story: story_members is keyed by the article and
// a second assignment of it is a no-op. The per-server reads are in story-queries.ts.
import { sql } from 'kysely';
import type { StoryAssignment, StoryDoc } from '../core/story-types.js';
import { err, ok, type Result } from '../core/result.js';
import type { Db, StoreContext } from './context.js';
import { chunked } from './daily.js';
import type { StoryQueryStore } from './story-queries.js';
import { storyQueries } from './story-queries.js';
import type { ClusteredDoc, StoryCursor } from './types-stories.js';

/** Characters of an article's text clustering reads (StoryDoc.lead). */
export const LEAD_CHARS = 600;

export interface SaveAssignmentsOptions {
  now: number;
  /** Save only while this job lease is ours (checked, and on PostgreSQL locked, inside the transaction). */
  lease?: { name: string; owner: string };
}

export interface StoryStore extends StoryQueryStore {
  /** Analysed articles in no story yet, in (published, id) order, after `after` when given. */
  unclusteredArticles(limit: number, after?: StoryCursor): Promise<StoryDoc[]>;
  /**
   * The articles of every story whose last article was published at or after `since`, in (published, id)
   * order, `limit` at a time (the next page after the last one returned).
   */
  recentStoryMembers(since: number, page: { limit: number; after?: StoryCursor }): Promise<ClusteredDoc[]>;
  /**
   * Stores the assignments and the figures of the stories they touch in ONE transaction. An article already in
   * a story (or no longer stored) is skipped, never put in a second story. `saved`: the articles stored now.
   * With `lease`, nothing is written unless the lease is still ours: error 'lease-lost'.
   */
  saveStoryAssignments(assignments: StoryAssignment[], options: SaveAssignmentsOptions): Promise<Result<{ saved: number }, 'lease-lost'>>;
}

const docColumns = ['a.id', 'a.outlet', 'a.title', 'a.published_at', sql<string>`substr(a.text, 1, ${sql.lit(LEAD_CHARS)})`.as('lead')] as const;

interface DocRow {
  id: string;
  outlet: string;
  title: string;
  published_at: number | string;
  lead: string;
}

/** The canonical actor names of these articles, most mentioned first. */
async function actorsOf(db: Db, ids: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const part of chunked(ids)) {
    const rows = await db.selectFrom('actor_scores').select(['article_id', 'actor']).where('article_id', 'in', part)
      .orderBy('article_id').orderBy('mentions', 'desc').orderBy('actor').execute();
    for (const r of rows) {
      const list = out.get(r.article_id);
      if (list) list.push(r.actor);
      else out.set(r.article_id, [r.actor]);
    }
  }
  return out;
}

async function toDocs(db: Db, rows: DocRow[]): Promise<StoryDoc[]> {
  const actors = await actorsOf(db, rows.map((r) => r.id));
  return rows.map((r) => ({ id: r.id, outlet: r.outlet, title: r.title, lead: r.lead, published: Number(r.published_at), actors: actors.get(r.id) ?? [] }));
}

/** Assignments of articles still stored, each article once (the first assignment given). */
async function storedAssignments(trx: Db, assignments: StoryAssignment[]) {
  const byId = new Map<string, StoryAssignment>();
  for (const a of assignments) if (!byId.has(a.articleId)) byId.set(a.articleId, a);
  const ids = [...new Set([...byId.keys(), ...[...byId.values()].map((a) => a.storyId)])];
  const articles = new Map<string, { published_at: number; outlet: string; title: string }>();
  for (const part of chunked(ids)) {
    for (const r of await trx.selectFrom('articles').select(['id', 'published_at', 'outlet', 'title']).where('id', 'in', part).execute()) {
      articles.set(r.id, { published_at: Number(r.published_at), outlet: r.outlet, title: r.title });
    }
  }
  return { assignments: [...byId.values()].filter((a) => articles.has(a.articleId)), articles };
}

async function leaseHeld(trx: Db, lease: { name: string; owner: string }, now: number, lock: boolean): Promise<boolean> {
  const query = trx.selectFrom('job_leases').select('owner').where('name', '=', lease.name).where('owner', '=', lease.owner).where('until', '>', now);
  return (await (lock ? query.forUpdate() : query).executeTakeFirst()) !== undefined;
}

/** Recomputes the figures of `storyIds` from their members; a new story takes its first article's headline. */
async function refreshStories(trx: Db, storyIds: string[], titles: Map<string, string>, now: number): Promise<void> {
  for (const part of chunked(storyIds)) {
    const figures = await trx.selectFrom('story_members').where('story_id', 'in', part)
      .select(['story_id', sql<number>`count(*)`.as('n'), sql<number>`count(distinct outlet)`.as('outlets'),
        sql<number>`min(published_at)`.as('first'), sql<number>`max(published_at)`.as('last')])
      .groupBy('story_id').execute();
    if (figures.length === 0) continue;
    await trx.insertInto('stories').values(figures.map((f) => ({
      id: f.story_id, title: titles.get(f.story_id) ?? '', first_published_at: Number(f.first), last_published_at: Number(f.last),
      article_count: Number(f.n), outlet_count: Number(f.outlets), updated_at: now,
    }))).onConflict((oc) => oc.column('id').doUpdateSet((eb) => ({
      first_published_at: eb.ref('excluded.first_published_at'),
      last_published_at: eb.ref('excluded.last_published_at'),
      article_count: eb.ref('excluded.article_count'),
      outlet_count: eb.ref('excluded.outlet_count'),
      updated_at: eb.ref('excluded.updated_at'),
    }))).execute();
  }
}

async function saveAssignments(ctx: StoreContext, all: StoryAssignment[], options: SaveAssignmentsOptions): Promise<Result<{ saved: number }, 'lease-lost'>> {
  return ctx.tx(async (trx) => {
    if (options.lease && !(await leaseHeld(trx, options.lease, options.now, ctx.dialect === 'postgres'))) return err('lease-lost' as const);
    const { assignments, articles } = await storedAssignments(trx, all);
    const inserted: string[] = [];
    for (const part of chunked(assignments)) {
      const rows = part.map((a) => {
        const article = articles.get(a.articleId) as { published_at: number; outlet: string };
        return { article_id: a.articleId, story_id: a.storyId, similarity: a.similarity, clustered_at: options.now, published_at: article.published_at, outlet: article.outlet };
      });
      const done = await trx.insertInto('story_members').values(rows).onConflict((oc) => oc.column('article_id').doNothing()).returning('article_id').execute();
      inserted.push(...done.map((r) => r.article_id));
    }
    for (const part of chunked(inserted)) await trx.updateTable('articles').set({ in_story: 1 }).where('id', 'in', part).execute();
    const joined = new Set(inserted);
    const kept = assignments.filter((a) => joined.has(a.articleId));
    const titles = new Map<string, string>();
    for (const a of kept) if (!titles.has(a.storyId)) titles.set(a.storyId, articles.get(a.storyId)?.title ?? articles.get(a.articleId)?.title ?? '');
    await refreshStories(trx, [...titles.keys()], titles, options.now);
    return ok({ saved: inserted.length });
  });
}

/** (published, id) after the cursor's. */
const afterCursor = (c: StoryCursor, published: string, id: string) =>
  sql<boolean>`(${sql.ref(published)} > ${c.published} or (${sql.ref(published)} = ${c.published} and ${sql.ref(id)} > ${c.id}))`;

export function storyStore(ctx: StoreContext): StoryStore {
  const { db } = ctx;
  return {
    ...storyQueries(ctx),
    async unclusteredArticles(limit, cursor) {
      let query = db.selectFrom('articles as a').select(docColumns)
        // The literal (not a parameter) matches the partial index articles_not_in_story.
        .where(sql<boolean>`a.in_story = 0`).where('a.analysed', '=', 1);
      if (cursor) query = query.where(afterCursor(cursor, 'a.published_at', 'a.id'));
      return toDocs(db, await query.orderBy('a.published_at').orderBy('a.id').limit(limit).execute());
    },
    async recentStoryMembers(since, page) {
      let query = db.selectFrom('story_members as m')
        .innerJoin('stories as s', 's.id', 'm.story_id')
        .innerJoin('articles as a', 'a.id', 'm.article_id')
        .select(['m.story_id', ...docColumns])
        .where('s.last_published_at', '>=', since)
        // The same members, read from where the oldest of those stories begins (not from the first member ever).
        .where('m.published_at', '>=', (eb) => eb.selectFrom('stories').select(sql<number>`coalesce(min(first_published_at), ${since})`.as('first')).where('last_published_at', '>=', since));
      if (page.after) query = query.where(afterCursor(page.after, 'm.published_at', 'm.article_id'));
      const rows = await query.orderBy('m.published_at').orderBy('m.article_id').limit(page.limit).execute();
      const docs = await toDocs(db, rows);
      return rows.map((r, i) => ({ storyId: r.story_id, doc: docs[i] as StoryDoc }));
    },
    saveStoryAssignments: (assignments, options) => saveAssignments(ctx, assignments, options),
  };
}
