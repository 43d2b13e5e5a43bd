import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshFeed } from '../../../src/jobs/refresh.js';
import { body } from '../../helpers/feed-server.js';
import { fakeClock, refreshDeps, rss, type SampleItem } from '../../jobs/fixtures.js';
import { EPHEMERAL, mentionPolicies, startWorld, textOf, type World } from './world.js';

const OUTLET = 'Daily _Signal_ @here';
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47]);

function items(w: World): SampleItem[] {
  return [
    { guid: 'i1', title: 'NATO **escalates** again', body: 'NATO’s reckless provocations threaten regional peace and stability, critics said.', link: w.server.url('/art/1') },
    { guid: 'i2', title: 'NATO drills', body: 'NATO launched dangerous, aggressive drills that alarmed the region.', daysAgo: 2, link: w.server.url('/art/2') },
    { guid: 'i3', title: 'China deal', body: 'China’s wise, constructive diplomacy delivered fruitful, win-win cooperation and successful talks.', daysAgo: 3, link: w.server.url('/art/3') },
  ];
}

const ARTICLE_PAGE = `<!DOCTYPE html><html><head><title>Russia under fire</title></head><body><article><h1>Russia under fire</h1>
<p>Russia brutally attacked the city overnight, killing civilians and destroying homes in a reckless, shameful assault.</p>
<p>Witnesses described the reckless assault as a terrible crime that shocked the world and drew condemnation.</p>
<p>The attack was condemned by many governments as a brutal violation of international law and a disgrace.</p></article></body></html>`;

