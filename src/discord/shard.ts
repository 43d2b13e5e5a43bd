// Running the bot under discord.js's ShardingManager: one process per shard (or per group of shards), each
// running `stancewatch run --role bot`. discord.js passes SHARDS / SHARD_COUNT to the children, whose Client picks
// them up; the manager respawns a shard process that dies. Workers are not sharded: scale them separately.
import { ShardingManager, type Shard } from 'discord.js';
import type { Logger } from 'pino';
import { err, ok, type Result } from '../core/result.js';

export interface ShardOptions {
  /** The script each shard process runs (bin/stancewatch.js) and its arguments (`run --role bot`). */
  file: string;
  args: string[];
  /** Node options for the shard processes (the manager's own, so a loader such as tsx carries over). */
  execArgv: string[];
  token: string;
  /** Number of shards, or 'auto' for Discord's recommendation (GET /gateway/bot). */
  totalShards: number | 'auto';
  /** Pause between shard starts; Discord allows one identify per 5 s per concurrency bucket. */
  spawnDelayMs: number;
  /** How long each shard may take to report ready; -1 to not wait. */
  readyTimeoutMs: number;
  logger: Logger;
}

export interface ShardCluster {
  manager: ShardingManager;
  /** Stops every shard process (SIGTERM: each stops cleanly) and waits up to `graceMs` for them to exit. */
  stop(graceMs: number): Promise<void>;
}

function watch(shard: Shard, logger: Logger): void {
  const log = logger.child({ shardId: shard.id });
  log.info('shard process started');
  shard.on('ready', () => log.info('shard ready'));
  shard.on('disconnect', () => log.warn('shard disconnected'));
  shard.on('reconnecting', () => log.info('shard reconnecting'));
  shard.on('death', (child) => log.error({ exitCode: 'exitCode' in child ? child.exitCode : null }, 'shard process died; respawning'));
  shard.on('error', (error) => log.error({ err: error }, 'shard process error'));
}

async function stopAll(manager: ShardingManager, graceMs: number): Promise<void> {
  const exits = [...manager.shards.values()].map((shard) => {
    const child = shard.process;
    if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    shard.kill();
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    return exited.finally(() => clearTimeout(timer));
  });
  await Promise.all(exits);
}

/** Starts the shard processes; an error (token refused for 'auto', a shard not ready in time) is a value. */
export async function startShards(o: ShardOptions): Promise<Result<ShardCluster, string>> {
  const manager = new ShardingManager(o.file, {
    token: o.token, totalShards: o.totalShards, shardArgs: o.args, execArgv: o.execArgv, respawn: true, mode: 'process',
  });
  manager.on('shardCreate', (shard) => watch(shard, o.logger));
  const cluster: ShardCluster = { manager, stop: (graceMs) => stopAll(manager, graceMs) };
  try {
    await manager.spawn({ delay: o.spawnDelayMs, timeout: o.readyTimeoutMs });
  } catch (error) {
    await cluster.stop(5_000);
    return err(error instanceof Error ? error.message : String(error));
  }
  o.logger.info({ shards: manager.totalShards }, 'all shards started');
  return ok(cluster);
}
