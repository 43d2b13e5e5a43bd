// The facade the Discord bot uses to reach ingest and jobs (the bot never imports their internals).
// Feed and analysis operations live in api-feeds.ts, digest/summary/alert operations in api-digests.ts;
// src/main.ts builds one JobsApi and puts it into the bot's dependencies.
import type { DigestsApi } from './api-digests.js';
import type { FeedsApi } from './api-feeds.js';

export type JobsApi = FeedsApi & DigestsApi;

export type * from './api-digests.js';
export type * from './api-feeds.js';
