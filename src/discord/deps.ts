import type { Logger } from 'pino';

/**
 * What command modules may use. Later features extend this interface (store, analyser, jobs facade); the
 * composition root (src/main.ts) builds one object and hands it to the interaction handler.
 */
export interface BotDeps {
  logger: Logger;
  /** Epoch milliseconds; injected so commands and tests share one clock. */
  now(): number;
}
