// loadDigestInput hands the digest the voices quoted about the covered actors, in the server's window, and with
// an outlet filter only what that outlet's articles quoted.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { VoiceStance } from '../../src/core/types.js';
import { loadDigestInput } from '../../src/jobs/digest-input.js';
import type { Store } from '../../src/store/index.js';
import { DAY, analysisOf, article, labelOf } from '../store/fixtures.js';
import { openStore } from '../store/harness.js';
import { seedFeed } from './digest-seed.js';

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanup.splice(0)) await c();
});

const voice = (speaker: string, actor: string, score: number): VoiceStance => ({ speaker, actor, label: labelOf(score), score, evidence: [] });

async function seeded(): Promise<Store> {
  const dir = mkdtempSync(join(tmpdir(), 'sw-voices-input-'));
  const store = await openStore(`sqlite:${join(dir, 'sw.db')}`);
  cleanup.push(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const feed = await seedFeed(store, 'g');
  const items: Array<[string, number, string, VoiceStance[]]> = [
    ['a', DAY + 1, 'TASS', [voice('Peskov', 'NATO', -0.6), voice('Peskov', 'China', 0.4)]],
    ['b', DAY + 2, 'Reuters', [voice('Peskov', 'NATO', -0.2), voice('Stoltenberg', 'NATO', 0.5)]],
    ['c', 5 * DAY, 'Reuters', [voice('Old', 'NATO', 0.5)]],
  ];
  for (const [id, at, outlet, voices] of items) {
    await store.insertArticles(feed, [article(id, at, outlet)], { eligible: true, now: at });
    await store.saveAnalysis(id, { ...analysisOf({ NATO: 0.1 }), voices }, { modelVersion: 't', now: at });
  }
  return store;
}

it('loads the voices about the covered actors in the period, per outlet when filtered', async () => {
  const store = await seeded();
  const query = { guildId: 'g', period: { from: DAY, to: 2 * DAY }, timeZone: 'UTC', actors: ['NATO'], articlesPerActor: 2, newOnly: true };
  const all = await loadDigestInput(store, query);
  expect(all.voices?.map((v) => [v.speaker, v.n, v.meanScore.toFixed(2), v.outlets.map((o) => o.outlet).join(',')])).toEqual([
    ['Peskov', 2, '-0.40', 'Reuters,TASS'], ['Stoltenberg', 1, '0.50', 'Reuters'],
  ]);
  const tass = await loadDigestInput(store, { ...query, outlet: 'TASS' });
  expect(tass.voices?.map((v) => [v.speaker, v.n, v.meanScore, v.outlets.map((o) => o.outlet)])).toEqual([['Peskov', 1, -0.6, ['TASS']]]);
});
