// Static migration list (no folder scan): names sort in the order they must run.
import type { Migration as KyselyMigration, MigrationProvider } from 'kysely';
import type { Dialect } from '../types.js';
import { migration as feeds } from './001_feeds.js';
import { migration as articles } from './002_articles.js';
import { migration as guilds } from './003_guilds.js';
import { migration as delivery } from './004_delivery.js';
import { migration as seenIndex } from './005_seen_index.js';
import { migration as pendingPartial } from './006_pending_partial.js';
import { migration as sharedDaily } from './007_shared_daily.js';
import { migration as voices } from './008_voices.js';
import { migration as stories } from './009_stories.js';
import type { Migration } from './helpers.js';

const MIGRATIONS: Record<string, Migration> = {
  '001_feeds': feeds,
  '002_articles': articles,
  '003_guilds': guilds,
  '004_delivery': delivery,
  '005_seen_index': seenIndex,
  '006_pending_partial': pendingPartial,
  '007_shared_daily': sharedDaily,
  '008_voices': voices,
  '009_stories': stories,
};

export function migrationProvider(dialect: Dialect): MigrationProvider {
  return {
    getMigrations: async () => {
      const out: Record<string, KyselyMigration> = {};
      for (const [name, m] of Object.entries(MIGRATIONS)) out[name] = { up: (db) => m.up(db, dialect) };
      return out;
    },
  };
}
