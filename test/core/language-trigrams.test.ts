import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { francAll } from 'franc-min';
import { describe, expect, it } from 'vitest';
import { rankAsciiLatin } from '../../src/core/language-trigrams.js';

const sentences = readFileSync(join(process.cwd(), '..', 'shared', 'data', 'newsmtsc', 'dev-rw.jsonl'), 'utf8').trim().split('\n')
  .map((line) => (JSON.parse(line) as { sentence_normalized: string }).sentence_normalized)
  // eslint-disable-next-line no-control-regex
  .filter((s) => !/[^\x00-\x7f]/.test(s));

describe('rankAsciiLatin', () => {
  it('ranks ASCII samples exactly as franc does', () => {
    const samples = [
      ...sentences.slice(0, 200).map((s) => s.slice(0, 300)),
      ...sentences.slice(0, 50).map((s) => s.slice(5, 40)),
      'Die Regierung hat gesagt, dass sie die Sanktionen verschaerft.', 'le gouvernement a dit que la France',
      'THE END', 'x\ty\vz\fw\r\nq', '\x07hello\x1fworld\x7f', 'Hello [world] {x} ~_^`|', 'abc', '  nato  ',
    ];
    for (const sample of samples) expect(rankAsciiLatin(sample, 3)).toEqual(francAll(sample, { minLength: 3 }));
  });

  it('leaves other samples to franc', () => {
    expect(rankAsciiLatin('ab', 3)).toBeUndefined();
    expect(rankAsciiLatin('123 456', 3)).toBeUndefined();
    expect(rankAsciiLatin('Straße und Brücke', 3)).toBeUndefined();
  });
});
