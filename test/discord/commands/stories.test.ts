// /stories, /story and the digest's "Stories across outlets" through the real discord.js client against the fake
// Discord: articles and their real analyses stored through the store, grouped by the real clustering pass
// (src/jobs/stories.ts), never story rows written by hand. Two servers: neither sees the other's stories.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runStoryClustering } from '../../../src/jobs/stories.js';
import type { FakeMessage } from '../../fake-discord/messages.js';
import { silent } from '../../jobs/fixtures.js';
import { seedArticles } from '../../jobs/story-seed.js';
import { FOREIGN, QUAKE, SUMMIT, UNRELATED } from './story-world.js';
import { EPHEMERAL, startWorld, textOf, type World } from './world.js';

const HOUR = 3_600_000;
// A split line: '**NATO**: Brussels Compass +0.29 … Eastern Harmony −0.43 (0.71 apart)'. The figures come from the
// trained models, so the tests read them and check what must hold whatever the model: who is at either end, the
// signs, the distance as their difference, and the same line in /stories, /story and the digest.
const SPLIT = /\*\*(?<actor>[^*]+)\*\*: (?<hiOutlet>[^+−\d]+?) (?<hi>[+−]?\d\.\d\d) … (?<loOutlet>[^+−\d]+?) (?<lo>[+−]?\d\.\d\d) \((?<apart>\d\.\d\d) apart\)/g;
const signed = (s: string): number => Number(s.replace('−', '-').replace('+', ''));
interface Split { line: string; actor: string; hiOutlet: string; hi: number; loOutlet: string; lo: number; apart: number }
const splitsIn = (text: string): Split[] => [...text.matchAll(SPLIT)].map((m) => {
  const g = m.groups!;
  return { line: m[0], actor: g.actor!, hiOutlet: g.hiOutlet!, hi: signed(g.hi!), loOutlet: g.loOutlet!, lo: signed(g.lo!), apart: Number(g.apart) };
});
const splitOn = (text: string, actor: string): Split => {
  const found = splitsIn(text).find((s) => s.actor === actor);
  expect(found, `a split on ${actor} in:\n${text}`).toBeDefined();
  // Each figure is rounded on its own: the distance may differ from the shown ends' difference by one in the last digit.
  expect(Math.abs(found!.apart - (found!.hi - found!.lo))).toBeLessThanOrEqual(0.0101);
  return found!;
};
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47]);

