// /summary as a server sets up, through the real client against the fake Discord: it says what is missing (no
// feeds, feeds not fetched yet, no articles in the period, no watched actors), counts in words with plurals,
// and posts one compact embed publicly, pointing to /actor for the details.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshFeed } from '../../../src/jobs/refresh.js';
import { body, status } from '../../helpers/feed-server.js';
import { fakeClock, refreshDeps, rss } from '../../jobs/fixtures.js';
import { startWorld, textOf, type World } from './world.js';

describe('/summary while a server sets up', () => {
  let w: World;
  const summary = async (options: Record<string, string> = {}) => {
    const handle = w.h.fake.injectCommand({ name: 'summary', options, user: 'member' });
    const reply = await handle.reply();
    return { reply, text: textOf(reply), handle };
  };
  beforeAll(async () => {
    w = await startWorld();
    w.server.route('/one.xml', body(rss('Herald', [
      { guid: 'n1', title: 'NATO drills', body: 'NATO launched dangerous, aggressive drills that alarmed the region.', daysAgo: 0.25 },
      { guid: 'n2', title: 'NATO again', body: 'NATO’s reckless provocations threaten regional peace and stability, critics said.', daysAgo: 2 },
    ], Date.now())));
  });
  afterAll(async () => w.stop());

  it('with nothing set up, says that there are no feeds and no watched actors', async () => {
    const { text } = await summary();
    expect(text).toContain('This server follows no feeds yet: add one with `/feeds add`.');
    expect(text).toContain('watches no actors yet');
    expect(text).toContain('0 articles from 0 outlets');
  });

  it('right after /feeds add, says the feed is not fetched yet (not that no actors are watched, alone)', async () => {
    const added = await w.h.fake.injectCommand({ name: 'feeds', subcommand: 'add', options: { url: w.server.url('/one.xml') }, user: 'admin' }).reply();
    expect(added.content).toContain('Now following');
    const { text } = await summary();
    expect(text).toContain('This server follows 1 feed, not fetched yet');
    expect(text).not.toContain('follows no feeds');
  });

  it('once fetched: singular and plural counts, then one compact embed with label counts in words and a pointer to /actor', async () => {
    const deps = refreshDeps(w.store, fakeClock(Date.now()));
    expect(await refreshFeed((await w.store.listPolledFeeds())[0]!, deps)).toMatchObject({ kind: 'stored', newArticles: 2 });
    await deps.fetcher.close();
    const before = await summary();
    expect(before.text).toContain('2 articles from 1 outlet\n');
    expect(before.text).toContain('This server watches no actors yet: shown are the actors mentioned; choose some with `/actors watch`.');
    expect(before.text).not.toContain('not fetched yet');
    for (const actor of ['NATO', 'China']) await w.h.fake.injectCommand({ name: 'actors', subcommand: 'watch', options: { name: actor }, user: 'admin' }).reply();
    const { reply, text, handle } = await summary({ period: '7d' });
    expect(reply.embeds).toHaveLength(1);
    expect(reply.embeds[0]?.title).toBe('Summary: last 7 days');
    expect(text).toMatch(/\*\*NATO\*\* 🔴 \*\*−\d\.\d\d\*\* negative · 2 mentions \((\d) negative · (\d) neutral · (\d) positive\)/);
    const [, neg, neu, pos] = /\((\d) negative · (\d) neutral · (\d) positive\)/.exec(text) ?? [];
    expect(Number(neg) + Number(neu) + Number(pos)).toBe(2);
    expect(text).toContain('**China** no analysed mentions in this period');
    expect(text).not.toMatch(/\d[−=+]\//);
    expect(text).toContain('/actor name: NATO');
    expect(text).not.toContain('watches no actors');
    expect(handle.record.followups).toHaveLength(0);
    expect(w.h.fake.messages('general').every((m) => m.embeds.length <= 1)).toBe(true);
  });

  it('a period or outlet without articles says so; one actor gets its details in the same single embed', async () => {
    const day = await summary({ period: '24h' });
    expect(day.reply.embeds[0]?.title).toBe('Summary: last 24 hours');
    expect(day.text).toContain('1 article from 1 outlet');
    expect(day.text).toMatch(/ · 1 mention \(\d negative · \d neutral · \d positive\)/);
    const none = await summary({ outlet: 'Nobody' });
    expect(none.text).toContain('No analysed mentions from this outlet in this period');
    const one = await summary({ actor: 'nato' });
    expect(one.reply.embeds).toHaveLength(1);
    expect(one.text).toMatch(/\[NATO (drills|again)\]\(<https:\/\/news.example\/n[12]>\)/);
    expect(one.text).toContain('Against: Herald');
    expect(one.text).not.toContain('/actor name:');
  });
});

describe('/summary when the feeds fail', () => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld();
  });
  afterAll(async () => w.stop());

  it('says the feeds could not be fetched (not that they are waiting for a first fetch)', async () => {
    w.server.route('/flaky.xml', body(rss('Flaky', [{ guid: 'f1', title: 'News', body: 'Calm news.' }], Date.now())));
    await w.h.fake.injectCommand({ name: 'feeds', subcommand: 'add', options: { url: w.server.url('/flaky.xml') }, user: 'admin' }).reply();
    w.server.route('/flaky.xml', status(500));
    const deps = refreshDeps(w.store, fakeClock(Date.now()));
    expect(await refreshFeed((await w.store.listPolledFeeds())[0]!, deps)).toMatchObject({ kind: 'failed' });
    await deps.fetcher.close();
    const text = textOf(await w.h.fake.injectCommand({ name: 'summary' }).reply());
    expect(text).toContain("None of this server's 1 feed could be fetched yet (`/feeds list` shows why).");
    expect(text).not.toContain('not fetched yet');
  });
});
