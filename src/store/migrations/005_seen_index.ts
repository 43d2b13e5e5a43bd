// Digests select articles by when they were first stored ("seen"), so an article published before a digest but
// fetched after it still appears in the next one: index that time.
import type { AnyDb, Migration } from './helpers.js';

export const migration: Migration = {
  async up(db: AnyDb) {
    await db.schema.createIndex('articles_seen').on('articles').columns(['fetched_at', 'digest_eligible']).execute();
  },
};
