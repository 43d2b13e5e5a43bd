// The whole application as main.ts wires it: worker + bot + outbox delivery + ops server, against a fake
// Discord and a local feed server (both on 127.0.0.1).
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { commandPayload, commandModules } from '../src/discord/registry.js';
import { startApp, type App } from '../src/main.js';
import { startFakeDiscord, type FakeDiscord } from './fake-discord/index.js';
import { body, startFeedServer, type FeedServer } from './helpers/feed-server.js';
import { REPO_ROOT, waitFor } from './helpers/spawn-cli.js';
import { rss } from './jobs/fixtures.js';

const TOKEN = 'MTA5ODc2NTQzMjEwOTg3NjU0Mw.GabcDE.fakeTokenValueForTestsOnly_0123456789abcdefgh';
let app: App | undefined;
let fake: FakeDiscord | undefined;
let feeds: FeedServer | undefined;

afterEach(async () => {
  await app?.stop();
  await fake?.stop();
  await feeds?.close();
  app = fake = feeds = undefined;
});

function testConfigDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sw-main-'));
  cpSync(join(REPO_ROOT, 'config'), dir, { recursive: true });
  const file = join(dir, 'default.yaml');
  writeFileSync(file, readFileSync(file, 'utf8')
    .replace('tick: "* * * * *"', 'tick: "*/1 * * * * *"')
    .replace('allowPrivateAddresses: false', 'allowPrivateAddresses: true')
    .replace('outputDir: "out"', `outputDir: "${join(dir, 'out')}"`));
  return dir;
}

describe('the application (main.ts)', () => {
  it('adds a feed from Discord, polls it, and delivers a digest with its chart to the channel', async () => {
    fake = await startFakeDiscord({ commands: commandPayload(commandModules), token: TOKEN });
    feeds = await startFeedServer();
    const now = Date.now();
    feeds.route('/world.xml', body(rss('World Desk', [
      { guid: 'w1', title: 'Alliance drills', body: 'NATO’s reckless provocations threaten regional peace, Beijing said.' },
      { guid: 'w2', title: 'Summit', body: 'China and Russia praised their fruitful, win-win cooperation.' },
    ], now)));
    const dir = testConfigDir();
    const config = loadConfig({
      configDir: dir,
      env: { DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_URL: fake.restUrl, DATABASE_URL: `sqlite:${join(dir, 'sw.db')}`, HTTP_PORT: '0', LOG_LEVEL: 'debug' },
    });
    if (!config.ok) throw new Error(JSON.stringify(config.error));
    const logs: string[] = [];
    let shift = 0; // the app's clock; moved a minute ahead before /digest now, which covers whole minutes
    app = await startApp(config.value, { role: 'all', now: () => Date.now() + shift, logDestination: new Writable({ write(c, _e, cb) { logs.push(String(c)); cb(); } }) });
    expect(app.discord).not.toBeNull();

    const add = fake.injectCommand({ name: 'feeds', subcommand: 'add', options: { url: feeds.url('/world.xml'), name: 'World Desk' }, user: 'admin' });
    expect(JSON.stringify(await add.answer())).toMatch(/World Desk/);
    await waitFor(() => feeds?.count('/world.xml') === 2, 20_000, 'validation fetch and first poll');
    const store = app.store;
    await waitFor(() => logs.some((l) => l.includes('"msg":"feed refreshed"')), 20_000, 'feed refreshed');
    expect(await store.getArticle('w1')).toMatchObject({ analysed: true, digestEligible: false });

    // The first poll stored the backlog as already seen; a new item arrives and the feed is checked again.
    feeds.route('/world.xml', body(rss('World Desk', [
      { guid: 'w3', title: 'Sanctions', body: 'Washington’s bullying and illegal sanctions were condemned by Moscow.', daysAgo: 0.001 },
    ], Date.now())));
    const feed = await store.getFeedByUrl(feeds.url('/world.xml'));
    await store.enableFeed(feed?.id ?? 0, Date.now());
    await waitFor(() => feeds?.count('/world.xml') === 3, 20_000, 'second poll');
    await waitFor(() => logs.filter((l) => l.includes('"msg":"feed refreshed"')).length >= 2, 20_000, 'second refresh');
    expect(await store.getArticle('w3')).toMatchObject({ analysed: true, digestEligible: true });

    await fake.injectCommand({ name: 'digest', subcommand: 'channel', options: { channel: 'digests' }, user: 'admin' }).answer();
    shift = 60_000;
    expect(JSON.stringify(await fake.injectCommand({ name: 'digest', subcommand: 'now', user: 'admin' }).answer())).toMatch(/being posted/);
    // The deliverer polls the outbox every 5 s.
    const posted = await fake.waitFor(() => fake?.messages('digests').find((m) => m.files.length > 0), 20_000, 'digest with chart');
    expect(posted.files[0]?.data.subarray(1, 4).toString()).toBe('PNG');
    expect(posted.allowedMentions).toEqual({ parse: [] });

    const health = await fetch(`http://127.0.0.1:${app.httpPort}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ checks: { database: { ok: true }, scheduler: { ok: true }, discord: { ok: true } } });
    const metrics = await (await fetch(`http://127.0.0.1:${app.httpPort}/metrics`)).text();
    expect(metrics).toMatch(/stancewatch_feed_fetches_total\{outcome="ok"\} [1-9]/);
    expect(metrics).toMatch(/stancewatch_deliveries_total\{kind="digest",outcome="delivered"\} 1/);
    expect(logs.join('')).not.toContain(TOKEN);
  }, 60_000);
});
