// Stories as one server sees them: only the articles of feeds it subscribes to (inGuild, as every server query),
// so a story's figures, outlets and headline are the server's. The members of one story come with what the
// analysis found (author stance per actor, reported voices): the input of core/story-compare's compareStory.
import { sql, type ExpressionBuilder } from 'kysely';
import type { StanceLabel } from '../core/types.js';
import type { StoryMember } from '../core/story-types.js';
import { representativeTitle } from '../core/story-compare.js';
import type { Db, StoreContext } from './context.js';
import type { Database } from './schema.js';
import { chunked } from './daily.js';
import { inGuild, seenArticleIds } from './queries.js';
import type { StoryQuery, StoryRecord, StorySummary, StoryTitleMatch } from './types-stories.js';

export interface StoryQueryStore {
  /**
   * The server's stories with an article in [from, to) on the query's time basis (from `outlet`, about `actor`,
   * when given):
   * most outlets first, then most articles, then latest; figures over the server's articles of each story.
   */
  storiesForGuild(query: StoryQuery): Promise<StorySummary[]>;
  /**
   * The story's articles (the server's only, when `guildId` is given) in (published, id) order, with their
   * author stance per actor (most mentioned first) and reported voices (in the analysis' order).
   */
  storyMembers(storyId: string, guildId?: string): Promise<StoryMember[]>;
  /**
   * Stories the server has articles of whose headline contains `text` (case-insensitive; '' matches all),
   * latest first: for autocomplete.
   */
  searchStories(guildId: string, text: string, limit: number): Promise<StoryTitleMatch[]>;
  /**
   * The server's stories whose id begins with `prefix` (case-sensitive), at most `limit`, by id: to resolve an
   * autocomplete value cut to Discord's 100 characters.
   */
  storyIdsStartingWith(guildId: string, prefix: string, limit: number): Promise<string[]>;
  /** The story's figures over all its articles. */
  getStory(storyId: string): Promise<StoryRecord | undefined>;
}

/** Stories with one of the server's articles in the query's window and filters. */
function matchingStories(db: Db, q: StoryQuery) {
  let query = (q.basis === 'seen'
    ? db.selectFrom('story_members as c').where('c.article_id', 'in', seenArticleIds(db, q))
    : db.selectFrom('story_members as c').where('c.published_at', '>=', q.from).where('c.published_at', '<', q.to))
    .select('c.story_id').where(inGuild(q.guildId, 'c.article_id'));
  if (q.outlet !== undefined) query = query.where('c.outlet', '=', q.outlet);
  const actor = q.actor;
  if (actor !== undefined) {
    query = query.where((eb) => eb.exists(eb.selectFrom('actor_scores as sc').select('sc.article_id').whereRef('sc.article_id', '=', 'c.article_id').where('sc.actor', '=', actor)));
  }
  return query;
}

function foldSummaries(order: string[], rows: Array<{ story_id: string; article_id: string; outlet: string; title: string; published_at: number }>): StorySummary[] {
  const byId = new Map<string, StorySummary & { counts: Map<string, number>; titles: Array<{ id: string; title: string; published: number }> }>();
  for (const r of rows) {
    let s = byId.get(r.story_id);
    if (!s) {
      s = { id: r.story_id, title: r.title, firstPublished: r.published_at, lastPublished: r.published_at, articleCount: 0, outletCount: 0, outlets: [], counts: new Map(), titles: [] };
      byId.set(r.story_id, s);
    }
    s.lastPublished = r.published_at;
    s.articleCount++;
    s.counts.set(r.outlet, (s.counts.get(r.outlet) ?? 0) + 1);
    s.titles.push({ id: r.article_id, title: r.title, published: r.published_at });
  }
  return order.flatMap((id) => {
    const s = byId.get(id);
    if (!s) return [];
    const { counts, titles, ...summary } = s;
    const outlets = [...counts].map(([outlet, articles]) => ({ outlet, articles })).sort((x, y) => y.articles - x.articles || x.outlet.localeCompare(y.outlet));
    return [{ ...summary, title: representativeTitle(titles), outletCount: outlets.length, outlets }];
  });
}

/** The server's members of these stories (headline, outlet, time), in published order. */
const memberRows = async (db: Db, ids: string[], guildId: string) =>
  (await db.selectFrom('story_members as m').innerJoin('articles as a', 'a.id', 'm.article_id')
    .select(['m.story_id', 'm.article_id', 'm.outlet', 'a.title', 'm.published_at'])
    .where('m.story_id', 'in', ids).where(inGuild(guildId, 'm.article_id'))
    .orderBy('m.published_at').orderBy('m.article_id').execute()).map((r) => ({ ...r, published_at: Number(r.published_at) }));

