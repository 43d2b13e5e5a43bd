// Ad-hoc analysis for the bot: pasted text, and one article by URL (stored analysis, else fetched now).
import type { Analyser } from '../core/analyse.js';
import { canonicalLink } from '../core/article-id.js';
import { checkFeedUrl } from '../core/feed-url.js';
import { ok } from '../core/result.js';
import { isBlankText } from '../core/text.js';
import type { ActorDef, ArticleAnalysis } from '../core/types.js';
import type { Article, GuildActor, Store } from '../store/index.js';
import type { FeedOpsDeps } from './feed-subscriptions.js';
import { failure, fromFetchError } from './feeds-errors.js';
import type { ArticleView, FeedsResult } from './feeds-types.js';

/** Longest text `/analyze` accepts (Discord's option limit is set to the same). */
export const MAX_ANALYSE_CHARS = 4000;

export function actorDef(actor: GuildActor): ActorDef {
  return { name: actor.name, kind: actor.kind, aliases: actor.aliases };
}

/** The base analyser with this server's own actors added (they never replace built-ins: names are refused). */
export async function guildAnalyser(store: Store, base: Analyser, guildId: string): Promise<Analyser> {
  const custom = await store.listGuildActors(guildId);
  return custom.length === 0 ? base : base.withActors(custom.map(actorDef));
}

export async function analyseText(deps: FeedOpsDeps, guildId: string, text: string): FeedsResult<ArticleAnalysis> {
  if (text.length > MAX_ANALYSE_CHARS) return failure('TEXT_TOO_LONG', { detail: `${text.length} characters; the limit is ${MAX_ANALYSE_CHARS}` });
  if (isBlankText(text)) return failure('EMPTY_TEXT');
  const analyser = await guildAnalyser(deps.store, deps.analyser, guildId);
  return ok(analyser.analyse({ text }));
}

/** The stored article for `url`, only when one of this server's feeds carried it (others' feeds stay private). */
async function storedInGuild(store: Store, guildId: string, url: string): Promise<Article | undefined> {
  const links = [...new Set([url, canonicalLink(url) ?? url])];
  const feedIds = new Set((await store.listSubscriptions(guildId)).map((s) => s.feedId));
  for (const link of links) {
    const article = await store.getArticleByLink(link);
    if (article !== undefined && article.analysed && feedIds.has(article.feedId)) return article;
  }
  return undefined;
}

export async function articleByUrl(deps: FeedOpsDeps, guildId: string, rawUrl: string): FeedsResult<ArticleView> {
  const checked = checkFeedUrl(rawUrl);
  if (!checked.ok) return failure('INVALID_URL', { detail: checked.error });
  const url = checked.value;
  const article = await storedInGuild(deps.store, guildId, url);
  const analysis = article === undefined ? undefined : await deps.store.getAnalysis(article.id);
  if (article !== undefined && analysis !== undefined) {
    return ok({ source: 'stored', title: article.title, url: article.link ?? url, outlet: article.outlet, publishedAt: article.publishedAt, analysis });
  }
  const page = await deps.fetcher.fetchArticleText(url);
  if (!page.ok) return page.error.code === 'NO_TEXT' ? failure('NO_TEXT') : fromFetchError({ code: page.error.code, message: page.error.message });
  const analyser = await guildAnalyser(deps.store, deps.analyser, guildId);
  const live = analyser.analyse({ title: page.value.title ?? '', text: page.value.text });
  return ok({ source: 'live', title: page.value.title ?? url, url: page.value.finalUrl, outlet: null, publishedAt: null, analysis: live });
}
