// `stancewatch eval --articles LABELS.json`: article-level stance per actor against expected labels.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import type { ActorStance, StanceLabel } from '../core/types.js';
import { loadAnalyser } from '../resources.js';
import { EXIT, type CliIo } from './io.js';

const labelsSchema = z.object({ file: z.string(), labels: z.record(z.string(), z.union([z.literal(-1), z.literal(0), z.literal(1)])) });
const LABEL_OF: Record<number, StanceLabel> = { [-1]: 'negative', 0: 'neutral', 1: 'positive' };

interface ActorResult {
  actor: string;
  expected: StanceLabel;
  predicted: StanceLabel | 'absent';
  score: number;
  correct: boolean;
  evidence: number;
}

function compare(expected: Record<string, number>, actors: ActorStance[]): ActorResult[] {
  return Object.entries(expected).map(([actor, value]) => {
    const found = actors.find((a) => a.actor === actor);
    const want = LABEL_OF[value] as StanceLabel;
    return {
      actor,
      expected: want,
      predicted: found?.label ?? 'absent',
      score: found?.score ?? 0,
      correct: found?.label === want,
      evidence: found?.evidence.length ?? 0,
    };
  });
}

function load(path: string, io: CliIo): { file: string; text: string; labels: Record<string, number> } | undefined {
  try {
    const parsed = labelsSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (!parsed.success) {
      io.err(`${path}: ${parsed.error.issues[0]?.message ?? 'invalid labels file'}`);
      return undefined;
    }
    const file = resolve(dirname(path), parsed.data.file);
    return { file, text: readFileSync(file, 'utf8'), labels: parsed.data.labels };
  } catch (error) {
    io.err(`cannot read ${path}: ${(error as Error).message}`);
    return undefined;
  }
}

export async function evalArticles(path: string, json: boolean, io: CliIo): Promise<number> {
  const input = load(path, io);
  if (!input) return EXIT.inputError;
  const analysis = loadAnalyser().analyse({ text: input.text });
  const results = compare(input.labels, analysis.actors);
  const correct = results.filter((r) => r.correct).length;
  const accuracy = results.length === 0 ? 0 : correct / results.length;
  if (json) io.out(JSON.stringify({ file: input.file, accuracy, correct, n: results.length, actors: results }));
  else {
    io.out(`${input.file}: ${correct}/${results.length} actor labels right (accuracy ${accuracy.toFixed(4)})`);
    for (const r of results) {
      const mark = r.correct ? 'ok  ' : 'MISS';
      io.out(`  ${mark} ${r.actor.padEnd(16)} expected ${r.expected.padEnd(8)} got ${r.predicted.padEnd(8)} score ${r.score.toFixed(3)} evidence ${r.evidence}`);
    }
  }
  return EXIT.ok;
}
