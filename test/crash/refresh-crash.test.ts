// Crash safety of refreshes: the real `stancewatch run --role worker` process is SIGKILLed while a feed is being
// served slowly and, separately, while a full-text feed's article pages are fetched (before anything of it is
// stored); after a restart and its next poll,
// everything the feeds served is stored exactly once and analysed, with nothing half-written.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServerResponse } from 'node:http';
import BetterSqlite3 from 'better-sqlite3';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createStore } from '../../src/store/index.js';
import { body, startFeedServer, type FeedServer } from '../helpers/feed-server.js';
import { REPO_ROOT, startCli, waitFor } from '../helpers/spawn-cli.js';
import { rss, type SampleItem } from '../jobs/fixtures.js';
import { halfWritten, NOTHING_HALF_WRITTEN, type CountQuery } from './db-helpers.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

interface Deployment {
  dir: string;
  url: string;
  count: CountQuery;
  countNow(sql: string): number;
  start(): ReturnType<typeof startCli>;
}

/** A config dir ticking every second with 2 s leases (so a dead worker's feeds are free again quickly). */
async function deployment(feedUrls: string[], fullText = false): Promise<Deployment> {
  const dir = mkdtempSync(join(tmpdir(), 'sw-crash-'));
  const configDir = join(dir, 'config');
  cpSync(join(REPO_ROOT, 'config'), configDir, { recursive: true });
  const file = join(configDir, 'default.yaml');
  writeFileSync(file, readFileSync(file, 'utf8')
    .replace(/tick: "[^"]*"/, 'tick: "* * * * * *"')
    .replace(/leaseSeconds: \d+/, 'leaseSeconds: 2')
    .replace(/allowPrivateAddresses: false/, 'allowPrivateAddresses: true'));
  const url = `sqlite:${join(dir, 'sw.db')}`;
  const store = await createStore({ url, logger: pino({ level: 'silent' }) });
  await store.migrate();
  for (const feedUrl of feedUrls) {
    const { feed } = await store.addFeed({ url: feedUrl, fullText, nextCheckAt: 0, now: Date.now() });
    await store.subscribe({ guildId: 'local', feedId: feed.id, channelId: 'local', name: feedUrl, createdBy: 'test', now: Date.now() });
  }
  await store.close();
  const raw = new BetterSqlite3(join(dir, 'sw.db'), { readonly: true });
  cleanups.push(() => void raw.close());
  return {
    dir, url,
    count: async (sql) => (raw.prepare(sql).get() as { n: number }).n,
    countNow: (sql) => (raw.prepare(sql).get() as { n: number }).n,
    start: () => {
      const child = startCli(['run', '--role', 'worker'], { DATABASE_URL: url, STANCEWATCH_CONFIG_DIR: configDir, LOG_LEVEL: 'debug', DISCORD_TOKEN: '' });
      cleanups.push(() => void child.kill('SIGKILL'));
      return child;
    },
  };
}

function storyItems(prefix: string, n: number, linkBase = 'https://news.example'): SampleItem[] {
  return Array.from({ length: n }, (_, i) => ({
    guid: `${prefix}-${i}`, title: `${prefix} story ${i}`, link: `${linkBase}/${prefix}/${i}`, daysAgo: 0,
    body: `Officials in Moscow said on day ${i} that NATO expansion threatens Russia, while Beijing urged the United States ` +
      `and the European Union to respect China's interests. Analysts in Kyiv welcomed the support of the West for Ukraine.`,
  }));
}

function articlePage(item: SampleItem): string {
  const paragraphs = Array.from({ length: 6 }, (_, k) => `<p>${item.body} Paragraph ${k} adds more reporting from the region.</p>`).join('');
  return `<!DOCTYPE html><html><head><title>${item.title}</title></head><body><article><h1>${item.title}</h1>${paragraphs}</article></body></html>`;
}

async function kill(child: ReturnType<typeof startCli>): Promise<void> {
  child.kill('SIGKILL');
  const result = await child.exited;
  expect(result.signal).toBe('SIGKILL');
}

