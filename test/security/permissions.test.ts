// Permissions and server isolation, against the real bot (every command module), the fake Discord, a real store
// and a local feed server. The configuration subcommands are read from the registered command JSON, so a
// subcommand added later is covered (and must be declared as needing Manage Server) without touching this file.
import { PermissionFlagsBits } from 'discord.js';
import type { APIApplicationCommandOption } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGES } from '../../src/discord/handler.js';
import { needsManageServer } from '../../src/discord/permissions.js';
import { commandModules, commandPayload, createRegistry } from '../../src/discord/registry.js';
import { refreshFeed } from '../../src/jobs/refresh.js';
import { EPHEMERAL, startWorld, textOf, type World } from '../discord/commands/world.js';
import type { OptionValue } from '../fake-discord/options.js';
import { body } from '../helpers/feed-server.js';
import { fakeClock, refreshDeps, rss } from '../jobs/fixtures.js';

/** Read-only subcommands; every other subcommand of these commands changes the server's configuration. */
const READ_ONLY: Record<string, string[]> = { feeds: ['list'], actors: ['list'], digest: [], alerts: [] };
const ALL = Object.values(PermissionFlagsBits).reduce((acc, bit) => acc | bit, 0n);
/** A member of a server that loosened the commands' permissions: everything but Manage Server (and Administrator). */
const LOOSENED = ALL & ~PermissionFlagsBits.ManageGuild & ~PermissionFlagsBits.Administrator;

interface Path {
  name: string;
  group?: string;
  subcommand: string;
  options: APIApplicationCommandOption[];
}

/** Every subcommand path of the registered configuration commands, except the read-only ones. */
function configurationPaths(): Path[] {
  const paths: Path[] = [];
  for (const command of commandPayload(commandModules)) {
    const readOnly = READ_ONLY[command.name];
    if (readOnly === undefined) continue;
    for (const option of ('options' in command ? command.options ?? [] : [])) {
      if (option.type === 1 && !readOnly.includes(option.name)) paths.push({ name: command.name, subcommand: option.name, options: option.options ?? [] });
      if (option.type !== 2) continue;
      for (const sub of option.options ?? []) paths.push({ name: command.name, group: option.name, subcommand: sub.name, options: sub.options ?? [] });
    }
  }
  return paths;
}

const label = (p: Path): string => [p.name, p.group, p.subcommand].filter(Boolean).join(' ');

