import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { databasePassword, envSchema, formatProblems, loadConfig } from '../src/config.js';
import { nextSlotAfter, parseDigestSchedule } from '../src/core/digest-schedule.js';
import { backoffDelayMs } from '../src/core/feed-check-schedule.js';
import { workerSettings } from '../src/main-wiring.js';

const root = join(import.meta.dirname, '..');
const TOKEN = 'MTA5ODc2NTQzMjEwOTg3NjU0Mw.GabcDE.fakeTokenValueForTestsOnly_0123456789abcdefgh';

function configCopy(edit?: (yaml: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'sw-config-'));
  cpSync(join(root, 'config'), dir, { recursive: true });
  if (edit) {
    const file = join(dir, 'default.yaml');
    writeFileSync(file, edit(readFileSync(file, 'utf8')));
  }
  return dir;
}

describe('loadConfig', () => {
  it('loads the shipped configuration with defaults and no Discord', () => {
    const result = loadConfig({ env: {}, configDir: join(root, 'config') });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.databaseUrl).toBe('sqlite:./data/stancewatch.db');
    expect(result.value.discord).toBeNull();
    expect(result.value.settings.poll.concurrency).toBe(16);
    expect(result.value.settings.fetch.allowPrivateAddresses).toBe(false);
  });

  it('reports every problem at once with its path', () => {
    const dir = configCopy((y) => y.replace('concurrency: 16', 'concurrency: -3').replace('timeoutSeconds: 20', 'timeoutSeconds: "soon"'));
    const result = loadConfig({ env: { DATABASE_URL: 'mysql://nope', LOG_LEVEL: 'loud' }, configDir: dir });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const paths = result.error.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining([
      'env: DATABASE_URL', 'env: LOG_LEVEL', expect.stringMatching(/default\.yaml: poll\.concurrency$/),
      expect.stringMatching(/default\.yaml: fetch\.timeoutSeconds$/),
    ]));
    const text = formatProblems(result.error);
    expect(text).toContain('4 problems');
    expect(text).toContain('sqlite:PATH');
  });

  it('rejects unknown keys', () => {
    const result = loadConfig({ env: {}, configDir: configCopy((y) => y.replace('poll:', 'poll:\n  tik: 3')) });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.map((p) => `${p.path} ${p.message}`).join(' ')).toMatch(/poll.*tik/);
  });

  it('rejects cross-field contradictions', () => {
    const dir = configCopy((y) => y.replace('minIntervalMinutes: 10', 'minIntervalMinutes: 5000'));
    const result = loadConfig({ env: {}, configDir: dir });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.map((p) => p.path)).toEqual([expect.stringMatching(/default\.yaml: schedule\.minIntervalMinutes$/)]);
  });

  it('accepts postgres URLs and remembers the password as a secret', () => {
    const env = { DATABASE_URL: 'postgres://sw:s3cr%40t@db:5432/sw', DISCORD_TOKEN: TOKEN };
    const result = loadConfig({ env, configDir: join(root, 'config') });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.secrets).toEqual([TOKEN, 's3cr@t']);
    expect(databasePassword('sqlite:./x.db')).toBeUndefined();
  });

  it('checks every cron setting with the cron library: poll.tick and digest.defaultSchedule', () => {
    const dir = configCopy((y) => y.replace('tick: "* * * * *"', 'tick: "0 0 * * * * *"').replace('defaultSchedule: "0 8 * * *"', 'defaultSchedule: "61 8 * * *"'));
    const result = loadConfig({ env: {}, configDir: dir });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.map((p) => p.path)).toEqual([expect.stringMatching(/poll\.tick$/), expect.stringMatching(/digest\.defaultSchedule$/)]);
    expect(result.error[0]?.message).toMatch(/has 7 fields; a cron expression has 5/);
    expect(result.error[1]?.message).toMatch(/"61" is out of range \(minute 0-59\)/);
  });

  it.each(['0 8 * * *', 'daily 07:30', 'weekly fri 17:00', '0 9 L * *', '@daily', '0 0 8 * * *', '* 0 8 * * *', '0 8 * * * * *', '61 8 * * *', '*/15 * * * *', '0 0 30 2 *', '0 8 * *'])(
    'digest.defaultSchedule %j passes the start-up check exactly when the digest scheduler runs it',
    (when) => {
      const result = loadConfig({ env: {}, configDir: configCopy((y) => y.replace('defaultSchedule: "0 8 * * *"', `defaultSchedule: "${when}"`)) });
      const schedule = parseDigestSchedule(when);
      expect(result.ok).toBe(schedule.ok);
      if (schedule.ok) expect(nextSlotAfter(schedule.value, 'Europe/Berlin', Date.UTC(2026, 2, 28))).not.toBeNull();
    },
  );

  it('backoff.jitterRatio reaches the backoff: ratio 0 gives the plain exponential delay', () => {
    const result = loadConfig({ env: {}, configDir: configCopy((y) => y.replace('jitterRatio: 0.2', 'jitterRatio: 0')) });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const schedule = workerSettings(result.value.settings).schedule;
    expect(schedule.backoffJitterRatio).toBe(0);
    expect(backoffDelayMs(2, schedule, 0)).toBe(4 * result.value.settings.backoff.baseSeconds * 1000);
  });

  it('reports a missing config folder instead of throwing', () => {
    const result = loadConfig({ env: {}, configDir: join(tmpdir(), 'does-not-exist-sw') });
    expect(result.ok).toBe(false);
  });
});

