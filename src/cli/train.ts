// `stancewatch train [--data FILE] [--out FILE] [--folds N]`: fits the stance model and writes models/stance.json.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { compileLexicon } from '../core/lexicon.js';
import { parseNewsTscJsonl, parseStanceJsonl, recordExamples, type StanceRecord } from '../eval/newsmtsc.js';
import type { Result } from '../core/result.js';
import { crossValidate, selectFusion } from '../eval/select.js';
import { trainModel, type TrainOptions } from '../eval/train.js';
import { packWeights, type StanceModelData } from '../core/model.js';
import { HASH_BITS } from '../core/feature-hash.js';
import { loadLexicon, MODEL_PATH, projectRoot } from '../resources.js';
import { EXIT, parseArgs, type CliCommand, type CliIo } from './io.js';
import { runTrainHeads } from './train-heads.js';

const MODEL_VERSION = 2;
const SEED = 20210419;
const BASE: TrainOptions = { epochs: 10, learningRate: 0.1, l2: 3e-3, minCount: 2, seed: SEED };
/** Candidate L2 strengths; the one with the best cross-validated macro-F1 on the training data is used. */
const GRID: TrainOptions[] = [1e-3, 3e-3, 1e-2].map((l2) => ({ ...BASE, l2 }));
const USAGE = 'usage: stancewatch train [--data FILE] [--extra NEWSTSC.jsonl] [--out FILE] [--folds N] [--indomain DIR] [--heads-only]';

/** Records of a JSONL file; a failure is reported on `io` and returned. */
function readRecords(path: string, parse: (text: string) => Result<StanceRecord[], string>, io: CliIo): Result<StanceRecord[], string> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    io.err(`cannot read ${path}: ${(error as Error).message}`);
    return { ok: false, error: 'unreadable' };
  }
  const records = parse(text);
  if (!records.ok) io.err(`${path}: ${records.error}`);
  return records;
}

export const run: CliCommand = async (args, io) => {
  const parsed = parseArgs(args, ['data', 'out', 'folds', 'extra', 'indomain'], ['heads-only']);
  if (typeof parsed === 'string' || parsed.positionals.length > 0) {
    io.err(typeof parsed === 'string' ? `${parsed}\n${USAGE}` : USAGE);
    return EXIT.usage;
  }
  const root = projectRoot();
  const indomain = resolve(String(parsed.flags.get('indomain') ?? join(root, 'datasets', 'indomain-train')));
  if (parsed.flags.has('heads-only')) return runTrainHeads(root, indomain, io);
  const dataPath = resolve(String(parsed.flags.get('data') ?? join(root, '..', 'shared', 'data', 'newsmtsc', 'train.jsonl')));
  const outPath = resolve(String(parsed.flags.get('out') ?? join(root, MODEL_PATH)));
  const folds = Number(parsed.flags.get('folds') ?? 5);
  if (!Number.isInteger(folds) || folds < 2) {
    io.err(`--folds must be an integer >= 2\n${USAGE}`);
    return EXIT.usage;
  }
  const records = readRecords(dataPath, parseStanceJsonl, io);
  if (!records.ok) return EXIT.inputError;
  const lexiconData = loadLexicon(root);
  const lexicon = compileLexicon(lexiconData);
  const groups = records.value.map((r) => recordExamples(r, lexicon)).filter((g) => g.length > 0);
  const extraPath = parsed.flags.get('extra');
  const extraRecords = typeof extraPath === 'string' ? readRecords(resolve(extraPath), parseNewsTscJsonl, io) : { ok: true as const, value: [] };
  if (!extraRecords.ok) return EXIT.inputError;
  const extra = extraRecords.value.flatMap((r) => recordExamples(r, lexicon));
  const results = crossValidate(groups, GRID, folds, SEED, extra);
  for (const r of results) io.out(`cv l2=${r.options.l2} macro-F1=${r.macroF1.toFixed(4)}`);
  const best = results.reduce((a, b) => (b.macroF1 > a.macroF1 ? b : a));
  const examples = groups.flat();
  const fusion = selectFusion(examples, best.outOfFold);
  io.out(`cv fusion beta=${fusion.fusion.beta} gamma=${fusion.fusion.gamma} delta=${fusion.fusion.delta ?? 0} neutral=${fusion.fusion.neutral} macro-F1=${fusion.macroF1.toFixed(4)}`);
  const model: StanceModelData = {
    format: 'stancewatch-hashed-lr',
    version: MODEL_VERSION,
    lexiconVersion: lexiconData.version,
    bits: HASH_BITS,
    ...packWeights(trainModel([...examples, ...extra], best.options)),
    fusion: fusion.fusion,
    training: {
      data: 'NewsMTSC train.jsonl',
      examples: examples.length,
      options: best.options,
      crossValidation: results.map((r) => ({ l2: r.options.l2, macroF1: Math.round(r.macroF1 * 1e4) / 1e4 })),
      fusionMacroF1: Math.round(fusion.macroF1 * 1e4) / 1e4,
      folds,
    },
  };
  writeFileSync(outPath, JSON.stringify(model) + '\n');
  io.out(`wrote ${outPath}: ${model.ids.length} buckets, l2=${best.options.l2}`);
  return outPath === resolve(root, MODEL_PATH) ? runTrainHeads(root, indomain, io) : EXIT.ok;
};
