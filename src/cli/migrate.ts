// `stancewatch migrate`: applies pending database migrations and says which.
import type { Logger } from 'pino';
import { createStore, parseDatabaseUrl } from '../store/index.js';
import { cliLogger, configOrReport } from './config-io.js';
import type { CliCommand, CliIo } from './io.js';
import { EXIT, parseArgs } from './io.js';

export interface MigrateDeps {
  /** DATABASE_URL from the validated configuration. */
  databaseUrl: string;
  logger: Logger;
}

const USAGE = 'usage: stancewatch migrate\n  Applies pending migrations to DATABASE_URL (sqlite:PATH or postgres://...).';

/** Redacts the password of a postgres:// URL for display. */
function displayUrl(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:/@]+:)[^@]*@/, '$1***@');
}

export async function migrateCommand(args: string[], io: CliIo, deps: MigrateDeps): Promise<number> {
  const parsed = parseArgs(args, [], ['help']);
  if (typeof parsed === 'string' || parsed.positionals.length > 0) {
    io.err(`${typeof parsed === 'string' ? parsed : 'migrate takes no arguments'}\n${USAGE}`);
    return EXIT.usage;
  }
  if (parsed.flags.has('help')) {
    io.out(USAGE);
    return EXIT.ok;
  }
  const target = parseDatabaseUrl(deps.databaseUrl);
  if (!target.ok) {
    io.err(`DATABASE_URL: ${target.error}`);
    return EXIT.failure;
  }
  const store = await createStore({ url: deps.databaseUrl, logger: deps.logger });
  try {
    const applied = await store.migrate();
    io.out(applied.length > 0 ? `applied ${applied.length} migration(s): ${applied.join(', ')}` : 'database is up to date');
    return EXIT.ok;
  } catch (error) {
    io.err(`migration failed on ${displayUrl(deps.databaseUrl)}: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT.failure;
  } finally {
    await store.close();
  }
}

export const run: CliCommand = async (args, io) => {
  const config = configOrReport(io);
  if (!config) return EXIT.failure;
  return migrateCommand(args, io, { databaseUrl: config.databaseUrl, logger: cliLogger(config) });
};
