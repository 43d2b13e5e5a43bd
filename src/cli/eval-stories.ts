// `stancewatch eval --stories FILE.jsonl [--window-hours N] [--json]`: clusters labelled articles as `stancewatch
// stories` does and scores the stories against the gold events with B-cubed precision, recall and F1.
import { clusterBatch } from '../core/story-batch.js';
import { bcubed } from '../eval/bcubed.js';
import { analyseArticles, readArticles } from './stories-input.js';
import { EXIT, type CliIo } from './io.js';

export function evalStories(file: string, windowMs: number | undefined, json: boolean, io: CliIo): number {
  const articles = readArticles(file, true);
  if (!articles.ok) {
    io.err(articles.error);
    return EXIT.inputError;
  }
  const analysed = analyseArticles(articles.value);
  const { stories } = clusterBatch(analysed.map((x) => x.doc), windowMs === undefined ? {} : { windowMs });
  const predicted = new Map<string, string>();
  for (const s of stories) for (const id of s.articles) predicted.set(id, s.id);
  const gold = new Map(articles.value.map((a) => [a.id, a.event]));
  const score = bcubed(gold, predicted);
  const events = new Set(articles.value.flatMap((a) => (a.event === null ? [] : [a.event]))).size;
  const unlabelled = articles.value.filter((a) => a.event === null).length;
  const f = (x: number): string => x.toFixed(3);
  io.out(json
    ? JSON.stringify({ file, articles: score.items, events, unlabelled, stories: score.predictedClusters, precision: score.precision, recall: score.recall, f1: score.f1 })
    : `${file}: ${score.items} articles, ${events} gold events (+${unlabelled} unrelated), ${score.predictedClusters} predicted stories\n` +
      `B-cubed precision ${f(score.precision)}  recall ${f(score.recall)}  F1 ${f(score.f1)}`);
  return EXIT.ok;
}
