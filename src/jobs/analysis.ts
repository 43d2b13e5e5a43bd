// Analyses stored articles: optionally replaces the feed text by the article page's full text, runs the
// analyser (built-in actors plus every server-defined actor) and stores the result in one transaction.
import type { Logger } from 'pino';
import type { Analyser } from '../core/analyse.js';
import type { ActorDef } from '../core/types.js';
import type { Fetcher } from '../ingest/index.js';
import type { NewArticle, Store } from '../store/index.js';
import { createKeyedLimiter } from './limiter.js';

export interface AnalysisRunner {
  /** Analyses just-stored articles; with `fullText`, first fetches each article page (falls back to feed text). */
  analyseNew(articles: NewArticle[], fullText: boolean, log: Logger): Promise<void>;
  /** Analyses stored articles that have no analysis yet (after a crash, or when analysis failed). */
  analysePending(limit: number, log: Logger): Promise<number>;
  /** Rebuilds the analyser after server-defined actors changed. */
  refreshActors(): Promise<void>;
  current(): Analyser;
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
}

export function createAnalysisRunner(deps: AnalysisDeps): AnalysisRunner {
  let analyser = deps.base;
  const pages = createKeyedLimiter(deps.fullTextConcurrency, 2);

  const analyseOne = async (id: string, title: string, text: string, log: Logger): Promise<void> => {
    const started = performance.now();
    const analysis = analyser.analyse({ title, text });
    deps.observe?.((performance.now() - started) / 1000);
    await deps.store.saveAnalysis(id, analysis, { modelVersion: deps.modelVersion, now: deps.now() });
    log.debug({ articleId: id, language: analysis.language, actors: analysis.actors.length }, 'article analysed');
  };

  const pageText = async (article: NewArticle, log: Logger): Promise<string> => {
    if (!article.link) return article.text;
    const link = article.link;
    const page = await pages.run(hostKey(link), () => deps.fetcher.fetchArticleText(link));
    if (page.ok && page.value.text.length > article.text.length) {
      await deps.store.updateArticleText(article.id, page.value.text);
      return page.value.text;
    }
    if (!page.ok) log.debug({ articleId: article.id, code: page.error.code }, 'full text unavailable, using feed text');
    return article.text;
  };

  return {
    async analyseNew(articles, fullText, log) {
      await Promise.all(articles.map(async (article) => {
        const text = fullText ? await pageText(article, log) : article.text;
        await analyseOne(article.id, article.title, text, log);
      }));
    },
    async analysePending(limit, log) {
      const pending = await deps.store.listPendingAnalysis(limit);
      for (const article of pending) await analyseOne(article.id, article.title, article.text, log);
      return pending.length;
    },
    async refreshActors() {
      const custom = await deps.store.listAllGuildActors();
      analyser = custom.length > 0 ? deps.base.withActors(dedupeActors(custom)) : deps.base;
    },
    current: () => analyser,
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

function hostKey(link: string): string {
  try {
    return new URL(link).hostname;
  } catch {
    return link;
  }
}
