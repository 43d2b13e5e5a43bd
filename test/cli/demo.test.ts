// The offline demo end to end: the real binary, no network and no token, exits 0 and writes its outputs.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { runCli } from '../helpers/spawn-cli.js';

const out = mkdtempSync(join(tmpdir(), 'sw-demo-test-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

it('runs offline, prints the digest with progress, and writes the Markdown and the chart PNG', async () => {
  const run = await runCli(['demo', '--out', out], { DISCORD_TOKEN: '', DATABASE_URL: 'postgres://nobody@192.0.2.1:1/none' });
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(/poll 1 .*: 5 feeds fetched, \d+ articles/);
  expect(run.stdout).toMatch(/poll 2 .*: 5 feeds fetched, [1-9]\d* articles/);
  expect(run.stdout).toContain('# Stance digest:');
  const files = readdirSync(out);
  const md = files.find((f) => /^digest-\d{4}-\d{2}-\d{2}-\d{4}\.md$/.test(f));
  const png = files.find((f) => f.endsWith('-stance.png'));
  expect(md && png).toBeTruthy();
  const markdown = readFileSync(join(out, md as string), 'utf8');
  expect(markdown).toContain('## Actors');
  expect(markdown).toContain('## Most telling articles');
  // The sample feeds quote officials, analysts and governments: the digest says who is quoted about whom.
  expect(markdown).toMatch(/## Voices quoted\n\n.*\n\n- \*\*[^*]+\*\*: [^\n]+ \([^)]+\) [−+±]/);
  expect(markdown).toContain(`](${png})`);
  const bytes = readFileSync(join(out, png as string));
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([800, 400]);
}, 60_000);

it('rejects unknown options with a usage message', async () => {
  const run = await runCli(['demo', '--bogus']);
  expect(run.code).toBe(2);
  expect(run.stderr).toContain('Usage: stancewatch demo [--out DIR]');
});
