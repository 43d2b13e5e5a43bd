import { expect, it } from 'vitest';
import { createStore, isTransientDbError, parseDatabaseUrl } from '../../src/store/index.js';
import { retryBusy } from '../../src/store/retry.js';
import { describeStoreContract, logger, openStore } from './harness.js';

describeStoreContract('Store lifecycle', (h) => {
  it('migrates idempotently, from this instance and from another one', async () => {
    const { store, openAnother } = h();
    expect(await store.migrate()).toEqual([]);
    const other = await openAnother();
    expect(await other.migrate()).toEqual([]);
    expect(await store.ping()).toBe(true);
    expect(store.dialect).toBe(h().pgSchema === undefined ? 'sqlite' : 'postgres');
  });

  it('applies every migration to an empty database and keeps data on a re-run', async () => {
    const { url, pgSchema } = h();
    const { feed } = await h().store.addFeed({ url: 'https://keep.example/', nextCheckAt: 0, now: 0 });
    const fresh = await openStore(url, pgSchema);
    expect(await fresh.getFeed(feed.id)).toEqual(feed);
    await fresh.close();
  });

  it('reports a closed database through ping', async () => {
    const { store } = h();
    await store.close();
    expect(await store.ping()).toBe(false);
  });
});

it('parses DATABASE_URL forms and rejects malformed ones', () => {
  expect(parseDatabaseUrl('sqlite:./data/x.db')).toEqual({ ok: true, value: { dialect: 'sqlite', path: './data/x.db' } });
  expect(parseDatabaseUrl('sqlite::memory:')).toEqual({ ok: true, value: { dialect: 'sqlite', path: ':memory:' } });
  expect(parseDatabaseUrl('postgres://u:p@db:5432/sw')).toEqual({ ok: true, value: { dialect: 'postgres', url: 'postgres://u:p@db:5432/sw' } });
  expect(parseDatabaseUrl('sqlite:').ok).toBe(false);
  expect(parseDatabaseUrl('mysql://x').ok).toBe(false);
  expect(parseDatabaseUrl('postgres://[bad').ok).toBe(false);
});

it('works on an in-memory SQLite database', async () => {
  const store = await createStore({ url: 'sqlite::memory:', logger });
  expect(await store.migrate()).toEqual(['001_feeds', '002_articles', '003_guilds', '004_delivery', '005_seen_index', '006_pending_partial', '007_shared_daily', '008_voices', '009_stories']);
  expect((await store.addFeed({ url: 'https://m.example/', nextCheckAt: 0, now: 0 })).created).toBe(true);
  await store.close();
});

it('surfaces a refused PostgreSQL connection as a transient error', async () => {
  const store = await createStore({ url: 'postgres://postgres@127.0.0.1:1/none', logger });
  const failure = await store.getFeed(1).then(() => undefined, (error: unknown) => error);
  expect(isTransientDbError(failure)).toBe(true);
  expect(await store.ping()).toBe(false);
  await store.close();
});

it('retries SQLite busy errors a bounded number of times', async () => {
  const busy = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
  let calls = 0;
  expect(await retryBusy(async () => (++calls < 3 ? Promise.reject(busy) : 'done'), 5, 1)).toBe('done');
  expect(calls).toBe(3);
  calls = 0;
  await expect(retryBusy(async () => { calls++; throw busy; }, 4, 1)).rejects.toBe(busy);
  expect(calls).toBe(4);
  const other = new Error('constraint');
  calls = 0;
  await expect(retryBusy(async () => { calls++; throw other; }, 4, 1)).rejects.toBe(other);
  expect(calls).toBe(1);
  expect([isTransientDbError(busy), isTransientDbError(other), isTransientDbError({ code: '57P01' })]).toEqual([true, false, true]);
});
