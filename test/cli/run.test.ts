import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli, startCli, waitFor } from '../helpers/spawn-cli.js';

/** The child's result once it exits; killed (and the test failed) when it is still running after `ms`. */
async function exitedWithin(child: ReturnType<typeof startCli>, ms: number): Promise<Awaited<ReturnType<typeof startCli>['exited']>> {
  const timer = setTimeout(() => child.kill('SIGKILL'), ms);
  const result = await child.exited.finally(() => clearTimeout(timer));
  if (result.signal === 'SIGKILL') throw new Error(`still running after ${ms} ms: ${result.stdout.slice(-500)}`);
  return result;
}

const TOKEN_LIKE = 'MTA5ODc2NTQzMjEwOTg3NjU0Mw.GabcDE.fakeTokenValueForTestsOnly_0123456789abcdefgh';

describe('stancewatch CLI', () => {
  it('--help lists the subcommands', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    for (const name of ['run', 'migrate', 'analyze', 'eval', 'parse-feed', 'fetch-feed', 'demo', 'register-commands', 'bench']) {
      expect(result.stdout).toMatch(new RegExp(`^  ${name}\\s`, 'm'));
    }
  });

  it('rejects an unknown command with usage and exit code 2', async () => {
    const result = await runCli(['frobnicate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown command 'frobnicate'");
  });

  it('reports every configuration problem at once and exits 1 without starting', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sw-badcfg-'));
    cpSync(join(REPO_ROOT, 'config'), dir, { recursive: true });
    const file = join(dir, 'default.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('concurrency: 16', 'concurrency: zero'));
    const result = await runCli(['run'], { STANCEWATCH_CONFIG_DIR: dir, DATABASE_URL: 'mongodb://x', DISCORD_TOKEN: 'short' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('3 problems');
    expect(result.stderr).toMatch(/DATABASE_URL/);
    expect(result.stderr).toMatch(/DISCORD_TOKEN/);
    expect(result.stderr).toMatch(/poll\.concurrency/);
    expect(result.stdout).not.toContain('stancewatch ready');
  });

  it('refuses a cron setting the scheduler could not run: exit 1 naming digest.defaultSchedule (and poll.tick)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sw-badcron-'));
    cpSync(join(REPO_ROOT, 'config'), dir, { recursive: true });
    const file = join(dir, 'default.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('defaultSchedule: "0 8 * * *"', 'defaultSchedule: "61 8 * * *"'));
    const child = startCli(['run'], { STANCEWATCH_CONFIG_DIR: dir, DATABASE_URL: `sqlite:${join(dir, 'sw.db')}` });
    child.stdin.end();
    const result = await exitedWithin(child, 30_000);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/digest\.defaultSchedule: "61 8 \* \* \*" is not a valid cron expression .*"61" is out of range/);
    writeFileSync(file, readFileSync(file, 'utf8').replace('"61 8 * * *"', '"0 8 * * *"').replace('tick: "* * * * *"', 'tick: "*/30 * * * 8"'));
    const tick = startCli(['run'], { STANCEWATCH_CONFIG_DIR: dir, DATABASE_URL: `sqlite:${join(dir, 'sw.db')}` });
    tick.stdin.end();
    const refused = await exitedWithin(tick, 30_000);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/poll\.tick: "\*\/30 \* \* \* 8" is not a valid cron expression .*"8" is out of range \(day of week/);
  }, 70_000);

  it('run without a token starts, migrates, logs readiness and stops on SIGTERM within 10 s', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sw-run-'));
    const child = startCli(['run'], { DATABASE_URL: `sqlite:${join(dir, 'sw.db')}`, LOG_LEVEL: 'info', DISCORD_TOKEN: '' });
    await waitFor(() => child.output().stdout.includes('stancewatch ready'), 20_000, 'readiness');
    const log = child.output().stdout;
    expect(log).toContain('migrations applied');
    expect(log).toContain('no DISCORD_TOKEN');
    const stopAt = Date.now();
    child.kill('SIGTERM');
    const result = await child.exited;
    expect(Date.now() - stopAt).toBeLessThan(10_000);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('"msg":"stopped"');
  });

  it('reads .env from the working folder: LOG_LEVEL=shouting there stops run with exit 1 naming LOG_LEVEL', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sw-dotenv-'));
    writeFileSync(join(dir, '.env'), readFileSync(join(REPO_ROOT, '.env.example'), 'utf8').replace('LOG_LEVEL=info', 'LOG_LEVEL=shouting'));
    const child = startCli(['run'], { LOG_LEVEL: undefined, STANCEWATCH_CONFIG_DIR: join(REPO_ROOT, 'config'), DATABASE_URL: `sqlite:${join(dir, 'sw.db')}` }, dir);
    child.stdin.end();
    const result = await exitedWithin(child, 30_000);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/\.env: LOG_LEVEL: /);
    expect(result.stdout).not.toContain('stancewatch ready');
  }, 60_000);

  it('a malformed .env line is an error naming the file and line; the environment wins over .env', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sw-dotenv-'));
    writeFileSync(join(dir, '.env'), 'LOG_LEVEL=debug\nDISCORD_TOKEN "abc"\n');
    const bad = startCli(['run'], { STANCEWATCH_CONFIG_DIR: join(REPO_ROOT, 'config') }, dir);
    bad.stdin.end();
    const refused = await exitedWithin(bad, 20_000);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${join(dir, '.env')}: line 2: expected KEY=VALUE`);
    writeFileSync(join(dir, '.env'), `LOG_LEVEL=shouting\nDATABASE_URL=sqlite:${join(dir, 'sw.db')}\n`);
    const child = startCli(['run', '--role', 'worker'], { LOG_LEVEL: 'info', STANCEWATCH_CONFIG_DIR: join(REPO_ROOT, 'config') }, dir);
    await waitFor(() => child.output().stdout.includes('stancewatch ready'), 40_000, 'readiness').finally(() => child.kill('SIGTERM'));
    const result = await child.exited;
    const loaded = result.stdout.split('\n').find((l) => l.includes('"msg":"configuration loaded"'));
    expect(JSON.parse(loaded ?? '{}')).toMatchObject({ envFile: join(dir, '.env') });
    expect(existsSync(join(dir, 'sw.db'))).toBe(true);
  }, 60_000);

  it('never logs the token', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sw-run-'));
    const child = startCli(['run', '--role', 'worker'], { DATABASE_URL: `sqlite:${join(dir, 'sw.db')}`, LOG_LEVEL: 'trace', DISCORD_TOKEN: TOKEN_LIKE });
    await waitFor(() => child.output().stdout.includes('stancewatch ready'), 20_000, 'readiness');
    child.kill('SIGTERM');
    const result = await child.exited;
    expect(result.stdout + result.stderr).not.toContain(TOKEN_LIKE);
  });
});
