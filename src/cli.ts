// `stancewatch` command-line entry point (see src/cli/dispatch.ts for the subcommands).
import { main } from './cli/dispatch.js';
import { EXIT, processIo } from './cli/io.js';

// A reader that stops early (`stancewatch eval ... | head -1`) closes the pipe: stop quietly, as Unix tools do,
// instead of crashing on EPIPE with a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? EXIT.ok);
});

process.exitCode = await main(process.argv.slice(2), processIo).catch((error: unknown) => {
  processIo.err(`stancewatch: unexpected failure: ${error instanceof Error ? error.message : String(error)}`);
  return EXIT.failure;
});
