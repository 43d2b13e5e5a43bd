// A reader that stops early (`stancewatch eval FILE | head -1`) closes standard output: the CLI stops quietly
// with its exit code instead of crashing with an EPIPE stack trace. Runs the real binary through a shell pipe.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, childEnv, REPO_ROOT } from '../helpers/spawn-cli.js';

describe('closed standard output', () => {
  it('eval writing into a pipe whose reader has gone exits 0 without an EPIPE trace', () => {
    // `true` exits at once, so every write of the CLI meets a closed pipe (what `| head -1` does after a line).
    const run = spawnSync('/bin/bash', ['-c', `"${process.execPath}" "${BIN}" eval ../shared/data/newsmtsc/dev-rw.jsonl | true; echo "cli exit \${PIPESTATUS[0]}" >&2`], {
      cwd: REPO_ROOT, env: childEnv({}), encoding: 'utf8', timeout: 60_000,
    });
    expect(run.stderr).not.toMatch(/EPIPE|Unhandled 'error' event/);
    expect(run.stderr).toMatch(/cli exit 0/);
  });
});
