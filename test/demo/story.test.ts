// The offline demo clusters its sample articles into stories: the real binary prints the story the five sample
// outlets all covered (NATO ministers in Oslo, written for the demo) side by side, with each outlet's stance,
// the split between outlets and the sentences they share.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { runCli } from '../helpers/spawn-cli.js';

const out = mkdtempSync(join(tmpdir(), 'sw-demo-story-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const OUTLETS = ['The Atlantic Ledger', 'Meridian Wire', 'Eastern Harmony Daily', 'Brussels Compass', 'Straits Observer'];

it('prints a story compared across its five outlets', async () => {
  const run = await runCli(['demo', '--out', out], { DISCORD_TOKEN: '' });
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const summary = /• stories: (\d+) articles clustered into (\d+) stories, (\d+) of them covered by several outlets/.exec(run.stdout);
  expect(summary).not.toBeNull();
  const [clustered, stories, across] = (summary ?? []).slice(1).map(Number) as [number, number, number];
  // Every stored article is in one story; most sample articles stand alone, a few events are shared.
  expect(clustered).toBe(Number(/poll 1 .*: 5 feeds fetched, (\d+) articles/.exec(run.stdout)?.[1]) + Number(/poll 2 .*: 5 feeds fetched, (\d+) articles/.exec(run.stdout)?.[1]));
  expect(stories).toBeLessThan(clustered);
  expect(across).toBeGreaterThanOrEqual(1);

  const block = run.stdout.slice(run.stdout.indexOf('side by side:'), run.stdout.indexOf('• digest of the last'));
  expect(block).toMatch(/^== .*Oslo.*\(\d+ articles, 5 outlets,/m);
  for (const outlet of OUTLETS) expect(block, outlet).toMatch(new RegExp(`^  ${outlet}: .*Oslo`, 'm'));
  // The outlets disagree on NATO: the wire and the state-media style outlet sit on either side.
  expect(block).toMatch(/^ {2}split on NATO: 0\.\d+ \(.+ 0\.\d+ vs Eastern Harmony Daily -0\.\d+\)$/m);
  expect(block).toMatch(/^ {2}shared phrasing \(Meridian Wire, Brussels Compass; 1\.00\): "Russia's foreign ministry said the decision was hostile and that Moscow would respond\."$/m);
}, 60_000);
