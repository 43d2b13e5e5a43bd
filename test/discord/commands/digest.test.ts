// /digest and /alerts end to end: the real bot (every command module) against the fake Discord with a real store.
import { PermissionFlagsBits } from 'discord.js';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { commandModules } from '../../../src/discord/registry.js';
import type { JobsApi } from '../../../src/jobs/api.js';
import { createDigestsApi } from '../../../src/jobs/api-digests.js';
import type { Store } from '../../../src/store/index.js';
import { seedArticles, seedFeed } from '../../jobs/digest-seed.js';
import { tempStore } from '../../jobs/fixtures.js';
import { startHarness, type BotHarness } from '../helpers.js';

const EPHEMERAL = 64;
let h: BotHarness;
let store: Store;
let guildId: string;

beforeEach(async () => {
  store = await tempStore();
  const jobs = createDigestsApi({ store, now: Date.now, builtInActors: ['Russia', 'China', 'NATO'], articlesPerActor: 2, defaultSchedule: '0 8 * * *', defaultTimezone: 'UTC' });
  h = await startHarness([...commandModules], {
    guilds: [{ channels: [{ name: 'general' }, { name: 'digests' }, { name: 'quiet', overwrites: [{ target: 'Stancewatch', type: 'role', deny: PermissionFlagsBits.AttachFiles }] }] }],
  }, { store, jobs: jobs as unknown as JobsApi });
  guildId = h.fake.guilds[0]?.id as string;
});
afterEach(async () => {
  await h.stop();
  await store.close();
});

async function answer(o: Parameters<BotHarness['fake']['injectCommand']>[0]) {
  const run = h.fake.injectCommand({ user: 'admin', ...o });
  const msg = await run.answer();
  return { run, msg, text: [msg.content, ...msg.embeds.map((e) => `${e.title ?? ''}\n${e.description ?? ''}`)].join('\n') };
}

it('sets the channel (checking the bot can post there) and the schedule, with clear validation messages', async () => {
  const quiet = await answer({ name: 'digest', subcommand: 'channel', options: { channel: 'quiet' } });
  expect(quiet.text).toContain('I am missing Attach Files there');
  expect((await store.getGuildSettings(guildId))?.digestChannelId ?? null).toBeNull();
  const set = await answer({ name: 'digest', subcommand: 'channel', options: { channel: 'digests' } });
  expect(set.text).toContain(`Digests will be posted in <#${h.fake.channel('digests').id}>`);
  expect(set.text).toContain('Schedule: cron "0 8 \\* \\* \\*" \\(UTC\\)');
  expect(set.msg.flags & EPHEMERAL).toBe(EPHEMERAL);
  const badCron = await answer({ name: 'digest', subcommand: 'schedule', options: { when: '61 * * * *' } });
  expect(badCron.text).toMatch(/The schedule was not changed: .*61/);
  const badZone = await answer({ name: 'digest', subcommand: 'schedule', options: { when: 'daily 09:00', timezone: 'Europe/Atlantis' } });
  expect(badZone.text).toContain('unknown time zone "Europe/Atlantis"');
  const ok = await answer({ name: 'digest', subcommand: 'schedule', options: { when: 'weekly fri 17:30', timezone: 'Asia/Tokyo' } });
  expect(ok.text).toContain('weekly fri 17:30 \\(Asia/Tokyo\\)');
  expect(ok.text).toMatch(/Next digest: <t:\d+:f>/);
  expect(await store.getGuildSettings(guildId)).toMatchObject({ digestSchedule: 'weekly fri 17:30', timezone: 'Asia/Tokyo' });
});

it('/digest schedule checks a cron option with the one cron dialect: never-running refused, 6 fields accepted', async () => {
  await answer({ name: 'digest', subcommand: 'channel', options: { channel: 'digests' } });
  const never = await answer({ name: 'digest', subcommand: 'schedule', options: { when: '0 9 30 2 *' } });
  expect(never.text).toMatch(/The schedule was not changed: .*never runs/);
  const often = await answer({ name: 'digest', subcommand: 'schedule', options: { when: '0 */20 * * * *' } });
  expect(often.text).toMatch(/The schedule was not changed: .*every 20 min; digests can be at most hourly/);
  const withSeconds = await answer({ name: 'digest', subcommand: 'schedule', options: { when: '0 30 8 * * mon-fri', timezone: 'Europe/Berlin' } });
  expect(withSeconds.text).toMatch(/Next digest: <t:\d+:f>/);
  expect(await store.getGuildSettings(guildId)).toMatchObject({ digestSchedule: '0 30 8 * * mon-fri', timezone: 'Europe/Berlin' });
});

it('refuses members without Manage Server', async () => {
  const run = h.fake.injectCommand({ name: 'digest', subcommand: 'now', user: 'member' });
  expect((await run.answer()).content).toContain('Manage Server');
  expect(await store.countOutbox()).toMatchObject({ pending: 0 });
});

