// Runs the store contract against SQLite (always, a temp file) and PostgreSQL (when TEST_DATABASE_URL is
// set), each test in a fresh database: a new SQLite file, or a new PostgreSQL schema dropped afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { afterEach, beforeEach, describe } from 'vitest';
import type { Store } from '../../src/store/index.js';
import { createStore } from '../../src/store/index.js';

export interface Harness {
  store: Store;
  /** Another store instance (own connection/pool) on the same database, already migrated. */
  openAnother(): Promise<Store>;
  url: string;
  pgSchema?: string;
}

interface Engine {
  name: string;
  setup(): Promise<{ url: string; pgSchema?: string; dispose(): Promise<void> }>;
}

export const logger = pino({ level: 'silent' });
let counter = 0;

const sqliteEngine: Engine = {
  name: 'sqlite',
  async setup() {
    const dir = mkdtempSync(join(tmpdir(), 'stancewatch-store-'));
    return { url: `sqlite:${join(dir, 'test.db')}`, dispose: async () => rmSync(dir, { recursive: true, force: true }) };
  },
};

function postgresEngine(url: string): Engine {
  return {
    name: 'postgres',
    async setup() {
      const pgSchema = `sw_test_${process.pid}_${++counter}_${Math.random().toString(36).slice(2, 8)}`;
      const dispose = async () => {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        await client.query(`drop schema if exists ${pgSchema} cascade`);
        await client.end();
      };
      return { url, pgSchema, dispose };
    },
  };
}

export function engines(): Engine[] {
  const pgUrl = process.env['TEST_DATABASE_URL'];
  return pgUrl ? [sqliteEngine, postgresEngine(pgUrl)] : [sqliteEngine];
}

export async function openStore(url: string, pgSchema?: string): Promise<Store> {
  const store = await createStore({ url, logger, ...(pgSchema === undefined ? {} : { pgSchema }) });
  await store.migrate();
  return store;
}

/** Declares `body` once per engine; `h()` gives the current test's fresh harness. */
export function describeStoreContract(title: string, body: (h: () => Harness) => void): void {
  for (const engine of engines()) {
    describe(`${title} [${engine.name}]`, () => {
      let harness: Harness | undefined;
      const opened: Store[] = [];
      let dispose: (() => Promise<void>) | undefined;
      beforeEach(async () => {
        const db = await engine.setup();
        dispose = db.dispose;
        const store = await openStore(db.url, db.pgSchema);
        opened.push(store);
        const openAnother = async () => {
          const another = await openStore(db.url, db.pgSchema);
          opened.push(another);
          return another;
        };
        harness = { store, openAnother, url: db.url, ...(db.pgSchema === undefined ? {} : { pgSchema: db.pgSchema }) };
      });
      afterEach(async () => {
        for (const store of opened.splice(0)) await store.close();
        await dispose?.();
      });
      body(() => {
        if (!harness) throw new Error('harness used outside a test');
        return harness;
      });
    });
  }
}

/** A feed with one active subscription in `guildId`, due at `nextCheckAt`. */
export async function subscribedFeed(store: Store, url: string, guildId = 'g1', nextCheckAt = 0) {
  const { feed } = await store.addFeed({ url, nextCheckAt, now: 0 });
  const sub = await store.subscribe({ guildId, feedId: feed.id, channelId: `${guildId}-chan`, name: url, createdBy: 'tester', now: 0 });
  if (!sub.ok) throw new Error('subscribe failed');
  return { feed, subscription: sub.value };
}
