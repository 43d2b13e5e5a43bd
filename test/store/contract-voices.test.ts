// Reported voices: stored per article with its analysis, replaced on re-analysis, pruned with the article, and
// summed per speaker about an actor in one server's window.
import { expect, it } from 'vitest';
import type { ArticleAnalysis, VoiceStance } from '../../src/core/types.js';
import type { Store } from '../../src/store/index.js';
import { DAY, analysisOf, article, labelOf } from './fixtures.js';
import { describeStoreContract, subscribedFeed } from './harness.js';

const meta = { modelVersion: 'v', now: 1 };

function voice(speaker: string, actor: string, score: number, speakerActor?: string): VoiceStance {
  return { speaker, ...(speakerActor ? { speakerActor } : {}), actor, label: labelOf(score), score, evidence: [{ sentence: `${speaker} said ${actor} ${score}.`, terms: ['said'] }] };
}

function withVoices(voices: VoiceStance[], scores: Record<string, number> = { NATO: 0.1 }): ArticleAnalysis {
  return { ...analysisOf(scores), voices };
}

async function feedIn(store: Store, guild: string, name: string): Promise<number> {
  return (await subscribedFeed(store, `https://${name}.example/`, guild)).feed.id;
}

describeStoreContract('reported voices', (h) => {
  it('stores the voices with the analysis and reads them back in order', async () => {
    const { store } = h();
    const f = await feedIn(store, 'g1', 'f');
    await store.insertArticles(f, [article('a1', DAY, 'TASS')], { eligible: true, now: 2 * DAY });
    const voices = [voice('Dmitry Peskov', 'NATO', -0.6, 'Russia'), voice('unnamed', 'NATO', 0.3), voice('Beijing', 'United States', -0.25, 'China')];
    await store.saveAnalysis('a1', withVoices(voices), meta);
    expect((await store.getAnalysis('a1'))?.voices).toEqual(voices);
  });

  it('writes the voices of a batch (and of articles inserted with their analyses) in the same transaction', async () => {
    const { store } = h();
    const f = await feedIn(store, 'g1', 'f');
    await store.insertArticles(f, [article('b1', DAY), article('b2', DAY)], { eligible: true, now: 2 * DAY });
    await store.saveAnalyses([
      { articleId: 'b1', analysis: withVoices([voice('Jens Stoltenberg', 'NATO', 0.5, 'NATO')]) },
      { articleId: 'b2', analysis: withVoices([voice('Olaf Scholz', 'NATO', 0.2, 'Germany'), voice('Olaf Scholz', 'Russia', -0.4, 'Germany')]) },
    ], meta);
    expect((await store.getAnalysis('b1'))?.voices.map((v) => v.speaker)).toEqual(['Jens Stoltenberg']);
    expect((await store.getAnalysis('b2'))?.voices.map((v) => v.actor)).toEqual(['NATO', 'Russia']);
    // An unknown article rolls the whole batch back: no voice of b1 is replaced.
    await expect(store.saveAnalyses([{ articleId: 'b1', analysis: withVoices([]) }, { articleId: 'nope', analysis: withVoices([]) }], meta)).rejects.toThrow();
    expect((await store.getAnalysis('b1'))?.voices).toHaveLength(1);
    await store.insertArticles(f, [article('b3', DAY)], { eligible: true, now: 2 * DAY, analyses: { items: [{ articleId: 'b3', analysis: withVoices([voice('TASS', 'NATO', -0.3)]) }], meta } });
    expect((await store.getAnalysis('b3'))?.voices.map((v) => v.speaker)).toEqual(['TASS']);
  });

  it('replaces the voices on re-analysis and prunes them with the article', async () => {
    const { store } = h();
    const f = await feedIn(store, 'g1', 'f');
    await store.insertArticles(f, [article('c1', DAY), article('c2', 9 * DAY)], { eligible: true, now: 10 * DAY });
    await store.saveAnalysis('c1', withVoices([voice('Peskov', 'NATO', -0.5), voice('Lavrov', 'NATO', -0.7)]), meta);
    await store.saveAnalysis('c1', withVoices([voice('Stoltenberg', 'NATO', 0.4)]), meta);
    expect((await store.getAnalysis('c1'))?.voices.map((v) => v.speaker)).toEqual(['Stoltenberg']);
    await store.saveAnalysis('c2', withVoices([voice('Peskov', 'NATO', -0.5)]), meta);
    const all = { guildId: 'g1', from: 0, to: 11 * DAY };
    expect((await store.voiceStats(all)).map((v) => v.speaker).sort()).toEqual(['Peskov', 'Stoltenberg']);
    expect(await store.pruneOlderThan(5 * DAY, 10)).toBe(1);
    expect((await store.voiceStats(all)).map((v) => v.speaker)).toEqual(['Peskov']);
  });

  it('sums the voices about an actor per speaker in a server\'s window, with the outlets that quoted them', async () => {
    const { store } = h();
    const mine = await feedIn(store, 'g1', 'mine');
    const other = await feedIn(store, 'g2', 'other');
    await store.subscribe({ guildId: 'g1', feedId: other, channelId: 'c', name: 'other', createdBy: 'u', now: 0 }).then(() => undefined);
    const lone = await feedIn(store, 'g2', 'lone');
    await store.insertArticles(mine, [article('d1', DAY, 'TASS'), article('d2', 2 * DAY, 'RT'), article('d3', 3 * DAY, 'Reuters')], { eligible: true, now: 4 * DAY });
    await store.insertArticles(other, [article('d2', 2 * DAY, 'RT'), article('d4', 2 * DAY, 'TASS')], { eligible: true, now: 4 * DAY });
    await store.insertArticles(lone, [article('d5', 2 * DAY, 'TASS'), article('d6', 2 * DAY, 'TASS')], { eligible: true, now: 4 * DAY });
    const peskov = (s: number) => voice('Dmitry Peskov', 'NATO', s, 'Russia');
    await store.saveAnalysis('d1', withVoices([peskov(-0.6)]), meta);
    await store.saveAnalysis('d2', withVoices([peskov(-0.4), voice('Dmitry Peskov', 'China', 0.5, 'Russia')]), meta);
    await store.saveAnalysis('d3', withVoices([voice('Jens Stoltenberg', 'NATO', 0.5, 'NATO'), voice('Dmitry Peskov', 'NATO', -0.2)]), meta);
    await store.saveAnalysis('d4', withVoices([peskov(-0.8)]), meta);
    await store.saveAnalysis('d5', withVoices([peskov(0.9)]), meta);
    const stats = await store.voiceStats({ guildId: 'g1', from: 0, to: 10 * DAY, actors: ['NATO'] });
    const round = (x: number) => Math.round(x * 1000) / 1000;
    expect(stats.map((s) => ({ ...s, meanScore: round(s.meanScore), outlets: s.outlets.map((o) => ({ ...o, meanScore: round(o.meanScore) })) }))).toEqual([
      // d2 reaches g1 through two feeds and counts once; d5 is another server's.
      { actor: 'NATO', speaker: 'Dmitry Peskov', speakerActor: 'Russia', n: 3, meanScore: -0.6, outlets: [{ outlet: 'TASS', n: 2, meanScore: -0.7 }, { outlet: 'RT', n: 1, meanScore: -0.4 }] },
      { actor: 'NATO', speaker: 'Dmitry Peskov', speakerActor: null, n: 1, meanScore: -0.2, outlets: [{ outlet: 'Reuters', n: 1, meanScore: -0.2 }] },
      { actor: 'NATO', speaker: 'Jens Stoltenberg', speakerActor: 'NATO', n: 1, meanScore: 0.5, outlets: [{ outlet: 'Reuters', n: 1, meanScore: 0.5 }] },
    ]);
    // The window is half-open on the published time; other actors stay out unless asked for.
    expect((await store.voiceStats({ guildId: 'g1', from: 2 * DAY, to: 3 * DAY })).map((s) => `${s.actor}:${s.n}`)).toEqual(['China:1', 'NATO:2']);
    // The 'seen' basis counts articles first stored in the window.
    expect(await store.voiceStats({ guildId: 'g1', from: 0, to: 4 * DAY, basis: 'seen' })).toEqual([]);
    expect((await store.voiceStats({ guildId: 'g1', from: 4 * DAY, to: 5 * DAY, basis: 'seen', actors: ['NATO'] })).map((s) => s.n)).toEqual([3, 1, 1]);
  });
});
