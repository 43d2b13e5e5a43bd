// Threads started from the TypeScript sources run an esbuild bundle of their module graph, not tsx: the bundle
// is plain JavaScript next to the packages it imports, and a thread started on it answers like the sources do.
import { existsSync, mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundledModule, siblingModule, spawnModuleThread } from '../../src/ingest/threads.js';

const PARSE_THREAD = new URL('../../src/ingest/parse-thread.ts', import.meta.url);

describe('module threads from the sources', () => {
  it('bundles a thread module into one .mjs under node_modules/.cache, packages left as imports', () => {
    const bundle = bundledModule(PARSE_THREAD);
    expect(bundle?.href).toMatch(/\/node_modules\/\.cache\/stancewatch\/parse-thread-[0-9a-f]{16}\.mjs$/);
    const text = readFileSync(fileURLToPath(bundle!), 'utf8');
    expect(text).toMatch(/^import Parser from "rss-parser";$/m);
    expect(text).toContain('// src/ingest/normalise.ts');
    expect(text).not.toMatch(/tsx/);
    expect(bundledModule(PARSE_THREAD)).toBe(bundle);
  });

  it('starts a thread on the bundle that parses a feed like the sources do', async () => {
    const worker = spawnModuleThread(PARSE_THREAD, { workerData: null, resourceLimits: {} });
    try {
      const reply = await new Promise<unknown>((resolve, reject) => {
        worker.once('error', reject);
        worker.on('message', (m: unknown) => { if (m !== 'ready') resolve(m); });
        worker.postMessage({ id: 1, bytes: Buffer.from('<rss version="2.0"><channel><title>T &amp; U</title><item><title>A</title><link>https://example.org/a</link></item></channel></rss>'), options: { url: 'https://example.org/feed' } });
      });
      expect(JSON.stringify(reply)).toContain('T & U');
      expect(JSON.stringify(reply)).toContain('https://example.org/a');
    } finally {
      await worker.terminate();
    }
  });

  it('removes bundles of the same module written more than a day ago when it writes a new one', () => {
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const cache = join(root, 'node_modules', '.cache', 'stancewatch');
    const name = `stale-check-${process.pid}-${Date.now()}`;
    const sources = join(root, 'node_modules', '.cache', 'stancewatch-test');
    mkdirSync(sources, { recursive: true });
    mkdirSync(cache, { recursive: true });
    const entry = join(sources, `${name}.ts`);
    writeFileSync(entry, `export const built: number = ${Date.now()};\n`);
    const stale = join(cache, `${name}-0000000000000000.mjs`);
    const recent = join(cache, `${name}-1111111111111111.mjs`);
    writeFileSync(stale, '');
    writeFileSync(recent, '');
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000);
    utimesSync(stale, twoDaysAgo, twoDaysAgo);
    try {
      const bundle = bundledModule(new URL(`file://${entry}`));
      expect(bundle && existsSync(fileURLToPath(bundle))).toBe(true);
      expect(existsSync(stale)).toBe(false);
      expect(existsSync(recent)).toBe(true);
    } finally {
      rmSync(sources, { recursive: true, force: true });
      for (const f of [stale, recent]) rmSync(f, { force: true });
      const made = bundledModule(new URL(`file://${entry}`));
      if (made) rmSync(fileURLToPath(made), { force: true });
    }
  });

  it('gives no bundle for a module that does not build (the caller then registers tsx)', () => {
    expect(bundledModule(new URL('./no-such-thread.ts', import.meta.url))).toBeUndefined();
  });

  it('names the compiled sibling in the compiled tree and the .ts one in the sources', () => {
    expect(siblingModule('file:///app/dist/ingest/parse-pool.js', 'parse-thread').href).toBe('file:///app/dist/ingest/parse-thread.js');
    expect(siblingModule('file:///app/src/ingest/parse-pool.ts', 'parse-thread').href).toBe('file:///app/src/ingest/parse-thread.ts');
  });
});