it('preview is ephemeral with the chart attached and posts nothing; now queues one digest', async () => {
  const feedId = await seedFeed(store, guildId);
  await seedArticles(store, feedId, [
    { id: 'x1', publishedAt: Date.now() - 3_600_000, outlet: 'Herald', scores: { Russia: -0.7 } },
    { id: 'x2', publishedAt: Date.now() - 2 * 3_600_000, outlet: 'Wire', scores: { China: 0.4, Russia: 0.1 } },
  ]);
  // The preview covers the period since the last scheduled digest: with the default daily 08:00 UTC, an article two
  // hours old falls outside it between 08:00 and 10:00 UTC. A weekly schedule on tomorrow's weekday, set before the
  // channel (which fixes where the first period starts), keeps both articles in at any time of day.
  const tomorrow = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'][(new Date().getUTCDay() + 1) % 7] as string;
  await answer({ name: 'digest', subcommand: 'schedule', options: { when: `weekly ${tomorrow} 00:00`, timezone: 'UTC' } });
  await answer({ name: 'digest', subcommand: 'channel', options: { channel: 'digests' } });
  const preview = await answer({ name: 'digest', subcommand: 'preview' });
  expect(preview.msg.flags & EPHEMERAL).toBe(EPHEMERAL);
  expect(preview.text).toContain('nothing was posted');
  expect(preview.text).toContain('**Russia** −0.30 negative');
  expect(preview.msg.attachments.map((a) => a.filename)).toEqual(['stance.png']);
  expect(h.fake.requestsTo('POST /channels/:id/messages')).toHaveLength(0);
  expect(await store.countOutbox()).toMatchObject({ pending: 0 });
  const now = await answer({ name: 'digest', subcommand: 'now' });
  expect(now.text).toContain('is being posted in');
  const [item] = await store.listOutbox(guildId, 10);
  expect(item).toMatchObject({ kind: 'digest', channelId: h.fake.channel('digests').id, status: 'pending' });
  const again = await answer({ name: 'digest', subcommand: 'now' });
  expect(again.text).toContain('already made');
  expect((await store.listOutbox(guildId, 10)).length).toBe(1);
});

it('/alerts add echoes a window in the units it was given (24h -> 24 h, 7d -> 7 days), never "1 d"', async () => {
  const day = await answer({ name: 'alerts', group: 'add', subcommand: 'stance', options: { actor: 'NATO', direction: 'below', threshold: -0.3, window: '24h' } });
  expect(day.text).toContain('over 24 h');
  expect(day.text).not.toMatch(/\b1 d\b/);
  const week = await answer({ name: 'alerts', group: 'add', subcommand: 'volume', options: { actor: 'NATO', window: '7d' } });
  expect(week.text).toContain('mentions in 7 days');
});

it('/alerts add, list and remove, scoped to the server, with validation and rule autocomplete', async () => {
  const bad = await answer({ name: 'alerts', group: 'add', subcommand: 'stance', options: { actor: 'Russia', direction: 'below', threshold: -0.3, window: 'soon' } });
  expect(bad.text).toContain('The rule was not added: "soon" is not a duration');
  const unknown = await answer({ name: 'alerts', group: 'add', subcommand: 'volume', options: { actor: 'Atlantis' } });
  expect(unknown.text).toContain('not a known actor');
  const added = await answer({ name: 'alerts', group: 'add', subcommand: 'article', options: { actor: 'russia', direction: 'negative', outlet: 'Herald', channel: 'digests' } });
  expect(added.text).toContain('Alert rule added');
  expect(added.text).toContain('strongly negative article about Russia \\(stance ≤ −0.60\\) from Herald');
  const [rule] = await store.listAlertRules(guildId);
  expect(rule).toMatchObject({ channelId: h.fake.channel('digests').id, kind: 'article', actor: 'Russia', outlet: 'Herald' });
  const quiet = await answer({ name: 'alerts', group: 'add', subcommand: 'volume', options: { actor: 'China', channel: 'quiet' } });
  expect(quiet.text).toContain('I cannot post in');
  const list = await answer({ name: 'alerts', subcommand: 'list' });
  expect(list.text).toContain(`**#${rule?.id}**`);
  const choices = await h.fake.injectAutocomplete({ name: 'alerts', subcommand: 'remove', options: { rule: 'herald' }, focused: 'rule', user: 'admin' }).choices();
  expect(choices).toEqual([{ name: expect.stringContaining(`#${rule?.id} strongly negative`), value: String(rule?.id) }]);
  const removed = await answer({ name: 'alerts', subcommand: 'remove', options: { rule: String(rule?.id) } });
  expect(removed.text).toContain(`Alert rule #${rule?.id} removed`);
  expect(await store.listAlertRules(guildId)).toEqual([]);
  const gone = await answer({ name: 'alerts', subcommand: 'remove', options: { rule: String(rule?.id) } });
  expect(gone.text).toContain('There is no alert rule');
});
