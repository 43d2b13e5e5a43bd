// `stancewatch eval FILE [--predictions OUT] [--json]` and `stancewatch eval --articles LABELS.json [--json]`.
import { readFileSync, writeFileSync } from 'node:fs';
import { compileLexicon } from '../core/lexicon.js';
import { classReport } from '../eval/scores.js';
import { formatReport } from '../eval/report.js';
import { decide, loadModel } from '../core/model.js';
import { analyseRecord, goldLabel, parseStanceJsonl, type StanceRecord } from '../eval/newsmtsc.js';
import type { StanceLabel } from '../core/types.js';
import type { TargetAnalysis } from '../core/features.js';
import { createAnalyser } from '../core/analyse.js';
import { loadAnalyserResources } from '../resources.js';
import { evalArticles } from './eval-articles.js';
import { evalIndomain } from './eval-indomain.js';
import { evalPersent } from './eval-persent.js';
import { evalStories } from './eval-stories.js';
import { windowOption } from './stories.js';
import { EXIT, parseArgs, type CliCommand, type CliIo } from './io.js';

const USAGE =
  'usage: stancewatch eval FILE [--view sentence|author] [--predictions OUT] [--json] | stancewatch eval --articles LABELS.json [--json] | ' +
  'stancewatch eval --persent FILE.csv [--json] [--full-name-only] | ' +
  'stancewatch eval --indomain DIR [--view author|sentence] [--predictions OUT] [--json] | ' +
  'stancewatch eval --stories FILE.jsonl [--window-hours N] [--json]';

interface PredictionLine {
  primary_gid: string;
  from: number;
  to: number;
  predicted: StanceLabel;
  score: number;
}

/**
 * Author view of each target: the sentence analysed as the product does, the target's actor taken from the
 * record (`actor`, as in the seed's labels) or from the registry mention covering its span; none found: neutral.
 */
function predictAuthor(records: StanceRecord[]): { lines: PredictionLine[]; pairs: Array<{ gold: StanceLabel; predicted: StanceLabel }> } {
  const analyser = createAnalyser(loadAnalyserResources());
  const lines: PredictionLine[] = [];
  const pairs: Array<{ gold: StanceLabel; predicted: StanceLabel }> = [];
  for (const record of records) {
    const text = record.sentence_normalized;
    const stances = analyser.stances({ text });
    const mentions = analyser.registry.findMentions(text);
    for (const target of record.targets) {
      const actor = target.actor ?? mentions.find((m) => m.start <= target.from && m.end >= target.to)?.actor;
      const p = stances.find((s) => s.actor === actor)?.author;
      const predicted = p?.label ?? 'neutral';
      lines.push({ primary_gid: record.primary_gid, from: target.from, to: target.to, predicted, score: Math.round((p?.score ?? 0) * 1e4) / 1e4 });
      const gold = goldLabel(target.polarity);
      if (gold) pairs.push({ gold, predicted });
    }
  }
  return { lines, pairs };
}

/** Sentence view of each target (NewsMTSC's definition: everything the sentence says about it, quotes included). */
export function predictAll(records: StanceRecord[]): { lines: PredictionLine[]; pairs: Array<{ gold: StanceLabel; predicted: StanceLabel }> } {
  const resources = loadAnalyserResources();
  const lexicon = compileLexicon(resources.lexicon);
  const model = loadModel(resources.model);
  const lines: PredictionLine[] = [];
  const pairs: Array<{ gold: StanceLabel; predicted: StanceLabel }> = [];
  for (const record of records) {
    const analyses = analyseRecord(record, lexicon);
    record.targets.forEach((target, k) => {
      const p = decide(model, analyses[k] as TargetAnalysis);
      lines.push({ primary_gid: record.primary_gid, from: target.from, to: target.to, predicted: p.label, score: Math.round(p.score * 1e4) / 1e4 });
      const gold = goldLabel(target.polarity);
      if (gold) pairs.push({ gold, predicted: p.label });
    });
  }
  return { lines, pairs };
}



function readInput(path: string, io: CliIo): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    io.err(`cannot read ${path}: ${(error as Error).message}`);
    return undefined;
  }
}

async function evalTargets(file: string, view: 'author' | 'sentence', out: string | undefined, json: boolean, io: CliIo): Promise<number> {
  const text = readInput(file, io);
  if (text === undefined) return EXIT.inputError;
  const records = parseStanceJsonl(text);
  if (!records.ok) {
    io.err(`${file}: ${records.error}`);
    return EXIT.inputError;
  }
  const { lines, pairs } = view === 'author' ? predictAuthor(records.value) : predictAll(records.value);
  if (out !== undefined) writeFileSync(out, lines.map((l) => JSON.stringify(l)).join('\n') + (lines.length ? '\n' : ''));
  if (pairs.length === 0) {
    io.out(json ? JSON.stringify({ file, n: 0, predictions: lines.length }) : `${file}: no labelled targets; ${lines.length} predictions`);
    return EXIT.ok;
  }
  const report = classReport(pairs);
  io.out(json ? JSON.stringify({ file, ...report }) : formatReport(file, report));
  return EXIT.ok;
}

export const run: CliCommand = async (args, io) => {
  const parsed = parseArgs(args, ['predictions', 'articles', 'persent', 'indomain', 'view', 'stories', 'window-hours'], ['json', 'full-name-only']);
  if (typeof parsed === 'string') {
    io.err(`${parsed}\n${USAGE}`);
    return EXIT.usage;
  }
  const json = parsed.flags.has('json');
  const stories = parsed.flags.get('stories');
  if (typeof stories === 'string' && parsed.positionals.length === 0) {
    const windowMs = windowOption(parsed.flags.get('window-hours'));
    if (typeof windowMs === 'string') {
      io.err(`${windowMs}\n${USAGE}`);
      return EXIT.usage;
    }
    return evalStories(stories, windowMs, json, io);
  }
  const articles = parsed.flags.get('articles');
  if (typeof articles === 'string' && parsed.positionals.length === 0) return evalArticles(articles, json, io);
  const view = parsed.flags.get('view') ?? (typeof parsed.flags.get('indomain') === 'string' ? 'author' : 'sentence');
  if (view !== 'author' && view !== 'sentence') {
    io.err(`--view must be author or sentence\n${USAGE}`);
    return EXIT.usage;
  }
  const predictionsOut = parsed.flags.get('predictions');
  const indomain = parsed.flags.get('indomain');
  if (typeof indomain === 'string' && parsed.positionals.length === 0) return evalIndomain(indomain, view, typeof predictionsOut === 'string' ? predictionsOut : undefined, parsed.flags.has('json'), io);
  const persent = parsed.flags.get('persent');
  if (typeof persent === 'string' && parsed.positionals.length === 0) return evalPersent(persent, json, !parsed.flags.has('full-name-only'), io);
  const [file, ...rest] = parsed.positionals;
  if (file === undefined || rest.length > 0 || articles !== undefined || persent !== undefined) {
    io.err(USAGE);
    return EXIT.usage;
  }
  const out = parsed.flags.get('predictions');
  return evalTargets(file, view, typeof out === 'string' ? out : undefined, json, io);
};
