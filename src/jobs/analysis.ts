// Analyses stored articles: optionally replaces the feed text by the article page's full text, runs the
// analyser (built-in actors plus every server-defined actor) and stores one feed's results in one transaction.
import type { Logger } from 'pino';
import type { Analyser, AnalyserResources } from '../core/analyse.js';
import { hostOf } from '../core/feed-url.js';
import type { ActorDef } from '../core/types.js';
import type { Fetcher } from '../ingest/index.js';
import type { AnalysisMeta, AnalysisToSave, NewArticle, Store } from '../store/index.js';
import { analyseTimed, createAnalysisPool } from './analysis-pool.js';
import { createKeyedLimiter } from './limiter.js';

/** Articles about to be stored, with their analyses: both go into store.insertArticles in one transaction. */
export interface Prepared {
  /** The articles, each with the full text of its page where that was asked for and found. */
  articles: NewArticle[];
  analyses: { items: AnalysisToSave[]; meta: AnalysisMeta };
}

export interface AnalysisRunner {
  /** Analyses articles not stored yet; with `fullText`, first fetches each article page (falls back to feed text). */
  prepareNew(articles: NewArticle[], fullText: boolean, log: Logger): Promise<Prepared>;
  /** Analyses stored articles that have no analysis yet (after a crash, or when analysis failed). */
  analysePending(limit: number, log: Logger): Promise<number>;
  /** Rebuilds the analyser after server-defined actors changed. */
  refreshActors(): Promise<void>;
  current(): Analyser;
  /** Stops the analysis threads (work still running on them finishes inline). */
  close(): Promise<void>;
}

export interface AnalysisDeps {
  store: Store;
  fetcher: Fetcher;
  base: Analyser;
  modelVersion: string;
  fullTextConcurrency: number;
  now: () => number;
  /** Called with each analysis time in seconds (metrics). */
  observe?: (seconds: number) => void;
  /** Run the analyser on worker threads built from these resources (the ones `base` was built from); else inline. */
  threads?: { resources: AnalyserResources; count?: number; maxQueued?: number; logger: Logger };
}

/** Pending articles stored per transaction. */
const PENDING_BATCH = 50;

export function createAnalysisRunner(deps: AnalysisDeps): AnalysisRunner {
  let analyser = deps.base;
  const pages = createKeyedLimiter(deps.fullTextConcurrency, 2);

  let actorsSent = '[]';
  const pool = deps.threads && createAnalysisPool({ ...deps.threads, threads: deps.threads.count, inline: () => analyser });

  /** Analyses the articles (on the threads when there are any), in order. */
  const analyseAll = async (articles: Array<{ id: string; title: string; text: string }>): Promise<AnalysisToSave[]> => {
    const inputs = articles.map((a) => ({ title: a.title, text: a.text }));
    const results = pool ? await pool.analyse(inputs) : analyseTimed(analyser, inputs);
    return results.map((r, i) => {
      deps.observe?.(r.seconds);
      return { articleId: (articles[i] as { id: string }).id, analysis: r.analysis };
    });
  };
  const meta = (): AnalysisMeta => ({ modelVersion: deps.modelVersion, now: deps.now() });

  /** The article page's text when it is longer than the feed's. */
  const withPageText = async (article: NewArticle, log: Logger): Promise<NewArticle> => {
    if (!article.link) return article;
    const link = article.link;
    const page = await pages.run(hostOf(link), () => deps.fetcher.fetchArticleText(link));
    if (page.ok && page.value.text.length > article.text.length) return { ...article, text: page.value.text };
    if (!page.ok) log.debug({ articleId: article.id, code: page.error.code }, 'full text unavailable, using feed text');
    return article;
  };

  return {
    async prepareNew(articles, fullText, log) {
      const texts = fullText ? await Promise.all(articles.map((article) => withPageText(article, log))) : articles;
      const items = await analyseAll(texts);
      log.debug({ articles: items.length }, 'articles analysed');
      return { articles: texts, analyses: { items, meta: meta() } };
    },
    async analysePending(limit, log) {
      const pending = await deps.store.listPendingAnalysis(limit);
      for (let i = 0; i < pending.length; i += PENDING_BATCH) {
        // One transaction per batch: all of its analyses are stored or none is.
        await deps.store.saveAnalyses(await analyseAll(pending.slice(i, i + PENDING_BATCH)), meta());
      }
      if (pending.length > 0) log.debug({ articles: pending.length }, 'pending articles analysed');
      return pending.length;
    },
    async refreshActors() {
      const custom = dedupeActors(await deps.store.listAllGuildActors());
      analyser = custom.length > 0 ? deps.base.withActors(custom) : deps.base;
      const signature = JSON.stringify(custom);
      if (signature !== actorsSent) pool?.setActors(custom);
      actorsSent = signature;
    },
    current: () => analyser,
    close: async () => pool?.close(),
  };
}

/** Server-defined actors may share a name across servers: merge their aliases into one definition. */
function dedupeActors(actors: ActorDef[]): ActorDef[] {
  const byName = new Map<string, ActorDef>();
  for (const actor of actors) {
    const seen = byName.get(actor.name);
    byName.set(actor.name, seen ? { ...seen, aliases: [...new Set([...seen.aliases, ...actor.aliases])] } : actor);
  }
  return [...byName.values()];
}


