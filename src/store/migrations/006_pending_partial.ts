// Articles waiting for analysis: a partial index holds only those (analysed = 0), so storing and then analysing an
// article adds and removes one small entry instead of moving it within an index over every article.
import { sql } from 'kysely';
import type { AnyDb, Migration } from './helpers.js';

export const migration: Migration = {
  async up(db: AnyDb) {
    await db.schema.dropIndex('articles_pending').execute();
    await sql`create index articles_pending on articles (fetched_at, id) where analysed = 0`.execute(db);
  },
};
