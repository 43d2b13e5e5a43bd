// `stancewatch eval --persent FILE [--json] [--full-name-only]`: article-level stance toward each document's main
// person (PerSenT CSV) with the current aggregation settings, and the (prior, threshold) grid ranked by macro-F1.
import { readFileSync } from 'node:fs';
import { rankAggregates, evaluateAggregate, type ScoredDocument } from '../eval/aggregate-select.js';
import { DEFAULT_AGGREGATE } from '../core/aggregate.js';
import type { Analyser } from '../core/analyse.js';
import { parsePersent, personActor, type PersentDocument } from '../eval/persent.js';
import { loadAnalyser } from '../resources.js';
import { EXIT, type CliIo } from './io.js';

/** Sentence scores of each document's main person, found through an ad-hoc actor. */
function scoreDocuments(analyser: Analyser, docs: PersentDocument[], withSurname: boolean): ScoredDocument[] {
  return docs.map((d) => {
    const actor = personActor(d.target, withSurname);
    const stances = analyser.withActors([actor]).stances({ title: d.title, text: d.text });
    return { gold: d.gold, scores: stances.filter((s) => s.actor === actor.name).map((s) => s.prediction.score) };
  });
}

const f4 = (x: number): string => x.toFixed(4);

export async function evalPersent(path: string, json: boolean, withSurname: boolean, io: CliIo): Promise<number> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    io.err(`cannot read ${path}: ${(error as Error).message}`);
    return EXIT.inputError;
  }
  const docs = parsePersent(text);
  if (!docs.ok) {
    io.err(`${path}: ${docs.error}`);
    return EXIT.inputError;
  }
  const scored = scoreDocuments(loadAnalyser(), docs.value, withSurname);
  const found = scored.filter((d) => d.scores.length > 0).length;
  const current = evaluateAggregate(scored, DEFAULT_AGGREGATE.prior, DEFAULT_AGGREGATE.threshold);
  const ranked = rankAggregates(scored);
  if (json) io.out(JSON.stringify({ file: path, n: scored.length, found, current, best: ranked.slice(0, 10) }));
  else {
    io.out(`${path}: ${scored.length} documents, main person found in ${found}`);
    io.out(`current prior ${current.prior} threshold ${current.threshold}: macro-F1 ${f4(current.macroF1)} accuracy ${f4(current.accuracy)}`);
    for (const r of ranked.slice(0, 10)) io.out(`  prior ${String(r.prior).padEnd(5)} threshold ${r.threshold.toFixed(2)}  macro-F1 ${f4(r.macroF1)}  accuracy ${f4(r.accuracy)}`);
  }
  return EXIT.ok;
}
