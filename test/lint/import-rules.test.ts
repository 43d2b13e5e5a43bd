// The import rules in .dependency-cruiser.cjs must actually fail on the violations they describe.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { cruise, type ICruiseResult, type IConfiguration } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);
const config = require(join(root, '.dependency-cruiser.cjs')) as IConfiguration;

async function violationsIn(dir: string): Promise<Array<{ rule: string; from: string; to: string }>> {
  const result = await cruise([dir], { ...config.options, ruleSet: { forbidden: config.forbidden }, validate: true });
  const output = result.output as ICruiseResult;
  return output.summary.violations.map((v) => ({ rule: v.rule.name, from: v.from, to: v.to }));
}

describe('import direction rules', () => {
  it('fail on an import from core into store', async () => {
    const found = await violationsIn(join('test', 'lint', 'fixtures', 'src', 'core'));
    expect(found).toContainEqual(expect.objectContaining({ rule: 'core-is-pure', from: expect.stringContaining('core/bad-import.ts') }));
    expect(found.filter((v) => v.from.includes('clean.ts'))).toEqual([]);
  });

  it('fail on an I/O package (a logger) imported into core', async () => {
    const found = await violationsIn(join('test', 'lint', 'fixtures', 'src', 'core'));
    expect(found).toContainEqual(expect.objectContaining({ rule: 'core-is-pure', from: expect.stringContaining('core/bad-package.ts') }));
  });

  it('fail on discord importing ingest', async () => {
    const found = await violationsIn(join('test', 'lint', 'fixtures', 'src', 'discord'));
    expect(found.map((v) => v.rule)).toContain('discord-not-ingest-or-jobs-internals');
  });

  it('fail on an import cycle', async () => {
    const found = await violationsIn(join('test', 'lint', 'fixtures', 'src', 'jobs'));
    expect(found.map((v) => v.rule)).toContain('no-circular');
  });

  it('src/eval is pure like core: it may import core, not I/O; the product may not import it', async () => {
    const found = await violationsIn(join('test', 'lint', 'fixtures', 'src'));
    expect(found).toContainEqual(expect.objectContaining({ rule: 'eval-no-io', from: expect.stringContaining('eval/bad-io.ts') }));
    expect(found).toContainEqual(expect.objectContaining({ rule: 'product-not-eval', from: expect.stringContaining('jobs/uses-eval.ts') }));
    expect(found.filter((v) => v.from.includes('eval/uses-core.ts'))).toEqual([]);
  });

  it('pass on the real source tree', async () => {
    expect(await violationsIn('src')).toEqual([]);
  });
});
