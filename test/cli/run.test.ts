import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli, startCli, waitFor } from '../helpers/spawn-cli.js';

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

  it('never logs the token', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sw-run-'));
    const child = startCli(['run', '--role', 'worker'], { DATABASE_URL: `sqlite:${join(dir, 'sw.db')}`, LOG_LEVEL: 'trace', DISCORD_TOKEN: TOKEN_LIKE });
    await waitFor(() => child.output().stdout.includes('stancewatch ready'), 20_000, 'readiness');
    child.kill('SIGTERM');
    const result = await child.exited;
    expect(result.stdout + result.stderr).not.toContain(TOKEN_LIKE);
  });
});
