// `stancewatch` command-line entry point (see src/cli/dispatch.ts for the subcommands).
import { main } from './cli/dispatch.js';
import { EXIT, processIo } from './cli/io.js';

process.exitCode = await main(process.argv.slice(2), processIo).catch((error: unknown) => {
  processIo.err(`stancewatch: unexpected failure: ${error instanceof Error ? error.message : String(error)}`);
  return EXIT.failure;
});
