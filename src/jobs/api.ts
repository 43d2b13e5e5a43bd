// The facade the Discord bot uses to reach ingest and jobs (the bot never imports their internals).
// Feed and analysis operations live in api-feeds.ts, digest/summary/alert operations in api-digests.ts;
// src/main.ts builds one JobsApi with createJobsApi and puts it into the bot's dependencies.
import type { Logger } from 'pino';
import type { Analyser } from '../core/analyse.js';
import type { Fetcher } from '../ingest/index.js';
import type { Store } from '../store/index.js';
import { createDigestsApi, type DigestsApi } from './api-digests.js';
import { createFeedsApi, type FeedsApi } from './api-feeds.js';
import { createStoriesApi, type StoriesApi } from './api-stories.js';

export type JobsApi = FeedsApi & DigestsApi & StoriesApi;

export type * from './api-digests.js';
export type * from './api-feeds.js';
export type * from './api-stories.js';

export interface JobsApiDeps {
  store: Store;
  /** The guarded fetcher (the same one the worker uses). */
  fetcher: Fetcher;
  /** The built-in analyser; server-defined actors are added per request. */
  analyser: Analyser;
  logger: Logger;
  now: () => number;
  digest: { articlesPerActor: number; defaultSchedule: string; defaultTimezone: string };
}

export function createJobsApi(d: JobsApiDeps): JobsApi {
  return {
    ...createFeedsApi({ store: d.store, fetcher: d.fetcher, analyser: d.analyser, logger: d.logger, now: d.now }),
    ...createDigestsApi({
      store: d.store, now: d.now, builtInActors: d.analyser.registry.actors.map((a) => a.name), ...d.digest,
    }),
    ...createStoriesApi({ store: d.store, now: d.now, builtInActors: d.analyser.registry.actors.map((a) => a.name) }),
  };
}
