// pino logger factory: JSON in production, pretty on a TTY, secrets redacted twice over — by key paths, and by
// value (any known secret string is scrubbed from every serialised line before it is written).
import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino';

export type { Logger } from 'pino';

export interface LoggerSetup {
  level: string;
  /** Secret values (token, database password) to scrub wherever they appear. */
  secrets?: string[];
  /** Pretty output; defaults to stdout being a TTY. */
  pretty?: boolean;
  /** Where lines go (tests inject a stream). Defaults to stdout. */
  destination?: DestinationStream;
}

const REDACT_PATHS = [
  'token', '*.token', 'password', '*.password', 'authorization', '*.authorization',
  'headers.authorization', '*.headers.authorization', 'discord.token', 'config.discord.token',
  'DISCORD_TOKEN', '*.DISCORD_TOKEN', 'databaseUrl', '*.databaseUrl', 'DATABASE_URL', '*.DATABASE_URL',
];

export function createLogger(setup: LoggerSetup): Logger {
  const secrets = (setup.secrets ?? []).filter((s) => s.length >= 4);
  const options: LoggerOptions = {
    level: setup.level,
    base: { app: 'stancewatch' },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    hooks: secrets.length > 0 ? { streamWrite: (line: string) => scrub(line, secrets) } : {},
  };
  const pretty = setup.pretty ?? (setup.destination === undefined && process.stdout.isTTY === true);
  if (pretty) {
    return pino({ ...options, transport: { target: 'pino-pretty', options: { colorize: true } } });
  }
  return setup.destination ? pino(options, setup.destination) : pino(options);
}

/** Replaces every occurrence of each secret (raw or JSON-escaped or URL-encoded) with a marker. */
export function scrub(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    for (const form of new Set([secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)])) {
      if (form.length > 0) out = out.split(form).join('[redacted]');
    }
  }
  return out;
}
