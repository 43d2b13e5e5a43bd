// The feeds/analysis facade: the bot's only door to ingest and analysis (see feeds-types.ts for the contract).
// Each operation lives in a feeds-*.ts module; this file binds them to their dependencies.
import type { Logger } from 'pino';
import type { Analyser } from '../core/analyse.js';
import type { Fetcher } from '../ingest/index.js';
import type { Store } from '../store/index.js';
import { actorCatalog, addActor, removeActor, unwatchActor, watchActor } from './server-actors.js';
import { addFeed, removeFeed, setFeedPaused, testFeed, type FeedOpsDeps } from './feed-subscriptions.js';
import { analyseText, articleByUrl } from './feeds-analysis.js';
import { exportOpml, importOpml } from './feeds-opml.js';
import type { FeedsApi } from './feeds-types.js';

export type * from './feeds-types.js';

export interface FeedsApiDeps {
  store: Store;
  /** The guarded fetcher (the same one the worker uses). */
  fetcher: Fetcher;
  /** The built-in analyser; server-defined actors are added per request. */
  analyser: Analyser;
  logger: Logger;
  now: () => number;
}

export function createFeedsApi(deps: FeedsApiDeps): FeedsApi {
  const d: FeedOpsDeps = { ...deps, logger: deps.logger.child({ module: 'feeds-api' }) };
  return {
    testFeed: (url) => testFeed(d, url),
    addFeed: (request) => addFeed(d, request),
    removeFeed: (guildId, id) => removeFeed(d, guildId, id),
    setFeedPaused: (guildId, id, paused) => setFeedPaused(d, guildId, id, paused),
    analyseText: (guildId, text) => analyseText(d, guildId, text),
    articleByUrl: (guildId, url) => articleByUrl(d, guildId, url),
    importOpml: (request) => importOpml(d, request),
    exportOpml: (guildId) => exportOpml(d, guildId),
    actorCatalog: (guildId) => actorCatalog(d, guildId),
    addActor: (request) => addActor(d, request),
    removeActor: (guildId, name) => removeActor(d, guildId, name),
    watchActor: (guildId, name) => watchActor(d, guildId, name),
    unwatchActor: (guildId, name) => unwatchActor(d, guildId, name),
  };
}
