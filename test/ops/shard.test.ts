// Sharding: startShards runs one process per shard through discord.js's ShardingManager with the shard ids and
// count in their environment, respawns a dead shard, stops them all, and reports a shard that never gets ready.
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { startShards, type ShardCluster } from '../../src/discord/shard.js';
import { runCli, waitFor } from '../helpers/spawn-cli.js';

const CHILD = join(import.meta.dirname, 'fixtures', 'shard-child.mjs');
const TOKEN = 'test-token-never-sent-anywhere';

interface Report { shards: string; count: string; args: string[]; token: string; pid: number }

let cluster: ShardCluster | undefined;
afterEach(async () => {
  await cluster?.stop(2_000);
  cluster = undefined;
});

function reports(dir: string): Report[] {
  return readdirSync(dir).map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Report);
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

function start(args: string[], readyTimeoutMs: number) {
  return startShards({ file: CHILD, args, execArgv: [], token: TOKEN, totalShards: 2, spawnDelayMs: 0, readyTimeoutMs, logger: pino({ level: 'silent' }) });
}

describe('startShards', () => {
  it('runs one process per shard with its shard id, the count, the bot arguments and the token; respawns and stops them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sw-shards-'));
    const result = await start(['run', '--role', 'bot', dir], 10_000);
    if (!result.ok) throw new Error(result.error);
    cluster = result.value;
    const first = reports(dir).sort((a, b) => a.shards.localeCompare(b.shards));
    expect(first.map((r) => [JSON.parse(r.shards) as unknown, r.count])).toEqual([[0, '2'], [1, '2']]);
    for (const r of first) expect(r).toMatchObject({ args: ['run', '--role', 'bot'], token: TOKEN });

    const victim = first[1] as Report;
    process.kill(victim.pid, 'SIGKILL');
    await waitFor(() => reports(dir).length === 3, 10_000, 'shard 1 respawned');
    const respawned = reports(dir).find((r) => !first.some((f) => f.pid === r.pid));
    expect(respawned?.shards).toBe('1');

    await cluster.stop(5_000);
    cluster = undefined;
    for (const r of reports(dir)) expect(alive(r.pid), `pid ${r.pid}`).toBe(false);
  }, 30_000);

  it('reports shards that never get ready as an error and leaves no process behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sw-shards-'));
    const result = await start(['never-ready', dir], 1_000);
    expect(result.ok).toBe(false);
    expect(reports(dir).length).toBeGreaterThan(0);
    await waitFor(() => reports(dir).every((r) => !alive(r.pid)), 5_000, 'shard processes gone');
  }, 30_000);
});

describe('stancewatch shard', () => {
  it('refuses to start without DISCORD_TOKEN', async () => {
    const result = await runCli(['shard', '--shards', '2'], { DISCORD_TOKEN: '' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('DISCORD_TOKEN is not set');
  });

  it('rejects a bad shard count with usage', async () => {
    const result = await runCli(['shard', '--shards', 'zero']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Usage: stancewatch shard');
  });
});
