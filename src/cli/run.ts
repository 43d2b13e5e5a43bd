// `stancewatch run [--role all|worker|bot]`: starts the app and stops it cleanly on SIGINT/SIGTERM.
import { startApp, type Role } from '../main.js';
import { configOrReport } from './config-io.js';
import { EXIT, parseArgs, type CliCommand } from './io.js';

const ROLES: Role[] = ['all', 'worker', 'bot'];

export const run: CliCommand = async (args, io) => {
  const parsed = parseArgs(args, ['role'], []);
  if (typeof parsed === 'string' || parsed.positionals.length > 0) {
    io.err(`stancewatch run: ${typeof parsed === 'string' ? parsed : `unexpected argument ${parsed.positionals[0]}`}\nUsage: stancewatch run [--role all|worker|bot]`);
    return EXIT.usage;
  }
  const role = (parsed.flags.get('role') ?? 'all') as Role;
  if (!ROLES.includes(role)) {
    io.err(`stancewatch run: --role must be one of ${ROLES.join(', ')}`);
    return EXIT.usage;
  }
  const config = configOrReport(io);
  if (!config) return EXIT.failure;
  const app = await startApp(config, { role });
  await new Promise<void>((resolve) => {
    const onSignal = (signal: NodeJS.Signals): void => {
      app.logger.info({ signal }, 'signal received');
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      resolve();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
  await app.stop();
  return EXIT.ok;
};
