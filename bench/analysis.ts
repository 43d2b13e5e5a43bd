// Analysis throughput on the seed article with the full actor registry, against bare `sentiment.analyze`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Sentiment from 'sentiment';
import { createAnalyser } from '../src/core/analyse.js';
import { loadAnalyserResources, projectRoot } from '../src/resources.js';

const SEED = join('..', 'shared', 'seed', 'sino-russian-strategic-engagement.txt');

/** Runs `fn` repeatedly for about `ms` milliseconds after a warm-up; returns calls per second. */
function rate(fn: () => void, ms = 1500): number {
  for (let i = 0; i < 50; i++) fn();
  let calls = 0;
  const start = performance.now();
  while (performance.now() - start < ms) {
    for (let i = 0; i < 20; i++) fn();
    calls += 20;
  }
  return (calls * 1000) / (performance.now() - start);
}

export async function benchAnalysis(): Promise<Record<string, number>> {
  const root = projectRoot();
  const text = readFileSync(join(root, SEED), 'utf8');
  const loadStart = performance.now();
  const analyser = createAnalyser(loadAnalyserResources(root));
  const modelLoadMs = performance.now() - loadStart;
  const bare = new Sentiment();
  const analysed = rate(() => analyser.analyse({ text }));
  const baseline = rate(() => bare.analyze(text));
  return {
    'analysis.articles_per_s': Math.round(analysed),
    'analysis.bare_sentiment_per_s': Math.round(baseline),
    'analysis.ratio_to_bare_sentiment': Math.round((analysed / baseline) * 1000) / 1000,
    'analysis.model_load_ms': Math.round(modelLoadMs),
    'analysis.rss_mb': Math.round(process.memoryUsage().rss / 1048576),
  };
}
