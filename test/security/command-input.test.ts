// Hostile command input and hostile feed content against the real bot (every command module), the fake Discord,
// a real store and a local feed server: every free-text option of every command gets mentions, markdown, control,
// zero-width and bidi-override characters and its maximum length; feed and item titles carry the same. Nothing
// may ping, format, break the limits or crash; allowed_mentions is empty on every REST payload the bot sent.
import type { APIApplicationCommandOption } from 'discord.js';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeliverer } from '../../src/discord/deliver.js';
import { commandModules, commandPayload } from '../../src/discord/registry.js';
import { refreshFeed } from '../../src/jobs/refresh.js';
import { startWorld, type World } from '../discord/commands/world.js';
import type { OptionValue } from '../fake-discord/options.js';
import { body } from '../helpers/feed-server.js';
import { fakeClock, refreshDeps, rss, type SampleItem } from '../jobs/fixtures.js';
import { MARKDOWN, MENTIONS, expectSafe, expectSafeAnswer, hostileValues, messageOf, renderProblems, visibleText } from './hostile.js';

interface Path {
  name: string;
  group?: string;
  subcommand?: string;
  options: APIApplicationCommandOption[];
}

/** Every invocable path (command, group, subcommand) of the registered commands, with its options. */
function allPaths(): Path[] {
  const paths: Path[] = [];
  for (const command of commandPayload(commandModules)) {
    const options = 'options' in command ? command.options ?? [] : [];
    if (!options.some((o) => o.type === 1 || o.type === 2)) paths.push({ name: command.name, options });
    for (const o of options) {
      if (o.type === 1) paths.push({ name: command.name, subcommand: o.name, options: o.options ?? [] });
      if (o.type === 2) for (const s of o.options ?? []) paths.push({ name: command.name, group: o.name, subcommand: s.name, options: s.options ?? [] });
    }
  }
  return paths;
}

const label = (p: Path, option: string): string => `/${[p.name, p.group, p.subcommand].filter(Boolean).join(' ')} ${option}:`;
const where = (p: Path) => ({ name: p.name, ...(p.group ? { group: p.group } : {}), ...(p.subcommand ? { subcommand: p.subcommand } : {}) });
const xml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const LEGAL_XML_INVISIBLE = 'pay\u202etxt.exe\u202c \u2066iso\u2069 z\u200bw';
const FEED_TITLE = `${MENTIONS} ${MARKDOWN} ${LEGAL_XML_INVISIBLE}`;

/** Two items whose titles, text and links are hostile (the first feed fetch is the backlog; later ones are new). */
function hostileItems(w: World, tag: string, daysAgo: number): SampleItem[] {
  return [
    { guid: `${tag}1`, title: xml(FEED_TITLE), body: xml(`NATO brutally attacked the peaceful town ${MENTIONS} ${MARKDOWN}.`), link: w.server.url(`/hostile/${tag}1`), daysAgo },
    { guid: `${tag}2`, title: xml(`**NATO** ${MENTIONS}`), body: xml('NATO praised the fruitful, successful talks [link](https://evil.example).'), link: w.server.url(`/hostile/${tag}2?a=(b)<c>`), daysAgo },
  ];
}

