// analyze, eval and train subcommands against shared data and small files of our own.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run as analyze } from '../../src/cli/analyze.js';
import { run as evaluate } from '../../src/cli/eval.js';
import { run as train } from '../../src/cli/train.js';
import { EXIT } from '../../src/cli/io.js';
import { recordingIo } from './cli-helpers.js';

const SHARED = resolve(import.meta.dirname, '..', '..', '..', 'shared');
const dir = mkdtempSync(join(tmpdir(), 'sw-analysis-'));
const line = (gid: string, sentence: string, targets: object[]): string =>
  JSON.stringify({ primary_gid: gid, sentence_normalized: sentence, targets });

describe('analyze', () => {
  it('prints the JSON shape with evidence for stdin input', async () => {
    const io = recordingIo("NATO's eastward militarization is a provocation. Beijing praised the win-win partnership.");
    expect(await analyze(['-', '--json'], io)).toBe(EXIT.ok);
    const out = JSON.parse(io.stdout.join(''));
    expect(out.sentiment.wordCount).toBeGreaterThan(5);
    const nato = out.actors.find((a: { actor: string }) => a.actor === 'NATO');
    expect(nato.label).toBe('negative');
    expect(nato.evidence[0].terms).toContain('militarization');
  });

  it('--sentences lists each sentence\'s author stance toward each actor, alone and in its article, with its voice', async () => {
    const text = 'Washington\'s reckless provocations threaten peace in the region. The United States has once again shown its contempt for international law. The United States will send more warships to Japan next week. Kremlin spokesman Dmitry Peskov said NATO was a threat.';
    const io = recordingIo(text);
    expect(await analyze(['-', '--json', '--sentences'], io)).toBe(EXIT.ok);
    const out = JSON.parse(io.stdout.join(''));
    type Row = { sentence: string; actor: string; author: string; alone: string; voice: { speaker: string; label: string } | null };
    const rows = out.sentences as Row[];
    const talks = rows.find((r) => r.actor === 'United States' && r.sentence.startsWith('The United States will'));
    expect(talks).toMatchObject({ author: 'negative', alone: 'neutral', voice: null });
    expect(rows.find((r) => r.actor === 'NATO')).toMatchObject({ author: 'neutral', voice: { speaker: 'Kremlin spokesman Dmitry Peskov', label: 'negative' } });
    // The article label and its evidence are taken from what each sentence says itself.
    const evidence = out.actors.find((a: { actor: string }) => a.actor === 'United States').evidence as Array<{ sentence: string; score: number; terms: string[] }>;
    expect(evidence.find((e) => e.sentence === talks?.sentence)).toMatchObject({ score: (talks as Row & { aloneScore: number }).aloneScore, terms: [] });
    const plain = recordingIo(text);
    expect(await analyze(['-', '--sentences'], plain)).toBe(EXIT.ok);
    expect(plain.stdout.join('')).toContain('United States - (alone 0, in its article -)');
  });

  it('finds an actor spelt with zero-width spaces (NATO, negative)', async () => {
    const io = recordingIo('N\u200bA\u200bT\u200bO is reckless and aggressive.');
    expect(await analyze(['-', '--json'], io)).toBe(EXIT.ok);
    const nato = JSON.parse(io.stdout.join('')).actors.find((a: { actor: string }) => a.actor === 'NATO');
    expect(nato.label).toBe('negative');
    expect(nato.evidence[0].sentence).toBe('NATO is reckless and aggressive.');
  });

  it('refuses a text of only invisible characters as an input error', async () => {
    const io = recordingIo('\u200b\u200b \u2060\ufeff\n');
    expect(await analyze(['-', '--json'], io)).toBe(EXIT.inputError);
    expect(io.stderr.join('')).toContain('There is no text to analyse.');
    expect(io.stdout).toEqual([]);
  });

  it('reports a missing file as an input error', async () => {
    const io = recordingIo();
    expect(await analyze([join(dir, 'missing.txt')], io)).toBe(EXIT.inputError);
  });

  it('rejects unknown options', async () => {
    expect(await analyze(['x', '--bogus'], recordingIo())).toBe(EXIT.usage);
  });
});

describe('eval', () => {
  it('scores a labelled file and writes predictions', async () => {
    const file = join(dir, 'mini.jsonl');
    writeFileSync(file, [
      line('a', 'Washington condemned the brutal crackdown by Tehran.', [{ from: 0, to: 10, polarity: 4 }, { from: 45, to: 51, polarity: 2 }]),
      line('b', 'The summit was held in Paris.', [{ from: 23, to: 28 }]),
    ].join('\n'));
    const out = join(dir, 'pred.jsonl');
    const io = recordingIo();
    expect(await evaluate([file, '--predictions', out, '--json'], io)).toBe(EXIT.ok);
    expect(JSON.parse(io.stdout.join('')).n).toBe(2);
    const preds = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(preds).toHaveLength(3);
    expect(preds[2]).toMatchObject({ primary_gid: 'b', from: 23, to: 28 });
    expect(['negative', 'neutral', 'positive']).toContain(preds[2].predicted);
  });

  it('reports a malformed line with its number', async () => {
    const file = join(dir, 'bad.jsonl');
    writeFileSync(file, `${line('a', 'x', [])}\n{not json\n`);
    const io = recordingIo();
    expect(await evaluate([file], io)).toBe(EXIT.inputError);
    expect(io.stderr.join('')).toContain('line 2');
  });

  it('evaluates article labels with evidence', async () => {
    const io = recordingIo();
    expect(await evaluate(['--articles', join(SHARED, 'seed', 'article-labels.json'), '--json'], io)).toBe(EXIT.ok);
    const out = JSON.parse(io.stdout.join(''));
    expect(out.n).toBe(9);
    for (const actor of out.actors) expect(actor.evidence).toBeGreaterThan(0);
  });
});

describe('train', () => {
  it('trains a model file from a small labelled file', async () => {
    const data = join(dir, 'train.jsonl');
    const sentences = [
      ['Moscow praised the excellent and peaceful talks.', 6], ['Beijing condemned the brutal and illegal attack.', 2],
      ['Tokyo held a meeting on Monday.', 4], ['Seoul welcomed the wonderful agreement.', 6],
      ['Tehran denounced the terrible sanctions.', 2], ['Berlin published the figures.', 4],
    ] as const;
    writeFileSync(data, sentences.map(([s, p], i) => line(`g${i}`, s, [{ from: 0, to: s.indexOf(' '), polarity: p }])).join('\n'));
    const out = join(dir, 'model.json');
    const io = recordingIo();
    expect(await train(['--data', data, '--out', out, '--folds', '2'], io)).toBe(EXIT.ok);
    const model = JSON.parse(readFileSync(out, 'utf8'));
    expect(model.format).toBe('stancewatch-hashed-lr');
    expect(model.ids.length).toBeGreaterThan(0);
    expect(model.weights).toHaveLength(model.ids.length * 3);
  });
});
