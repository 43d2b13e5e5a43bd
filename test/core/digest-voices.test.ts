// Reported voices in the digest: the most quoted speakers per actor, their text, and the outlet × actor table
// telling an outlet's own stance from voices it only quoted.
import { describe, expect, it } from 'vitest';
import { buildDigest, outletTable } from '../../src/core/digest.js';
import { actorVoices, quotedByOutlet, voicesLine } from '../../src/core/digest-voices.js';
import type { StanceLabel } from '../../src/core/types.js';
import { fixtureInput, sampleVoices } from './digest-fixture.js';

const label = (m: number): StanceLabel => (m >= 0.1 ? 'positive' : m <= -0.1 ? 'negative' : 'neutral');

describe('voices quoted', () => {
  it('lists the most quoted speakers per actor as "Speaker (outlets) sign"', () => {
    const voices = actorVoices(sampleVoices(), ['NATO', 'Ukraine', 'Russia'], 4, label);
    expect(voices.map((v) => v.actor)).toEqual(['NATO', 'Russia']);
    const nato = voices[0]!.voices;
    expect(voicesLine(nato, (s) => s)).toBe('Dmitry Peskov [Russia] (TASS, RT) −, Jens Stoltenberg (Reuters) +, Beijing [China] (A, B, C, +2) −, unnamed sources (Eastern Dawn) ±');
    expect(voicesLine(nato.slice(0, 1), (s) => `<${s}>`)).toBe('<Dmitry Peskov> [<Russia>] (<TASS>, <RT>) −');
    expect(actorVoices(sampleVoices(), ['NATO'], 1, label)[0]!.voices.map((v) => v.speaker)).toEqual(['Dmitry Peskov']);
  });

  it('marks outlet × actor cells that hold only quoted voices', () => {
    const quoted = quotedByOutlet(sampleVoices());
    expect(quoted.find((q) => q.outlet === 'TASS')).toEqual({ outlet: 'TASS', actor: 'NATO', n: 2, meanScore: -0.7 });
    const t = outletTable(fixtureInput().outletActors, ['Russia', 'NATO'], 10, quoted);
    const row = (outlet: string) => t.rows.find((r) => r.outlet === outlet);
    // Own stance and quoted voices in one cell; own stance only; quoted only (n = 0), after the outlets with a stance.
    expect(row('Global Herald')?.cells[0]).toEqual({ n: 6, mean: -0.7, quoted: { n: 2, mean: -0.5 } });
    expect(row('Eastern Dawn')?.cells).toEqual([{ n: 2, mean: 0.6 }, { n: 2, mean: -0.5, quoted: { n: 1, mean: 0.02 } }]);
    expect(row('TASS')).toEqual({ outlet: 'TASS', total: 0, cells: [null, { n: 0, mean: 0, quoted: { n: 2, mean: -0.7 } }] });
    // Own mentions first (Eastern Dawn and Wire | Service tie at 4: the one that also quoted someone comes first).
    expect(t.rows.slice(0, 4).map((r) => r.outlet)).toEqual(['Global Herald', 'Eastern Dawn', 'Wire | Service', 'TASS']);
  });

  it('puts the quoted voices into the digest (three speakers per actor by default)', () => {
    const d = buildDigest({ ...fixtureInput(), voices: sampleVoices() });
    expect(d.voices?.map((v) => [v.actor, v.voices.length])).toEqual([['Russia', 1], ['NATO', 3]]);
    expect(d.outletTable.rows.find((r) => r.outlet === 'TASS')?.cells[d.outletTable.actors.indexOf('NATO')]).toMatchObject({ n: 0, quoted: { n: 2 } });
    expect(buildDigest(fixtureInput()).voices).toEqual([]);
  });
});