describe('permissions and isolation', () => {
  let w: World;
  let feedUrl: string;
  let subId: number;
  let ruleId: number;

  /** A plausible value for each required option, so only the permission check can stop the command. */
  function valueFor(o: APIApplicationCommandOption): OptionValue {
    const known: Record<string, OptionValue> = {
      url: feedUrl, feed: String(subId), name: 'NATO', aliases: 'Genovian', channel: 'digests', when: 'daily 09:00',
      actor: 'Russia', rule: String(ruleId), threshold: 0.5, file: { filename: 'feeds.opml', content: `<opml version="2.0"><body><outline xmlUrl="${feedUrl}"/></body></opml>` },
    };
    if ('choices' in o && o.choices?.length) return o.choices[0]!.value;
    return known[o.name] ?? (o.type === 5 ? true : o.type === 4 || o.type === 10 ? 1 : 'x');
  }

  async function snapshot(guildId: string): Promise<string> {
    const s = w.store;
    return JSON.stringify([
      await s.listSubscriptions(guildId), await s.listGuildActors(guildId), await s.listWatchedActors(guildId),
      await s.getGuildSettings(guildId), await s.listAlertRules(guildId), await s.countOutbox(),
    ]);
  }

  const admin = (o: Parameters<World['h']['fake']['injectCommand']>[0]) => w.h.fake.injectCommand({ user: 'admin', ...o });

  beforeAll(async () => {
    w = await startWorld();
    feedUrl = w.server.url('/alpha.xml');
    const items = [{ guid: 'p1', title: 'Alpha exclusive on NATO', body: 'NATO praised the fruitful talks.', link: w.server.url('/alpha/1') }];
    w.server.route('/alpha.xml', body(rss('Alpha Outlet', items, Date.now())));
    expect((await admin({ name: 'feeds', subcommand: 'add', options: { url: feedUrl } }).reply()).content).toContain('Now following');
    subId = (await w.store.listSubscriptions(w.guildA))[0]!.id;
    await admin({ name: 'actors', subcommand: 'add', options: { name: 'Wakanda', aliases: 'Wakandan' } }).reply();
    await admin({ name: 'actors', subcommand: 'watch', options: { name: 'NATO' } }).reply();
    await admin({ name: 'digest', subcommand: 'channel', options: { channel: 'digests' } }).reply();
    await admin({ name: 'alerts', group: 'add', subcommand: 'volume', options: { actor: 'NATO' } }).reply();
    ruleId = (await w.store.listAlertRules(w.guildA))[0]!.id;
    const deps = refreshDeps(w.store, fakeClock(Date.now()));
    expect(await refreshFeed((await w.store.listPolledFeeds())[0]!, deps)).toMatchObject({ kind: 'stored', newArticles: 1 });
    await deps.fetcher.close();
  });
  afterAll(async () => w.stop());

  it('finds the configuration subcommands in the registered JSON, and each is declared as needing Manage Server', () => {
    const paths = configurationPaths();
    expect(paths.map(label)).toEqual(expect.arrayContaining(['feeds add', 'feeds import', 'actors watch', 'digest now', 'alerts add stance', 'alerts remove']));
    expect(paths.length).toBeGreaterThanOrEqual(18);
    const registry = createRegistry(commandModules);
    for (const p of paths) expect(needsManageServer(registry.get(p.name)!, [p.group, p.subcommand].filter(Boolean).join(' ')), label(p)).toBe(true);
  });

  it('refuses every configuration subcommand to a member without Manage Server, even with loosened permissions', async () => {
    const before = await snapshot(w.guildA);
    const fetches = w.server.requests.length;
    for (const p of configurationPaths()) {
      const options = Object.fromEntries(p.options.filter((o) => o.required === true).map((o) => [o.name, valueFor(o)]));
      const handle = w.h.fake.injectCommand({ name: p.name, ...(p.group ? { group: p.group } : {}), subcommand: p.subcommand, options, user: 'member', permissions: LOOSENED });
      const callback = await handle.callback();
      expect(callback.type, label(p)).toBe(4);
      expect(Number(callback.data?.['flags'] ?? 0) & EPHEMERAL, label(p)).toBe(EPHEMERAL);
      expect(callback.data?.['content'], label(p)).toBe(MESSAGES.manageServer);
    }
    expect(await snapshot(w.guildA)).toBe(before);
    expect(w.server.requests.length).toBe(fetches);
    expect(w.h.fake.requestsTo('POST /channels/:id/messages')).toHaveLength(0);
  });

  it('gives no autocomplete choices to such a member on configuration subcommands', async () => {
    for (const p of configurationPaths()) {
      const focused = p.options.find((o) => 'autocomplete' in o && o.autocomplete === true);
      if (focused === undefined) continue;
      const options = { ...Object.fromEntries(p.options.filter((o) => o.required === true).map((o) => [o.name, valueFor(o)])), [focused.name]: '' };
      const choices = await w.h.fake.injectAutocomplete({ name: p.name, ...(p.group ? { group: p.group } : {}), subcommand: p.subcommand, options, focused: focused.name, user: 'member', permissions: LOOSENED }).choices();
      expect(choices, label(p)).toEqual([]);
    }
  });

  it('the same subcommands work for an admin (the refusal above was the permission, not the options)', async () => {
    const handle = admin({ name: 'actors', subcommand: 'unwatch', options: { name: 'NATO' } });
    expect((await handle.reply()).content).toBe('No longer watching **NATO**.');
    expect((await admin({ name: 'actors', subcommand: 'watch', options: { name: 'NATO' } }).reply()).content).toBe('Now watching **NATO**.');
  });

  it('another server sees none of the first server’s feeds, actors, digest settings or alerts', async () => {
    const inB = (o: Parameters<World['h']['fake']['injectCommand']>[0]) => admin({ guild: w.guildB, ...o });
    const texts = await Promise.all([
      inB({ name: 'feeds', subcommand: 'list' }).reply(), inB({ name: 'actors', subcommand: 'list' }).reply(),
      inB({ name: 'digest', subcommand: 'status' }).reply(), inB({ name: 'alerts', subcommand: 'list' }).reply(),
      inB({ name: 'summary', options: { period: '30d', outlet: 'Alpha Outlet' } }).reply(),
    ].map(async (m) => textOf(await m)));
    const all = texts.join('\n');
    for (const secret of ['alpha.xml', 'Alpha Outlet ·', 'Wakanda', `#${ruleId}`, w.h.fake.channel('digests', w.guildA).id]) expect(all).not.toContain(secret);
    expect(texts[0]).toContain('follows no feeds');
    expect(texts[1]).toContain('No actor is watched yet');
    expect(texts[2]).toContain('not set (use /digest channel)');
    expect(texts[3]).toContain('No alert rules yet');
    expect(texts[4]).toContain('0 articles');
    const exported = inB({ name: 'feeds', subcommand: 'export' });
    await exported.reply();
    const opml = exported.requests().flatMap((r) => r.files).map((f) => f.data.toString('utf8')).join('');
    expect(opml).toContain('<opml');
    expect(opml).not.toContain('alpha.xml');
  });

  it('another server cannot change them by id or by name, through any command', async () => {
    const before = await snapshot(w.guildA);
    const inB = (o: Parameters<World['h']['fake']['injectCommand']>[0]) => admin({ guild: w.guildB, ...o }).answer();
    for (const subcommand of ['remove', 'pause', 'resume']) {
      for (const feed of [String(subId), 'Alpha Outlet', feedUrl]) expect((await inB({ name: 'feeds', subcommand, options: { feed } })).content).toContain('follows no such feed');
    }
    for (const subcommand of ['remove', 'watch']) expect((await inB({ name: 'actors', subcommand, options: { name: 'Wakanda' } })).content).toContain('no such actor');
    expect((await inB({ name: 'actors', subcommand: 'unwatch', options: { name: 'NATO' } })).content).not.toContain('No longer watching');
    expect((await inB({ name: 'alerts', subcommand: 'remove', options: { rule: String(ruleId) } })).content).toBe(`There is no alert rule #${ruleId} in this server.`);
    expect(textOf(await inB({ name: 'actor', options: { name: 'Wakanda' } }))).toContain('not a known actor');
    expect(textOf(await inB({ name: 'digest', subcommand: 'now' }))).not.toContain('is being posted');
    expect(await snapshot(w.guildA)).toBe(before);
    expect((await w.store.listAlertRules(w.guildB))).toEqual([]);
  });

  it('another server’s autocomplete offers none of the first server’s feeds, actors or rules', async () => {
    const complete = (name: string, subcommand: string | undefined, focused: string, typed: string) =>
      w.h.fake.injectAutocomplete({ name, ...(subcommand ? { subcommand } : {}), options: { [focused]: typed }, focused, user: 'admin', guild: w.guildB }).choices();
    const all = [
      ...(await complete('feeds', 'remove', 'feed', '')), ...(await complete('feeds', 'pause', 'feed', 'alpha')),
      ...(await complete('actors', 'remove', 'name', '')), ...(await complete('actors', 'watch', 'name', 'wak')),
      ...(await complete('actors', 'unwatch', 'name', '')), ...(await complete('summary', undefined, 'actor', 'wak')),
      ...(await complete('actor', undefined, 'name', 'wak')), ...(await complete('alerts', 'remove', 'rule', '')),
    ];
    expect(all).toEqual([]);
    const mine = await w.h.fake.injectAutocomplete({ name: 'feeds', subcommand: 'remove', options: { feed: 'alpha' }, focused: 'feed', user: 'admin' }).choices();
    expect(mine.map((c) => c.value)).toEqual([String(subId)]);
  });
});
