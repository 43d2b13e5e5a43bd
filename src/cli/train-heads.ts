// The heads part of `stancewatch train`: fits the author and voice heads on datasets/indomain-train and writes
// models/author.json (the sentence-view model in models/stance.json must be trained first: the heads read it).
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createAnalyser } from '../core/analyse.js';
import { articleSchema, sentenceSchema, type IndomainArticle, type IndomainSentence } from '../eval/indomain.js';
import { trainHeads } from '../eval/train-heads.js';
import { AUTHOR_HEAD_PATH, loadAnalyserResources } from '../resources.js';
import { EXIT, type CliIo } from './io.js';

const HEAD_VERSION = 2;

function readJsonl<T>(path: string, parse: (v: unknown) => T): T[] {
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => parse(JSON.parse(l)));
}

export function runTrainHeads(root: string, dir: string, io: CliIo): number {
  let articles: IndomainArticle[];
  let sentences: IndomainSentence[];
  try {
    articles = readJsonl(join(dir, 'articles.jsonl'), (v) => articleSchema.parse(v));
    sentences = readJsonl(join(dir, 'sentences.jsonl'), (v) => sentenceSchema.parse(v));
  } catch (error) {
    io.err(`cannot read the in-domain training set in ${dir}: ${(error as Error).message.split('\n')[0] ?? ''}`);
    return EXIT.inputError;
  }
  // Training reads each labelled sentence's features, never the committed head's context head: leave it out, so a
  // context head of an older shape does not stop the training that replaces it.
  const resources = loadAnalyserResources(root);
  const { context: _context, ...withoutContext } = resources.author.head;
  const analyser = createAnalyser({ ...resources, author: { ...resources.author, head: withoutContext } }, { keepAuthorFeatures: true });
  const { head, report } = trainHeads(analyser, articles, sentences, HEAD_VERSION);
  for (const line of report) io.out(line);
  const out = resolve(root, AUTHOR_HEAD_PATH);
  writeFileSync(out, JSON.stringify(head) + '\n');
  io.out(`wrote ${out}`);
  return EXIT.ok;
}
