// Stories across outlets (issue 15): every analysed article joins exactly one story (story_members, keyed by the
// article), and `stories` holds each story's figures over all its articles. `articles.in_story` mirrors
// membership (set in the same transaction) so "analysed articles not in a story yet" reads a small partial index
// instead of anti-joining every article. Per-story comparisons are computed on demand from the members'
// articles, scores and voices; nothing of them is cached.
import { sql } from 'kysely';
import type { Dialect } from '../types.js';
import type { AnyDb, Migration } from './helpers.js';
import { clusteredOnSqlite } from './helpers.js';

export const migration: Migration = {
  async up(db: AnyDb, dialect: Dialect) {
    await db.schema.alterTable('articles').addColumn('in_story', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    // The literal `in_story = 0` (not a parameter) is what lets SQLite and PostgreSQL use the partial index.
    await db.schema.createIndex('articles_not_in_story').on('articles').columns(['published_at', 'id']).where(sql.ref('in_story'), '=', 0).execute();
    await db.schema
      .createTable('stories')
      // The id of the story's first article (it may outlive that article's retention).
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('first_published_at', 'bigint', (c) => c.notNull())
      .addColumn('last_published_at', 'bigint', (c) => c.notNull())
      .addColumn('article_count', 'integer', (c) => c.notNull())
      .addColumn('outlet_count', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('stories_last').on('stories').column('last_published_at').execute();
    await db.schema
      .createTable('story_members')
      .addColumn('article_id', 'text', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
      .addColumn('story_id', 'text', (c) => c.notNull())
      .addColumn('similarity', 'double precision', (c) => c.notNull())
      .addColumn('clustered_at', 'bigint', (c) => c.notNull())
      // Copied from the article, as in actor_scores: a story's members and a window's members read one index range.
      .addColumn('published_at', 'bigint', (c) => c.notNull())
      .addColumn('outlet', 'text', (c) => c.notNull())
      .$call(clusteredOnSqlite(dialect))
      .execute();
    await db.schema.createIndex('story_members_story').on('story_members').columns(['story_id', 'published_at']).execute();
    await db.schema.createIndex('story_members_time').on('story_members').columns(['published_at', 'article_id']).execute();
  },
};