describe('.env.example', () => {
  it('documents exactly the variables of the schema', () => {
    const text = readFileSync(join(root, '.env.example'), 'utf8');
    const documented = [...text.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]).sort();
    expect(documented).toEqual(Object.keys(envSchema.shape).sort());
  });

  it('is itself a valid configuration', () => {
    const text = readFileSync(join(root, '.env.example'), 'utf8');
    const env = Object.fromEntries([...text.matchAll(/^([A-Z_0-9]+)=(.*)$/gm)].map((m) => [m[1], m[2]]));
    expect(loadConfig({ env, configDir: join(root, 'config') }).ok).toBe(true);
  });
});

describe('.env in the working folder', () => {
  function envFile(text: string): string {
    const file = join(mkdtempSync(join(tmpdir(), 'sw-dotenv-')), '.env');
    writeFileSync(file, text);
    return file;
  }
  const configDir = join(root, 'config');

  it('supplies variables; the process environment wins, even when set empty', () => {
    const file = envFile(`# comment\n\nexport LOG_LEVEL=debug\nDISCORD_TOKEN="${TOKEN}"  # the bot\nDATABASE_URL='sqlite:./from-file.db'\nHTTP_PORT=9100\nPOSTGRES_PASSWORD=for-compose\n`);
    const result = loadConfig({ env: { HTTP_PORT: '9200', DATABASE_URL: '' }, envFile: file, configDir });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.envFile).toBe(file);
    expect(result.value.logLevel).toBe('debug');
    expect(result.value.discord?.token).toBe(TOKEN);
    expect(result.value.httpPort).toBe(9200);
    expect(result.value.databaseUrl).toBe('sqlite:./data/stancewatch.db');
  });

  it('a copy of .env.example loads (its empty values count as unset)', () => {
    const file = envFile(readFileSync(join(root, '.env.example'), 'utf8'));
    const result = loadConfig({ env: {}, envFile: file });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.configDir).toBe(configDir);
  });

  it('reports every malformed line with the file and line number, and bad values with the file', () => {
    const file = envFile('LOG_LEVEL=shouting\nDISCORD_TOKEN\nDATABASE_URL="sqlite:./x.db\n  \n9LIVES=1\nHTTP_PORT="80" 81\n');
    const result = loadConfig({ env: {}, envFile: file, configDir });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.map((p) => p.path)).toEqual([`${file}: line 2`, `${file}: line 3`, `${file}: line 5`, `${file}: line 6`]);
    expect(result.error[0]?.message).toMatch(/expected KEY=VALUE.*"DISCORD_TOKEN"/);
    expect(result.error[1]?.message).toMatch(/DATABASE_URL: the value opens a " quote/);
    expect(result.error[3]?.message).toMatch(/text after the closing " quote/);
    const valueOnly = loadConfig({ env: {}, envFile: envFile('LOG_LEVEL=shouting\n'), configDir });
    expect(valueOnly.ok).toBe(false);
    if (!valueOnly.ok) expect(valueOnly.error.map((p) => p.path)).toEqual([expect.stringMatching(/\.env: LOG_LEVEL$/)]);
  });

  it('no file is no problem; explicit env alone reads no file', () => {
    const result = loadConfig({ env: {}, envFile: join(tmpdir(), 'no-such-dir-sw', '.env'), configDir });
    expect(result.ok && result.value.envFile).toBeNull();
    const explicit = loadConfig({ env: {}, configDir });
    expect(explicit.ok && explicit.value.envFile).toBeNull();
  });
});

