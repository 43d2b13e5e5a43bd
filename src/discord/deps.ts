import type { Logger } from 'pino';
import type { JobsApi } from '../jobs/api.js';
import type { Store } from '../store/index.js';

/**
 * What command modules may use; the composition root (src/main.ts) builds one object
 * and hands it to the interaction handler.
 */
export interface BotDeps {
  logger: Logger;
  /** Epoch milliseconds; injected so commands and tests share one clock. */
  now(): number;
  /** Read-only use in commands (listing subscriptions, actors, settings); changes go through `jobs`. */
  store: Store;
  /** The facade to ingest, analysis and digests (src/jobs/api.ts). */
  jobs: JobsApi;
}

