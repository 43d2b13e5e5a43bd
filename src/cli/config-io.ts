// Loading the configuration for a CLI subcommand: every problem printed at once, exit code 1.
import { formatProblems, loadConfig, type AppConfig } from '../config.js';
import { createLogger, type Logger } from '../log.js';
import type { CliIo } from './io.js';

export function configOrReport(io: CliIo): AppConfig | null {
  const config = loadConfig();
  if (!config.ok) {
    io.err(formatProblems(config.error));
    return null;
  }
  return config.value;
}

/** A logger for commands whose output is for people: warnings and errors only, on stderr. */
export function cliLogger(config: AppConfig): Logger {
  return createLogger({ level: config.logLevel === 'info' ? 'warn' : config.logLevel, secrets: config.secrets, pretty: false, destination: { write: (s: string) => void process.stderr.write(s) } });
}
