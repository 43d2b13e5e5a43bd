// Reported voices per article (ArticleAnalysis.voices): who is quoted about which actor and how. One row per
// (article, speaker, speaker actor, actor) in the analysis' order (`seq`); removed with the analysis on
// re-analysis and with the article by retention (cascade). The article's published time and outlet are copied
// in, as in actor_scores, so "voices about actor X in [t1, t2)" reads one index range.
import type { AnyDb, Migration } from './helpers.js';

export const migration: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('article_voices')
      .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('speaker', 'text', (c) => c.notNull())
      .addColumn('speaker_actor', 'text')
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('score', 'double precision', (c) => c.notNull())
      .addColumn('evidence', 'text', (c) => c.notNull())
      .addColumn('published_at', 'bigint', (c) => c.notNull())
      .addColumn('outlet', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('article_voices_pk', ['article_id', 'seq'])
      .execute();
    // "Voices about actor X between t1 and t2" (then scoped to a server through article_feeds).
    await db.schema.createIndex('article_voices_actor_time').on('article_voices').columns(['actor', 'published_at']).execute();
  },
};