describe('hostile input and hostile feeds', () => {
  let w: World;
  let n = 0;

  /** A valid value for an option that is not under test, so the command gets as far as the hostile one. */
  function plausible(o: APIApplicationCommandOption): OptionValue {
    if ('choices' in o && o.choices?.length) return o.choices[0]!.value;
    if (o.type === 5) return true;
    if (o.type === 7) return 'digests';
    if (o.type === 4 || o.type === 10) return ((o.min_value ?? 0) + (o.max_value ?? 1)) / 2;
    if (o.type === 11) return { filename: 'feeds.opml', content: '<opml version="2.0"><body/></opml>' };
    const known: Record<string, string> = { url: w.server.url(`/plain.xml?n=${n++}`), name: 'NATO', aliases: 'Genovian', when: 'daily 09:00', actor: 'Russia', text: 'NATO praised the talks.' };
    return known[o.name] ?? 'plain';
  }

  beforeAll(async () => {
    w = await startWorld();
    w.server.route('/hostile.xml', body(rss(xml(FEED_TITLE), hostileItems(w, 'old', 1), Date.now())));
    w.server.route('/plain.xml', body(rss('Plain', [{ guid: 'p', title: 'Plain', body: 'Plain text.' }], Date.now())));
  });
  afterAll(async () => w.stop());

  it('every free-text option of every command, with mentions, markdown, controls, invisibles and maximum length', async () => {
    let checked = 0;
    for (const p of allPaths()) {
      for (const option of p.options.filter((o) => o.type === 3)) {
        const maxLength = 'max_length' in option ? option.max_length : undefined;
        for (const value of hostileValues(maxLength)) {
          const others = Object.fromEntries(p.options.filter((o) => o.required === true && o.name !== option.name).map((o) => [o.name, plausible(o)]));
          const handle = w.h.fake.injectCommand({ ...where(p), options: { ...others, [option.name]: value }, user: 'admin' });
          await expectSafeAnswer(handle, `${label(p, option.name)}${JSON.stringify(value.slice(0, 40))}`);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(100);
    expect(w.h.logs.filter((l) => l.msg === 'command failed' || l.msg === 'interaction response failed')).toEqual([]);
  }, 120_000);

  it('hostile text typed into every autocomplete option gets at most 25 choices of at most 100 characters', async () => {
    for (const p of allPaths()) {
      for (const option of p.options.filter((o) => 'autocomplete' in o && o.autocomplete === true)) {
        for (const value of hostileValues(100)) {
          const others = Object.fromEntries(p.options.filter((o) => o.required === true && o.name !== option.name).map((o) => [o.name, plausible(o)]));
          const choices = await w.h.fake.injectAutocomplete({ ...where(p), options: { ...others, [option.name]: value }, focused: option.name, user: 'admin' }).choices();
          expect(choices.length).toBeLessThanOrEqual(25);
          expect(choices.every((c) => c.name.length <= 100 && String(c.value).length <= 100)).toBe(true);
        }
      }
    }
  }, 60_000);

  it('feed and item titles with mentions and markdown are escaped in /feeds test, add, list', async () => {
    const url = w.server.url('/hostile.xml');
    const preview = await expectSafeAnswer(w.h.fake.injectCommand({ name: 'feeds', subcommand: 'test', options: { url }, user: 'admin' }), '/feeds test');
    expect(preview).toContain('\\*\\*NATO\\*\\*');
    expect(preview).toContain('@\u200beveryone');
    const added = await expectSafeAnswer(w.h.fake.injectCommand({ name: 'feeds', subcommand: 'add', options: { url }, user: 'admin' }), '/feeds add');
    expect(added).toContain('Now following');
    expect(added).toContain('@\u200beveryone');
    await expectSafeAnswer(w.h.fake.injectCommand({ name: 'feeds', subcommand: 'list', user: 'admin' }), '/feeds list');
  });

  it('analysed hostile articles are escaped in /summary, /actor, /article, /digest preview and the posted digest', async () => {
    const deps = refreshDeps(w.store, fakeClock(Date.now()));
    const feed = (await w.store.listPolledFeeds()).find((f) => f.url.includes('hostile'))!;
    expect(await refreshFeed(feed, deps)).toMatchObject({ kind: 'stored', newArticles: 2 });
    w.server.route('/hostile.xml', body(rss(xml(FEED_TITLE), hostileItems(w, 'new', 0.01), Date.now())));
    expect(await refreshFeed((await w.store.getFeed(feed.id))!, deps)).toMatchObject({ kind: 'stored', newArticles: 2 });
    await deps.fetcher.close();
    const run = (o: Parameters<World['h']['fake']['injectCommand']>[0], what: string) => expectSafeAnswer(w.h.fake.injectCommand({ user: 'admin', ...o }), what);
    await run({ name: 'actors', subcommand: 'watch', options: { name: 'NATO' } }, '/actors watch');
    const summary = await run({ name: 'summary', options: { period: '30d' } }, '/summary');
    expect(summary).toContain('4 articles');
    expect(summary).toContain('<\u200b@&');
    await run({ name: 'actor', options: { name: 'NATO', period: '30d' } }, '/actor');
    const article = await run({ name: 'article', options: { url: w.server.url('/hostile/new1') } }, '/article');
    expect(article).toContain('Stored analysis');
    await run({ name: 'digest', subcommand: 'channel', options: { channel: 'digests' } }, '/digest channel');
    const preview = await run({ name: 'digest', subcommand: 'preview' }, '/digest preview');
    expect(preview).toContain('\\# Heading');
    await run({ name: 'digest', subcommand: 'now' }, '/digest now');
    const payload = await w.jobs.previewDigest(w.guildA);
    if (!payload.ok) throw new Error(payload.error);
    await w.store.enqueue({ kind: 'digest', guildId: w.guildA, channelId: w.h.fake.channel('digests').id, dedupeKey: 'hostile', payload: payload.value, now: Date.now() });
    const deliverer = createDeliverer({ client: w.h.client, store: w.store, logger: pino({ level: 'silent' }), now: Date.now, owner: 'test' });
    expect(await deliverer.deliverDue()).toMatchObject({ sent: 2, failed: 0, parked: 0 });
    const posted = w.h.fake.requestsTo('POST /channels/:id/messages');
    expect(posted.length).toBeGreaterThan(0);
    expectSafe(posted, 'posted digest');
    const text = posted.map(messageOf).filter((m) => m !== null).map(visibleText).join('\n');
    expect(text).toContain('<\u200b@&');
    expect(text).toContain('](<http://127.0.0.1');
    expect(text).not.toContain('?a=(b)');
  }, 30_000);

  it('every REST payload the bot sent in this file had empty allowed_mentions and nothing hostile rendered', () => {
    const sent = w.h.fake.requests.filter((r) => r.method !== 'GET');
    expect(sent.length).toBeGreaterThan(300);
    expectSafe(sent, 'all');
    expect(renderProblems('@everyone')).toEqual(['@everyone/@here']);
  });
});
