// Runs the real `stancewatch` binary (bin/stancewatch.js) as a child process for end-to-end CLI tests.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';

export const REPO_ROOT = join(import.meta.dirname, '..', '..');
export const BIN = join(REPO_ROOT, 'bin', 'stancewatch.js');

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Environment for a child: the parent's PATH and HOME only, plus what the test sets (undefined: left unset). */
export function childEnv(extra: Record<string, string | undefined>): Record<string, string> {
  const env: Record<string, string | undefined> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LOG_LEVEL: 'info', ...extra };
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined));
}

export function startCli(args: string[], env: Record<string, string | undefined>, cwd = REPO_ROOT): ChildProcessWithoutNullStreams & { output: () => CliRun; exited: Promise<CliRun> } {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: childEnv(env) });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
  child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
  const output = (): CliRun => ({ code: child.exitCode, signal: child.signalCode, stdout, stderr });
  const exited = new Promise<CliRun>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return Object.assign(child, { output, exited });
}

export async function runCli(args: string[], env: Record<string, string> = {}, input?: string): Promise<CliRun> {
  const child = startCli(args, env);
  if (input !== undefined) child.stdin.end(input);
  else child.stdin.end();
  return child.exited;
}

export async function waitFor(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
