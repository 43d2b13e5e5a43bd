import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, expect, it } from 'vitest';
import { migrateCommand } from '../../src/cli/migrate.js';
import { EXIT } from '../../src/cli/io.js';
import { recordingIo } from './cli-helpers.js';

const logger = pino({ level: 'silent' });
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

it('applies the migrations once, then reports the database up to date', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sw-migrate-'));
  dirs.push(dir);
  const databaseUrl = `sqlite:${join(dir, 'nested', 'sw.db')}`;
  const first = recordingIo();
  expect(await migrateCommand([], first, { databaseUrl, logger })).toBe(EXIT.ok);
  expect(first.stdout.join('\n')).toMatch(/applied 9 migration\(s\): 001_feeds, 002_articles, 003_guilds, 004_delivery, 005_seen_index, 006_pending_partial, 007_shared_daily, 008_voices, 009_stories/);
  const second = recordingIo();
  expect(await migrateCommand([], second, { databaseUrl, logger })).toBe(EXIT.ok);
  expect(second.stdout).toEqual(['database is up to date']);
});

it('rejects arguments with a usage error and a malformed URL with exit 1', async () => {
  const io = recordingIo();
  expect(await migrateCommand(['extra'], io, { databaseUrl: 'sqlite::memory:', logger })).toBe(EXIT.usage);
  expect(io.stderr.join('\n')).toMatch(/usage: stancewatch migrate/);
  const bad = recordingIo();
  expect(await migrateCommand([], bad, { databaseUrl: 'mysql://x', logger })).toBe(EXIT.failure);
  expect(bad.stderr.join('\n')).toMatch(/DATABASE_URL/);
});

it('reports an unreachable PostgreSQL without its password', async () => {
  const io = recordingIo();
  expect(await migrateCommand([], io, { databaseUrl: 'postgres://app:s3cret@127.0.0.1:1/none', logger })).toBe(EXIT.failure);
  expect(io.stderr.join('\n')).toMatch(/migration failed on postgres:\/\/app:\*\*\*@127\.0\.0\.1:1\/none/);
  expect(io.stderr.join('\n')).not.toContain('s3cret');
});
