import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PermissionFlagsBits } from 'discord.js';
import { MESSAGES } from '../../../src/discord/handler.js';
import { commandModules, commandPayload } from '../../../src/discord/registry.js';
import { body, htmlPage } from '../../helpers/feed-server.js';
import { rss } from '../../jobs/fixtures.js';
import { EPHEMERAL, mentionPolicies, startWorld, textOf, type World } from './world.js';

const HOSTILE_TITLE = '**Breaking** @everyone <@&1> [click](https://evil.example) _news_';
const ITEMS = [
  { guid: 'n1', title: 'NATO expands drills', body: 'NATO’s reckless provocations threaten regional peace, Beijing said.' },
  { guid: 'n2', title: 'China and Russia sign deal', body: 'China and Russia praised their fruitful, win-win cooperation.' },
];
const EDIT_ROUTE = 'PATCH /webhooks/:appId/:token/messages/:messageId';

describe('/feeds against the fake Discord, a real store and a local feed server', () => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld();
    w.server.route('/hostile.xml', body(rss(HOSTILE_TITLE.replace(/&/g, '&amp;').replace(/</g, '&lt;'), ITEMS, Date.now())));
    w.server.route('/plain.xml', body(rss('Plain Outlet', ITEMS, Date.now())));
    w.server.route('/page.html', htmlPage('/plain.xml'));
    w.server.route('/nothing.html', htmlPage());
  });
  afterAll(async () => w.stop());

  const add = (url: string, user = 'admin', guild?: string) =>
    w.h.fake.injectCommand({ name: 'feeds', subcommand: 'add', options: { url }, user, ...(guild ? { guild } : {}) });

  it('registers /feeds for Manage Server by default while list stays runnable', () => {
    const feeds = commandPayload(commandModules).find((c) => c.name === 'feeds');
    expect(feeds?.default_member_permissions).toBe(PermissionFlagsBits.ManageGuild.toString());
  });

  it('adds a feed with an ephemeral deferred reply, escaping its hostile title and pinging nobody', async () => {
    const handle = add(w.server.url('/hostile.xml'));
    const cb = await handle.callback();
    expect(cb.type).toBe(5);
    expect(Number(cb.data?.['flags'] ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    const reply = await handle.reply();
    expect(reply.content).toContain('Now following');
    expect(reply.content).toContain('\\*\\*Breaking\\*\\*');
    expect(reply.content).toContain('\\[click\\]');
    expect(reply.content).not.toContain('@everyone');
    expect(reply.content).not.toContain('<@&1>');
    expect(mentionPolicies(handle).every((m) => JSON.stringify(m) === JSON.stringify({ parse: [] }))).toBe(true);
    const subs = await w.store.listSubscriptions(w.guildA);
    expect(subs).toHaveLength(1);
    const feed = await w.store.getFeed(subs[0]!.feedId);
    expect(feed).toMatchObject({ primed: false, disabled: false });
    expect(feed!.nextCheckAt).toBeLessThanOrEqual(Date.now());
    expect(await w.store.listSubscriptions(w.guildB)).toEqual([]);
  });

  it('refuses a duplicate, a web page (suggesting its feed), a page without feed and a bad URL, ephemerally', async () => {
    const duplicate = await add(w.server.url('/hostile.xml')).answer();
    expect(duplicate.content).toContain('already follows');
    const page = add(w.server.url('/page.html'));
    const pageAnswer = await page.answer();
    expect(pageAnswer.content).toContain('not a feed');
    expect(pageAnswer.content).toContain(w.server.url('/plain.xml'));
    expect(page.ephemeral).toBe(true);
    expect((await add(w.server.url('/nothing.html')).answer()).content).toContain('not a feed');
    expect((await add('ftp://example.org/feed').answer()).content).toContain('not a valid feed address');
    expect((await add('not a url at all').answer()).content).toContain('not a valid feed address');
    expect(await w.store.listSubscriptions(w.guildA)).toHaveLength(1);
  });

  it('refuses every configuration subcommand to a member without Manage Server, even with loosened permissions', async () => {
    const sub = (await w.store.listSubscriptions(w.guildA))[0]!;
    const attempts: { subcommand: string; options: Record<string, string> }[] = [
      { subcommand: 'add', options: { url: w.server.url('/plain.xml') } },
      { subcommand: 'remove', options: { feed: String(sub.id) } },
      { subcommand: 'pause', options: { feed: String(sub.id) } },
      { subcommand: 'resume', options: { feed: String(sub.id) } },
      { subcommand: 'test', options: { url: w.server.url('/plain.xml') } },
      { subcommand: 'export', options: {} },
    ];
    for (const a of attempts) {
      const handle = w.h.fake.injectCommand({ name: 'feeds', ...a, user: 'member' });
      expect((await handle.answer()).content).toBe(MESSAGES.manageServer);
      expect(handle.ephemeral).toBe(true);
    }
    expect(await w.store.listSubscriptions(w.guildA)).toHaveLength(1);
    expect((await w.store.getSubscription(w.guildA, sub.id))?.paused).toBe(false);
    const list = w.h.fake.injectCommand({ name: 'feeds', subcommand: 'list', user: 'member' });
    expect(textOf(await list.reply())).toContain('\\*\\*Breaking\\*\\*');
  });

  it('lists feeds with their status, within limits, and another server sees none of them', async () => {
    const reply = await w.h.fake.injectCommand({ name: 'feeds', subcommand: 'list', user: 'admin' }).reply();
    const text = textOf(reply);
    expect(text).toContain('not fetched yet');
    expect(text).toContain(w.server.url('/hostile.xml'));
    expect(text).toContain(`0 articles · problems reported in <#${w.h.fake.channel('general').id}>`);
    expect(text.match(/<#\d+>/g)?.length).toBe(text.match(/problems reported in <#\d+>/g)?.length);
    const other = await w.h.fake.injectCommand({ name: 'feeds', subcommand: 'list', user: 'admin', guild: w.guildB }).reply();
    expect(textOf(other)).toContain('follows no feeds');
    expect(textOf(other)).not.toContain('hostile.xml');
  });

  it('autocompletes the server’s own feeds only, and nothing for a member on a configuration subcommand', async () => {
    const sub = (await w.store.listSubscriptions(w.guildA))[0]!;
    const mine = await w.h.fake.injectAutocomplete({ name: 'feeds', subcommand: 'remove', options: { feed: 'break' }, focused: 'feed', user: 'admin' }).choices();
    expect(mine.map((c) => c.value)).toEqual([String(sub.id)]);
    expect(mine[0]!.name.length).toBeLessThanOrEqual(100);
    const none = await w.h.fake.injectAutocomplete({ name: 'feeds', subcommand: 'remove', options: { feed: 'zzz' }, focused: 'feed', user: 'admin' }).choices();
    expect(none).toEqual([]);
    const other = await w.h.fake.injectAutocomplete({ name: 'feeds', subcommand: 'remove', options: { feed: '' }, focused: 'feed', user: 'admin', guild: w.guildB }).choices();
    expect(other).toEqual([]);
    const member = await w.h.fake.injectAutocomplete({ name: 'feeds', subcommand: 'pause', options: { feed: '' }, focused: 'feed', user: 'member' }).choices();
    expect(member).toEqual([]);
  });

  it('never lets one server pause or remove another server’s feed by id', async () => {
    const sub = (await w.store.listSubscriptions(w.guildA))[0]!;
    for (const subcommand of ['pause', 'remove']) {
      const handle = w.h.fake.injectCommand({ name: 'feeds', subcommand, options: { feed: String(sub.id) }, user: 'admin', guild: w.guildB });
      expect((await handle.answer()).content).toContain('follows no such feed');
    }
    expect(await w.store.getSubscription(w.guildA, sub.id)).toMatchObject({ paused: false });
  });

  it('pauses and resumes by autocomplete id, and by name', async () => {
    const sub = (await w.store.listSubscriptions(w.guildA))[0]!;
    expect((await w.h.fake.injectCommand({ name: 'feeds', subcommand: 'pause', options: { feed: String(sub.id) }, user: 'admin' }).reply()).content).toContain('Paused');
    expect((await w.store.getSubscription(w.guildA, sub.id))?.paused).toBe(true);
    expect(textOf(await w.h.fake.injectCommand({ name: 'feeds', subcommand: 'list', user: 'admin' }).reply())).toContain('paused');
    await w.store.disableFeed(sub.feedId, 'too many failures', Date.now());
    expect((await w.h.fake.injectCommand({ name: 'feeds', subcommand: 'resume', options: { feed: sub.name }, user: 'admin' }).reply()).content).toContain('Resumed');
    expect((await w.store.getSubscription(w.guildA, sub.id))?.paused).toBe(false);
    expect((await w.store.getFeed(sub.feedId))?.disabled).toBe(false);
  });

  it('dry-runs a feed: shows the first items with scores and stores nothing', async () => {
    const handle = w.h.fake.injectCommand({ name: 'feeds', subcommand: 'test', options: { url: w.server.url('/plain.xml') }, user: 'admin' });
    const reply = await handle.reply();
    const text = textOf(reply);
    expect(text).toContain('Plain Outlet');
    expect(text).toContain('NATO expands drills');
    // The item relays Beijing's words: NATO's author stance is neutral (guideline rule 2), shown as 0.00.
    expect(text).toMatch(/NATO (?:[+−]\d\.\d\d|0\.00)/);
    expect(text).toContain('nothing was stored');
    expect(await w.store.getFeedByUrl(w.server.url('/plain.xml'))).toBeUndefined();
  });

  it('waits out a 429 on editing the deferred reply and still answers', async () => {
    const before = w.h.fake.requestsTo(EDIT_ROUTE).length;
    w.h.fake.failNext(EDIT_ROUTE, 429, 1, { retryAfterMs: 300 });
    const reply = await w.h.fake.injectCommand({ name: 'feeds', subcommand: 'list', user: 'admin' }).reply(10_000);
    expect(textOf(reply)).toContain('Feeds (1)');
    const edits = w.h.fake.requestsTo(EDIT_ROUTE).slice(before);
    expect(edits.map((r) => r.status)).toEqual([429, 200]);
  });

  it('imports OPML: adds good feeds, reports duplicates and refuses hostile entries with a reason', async () => {
    const opml = `<?xml version="1.0"?><opml version="2.0"><body>
      <outline text="Plain" xmlUrl="${w.server.url('/plain.xml')}"/>
      <outline text="Again" xmlUrl="${w.server.url('/hostile.xml')}"/>
      <outline text="Local file" xmlUrl="file:///etc/passwd"/>
      <outline text="Script" xmlUrl="javascript:alert(1)"/>
      <outline text="Creds" xmlUrl="http://user:pw@example.org/rss"/>
      <outline text="Page" xmlUrl="${w.server.url('/nothing.html')}"/>
    </body></opml>`;
    const handle = w.h.fake.injectCommand({ name: 'feeds', subcommand: 'import', options: { file: { filename: 'feeds.opml', content: opml } }, user: 'admin' });
    const text = textOf(await handle.reply(15_000));
    expect(text).toContain('**1** added · **1** already followed · **4** refused');
    expect(text).toContain('file:');
    expect(text).toContain('not a feed');
    const names = (await w.store.listSubscriptions(w.guildA)).map((s) => s.name).sort();
    expect(names).toEqual(['Plain', HOSTILE_TITLE].sort());
    expect(await w.store.listSubscriptions(w.guildB)).toEqual([]);
  });

  it('refuses a file that is not OPML', async () => {
    const handle = w.h.fake.injectCommand({ name: 'feeds', subcommand: 'import', options: { file: { filename: 'x.txt', content: 'hello' } }, user: 'admin' });
    expect((await handle.answer()).content).toContain('not an OPML document');
  });

  it('exports the server’s feeds as an OPML file', async () => {
    const handle = w.h.fake.injectCommand({ name: 'feeds', subcommand: 'export', user: 'admin' });
    await handle.reply();
    const edit = handle.requests().find((r) => r.method === 'PATCH' && r.files.length > 0);
    const file = edit?.files[0];
    expect(file?.name).toBe('stancewatch-feeds.opml');
    const xml = file!.data.toString('utf8');
    expect(xml).toContain(`xmlUrl="${w.server.url('/plain.xml')}"`);
    expect(xml).toContain('&lt;@&amp;1&gt;');
  });

  it('removes a feed', async () => {
    const sub = (await w.store.findSubscriptionsByName(w.guildA, 'Plain'))[0]!;
    expect((await w.h.fake.injectCommand({ name: 'feeds', subcommand: 'remove', options: { feed: String(sub.id) }, user: 'admin' }).reply()).content).toContain('No longer following **Plain**');
    expect(await w.store.getSubscription(w.guildA, sub.id)).toBeUndefined();
  });
});

describe('/feeds with the production address guard', () => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld({ allowPrivateAddresses: false });
  });
  afterAll(async () => w.stop());

  it('refuses a loopback feed address with ADDRESS_NOT_ALLOWED and sends it no request', async () => {
    w.server.route('/feed.xml', body(rss('Local', ITEMS, Date.now())));
    for (const subcommand of ['add', 'test']) {
      const handle = w.h.fake.injectCommand({ name: 'feeds', subcommand, options: { url: w.server.url('/feed.xml') }, user: 'admin' });
      expect((await handle.answer()).content).toContain('That address is not allowed');
    }
    expect(w.server.count('/feed.xml')).toBe(0);
    expect(await w.store.listSubscriptions(w.guildA)).toEqual([]);
  });
});
