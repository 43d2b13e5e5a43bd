// Starting a worker thread on one of our modules, from the compiled tree (module loads as is) or from the
// TypeScript sources (the thread first registers tsx, as bin/ does).
import { Worker, type ResourceLimits } from 'node:worker_threads';

/** `moduleUrl` ends in .ts when running from the sources: the thread then registers tsx before importing it. */
export function spawnModuleThread(moduleUrl: URL, options: { workerData: unknown; resourceLimits: ResourceLimits }): Worker {
  if (!moduleUrl.href.endsWith('.ts')) return new Worker(moduleUrl, options);
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const code = `import(${tsx}).then((tsx) => { tsx.register(); return import(${JSON.stringify(moduleUrl.href)}); });`;
  return new Worker(code, { ...options, eval: true });
}

/** The sibling module `name` (.ts next to a .ts caller, .js in the compiled tree). */
export function siblingModule(callerUrl: string, name: string): URL {
  return new URL(`./${name}${callerUrl.endsWith('.ts') ? '.ts' : '.js'}`, callerUrl);
}
