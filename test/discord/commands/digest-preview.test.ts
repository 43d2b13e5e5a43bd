// /digest preview right after /feeds add, through the real client against the fake Discord: /summary counts the
// feed's existing items, the digest does not, and the preview says why (the backlog rule).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { refreshFeed } from '../../../src/jobs/refresh.js';
import { body } from '../../helpers/feed-server.js';
import { fakeClock, refreshDeps, rss } from '../../jobs/fixtures.js';
import { startWorld, textOf, type World } from './world.js';

let w: World;
beforeAll(async () => {
  w = await startWorld();
  w.server.route('/feed.xml', body(rss('Herald', [
    { guid: 'b1', title: 'NATO drills', body: 'NATO launched dangerous, aggressive drills that alarmed the region.', daysAgo: 0.1 },
    { guid: 'b2', title: 'NATO again', body: 'NATO’s reckless provocations threaten regional peace, critics said.', daysAgo: 0.2 },
  ], Date.now())));
});
afterAll(async () => w.stop());

it('explains why the preview counts none of the articles /summary shows after a feed was just added', async () => {
  await w.h.fake.injectCommand({ name: 'feeds', subcommand: 'add', options: { url: w.server.url('/feed.xml') }, user: 'admin' }).reply();
  await w.h.fake.injectCommand({ name: 'actors', subcommand: 'watch', options: { name: 'NATO' }, user: 'admin' }).reply();
  const deps = refreshDeps(w.store, fakeClock(Date.now()));
  await refreshFeed((await w.store.listPolledFeeds())[0]!, deps);
  await deps.fetcher.close();
  const summary = textOf(await w.h.fake.injectCommand({ name: 'summary', options: { period: '24h' } }).reply());
  expect(summary).toContain('2 articles');
  const preview = textOf(await w.h.fake.injectCommand({ name: 'digest', subcommand: 'preview', user: 'admin' }).reply());
  expect(preview).toContain('**0** articles');
  expect(preview).toContain('Digests count only articles first stored after their feed was added');
  expect(preview).toContain('/summary shows them but digests do not');
});