describe('/summary, /actor and /article with analysed articles in a real store', () => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld();
    w.server.route('/outlet.xml', body(rss(OUTLET, items(w), Date.now())));
    w.server.route('/live', body(ARTICLE_PAGE, { contentType: 'text/html; charset=utf-8' }));
    w.server.route('/art/1', body(ARTICLE_PAGE, { contentType: 'text/html; charset=utf-8' }));
    const added = await w.h.fake.injectCommand({ name: 'feeds', subcommand: 'add', options: { url: w.server.url('/outlet.xml') }, user: 'admin' }).reply();
    expect(added.content).toContain('Now following');
    for (const actor of ['NATO', 'China']) await w.h.fake.injectCommand({ name: 'actors', subcommand: 'watch', options: { name: actor }, user: 'admin' }).reply();
    const deps = refreshDeps(w.store, fakeClock(Date.now()));
    const feed = (await w.store.listPolledFeeds())[0]!;
    expect(await refreshFeed(feed, deps)).toMatchObject({ kind: 'stored', newArticles: 3 });
    await deps.fetcher.close();
  });
  afterAll(async () => w.stop());

  it('/summary defers publicly, then shows each watched actor with its stance, outlets and escaped articles', async () => {
    const handle = w.h.fake.injectCommand({ name: 'summary', options: { period: '7d' }, user: 'member' });
    const cb = await handle.callback();
    expect(cb.type).toBe(5);
    expect(Number(cb.data?.['flags'] ?? 0) & EPHEMERAL).toBe(0);
    const reply = await handle.reply();
    expect(reply.embeds).toHaveLength(1);
    const text = textOf(reply);
    expect(text).toContain('3 articles from 1 outlet\n');
    expect(text).toMatch(/\*\*NATO\*\* 🔴 \*\*−\d\.\d\d\*\* negative · 2 mentions/);
    expect(text).toMatch(/\*\*China\*\* 🟢 \*\*\+\d\.\d\d\*\* positive/);
    expect(text).toContain('/actor name: NATO');
    const nato = (await w.h.fake.injectCommand({ name: 'summary', options: { actor: 'NATO' } }).reply()).embeds[0];
    expect(nato?.description).toContain('NATO \\*\\*escalates\\*\\* again');
    expect(nato?.description).toContain('Daily \\_Signal\\_ @\u200bhere');
    expect(nato?.description).not.toMatch(/(^|[^\u200b])@here/);
    expect(mentionPolicies(handle).every((m) => JSON.stringify(m) === JSON.stringify({ parse: [] }))).toBe(true);
  });

  it('/summary filters by actor (autocompleted) and refuses an unknown one', async () => {
    const choices = await w.h.fake.injectAutocomplete({ name: 'summary', options: { actor: 'chi' }, focused: 'actor' }).choices();
    expect(choices[0]?.value).toBe('China');
    const reply = await w.h.fake.injectCommand({ name: 'summary', options: { actor: 'china' } }).reply();
    expect(reply.embeds.map((e) => e.title)).toEqual(['Summary: last 7 days · actor China']);
    expect(reply.embeds[0]?.description).toMatch(/🟢 \*\*\+\d\.\d\d\*\* positive · 1 mention /);
    const unknown = w.h.fake.injectCommand({ name: 'summary', options: { actor: '**Atlantis** @everyone' } });
    const answer = await unknown.answer();
    expect(answer.content).toContain('not a known actor');
    expect(answer.content).not.toContain('@everyone');
    expect((answer.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(unknown.record.originalDeleted).toBe(true);
  });

  it('/summary in another server sees none of these articles', async () => {
    const reply = await w.h.fake.injectCommand({ name: 'summary', guild: w.guildB }).reply();
    expect(textOf(reply)).toContain('0 articles');
    expect(textOf(reply)).toContain('follows no feeds yet');
    expect(textOf(reply)).toContain('watches no actors');
  });

  it('/actor attaches a PNG chart, a sparkline and the most negative articles', async () => {
    const handle = w.h.fake.injectCommand({ name: 'actor', options: { name: 'nato', period: '30d' } });
    // This file loads ingest (undici 7) before discord.js: the upload also proves the bot's REST is not broken by it.
    const reply = await handle.reply(10_000);
    const embed = reply.embeds[0]!;
    expect(embed.title).toBe('NATO');
    expect(embed.image?.url).toBe('attachment://stance.png');
    expect(embed.description).toMatch(/Trend: `[ ▁▂▃▄▅▆▇█]+`/);
    expect(embed.description).toContain('**Most negative**');
    expect(embed.fields?.[0]?.value).toContain('Daily \\_Signal\\_');
    const upload = handle.requests().find((r) => r.files.length > 0)?.files[0];
    expect(upload?.name).toBe('stance.png');
    expect(upload?.data.subarray(0, 4).equals(PNG_MAGIC)).toBe(true);
  });

  it('/article shows the stored analysis for an article of the server’s feeds', async () => {
    const reply = await w.h.fake.injectCommand({ name: 'article', options: { url: w.server.url('/art/1') } }).reply();
    const embed = reply.embeds[0]!;
    expect(embed.description).toContain('Stored analysis');
    expect(embed.fields?.find((f) => f.name === 'NATO')?.value).toContain('negative');
    expect(w.server.count('/art/1')).toBe(0);
  });

  it('/article fetches and analyses a page it does not store, for another server too, without storing it', async () => {
    // /art/1 is stored, but only through the first server's feed: the second gets a live analysis of the page.
    const other = await w.h.fake.injectCommand({ name: 'article', options: { url: w.server.url('/art/1') }, guild: w.guildB }).answer();
    expect(textOf(other)).not.toContain('Stored analysis');
    expect(textOf(other)).toContain('fetched and analysed now');
    expect(w.server.count('/art/1')).toBe(1);
    const live = await w.h.fake.injectCommand({ name: 'article', options: { url: w.server.url('/live') } }).reply();
    const embed = live.embeds[0]!;
    expect(embed.title).toBe('Russia under fire');
    expect(embed.description).toContain('fetched and analysed now');
    expect(embed.fields?.find((f) => f.name === 'Russia')?.value).toContain('negative');
    expect(await w.store.getArticleByLink(w.server.url('/live'))).toBeUndefined();
  });

  it('/article refuses a bad address with a clear ephemeral message', async () => {
    const handle = w.h.fake.injectCommand({ name: 'article', options: { url: 'javascript:alert(1)' } });
    const answer = await handle.answer();
    expect(answer.content).toContain('not a valid');
    expect((answer.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
  });
});