/** Everything served is stored once and analysed; nothing half-written. */
async function expectComplete(d: Deployment, expected: number): Promise<void> {
  expect(await d.count('select count(*) as n from articles')).toBe(expected);
  expect(await d.count('select count(*) as n from articles where analysed = 0')).toBe(0);
  expect(await d.count('select count(*) as n from article_feeds')).toBe(expected);
  expect(await halfWritten(d.count)).toEqual(NOTHING_HALF_WRITTEN);
}

async function untilComplete(d: Deployment, expected: number, what: string): Promise<void> {
  await waitFor(() => d.countNow('select count(*) as n from articles where analysed = 1') === expected, 40_000, what);
}

describe('SIGKILL during a refresh', () => {
  it('while a feed is still being served: the restart fetches it again and stores it once', async () => {
    const slowItems = storyItems('slow', 12);
    const fastItems = storyItems('fast', 8);
    const slowDoc = rss('Slow outlet', slowItems, Date.now());
    let stall = true;
    let stalled: ServerResponse | null = null;
    const server: FeedServer = await startFeedServer({
      '/fast.xml': body(rss('Fast outlet', fastItems, Date.now())),
      '/slow.xml': (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        if (!stall) return void res.end(slowDoc);
        res.write(slowDoc.slice(0, slowDoc.length / 2));
        stalled = res;
      },
    });
    cleanups.push(() => server.close());
    const d = await deployment([server.url('/fast.xml'), server.url('/slow.xml')]);

    const first = d.start();
    await waitFor(() => stalled !== null, 40_000, 'the slow feed being served');
    await waitFor(() => first.output().stdout.includes('"msg":"feed refreshed"'), 20_000, 'the fast feed stored');
    await kill(first);
    expect(await d.count("select count(*) as n from articles where id like 'slow-%' or link like '%/slow/%'")).toBe(0);

    stall = false;
    const second = d.start();
    await untilComplete(d, slowItems.length + fastItems.length, 'the restart storing the slow feed');
    expect(server.count('/slow.xml')).toBeGreaterThanOrEqual(2);
    await kill(second);
    await expectComplete(d, slowItems.length + fastItems.length);
  }, 120_000);

  it('in the middle of fetching a full-text feed’s pages: the restart stores and analyses all, duplicates nothing', async () => {
    // Article pages are fetched before anything is stored (a feed's articles and their analyses are written in
    // one transaction); from the 10th page on the server stalls, and the process is killed as soon as it asks
    // for one: nothing of the feed is stored yet, and the restart does it all once the lease has expired.
    let stall = true;
    let stalledPages = 0;
    const server = await startFeedServer();
    cleanups.push(() => server.close());
    const items = storyItems('page', 40, `${server.origin}/articles`);
    server.route('/full.xml', body(rss('Full-text outlet', items, Date.now())));
    items.forEach((item, i) => server.route(`/articles/page/${i}`, (_req, res) => {
      if (stall && i >= 10) return void stalledPages++;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(articlePage(item));
    }));
    const d = await deployment([server.url('/full.xml')], true);

    const first = d.start();
    await waitFor(() => stalledPages > 0, 40_000, 'analysis under way');
    await kill(first);
    expect(await d.count('select count(*) as n from articles'), 'nothing was committed before the kill').toBe(0);
    expect(await halfWritten(d.count)).toEqual(NOTHING_HALF_WRITTEN);

    stall = false;
    const second = d.start();
    await untilComplete(d, items.length, 'the restart finishing the analysis');
    await waitFor(() => server.count('/full.xml') >= 2, 20_000, 'the restart polling the feed again (its lease expired)');
    await waitFor(() => d.countNow('select count(*) as n from feeds where last_success_at is not null and lease_owner is null') === 1, 20_000, 'the poll recorded');
    await kill(second);
    await expectComplete(d, items.length);
  }, 120_000);
});
