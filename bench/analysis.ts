// Analysis throughput (per CPU-second, one core) on the seed article with the full actor registry, against bare
// `sentiment.analyze` of the same text in the same run; and what language routing (eld) costs per article.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Sentiment from 'sentiment';
import { createAnalyser } from '../src/core/analyse.js';
import { routeLanguage } from '../src/core/language.js';
import { normaliseText, splitSentences } from '../src/core/text.js';
import { loadAnalyserResources, projectRoot } from '../src/resources.js';

const SEED = join('..', 'shared', 'seed', 'sino-russian-strategic-engagement.txt');
/** NewsMTSC sentences, three to a feed-sized item (a title and a short summary). */
const SENTENCES = join('..', 'shared', 'data', 'newsmtsc', 'dev-rw.jsonl');

/** CPU microseconds (user + system) of `calls` calls of `fn`. */
function cpuTime(fn: () => void, calls: number): number {
  const start = process.cpuUsage();
  for (let i = 0; i < calls; i++) fn();
  const used = process.cpuUsage(start);
  return used.user + used.system;
}

/**
 * Calls per CPU-second of `a` and `b`, measured in alternating slices of about 50 ms for about `ms` in all after
 * a warm-up of `ms / 2` (alternating too): both see the same machine load, and CPU time (not wall time) ignores
 * time the process waits for a core on a busy machine. The warm-up is long enough for V8 to optimise both: the
 * worker analyses articles all day, so its steady rate is the one that matters. A warm-up of 50 calls of each
 * (until 2026-12-06) left the analyser's first thousand calls partly unoptimised: 707-714 articles/s against
 * 831-893 after 300-1,000 calls, in the same process.
 */
function rates(a: () => void, b: () => void, ms = 3000): [number, number] {
  const warm = performance.now();
  while (performance.now() - warm < ms / 2) {
    a();
    b();
  }
  const sliceA = Math.max(1, Math.round(50_000 / Math.max(1, cpuTime(a, 5) / 5)));
  const sliceB = Math.max(1, Math.round(50_000 / Math.max(1, cpuTime(b, 5) / 5)));
  const used = [0, 0];
  const calls = [0, 0];
  const start = performance.now();
  while (performance.now() - start < ms) {
    used[0] = (used[0] as number) + cpuTime(a, sliceA);
    calls[0] = (calls[0] as number) + sliceA;
    used[1] = (used[1] as number) + cpuTime(b, sliceB);
    calls[1] = (calls[1] as number) + sliceB;
  }
  return [((calls[0] as number) * 1e6) / (used[0] as number), ((calls[1] as number) * 1e6) / (used[1] as number)];
}

/** The issues' reference machine runs bare `sentiment.analyze` of the seed article about 13,000 times/s (issue 4). */
export const REFERENCE_BARE_SENTIMENT_PER_S = 13_000;

/** Feed-sized items: three consecutive NewsMTSC sentences each, the first as the title. */
function feedItems(root: string): Array<{ title: string; text: string }> {
  const sentences = readFileSync(join(root, SENTENCES), 'utf8').trim().split('\n')
    .map((line) => (JSON.parse(line) as { sentence_normalized: string }).sentence_normalized);
  const items: Array<{ title: string; text: string }> = [];
  for (let i = 0; i + 3 <= sentences.length; i += 3) items.push({ title: sentences[i] as string, text: sentences.slice(i + 1, i + 3).join(' ') });
  return items;
}

/** CPU microseconds per call of language routing (what `analyse` does before its sentence loop) over `texts`. */
function languageMicros(texts: string[]): number {
  const prepared = texts.map((t) => ({ text: t, sentences: splitSentences(t) }));
  let k = 0;
  const route = (): void => {
    const p = prepared[k++ % prepared.length] as { text: string; sentences: string[] };
    routeLanguage(p.text, p.sentences);
  };
  const calls = Math.max(2000, prepared.length * 10);
  cpuTime(() => route(), calls);
  return cpuTime(() => route(), calls) / calls;
}

export async function benchAnalysis(): Promise<Record<string, number>> {
  const root = projectRoot();
  const text = readFileSync(join(root, SEED), 'utf8');
  const loadStart = performance.now();
  const analyser = createAnalyser(loadAnalyserResources(root));
  const modelLoadMs = performance.now() - loadStart;
  const bare = new Sentiment();
  const [analysed, baseline] = rates(() => analyser.analyse({ text }), () => bare.analyze(text));
  const items = feedItems(root);
  let k = 0;
  const [itemsAnalysed] = rates(() => analyser.analyse(items[k++ % items.length] as { title: string; text: string }), () => bare.analyze(text), 1500);
  const itemTexts = items.map((i) => normaliseText(`${i.title}\n${i.text}`));
  return {
    'analysis.articles_per_s': Math.round(analysed),
    'analysis.bare_sentiment_per_s': Math.round(baseline),
    'analysis.ratio_to_bare_sentiment': Math.round((analysed / baseline) * 1000) / 1000,
    /** The ratio applied to the reference machine's bare rate: what this code does there. */
    'analysis.articles_per_s_at_reference_speed': Math.round((analysed / baseline) * REFERENCE_BARE_SENTIMENT_PER_S),
    /** Feed-sized items (title + two sentences): the poll's usual article. */
    'analysis.feed_items_per_s': Math.round(itemsAnalysed),
    /** Language routing (English fast path or franc, script check) per article, in CPU microseconds. */
    'analysis.language_us_per_article': Math.round(languageMicros([normaliseText(text)]) * 10) / 10,
    'analysis.language_us_per_feed_item': Math.round(languageMicros(itemTexts) * 10) / 10,
    'analysis.model_load_ms': Math.round(modelLoadMs),
    'analysis.rss_mb': Math.round(process.memoryUsage().rss / 1048576),
  };
}
