// /stories, /story and /story's autocomplete at Discord's limits, through the real discord.js client against the
// fake Discord (which answers 400 to anything over a limit): one event covered by 20 outlets with long names, long
// headlines and long links as ids (over the 100 characters an autocomplete value may hold), several articles and
// quoted speakers each, and 30 more stories so autocomplete has more than 25 to offer. Articles written for the
// test (no copied journalism), analysed for real and grouped by the real clustering pass.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runStoryClustering } from '../../../src/jobs/stories.js';
import type { FakeMessage } from '../../fake-discord/messages.js';
import type { InteractionHandle } from '../../fake-discord/index.js';
import { silent } from '../../jobs/fixtures.js';
import { SYNTHETIC_ANALYSIS, seedArticles, syntheticEvents, type SeedArticle } from '../../jobs/story-seed.js';
import { startWorld, textOf, type World } from './world.js';

const HOUR = 3_600_000;
const OUTLETS = 20;
const SPEAKERS = ['Jens Stoltenberg', 'Dmitry Peskov', 'Olaf Scholz', 'Antony Blinken', 'Wang Wenbin', 'Sergei Lavrov', 'Gitanas Nauseda'];
const LONG_PATH = 'world/europe/2023/07/12/nato-summit-in-vilnius-agrees-patriot-air-defence-plan-for-ukraine-as-allies-argue-over-membership';

/** Outlet `o`'s article `k` about the Vilnius summit: a long headline, a long link as its id, five quoted speakers. */
function summitArticle(o: number, k: number): SeedArticle {
  const outlet = `The Very Long Named International Evening Chronicle of Region ${o + 1}`;
  const quotes = Array.from({ length: 5 }, (_, i) => SPEAKERS[(o + k + i) % SPEAKERS.length] as string)
    .map((s, i) => `"NATO is ${i % 2 === 0 ? 'a strong, welcome partner for peace' : 'a hostile, aggressive bloc provoking war'}," said ${s}.`);
  return {
    id: `https://news.example/${LONG_PATH}-${o}-${k}`, outlet, event: 'summit', hour: o * 0.2 + k * 0.05,
    title: `NATO summit in Vilnius agrees Patriot air-defence plan for Ukraine, as allies argue over Kyiv's membership timetable and Moscow warns of confrontation along the Baltic, report ${o}.${k} by our correspondents in Vilnius, Brussels, Warsaw and Kyiv`,
    text: `NATO leaders meeting in Vilnius agreed a Patriot air-defence plan for Ukraine on Wednesday. ${quotes.join(' ')} The Vilnius summit will send more Patriot batteries to Kyiv.`,
  };
}

const SUMMIT = Array.from({ length: OUTLETS }, (_, o) => [summitArticle(o, 0), summitArticle(o, 1)]).flat();

describe('stories at Discord\'s limits', () => {
  let w: World;
  const messagesOf = (handle: InteractionHandle): FakeMessage[] =>
    [handle.record.original, ...handle.record.followups].filter((m): m is FakeMessage => m !== undefined);
  const accepted = (handle: InteractionHandle): void => {
    expect(handle.requests().length).toBeGreaterThan(0);
    expect(handle.requests().filter((r) => r.status >= 400).map((r) => `${r.route} ${r.status}`)).toEqual([]);
  };

  beforeAll(async () => {
    w = await startWorld();
    const start = Date.now() - 30 * HOUR;
    const { feed } = await w.store.addFeed({ url: 'https://a.example/feed.xml', nextCheckAt: 0, now: 0 });
    await w.store.subscribe({ guildId: w.guildA, feedId: feed.id, channelId: w.h.fake.channel('general').id, name: 'a', createdBy: 'test', now: 0 });
    await seedArticles(w.store, feed.id, SUMMIT, start, Date.now() - HOUR);
    await seedArticles(w.store, feed.id, syntheticEvents(30, 2, 0.5), start + HOUR, Date.now() - HOUR, SYNTHETIC_ANALYSIS);
    await runStoryClustering({ store: w.store, logger: silent, now: Date.now, owner: 'test', windowMs: 72 * HOUR });
  }, 60_000);
  afterAll(async () => w.stop());

  it('/story autocomplete gives at most 25 choices of names within 100 characters, a long-linked story included', async () => {
    const all = await w.h.fake.injectAutocomplete({ name: 'story', options: { story: '' }, focused: 'story' }).choices();
    expect(all).toHaveLength(25);
    expect(all.every((c) => c.name.length <= 100 && String(c.value).length <= 100)).toBe(true);
    const typed = await w.h.fake.injectAutocomplete({ name: 'story', options: { story: 'patriot air-defence' }, focused: 'story' }).choices();
    expect(typed).toHaveLength(1);
    expect(typed[0]?.name).toMatch(/^NATO summit in Vilnius agrees Patriot air-defence plan .*…$/);
  });

  it('/story of 20 outlets picked from autocomplete is sent within every limit, split over messages, the chart attached once', async () => {
    const [choice] = await w.h.fake.injectAutocomplete({ name: 'story', options: { story: 'patriot air-defence' }, focused: 'story' }).choices();
    const handle = w.h.fake.injectCommand({ name: 'story', options: { story: String(choice?.value) }, user: 'member' });
    await handle.answer(20_000);
    await new Promise((r) => setTimeout(r, 500));
    accepted(handle);
    const messages = messagesOf(handle);
    const embeds = messages.flatMap((m) => m.embeds);
    const text = messages.map(textOf).join('\n');
    expect(text).not.toContain('no such story');
    expect(embeds[0]?.description).toMatch(/^20 outlets · 40 articles · /);
    expect(embeds.filter((e) => e.title?.startsWith('The Very Long Named International Evening Chronicle'))).toHaveLength(12);
    expect(text).toContain('+8 more outlets not shown.');
    expect(embeds.filter((e) => e.image?.url === 'attachment://story.png')).toHaveLength(1);
    expect(handle.requests().filter((r) => r.files.length > 0)).toHaveLength(1);
    for (const m of messages) {
      expect(m.embeds.length).toBeLessThanOrEqual(10);
      expect(m.embeds.reduce((n, e) => n + (e.title?.length ?? 0) + (e.description?.length ?? 0), 0)).toBeLessThanOrEqual(6000);
    }
  });

  it('/stories with 25 stories of long headlines fits one reply', async () => {
    const handle = w.h.fake.injectCommand({ name: 'stories', options: { period: '7d' }, user: 'member' });
    await handle.answer(20_000);
    accepted(handle);
    const text = messagesOf(handle).map(textOf).join('\n');
    expect(text).toMatch(/\*\*1\.\*\* NATO summit in Vilnius agrees Patriot air\\-defence plan/);
    expect(text).toContain('20 outlets · 40 articles');
    expect(text).toContain('**10.** ');
  });

  it('/story with a garbage value or an over-long one is a clear user error, not a crash', async () => {
    for (const value of ['\u0000\u202e<@&123> @everyone', 'x'.repeat(200), `${'y'.repeat(99)}…`]) {
      const handle = w.h.fake.injectCommand({ name: 'story', options: { story: value }, user: 'member' });
      const reply = await handle.answer(10_000);
      accepted(handle);
      expect(textOf(reply)).toContain('This server has no such story');
    }
  });
});