async function readMembers(db: Db, storyId: string, guildId: string | undefined): Promise<StoryMember[]> {
  let query = db.selectFrom('story_members as m').innerJoin('articles as a', 'a.id', 'm.article_id')
    .select(['a.id', 'a.outlet', 'a.title', 'a.link', 'a.published_at', 'a.text']).where('m.story_id', '=', storyId);
  if (guildId !== undefined) query = query.where(inGuild(guildId, 'm.article_id'));
  const rows = await query.orderBy('a.published_at').orderBy('a.id').execute();
  const members = new Map<string, StoryMember>(rows.map((r) => [r.id, {
    id: r.id, outlet: r.outlet, title: r.title, link: r.link, published: Number(r.published_at), text: r.text, actors: [], voices: [],
  }]));
  for (const part of chunked([...members.keys()])) {
    const scores = await db.selectFrom('actor_scores').select(['article_id', 'actor', 'score', 'label', 'mentions']).where('article_id', 'in', part)
      .orderBy('article_id').orderBy('mentions', 'desc').orderBy('actor').execute();
    for (const s of scores) members.get(s.article_id)?.actors.push({ actor: s.actor, score: s.score, label: s.label as StanceLabel, mentions: s.mentions });
    const voices = await db.selectFrom('article_voices').select(['article_id', 'speaker', 'speaker_actor', 'actor', 'label', 'score']).where('article_id', 'in', part)
      .orderBy('article_id').orderBy('seq').execute();
    for (const v of voices) {
      members.get(v.article_id)?.voices.push({
        speaker: v.speaker, ...(v.speaker_actor === null ? {} : { speakerActor: v.speaker_actor }), actor: v.actor, label: v.label as StanceLabel, score: v.score,
      });
    }
  }
  return [...members.values()];
}

/** `text` as a LIKE pattern with its own % _ and \ escaped. */
const likeLiteral = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The server has an article of the story (alias `s`). */
const storyInGuild = (guildId: string) => (eb: ExpressionBuilder<Database & { s: Database['stories'] }, 's'>) =>
  eb.exists(eb.selectFrom('story_members as m').select('m.article_id').whereRef('m.story_id', '=', 's.id').where(inGuild(guildId, 'm.article_id')));

export function storyQueries(ctx: StoreContext): StoryQueryStore {
  const { db } = ctx;
  return {
    async storiesForGuild(q) {
      let ranked = db.selectFrom('story_members as m')
        .select(['m.story_id', sql<number>`count(*)`.as('articles'), sql<number>`count(distinct m.outlet)`.as('outlets'), sql<number>`max(m.published_at)`.as('last')])
        .where('m.story_id', 'in', matchingStories(db, q))
        .where(inGuild(q.guildId, 'm.article_id'))
        .groupBy('m.story_id');
      if ((q.minOutlets ?? 1) > 1) ranked = ranked.having(sql<number>`count(distinct m.outlet)`, '>=', q.minOutlets ?? 1);
      const top = await ranked.orderBy('outlets', 'desc').orderBy('articles', 'desc').orderBy('last', 'desc').orderBy('m.story_id').limit(q.limit).execute();
      if (top.length === 0) return [];
      const ids = top.map((t) => t.story_id);
      return foldSummaries(ids, await memberRows(db, ids, q.guildId));
    },
    storyMembers: (storyId, guildId) => readMembers(db, storyId, guildId),
    async searchStories(guildId, text, limit) {
      // Any of the server's headlines in the story may match (a story is known by all its headlines, not its first);
      // each is shown by its representative headline, as /story titles it.
      const like = `%${likeLiteral(text.toLowerCase())}%`;
      const rows = await db.selectFrom('stories as s').select(['s.id', 's.first_published_at', 's.last_published_at'])
        .where((eb) => eb.exists(eb.selectFrom('story_members as m').innerJoin('articles as a', 'a.id', 'm.article_id').select('m.article_id')
          .whereRef('m.story_id', '=', 's.id').where(inGuild(guildId, 'm.article_id'))
          .where(sql<boolean>`lower(a.title) like ${like} escape '\\'`)))
        .orderBy('s.last_published_at', 'desc').orderBy('s.id').limit(limit).execute();
      if (rows.length === 0) return [];
      const titles = foldSummaries(rows.map((r) => r.id), await memberRows(db, rows.map((r) => r.id), guildId));
      const titleOf = new Map(titles.map((t) => [t.id, t.title]));
      return rows.map((r) => ({ id: r.id, title: titleOf.get(r.id) ?? '', firstPublished: Number(r.first_published_at), lastPublished: Number(r.last_published_at) }));
    },
    async storyIdsStartingWith(guildId, prefix, limit) {
      // LIKE is case-insensitive on SQLite: the prefix is checked again exactly.
      const rows = await db.selectFrom('stories as s').select('s.id')
        .where(sql<boolean>`s.id like ${`${likeLiteral(prefix)}%`} escape '\\'`).where(storyInGuild(guildId))
        .orderBy('s.id').execute();
      return rows.map((r) => r.id).filter((id) => id.startsWith(prefix)).slice(0, limit);
    },
    async getStory(storyId) {
      const r = await db.selectFrom('stories').selectAll().where('id', '=', storyId).executeTakeFirst();
      return r && {
        id: r.id, title: r.title, firstPublished: Number(r.first_published_at), lastPublished: Number(r.last_published_at),
        articleCount: r.article_count, outletCount: r.outlet_count, updatedAt: Number(r.updated_at),
      };
    },
  };
}