describe('stories across outlets', () => {
  let w: World;
  let start: number;
  let widestSplit: Split | undefined;
  const feedOf = async (guildId: string, url: string): Promise<number> => {
    const { feed } = await w.store.addFeed({ url, nextCheckAt: 0, now: 0 });
    const sub = await w.store.subscribe({ guildId, feedId: feed.id, channelId: w.h.fake.channel('general').id, name: url, createdBy: 'test', now: 0 });
    expect(sub.ok).toBe(true);
    return feed.id;
  };
  const cluster = () => runStoryClustering({ store: w.store, logger: silent, now: Date.now, owner: 'test', windowMs: 72 * HOUR });
  const stories = async (options: Record<string, string> = {}, guild?: string) => {
    const handle = w.h.fake.injectCommand({ name: 'stories', options, user: 'member', ...(guild ? { guild } : {}) });
    const reply = await handle.answer();
    return { reply, text: textOf(reply), handle };
  };
  const story = async (value: string, guild?: string) => {
    const handle = w.h.fake.injectCommand({ name: 'story', options: { story: value }, user: 'member', ...(guild ? { guild } : {}) });
    const reply = await handle.answer(10_000);
    return { reply, text: [reply, ...handle.record.followups].map(textOf).join('\n'), handle };
  };

  beforeAll(async () => {
    w = await startWorld();
    start = Date.now() - 20 * HOUR;
  });
  afterAll(async () => w.stop());

  it('says what is missing: no feeds, then articles not grouped into stories yet', async () => {
    const none = await stories();
    expect(none.reply.embeds[0]?.title).toBe('Stories across outlets');
    expect(none.text).toContain('This server follows no feeds yet: add one with `/feeds add`');
    const feedA = await feedOf(w.guildA, 'https://a.example/feed.xml');
    const feedB = await feedOf(w.guildB, 'https://b.example/feed.xml');
    await seedArticles(w.store, feedA, [...SUMMIT, ...QUAKE, ...UNRELATED], start, Date.now() - HOUR);
    await seedArticles(w.store, feedB, FOREIGN, start, Date.now() - HOUR);
    const waiting = await stories();
    expect(waiting.text).toContain('No stories yet: this period\'s 8 articles are not grouped into stories yet');
    const report = await cluster();
    expect(report).toMatchObject({ clustered: SUMMIT.length + QUAKE.length + UNRELATED.length + FOREIGN.length, created: 4 });
  });

  it('/stories lists the server\'s biggest stories, the widest split of each, and none of another server\'s', async () => {
    const { reply, text, handle } = await stories();
    expect(reply.embeds).toHaveLength(1);
    expect(handle.ephemeral).toBe(false);
    const entries = text.split(/\n\*\*\d+\.\*\* /).slice(1);
    expect(entries).toHaveLength(3);
    // Most outlets first: the summit (4 outlets, 5 articles), the quake (2, 2), the rates article (1, 1).
    expect(entries[0]).toMatch(/^NATO summit in Vilnius agrees new air\\-defence plan for Ukraine\n4 outlets · 5 articles · <t:\d+:f> – <t:\d+:f>\n/);
    // One split per story: its widest. The confrontational editorial (Eastern Harmony) is its low end, below zero.
    const widest = splitsIn(entries[0]!);
    expect(widest).toHaveLength(1);
    expect(widest[0]?.loOutlet).toBe('Eastern Harmony');
    expect(widest[0]?.lo).toBeLessThan(0);
    expect(entries[0]).toContain(`Widest split: ${widest[0]?.line}`);
    widestSplit = widest[0]!;
    expect(entries[1]).toMatch(/^Strong earthquake shakes northern Chile, Antofagasta port closed\n2 outlets · 2 articles/);
    expect(entries[1]).toContain('No split: fewer than two outlets took a stance on one actor.');
    expect(entries[2]).toMatch(/^Bank of Japan leaves interest rates unchanged\n1 outlet · 1 article · <t:\d+:f>\n/);
    expect(text).not.toMatch(/Gotthard|Avalanche/i);
    expect(text).toContain('`/story`');
    const theirs = await stories({}, w.guildB);
    expect(theirs.text).toContain('Avalanche closes Gotthard pass');
    expect(theirs.text).toContain('2 outlets · 2 articles');
    expect(theirs.text).not.toMatch(/NATO|Chile|Japan/);
  });

  it('/stories filters by actor and outlet; an unknown actor is a user error', async () => {
    const nato = await stories({ actor: 'nato', period: '7d' });
    expect(nato.reply.embeds[0]?.title).toBe('Stories across outlets · actor NATO');
    expect(nato.text).toContain('NATO summit in Vilnius');
    expect(nato.text).not.toMatch(/earthquake|Bank of Japan/);
    const ukraine = await stories({ actor: 'Ukraine' });
    // The split shown is the one on the filtered actor, not the story's widest.
    const onUkraine = splitOn(ukraine.text, 'Ukraine');
    expect(onUkraine.loOutlet).toBe('Eastern Harmony');
    expect(onUkraine.lo).toBeLessThan(0);
    expect(ukraine.text).toContain(`Widest split: ${onUkraine.line}`);
    expect(splitsIn(ukraine.text).map((x) => x.actor)).toEqual(['Ukraine']);

    const wire = await stories({ outlet: 'Meridian Wire' });
    expect(wire.text).toMatch(/earthquake/);
    expect(wire.text).toContain('Bank of Japan');
    expect(wire.text).not.toContain('Vilnius');
    const nobody = await stories({ outlet: 'Nobody Daily' });
    expect(nobody.text).toContain('No story in this period matches the filter');
    const unknown = await stories({ actor: 'Atlantis' });
    expect(unknown.reply.content).toContain('not a known actor');
    expect((unknown.reply.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    const choices = await w.h.fake.injectAutocomplete({ name: 'stories', options: { actor: 'nat' }, focused: 'actor' }).choices();
    expect(choices[0]?.value).toBe('NATO');
  });

  it('/story autocomplete offers the server\'s stories only (value = story id, name = headline within 100 characters)', async () => {
    const all = await w.h.fake.injectAutocomplete({ name: 'story', options: { story: '' }, focused: 'story' }).choices();
    expect(all.map((c) => c.value).sort()).toEqual(['quake-wire', 'rates-wire', 'vil-compass']);
    expect(all.every((c) => c.name.length <= 100)).toBe(true);
    const typed = await w.h.fake.injectAutocomplete({ name: 'story', options: { story: 'vilnius' }, focused: 'story' }).choices();
    expect(typed).toEqual([{ name: 'NATO summit in Vilnius agrees new air-defence plan for Ukraine', value: 'vil-compass' }]);
    const foreign = await w.h.fake.injectAutocomplete({ name: 'story', options: { story: 'gotthard' }, focused: 'story' }).choices();
    expect(foreign).toEqual([]);
    const theirs = await w.h.fake.injectAutocomplete({ name: 'story', options: { story: '' }, focused: 'story', guild: w.guildB }).choices();
    expect(theirs.map((c) => c.value)).toEqual(['alps-herald']);
  });

  it('/story shows each outlet\'s headline, stance, voices and framing, the splits and shared phrasing, with the chart', async () => {
    const { reply, text, handle } = await story('vil-compass');
    const embeds = [reply, ...handle.record.followups].flatMap((m: FakeMessage) => m.embeds);
    expect(embeds[0]?.title).toBe('NATO summit in Vilnius agrees new air\\-defence plan for Ukraine');
    expect(embeds[0]?.description).toMatch(/^4 outlets · 5 articles · <t:\d+:f> – <t:\d+:f>\nMain actors: NATO, Ukraine, Russia\n/);
    // Every split of the story, widest first: the one /stories showed leads.
    const all = splitsIn(text.slice(0, text.indexOf('**Shared phrasing**')));
    expect(all[0]?.line).toBe(widestSplit?.line);
    expect(all.map((x) => x.apart)).toEqual([...all.map((x) => x.apart)].sort((a, b) => b - a));
    expect(text).toContain('“Kremlin spokesman Dmitry Peskov said NATO was "a hostile, aggressive bloc provoking war".” — Eastern Harmony, Northern Star (similarity 1.00)');
    expect(text).toContain('By outlet pair: Eastern Harmony & Northern Star: 1 line');
    const harmony = embeds.find((e) => e.title === 'Eastern Harmony · 2 articles');
    expect(harmony?.description).toContain('](<https://news.example/vil-harmony>)');
    expect(harmony?.description).toContain('](<https://news.example/vil-harmony-2>)');
    // Each outlet's stance line carries the figures its end of the split shows.
    const fmt = (n: number): string => (n > 0 ? `+${n.toFixed(2)}` : n < 0 ? `−${(-n).toFixed(2)}` : '0.00');
    const nato = splitOn(text, 'NATO');
    expect(nato.loOutlet).toBe('Eastern Harmony');
    expect(harmony?.description).toMatch(new RegExp(`\\*\\*Stance\\*\\*: NATO 🔴 ${fmt(nato.lo)} \\(2\\) · Ukraine 🔴 −\\d\\.\\d\\d \\(2\\) · Russia [🔴⚪🟢] [+−]?\\d\\.\\d\\d \\(2\\)`, 'u'));
    expect(harmony?.description).toContain('**Voices**: Kremlin spokesman Dmitry Peskov [Russia] → NATO −');
    expect(harmony?.description).toContain('**Framing**: *confrontation*');
    const compass = embeds.find((e) => e.title === 'Brussels Compass · 1 article');
    expect(compass?.description).toContain('[NATO summit in Vilnius agrees new air\\-defence plan for Ukraine](<https://news.example/vil-compass>)');
    expect(compass?.description).toMatch(/\*\*Stance\*\*: NATO [🟢⚪] [+]?\d\.\d\d · Ukraine/u);
    // The figure is the split's; the colour is the article label (a NATO that only praises itself reads neutral).
    if (nato.hiOutlet === 'Brussels Compass') expect(compass?.description).toMatch(new RegExp(`NATO [🟢⚪] ${fmt(nato.hi).replace('+', '\\+')} `, 'u'));
    expect(compass?.description).toContain('**Voices**: none quoted about an actor');
    expect(embeds.find((e) => e.title === 'Northern Star · 1 article')?.description)
      .toMatch(/\*\*Voices\*\*: Moscow \[Russia\] → NATO −, Ukraine −; Kremlin spokesman Dmitry Peskov \[Russia\] → NATO −; unnamed sources → Ukraine [+−±]/);
    expect(embeds.map((e) => e.title)).toContain('Atlantic Ledger · 1 article');
    const chart = embeds[embeds.length - 1];
    expect(chart?.image?.url).toBe('attachment://story.png');
    const upload = handle.requests().find((r) => r.files.length > 0)?.files[0];
    expect(upload?.name).toBe('story.png');
    expect(upload?.data.subarray(0, 4).equals(PNG_MAGIC)).toBe(true);
    expect(text).not.toContain('@everyone');
  });

  it('/story refuses another server\'s story and an unknown id alike, showing nothing of it', async () => {
    for (const value of ['alps-herald', 'no-such-story', 'Gotthard']) {
      const { reply, text, handle } = await story(value);
      expect(text).toContain('This server has no such story');
      expect(text).not.toMatch(/Gotthard pass|Alpine Herald|Avalanche/);
      expect((reply.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
      expect(handle.requests().some((r) => r.files.length > 0)).toBe(false);
    }
    const theirs = await story('alps-herald', w.guildB);
    expect(theirs.text).toContain('Alpine Herald · 1 article');
    // A headline typed in full (not picked from the list) names the story too.
    const typed = await story('earthquake shakes northern Chile');
    expect(typed.text).toContain('Meridian Wire · 1 article');
  });

  it('the digest has a "Stories across outlets" section: the top stories (two outlets or more) and the biggest splits', async () => {
    const handle = w.h.fake.injectCommand({ name: 'digest', subcommand: 'preview', user: 'admin' });
    await handle.reply(10_000);
    const section = async (): Promise<string> => {
      for (let i = 0; i < 50; i++) {
        const all = [handle.record.original, ...handle.record.followups].filter((m): m is FakeMessage => m !== undefined).flatMap((m) => m.embeds);
        const found = all.find((e) => e.title === 'Stories across outlets');
        if (found) return found.description ?? '';
        await new Promise((r) => setTimeout(r, 100));
      }
      return '';
    };
    const text = await section();
    expect(text.startsWith(`• NATO summit in Vilnius agrees new air\\-defence plan for Ukraine · 4 outlets · 5 articles\n  ${widestSplit?.line}\n`)).toBe(true);
    expect(text).toContain('• Strong earthquake shakes northern Chile, Antofagasta port closed · 2 outlets · 2 articles');
    expect(text).not.toContain('Bank of Japan');
    expect(text).toContain('**Biggest splits**');
    expect(text).toContain(`• ${widestSplit?.line}`);
    expect(text).not.toMatch(/Gotthard/);
    // Splits narrower than 0.30 are not called splits.
    const biggest = text.slice(text.indexOf('**Biggest splits**'));
    expect(splitsIn(biggest).length).toBeGreaterThan(0);
    expect(splitsIn(biggest).every((x) => x.apart >= 0.3)).toBe(true);
  });
});
