import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGES } from '../../../src/discord/handler.js';
import { startWorld, textOf, type World } from './world.js';

describe('/actors and /analyze against the fake Discord with a real store and analyser', () => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld();
  });
  afterAll(async () => w.stop());

  const actors = (subcommand: string, options: Record<string, string> = {}, user = 'admin', guild?: string) =>
    w.h.fake.injectCommand({ name: 'actors', subcommand, options, user, ...(guild ? { guild } : {}) });

  it('adds a server actor, refuses a built-in name and a bad definition', async () => {
    const added = await actors('add', { name: 'Wakanda', aliases: 'Wakandan government, Birnin Zana', kind: 'country' }).reply();
    expect(added.content).toContain('Added **Wakanda** (country)');
    expect((await actors('add', { name: 'nato', aliases: 'x' }).answer()).content).toContain('built-in actor');
    expect((await actors('add', { name: '12345', aliases: 'x' }).answer()).content).toContain('needs a letter');
    expect((await actors('add', { name: 'Wakanda', aliases: 'y' }).answer()).content).toContain('already has an actor');
    expect((await w.store.listGuildActors(w.guildA)).map((a) => a.aliases)).toEqual([['Wakanda', 'Wakandan government', 'Birnin Zana']]);
  });

  it('refuses configuration to a member without Manage Server but lets them list', async () => {
    for (const [sub, options] of [['add', { name: 'Genovia', aliases: 'Genovian' }], ['watch', { name: 'NATO' }], ['unwatch', { name: 'NATO' }], ['remove', { name: 'Wakanda' }]] as const) {
      expect((await actors(sub, options, 'member').answer()).content).toBe(MESSAGES.manageServer);
    }
    expect(await w.store.listWatchedActors(w.guildA)).toEqual([]);
    const list = textOf(await actors('list', {}, 'member').reply());
    expect(list).toContain('Wakanda');
    expect(list).toContain('NATO');
  });

  it('watches and unwatches actors case-insensitively, with autocomplete', async () => {
    const choices = await w.h.fake.injectAutocomplete({ name: 'actors', subcommand: 'watch', options: { name: 'wak' }, focused: 'name', user: 'admin' }).choices();
    expect(choices.map((c) => c.value)).toEqual(['Wakanda']);
    expect((await actors('watch', { name: 'nato' }).reply()).content).toBe('Now watching **NATO**.');
    expect((await actors('watch', { name: 'NATO' }).reply()).content).toBe('**NATO** was already watched.');
    expect((await actors('watch', { name: 'Wakanda' }).reply()).content).toContain('Now watching');
    expect((await actors('watch', { name: 'Atlantis' }).answer()).content).toContain('no such actor');
    const unwatch = await w.h.fake.injectAutocomplete({ name: 'actors', subcommand: 'unwatch', options: { name: '' }, focused: 'name', user: 'admin' }).choices();
    expect(unwatch.map((c) => c.value)).toEqual(['NATO', 'Wakanda']);
    expect((await actors('unwatch', { name: 'nato' }).reply()).content).toBe('No longer watching **NATO**.');
    expect(await w.store.listWatchedActors(w.guildA)).toEqual(['Wakanda']);
  });

  it('keeps one server’s actors and watch list out of another’s', async () => {
    const list = textOf(await actors('list', {}, 'admin', w.guildB).reply());
    expect(list).not.toContain('Wakanda');
    expect(list).toContain('No actor is watched yet');
    const choices = await w.h.fake.injectAutocomplete({ name: 'actors', subcommand: 'remove', options: { name: '' }, focused: 'name', user: 'admin', guild: w.guildB }).choices();
    expect(choices).toEqual([]);
    expect((await actors('remove', { name: 'Wakanda' }, 'admin', w.guildB).answer()).content).toContain('no such actor');
    expect(await w.store.listGuildActors(w.guildA)).toHaveLength(1);
  });

  it('/analyze uses the server’s own actors, replies ephemerally and escapes the evidence', async () => {
    const text = 'The Wakandan government brutally crushed the peaceful protest @everyone **now**.';
    const handle = w.h.fake.injectCommand({ name: 'analyze', options: { text }, user: 'member' });
    const reply = await handle.reply();
    expect(handle.ephemeral).toBe(true);
    const wakanda = reply.embeds[0]?.fields?.find((f) => f.name === 'Wakanda');
    expect(wakanda?.value).toMatch(/negative −\d\.\d\d/);
    expect(wakanda?.value).toContain('@\u200beveryone');
    expect(wakanda?.value).toContain('\\*\\*now\\*\\*');
    const other = await w.h.fake.injectCommand({ name: 'analyze', options: { text }, user: 'member', guild: w.guildB }).reply();
    expect(other.embeds[0]?.fields?.some((f) => f.name === 'Wakanda')).toBe(false);
  });

  it('/analyze lists each evidence term once', async () => {
    const reply = await w.h.fake.injectCommand({ name: 'analyze', options: { text: 'The Wakandan government is evil, evil and brutal, critics said.' } }).reply();
    const value = reply.embeds[0]?.fields?.find((f) => f.name === 'Wakanda')?.value ?? '';
    const terms = /-# terms: (.*)/.exec(value)?.[1]?.split(', ') ?? [];
    expect(terms).toContain('evil');
    expect(terms.length).toBe(new Set(terms).size);
  });

  it('/analyze refuses empty text with a clear message', async () => {
    expect((await w.h.fake.injectCommand({ name: 'analyze', options: { text: '   ' } }).answer()).content).toContain('no text to analyse');
    const invisible = '\u200b\u200b\u2060\u202e\ufeff';
    expect((await w.h.fake.injectCommand({ name: 'analyze', options: { text: invisible } }).answer()).content).toContain('no text to analyse');
  });

  it('removes a server actor and stops watching it', async () => {
    const choices = await w.h.fake.injectAutocomplete({ name: 'actors', subcommand: 'remove', options: { name: 'W' }, focused: 'name', user: 'admin' }).choices();
    expect(choices.map((c) => c.value)).toEqual(['Wakanda']);
    expect((await actors('remove', { name: 'wakanda' }).reply()).content).toBe('Removed **Wakanda**.');
    expect(await w.store.listGuildActors(w.guildA)).toEqual([]);
    expect(await w.store.listWatchedActors(w.guildA)).toEqual([]);
  });
});
