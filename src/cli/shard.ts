// `stancewatch shard [--shards auto|N] [--spawn-delay SECONDS]`: runs the bot under discord.js's ShardingManager,
// one `stancewatch run --role bot` process per shard, and stops them all on SIGINT/SIGTERM.
import { join } from 'node:path';
import { startShards } from '../discord/shard.js';
import { createLogger } from '../log.js';
import { projectRoot } from '../resources.js';
import { configOrReport } from './config-io.js';
import { EXIT, parseArgs, type CliCommand } from './io.js';

const USAGE = 'Usage: stancewatch shard [--shards auto|N] [--spawn-delay SECONDS]';

function shardCount(value: string | true | undefined): number | 'auto' | null {
  if (value === undefined || value === 'auto') return 'auto';
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 10_000 ? n : null;
}

export const run: CliCommand = async (args, io) => {
  const parsed = parseArgs(args, ['shards', 'spawn-delay'], []);
  if (typeof parsed === 'string' || parsed.positionals.length > 0) {
    io.err(`stancewatch shard: ${typeof parsed === 'string' ? parsed : `unexpected argument ${parsed.positionals[0]}`}\n${USAGE}`);
    return EXIT.usage;
  }
  const totalShards = shardCount(parsed.flags.get('shards'));
  const delay = Number(parsed.flags.get('spawn-delay') ?? 5.5);
  if (totalShards === null || !(delay >= 0)) {
    io.err(`stancewatch shard: --shards must be auto or a positive integer, --spawn-delay a number of seconds\n${USAGE}`);
    return EXIT.usage;
  }
  const config = configOrReport(io);
  if (!config) return EXIT.failure;
  if (!config.discord) {
    io.err('stancewatch shard: DISCORD_TOKEN is not set; sharding is only for the Discord bot (see docs/operations.md)');
    return EXIT.failure;
  }
  const logger = createLogger({ level: config.logLevel, secrets: config.secrets }).child({ module: 'shards' });
  const started = await startShards({
    // The entry point running now (bin/stancewatch.js, or dist/cli.js in the Docker image).
    file: process.argv[1] ?? join(projectRoot(), 'bin', 'stancewatch.js'), execArgv: process.execArgv,
    args: ['run', '--role', 'bot'], token: config.discord.token,
    totalShards, spawnDelayMs: delay * 1000, readyTimeoutMs: 60_000, logger,
  });
  if (!started.ok) {
    io.err(`stancewatch shard: the shards did not start: ${started.error}`);
    return EXIT.failure;
  }
  await new Promise<void>((resolve) => {
    const onSignal = (signal: NodeJS.Signals): void => {
      logger.info({ signal }, 'signal received');
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      resolve();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
  await started.value.stop((config.settings.shutdown.graceSeconds + 2) * 1000);
  logger.info('shards stopped');
  return EXIT.ok;
};
