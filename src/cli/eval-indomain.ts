// `stancewatch eval --indomain DIR [--view author|sentence] [--predictions OUT] [--json]`: the guideline's
// in-domain format (articles.jsonl + sentences.jsonl).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LABELS } from '../core/model.js';
import { articleSchema, evaluateIndomain, sentenceSchema, type IndomainReport, type View } from '../eval/indomain.js';
import { loadAnalyser } from '../resources.js';
import { formatReport } from '../eval/report.js';
import { EXIT, type CliIo } from './io.js';

function readJsonl<T>(path: string, parse: (v: unknown) => T, io: CliIo): T[] | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    io.err(`cannot read ${path}: ${(error as Error).message}`);
    return undefined;
  }
  const out: T[] = [];
  for (const [i, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue;
    try {
      out.push(parse(JSON.parse(line)));
    } catch (error) {
      io.err(`${path} line ${i + 1}: ${(error as Error).message.split('\n')[0] ?? 'invalid'}`);
      return undefined;
    }
  }
  return out;
}

const pct = (x: number): string => x.toFixed(4);

function summary(dir: string, r: IndomainReport): string {
  const lines = [
    `${dir} (${r.view} view): sentences macro-F1 ${pct(r.sentences.macroF1)} (n ${r.sentences.n}), articles macro-F1 ${pct(r.articles.macroF1)} (n ${r.articles.n})`,
    `voices: ${r.voices.bothRight}/${r.voices.n} speaker and label right (${pct(r.voices.accuracy)}); speaker ${r.voices.speakerRight}, label ${r.voices.labelRight}`,
    `coverage: ${r.coverage.found}/${r.coverage.pairs} gold pairs matched to an analysed mention (the rest count as neutral)`,
    ...Object.entries(r.byGroup).map(([g, v]) => `  ${g.padEnd(17)} sentences ${pct(v.sentences.macroF1)} (n ${v.sentences.n})  articles ${pct(v.articles.macroF1)} (n ${v.articles.n})`),
    formatReport('sentences', r.sentences),
    formatReport('articles', r.articles),
  ];
  return lines.join('\n');
}

export async function evalIndomain(dir: string, view: View, out: string | undefined, json: boolean, io: CliIo): Promise<number> {
  const articles = readJsonl(join(dir, 'articles.jsonl'), (v) => articleSchema.parse(v), io);
  const sentences = readJsonl(join(dir, 'sentences.jsonl'), (v) => sentenceSchema.parse(v), io);
  if (!articles || !sentences) return EXIT.inputError;
  const withoutText = articles.filter((a) => a.text === undefined).length;
  // Sets stored as labelled sentences only (datasets/indomain-check) are read as those sentences: say so.
  if (withoutText > 0) io.out(`${dir}: ${withoutText} of ${articles.length} articles have no text; each is read as its labelled sentences (the excerpt its labeller read)`);
  const report = evaluateIndomain(loadAnalyser(), articles, sentences, view);
  if (out !== undefined) writeFileSync(out, report.predictions.map((p) => JSON.stringify(p)).join('\n') + '\n');
  if (json) {
    const { predictions: _, ...rest } = report;
    io.out(JSON.stringify({ dir, labels: LABELS, ...rest }));
  } else io.out(summary(dir, report));
  return EXIT.ok;
}
