// Crash safety of story clustering: the real `stancewatch run --role worker` process is SIGKILLed in the middle of
// a clustering pass over thousands of analysed articles; after a restart (once the dead worker's 2 s lease has
// lapsed) every article is in exactly one story, the stories' figures match their members and every story holds
// its first article: nothing clustered twice, nothing half-written.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pino from 'pino';
import { afterEach, expect, it } from 'vitest';
import { createStore } from '../../src/store/index.js';
import { REPO_ROOT, startCli, waitFor } from '../helpers/spawn-cli.js';
import { seedArticles, SYNTHETIC_ANALYSIS, syntheticEvents } from '../jobs/story-seed.js';
import { halfWritten, NOTHING_HALF_WRITTEN } from './db-helpers.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

const HOUR = 3_600_000;

/** The story invariants: each a count that must be 0. */
const STORY_INVARIANTS = {
  analysedNotInStory: 'select count(*) as n from articles a where a.analysed = 1 and not exists (select 1 from story_members m where m.article_id = a.id)',
  flagWithoutMember: 'select count(*) as n from articles a where a.in_story = 1 and not exists (select 1 from story_members m where m.article_id = a.id)',
  memberWithoutFlag: 'select count(*) as n from story_members m join articles a on a.id = m.article_id where a.in_story = 0',
  memberWithoutStory: 'select count(*) as n from story_members m where not exists (select 1 from stories s where s.id = m.story_id)',
  storyWithoutItsFirstArticle: 'select count(*) as n from stories s where not exists (select 1 from story_members m where m.article_id = s.id and m.story_id = s.id)',
  figuresOff: 'select count(*) as n from stories s where s.article_count <> (select count(*) from story_members m where m.story_id = s.id) ' +
    'or s.outlet_count <> (select count(distinct m.outlet) from story_members m where m.story_id = s.id)',
};

it('SIGKILL during a clustering pass, then restart: every article in exactly one story', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sw-stories-crash-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const configDir = join(dir, 'config');
  cpSync(join(REPO_ROOT, 'config'), configDir, { recursive: true });
  const file = join(configDir, 'default.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace(/tick: "[^"]*"/, 'tick: "* * * * * *"').replace(/leaseSeconds: 60 /, 'leaseSeconds: 2 '));
  expect(readFileSync(file, 'utf8')).toMatch(/stories:\n {2}windowHours: 72 .*\n {2}leaseSeconds: 2 /);

  const url = `sqlite:${join(dir, 'sw.db')}`;
  const articles = syntheticEvents(3000, 4, 0.05);
  const seeding = await createStore({ url, logger: pino({ level: 'silent' }) });
  await seeding.migrate();
  const { feed } = await seeding.addFeed({ url: 'https://feed.example/', nextCheckAt: Date.now() + 86_400_000, now: Date.now() });
  await seeding.subscribe({ guildId: 'local', feedId: feed.id, channelId: 'local', name: 'feed', createdBy: 'test', now: Date.now() });
  await seedArticles(seeding, feed.id, articles, Date.now() - 200 * HOUR, Date.now(), SYNTHETIC_ANALYSIS);
  await seeding.close();

  const raw = new BetterSqlite3(join(dir, 'sw.db'), { readonly: true });
  cleanups.push(() => void raw.close());
  const count = (sql: string): number => (raw.prepare(sql).get() as { n: number }).n;
  const members = (): number => count('select count(*) as n from story_members');
  const start = () => {
    const child = startCli(['run', '--role', 'worker'], { DATABASE_URL: url, STANCEWATCH_CONFIG_DIR: configDir, LOG_LEVEL: 'debug', DISCORD_TOKEN: '' });
    cleanups.push(() => void child.kill('SIGKILL'));
    return child;
  };

  const first = start();
  await waitFor(() => members() > 0, 40_000, 'the first batches of the pass saved');
  first.kill('SIGKILL');
  expect((await first.exited).signal).toBe('SIGKILL');
  const atKill = members();
  expect(atKill, 'killed in the middle of the pass').toBeGreaterThan(0);
  expect(atKill).toBeLessThan(articles.length);
  expect(first.output().stdout).not.toContain('story clustering pass done');

  const second = start();
  await waitFor(() => members() === articles.length, 60_000, 'the restart clustering the rest');
  await waitFor(() => second.output().stdout.includes('story clustering pass done'), 10_000, 'the pass finished');
  second.kill('SIGKILL');
  await second.exited;

  expect(Object.fromEntries(Object.entries(STORY_INVARIANTS).map(([name, sql]) => [name, count(sql)]))).toEqual(
    Object.fromEntries(Object.keys(STORY_INVARIANTS).map((name) => [name, 0])));
  expect(count('select count(*) as n from story_members')).toBe(articles.length);
  expect(count('select coalesce(sum(article_count), 0) as n from stories')).toBe(articles.length);
  expect(await halfWritten(async (sql) => count(sql))).toEqual(NOTHING_HALF_WRITTEN);
  // The synthetic events are told apart and kept whole across the crash: one story per event.
  expect(count('select count(*) as n from stories')).toBe(3000);
}, 180_000);
