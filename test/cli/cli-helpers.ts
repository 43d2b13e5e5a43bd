// A CliIo that records output, for CLI tests.
import type { CliIo } from '../../src/cli/io.js';

export function recordingIo(stdin = ''): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (text) => void stdout.push(text),
    err: (text) => void stderr.push(text),
    readStdin: async () => stdin,
  };
}
