// Starting a worker thread on one of our modules. From the compiled tree the module loads as is. From the
// TypeScript sources the thread's module graph is first bundled with esbuild (the transpiler tsx itself uses)
// into one plain .mjs under node_modules/.cache, so the thread runs without loader hooks: registering tsx in a
// thread costs it a loader-hooks thread of its own (one more V8 isolate, ~27 MB resident) and every import a
// round trip to it. Where bundling cannot be done (no esbuild, a read-only tree), the thread registers tsx.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';

interface Esbuild {
  buildSync(options: Record<string, unknown>): { outputFiles?: { text: string }[] };
}

/** Bundles per source module, made once per process (undefined: bundling failed, use tsx). */
const bundles = new Map<string, URL | undefined>();

/** `moduleUrl` ends in .ts when running from the sources: the thread then runs its bundle (or registers tsx). */
export function spawnModuleThread(moduleUrl: URL, options: { workerData: unknown; resourceLimits: ResourceLimits }): Worker {
  if (!moduleUrl.href.endsWith('.ts')) return new Worker(moduleUrl, options);
  const bundle = bundledModule(moduleUrl);
  if (bundle) return new Worker(bundle, options);
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const code = `import(${tsx}).then((tsx) => { tsx.register(); return import(${JSON.stringify(moduleUrl.href)}); });`;
  return new Worker(code, { ...options, eval: true });
}

/** The sibling module `name` (.ts next to a .ts caller, .js in the compiled tree). */
export function siblingModule(callerUrl: string, name: string): URL {
  return new URL(`./${name}${callerUrl.endsWith('.ts') ? '.ts' : '.js'}`, callerUrl);
}

/** The module graph of `moduleUrl` as one ESM file (packages stay imports); cached per process. */
export function bundledModule(moduleUrl: URL): URL | undefined {
  if (!bundles.has(moduleUrl.href)) bundles.set(moduleUrl.href, tryBundle(fileURLToPath(moduleUrl)));
  return bundles.get(moduleUrl.href);
}

function tryBundle(entry: string): URL | undefined {
  try {
    const cacheDir = packageCacheDir(entry);
    if (!cacheDir) return undefined;
    const esbuild = createRequire(import.meta.url)('esbuild') as Esbuild;
    const result = esbuild.buildSync({
      entryPoints: [entry], bundle: true, write: false, platform: 'node', format: 'esm', target: 'node20',
      packages: 'external', logLevel: 'silent', legalComments: 'none',
    });
    const text = result.outputFiles?.[0]?.text;
    if (text === undefined) return undefined;
    const name = basename(entry, '.ts');
    const file = join(cacheDir, `${name}-${createHash('sha256').update(text).digest('hex').slice(0, 16)}.mjs`);
    if (!existsSync(file)) {
      writeAtomically(file, text);
      removeStale(cacheDir, name, file);
    }
    return pathToFileURL(file);
  } catch {
    return undefined;
  }
}

/**
 * node_modules/.cache/stancewatch in the nearest directory above `entry` that has node_modules, so that the
 * bundle's package imports resolve exactly as the sources' do.
 */
function packageCacheDir(entry: string): string | undefined {
  for (let dir = dirname(entry); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'node_modules'))) {
      const cache = join(dir, 'node_modules', '.cache', 'stancewatch');
      mkdirSync(cache, { recursive: true });
      return cache;
    }
    if (dirname(dir) === dir) return undefined;
  }
}

/** A bundle is stale a day after it was written, once a newer one of the same module exists (edited sources). */
const STALE_MS = 24 * 3_600_000;

/** Removes stale bundles of `name` other than `current`; a process still running one has it loaded already. */
function removeStale(cacheDir: string, name: string, current: string): void {
  for (const entry of readdirSync(cacheDir)) {
    const file = join(cacheDir, entry);
    if (file === current || !entry.startsWith(`${name}-`) || !entry.endsWith('.mjs')) continue;
    try {
      if (Date.now() - statSync(file).mtimeMs > STALE_MS) rmSync(file, { force: true });
    } catch {
      // Another process removed it first.
    }
  }
}

/** Several processes (parallel tests) may write the same bundle: each writes its own file and renames it. */
function writeAtomically(file: string, text: string): void {
  const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(temp, text);
  renameSync(temp, file);
}
