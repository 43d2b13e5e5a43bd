// An in-process worker app (startApp) on a fresh PostgreSQL database reached through a TCP proxy, with HTTP_PORT
// and feeds on a local feed server: for health, metrics and outage tests.
import pino from 'pino';
import { loadConfig } from '../../src/config.js';
import { startApp, type App } from '../../src/main.js';
import { createStore, type Store } from '../../src/store/index.js';
import { startFeedServer, type FeedServer } from '../helpers/feed-server.js';
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy.js';
import { testConfigDir } from '../scale/cluster.js';
import { freshDatabase, viaPort, type FreshDatabase } from '../scale/pg.js';

export interface TestApp {
  app: App;
  /** http://127.0.0.1:PORT of /healthz and /metrics. */
  base: string;
  proxy: TcpProxy;
  db: FreshDatabase;
  server: FeedServer;
  /** A store connected directly (not through the proxy), for set-up and checks. */
  direct: Store;
  logs: string[];
  /** Adds `n` feeds routed to `handler(i)`, subscribed by guild 'g' and due now. */
  addFeeds(n: number, handler: (i: number) => Parameters<FeedServer['route']>[1]): Promise<void>;
  close(): Promise<void>;
}

/** A next-check time no tick reaches during a test. */
const NOT_YET = Date.UTC(2999, 0, 1);

export async function startTestApp(prefix: string, leaseSeconds = 2): Promise<TestApp> {
  const db = await freshDatabase(prefix);
  const direct = await createStore({ url: db.url, logger: pino({ level: 'silent' }) });
  await direct.migrate();
  const proxy = await startTcpProxy(Number(new URL(db.url).port || 5432));
  const server = await startFeedServer();
  const configDir = testConfigDir({ userAgent: 'sw-ops-test', leaseSeconds, batchSize: 10, concurrency: 5 });
  const loaded = loadConfig({ env: { DATABASE_URL: viaPort(db.url, proxy.port), HTTP_PORT: '0', LOG_LEVEL: 'info' }, configDir });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.error));
  const logs: string[] = [];
  const app = await startApp(loaded.value, { role: 'worker', logDestination: { write: (line: string) => void logs.push(line) } }).catch(async (error: unknown) => {
    await Promise.all([direct.close(), server.close(), proxy.close()]);
    await db.drop();
    throw error;
  });
  return {
    app, proxy, db, server, direct, logs,
    base: `http://127.0.0.1:${app.httpPort}`,
    async addFeeds(n, handler) {
      // Added not yet due, then made due in one statement: the running worker's next tick claims them all at
      // once, whenever its ticks fall during the inserts.
      const ids: number[] = [];
      for (let i = 0; i < n; i++) {
        server.route(`/f${i}.xml`, handler(i));
        const { feed } = await direct.addFeed({ url: server.url(`/f${i}.xml`), nextCheckAt: NOT_YET, now: Date.now() });
        await direct.subscribe({ guildId: 'g', feedId: feed.id, channelId: 'c', name: `f${i}`, createdBy: 'test', now: Date.now() });
        ids.push(feed.id);
      }
      await db.query('update feeds set next_check_at = 0 where id = any($1::int[])', [ids]);
    },
    async close() {
      proxy.restore();
      await app.stop();
      await direct.close();
      await server.close();
      await proxy.close();
      await db.drop();
    },
  };
}

export async function status(url: string): Promise<number> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(5_000) })).status;
  } catch {
    return 0;
  }
}

/** Polls `url` until it answers `expected` (health changes take a check or a tick to show). */
export async function statusBecomes(url: string, expected: number, withinMs: number): Promise<number> {
  const until = Date.now() + withinMs;
  let last = await status(url);
  while (last !== expected && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 200));
    last = await status(url);
  }
  return last;
}
