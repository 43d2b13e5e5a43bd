// Reported voices through the real bot and the fake Discord: /actor names who is quoted about the actor and how,
// and the digest preview has a "Voices quoted" line per actor and marks the outlets that only quoted others.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { VoiceStance } from '../../../src/core/types.js';
import { commandModules } from '../../../src/discord/registry.js';
import type { JobsApi } from '../../../src/jobs/api.js';
import { createDigestsApi } from '../../../src/jobs/api-digests.js';
import type { Store } from '../../../src/store/index.js';
import { seedFeed } from '../../jobs/digest-seed.js';
import { analysisOf, article, labelOf } from '../../store/fixtures.js';
import { openStore } from '../../store/harness.js';
import { startHarness, type BotHarness } from '../helpers.js';

const HOUR = 3_600_000;
let h: BotHarness;
let store: Store;
const dir = mkdtempSync(join(tmpdir(), 'sw-voices-'));

function voice(speaker: string, actor: string, score: number, speakerActor?: string): VoiceStance {
  return { speaker, ...(speakerActor ? { speakerActor } : {}), actor, label: labelOf(score), score, evidence: [{ sentence: `${speaker} spoke.`, terms: [] }] };
}

/** Articles first stored an hour ago: in /actor's window and in the next digest. */
async function seed(guildId: string, otherGuild: string): Promise<void> {
  const feed = await seedFeed(store, guildId);
  const other = await seedFeed(store, otherGuild);
  const at = Date.now() - HOUR;
  const items: Array<[string, string, Record<string, number>, VoiceStance[]]> = [
    ['v1', 'TASS', { NATO: -0.5 }, [voice('Dmitry Peskov', 'NATO', -0.7, 'Russia')]],
    ['v2', 'RT', { NATO: -0.4 }, [voice('Dmitry Peskov', 'NATO', -0.5, 'Russia'), voice('**Bold** @everyone', 'NATO', 0.3)]],
    ['v3', 'Reuters', { Russia: -0.3 }, [voice('Jens Stoltenberg', 'NATO', 0.6, 'NATO')]],
  ];
  for (const [id, outlet, scores, voices] of items) {
    await store.insertArticles(feed, [article(id, at, outlet)], { eligible: true, now: at });
    await store.saveAnalysis(id, { ...analysisOf(scores), voices }, { modelVersion: 'test', now: at });
  }
  await store.insertArticles(other, [article('x1', at, 'Elsewhere')], { eligible: true, now: at });
  await store.saveAnalysis('x1', { ...analysisOf({ NATO: 0.2 }), voices: [voice('Other Server Speaker', 'NATO', 0.9)] }, { modelVersion: 'test', now: at });
  for (const actor of ['NATO', 'Russia']) await store.watchActor(guildId, actor, 0);
}

beforeAll(async () => {
  // Not the jobs fixtures' tempStore: that module builds the analyser, which this test does not need.
  store = await openStore(`sqlite:${join(dir, 'sw.db')}`);
  const jobs = createDigestsApi({ store, now: Date.now, builtInActors: ['Russia', 'China', 'NATO'], articlesPerActor: 2, defaultSchedule: '0 8 * * *', defaultTimezone: 'UTC' });
  h = await startHarness([...commandModules], { guilds: [{ name: 'Alpha' }, { name: 'Beta' }] }, { store, jobs: jobs as unknown as JobsApi });
  await seed(h.fake.guilds[0]!.id, h.fake.guilds[1]!.id);
});
afterAll(async () => {
  await h.stop();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

it('/actor says who is quoted about the actor, by which outlets and how, escaped and within the server', async () => {
  const reply = await h.fake.injectCommand({ name: 'actor', options: { name: 'nato', period: '7d' } }).reply(10_000);
  const description = reply.embeds[0]?.description ?? '';
  expect(description).toContain('Voices on NATO (7 days): Dmitry Peskov [Russia] (RT, TASS) −, Jens Stoltenberg (Reuters) +, \\*\\*Bold\\*\\* @\u200beveryone (RT) +');
  expect(description).not.toContain('Other Server Speaker');
  expect(description.length).toBeLessThanOrEqual(4096);
  const russia = await h.fake.injectCommand({ name: 'actor', options: { name: 'Russia', period: '7d' } }).reply(10_000);
  expect(russia.embeds[0]?.description).not.toContain('Voices on');
});

it('the digest preview has a "Voices quoted" line per actor and marks the outlets that only quoted others', async () => {
  const reply = await h.fake.injectCommand({ name: 'digest', subcommand: 'preview', user: 'admin' }).reply(10_000);
  const voices = reply.embeds.find((e) => e.title?.startsWith('Voices quoted'));
  expect(voices?.description).toBe('**NATO**: Dmitry Peskov [Russia] (RT, TASS) −, Jens Stoltenberg (Reuters) +, \\*\\*Bold\\*\\* @\u200beveryone (RT) +');
  const table = reply.embeds.find((e) => e.title?.startsWith('Outlets × actors'))?.description ?? '';
  const row = (outlet: string) => table.split('\n').find((l) => l.startsWith(outlet)) ?? '';
  // Columns NATO, Russia: Reuters has a stance of its own on Russia and only quoted Stoltenberg on NATO.
  expect(row('Reuters')).toMatch(/^Reuters\s+q \+0\.60 \(1\)\s+−0\.30 \(1\)$/);
  expect(row('TASS')).toMatch(/^TASS\s+−0\.50 \(1\)\s+—$/);
  expect(table).toContain('q: the outlet only quoted others about the actor');
});
