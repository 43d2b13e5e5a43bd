// stancewatch fetch-feed URL [--json] [--allow-private] [--timeout-ms N]
// Fetches one feed through the real fetcher (address guard, deadline, caps) and prints the outcome.
import pino from 'pino';
import { createFetcher } from '../ingest/index.js';
import { EXIT, parseArgs, type CliCommand } from './io.js';
import { printError, printFeed } from './parse-feed.js';

const USAGE = 'usage: stancewatch fetch-feed URL [--json] [--allow-private] [--timeout-ms N] [--etag E] [--last-modified D]';

export const run: CliCommand = async (args, io) => {
  const parsed = parseArgs(args, ['timeout-ms', 'etag', 'last-modified'], ['json', 'allow-private']);
  if (typeof parsed === 'string' || parsed.positionals.length !== 1) {
    io.err(typeof parsed === 'string' ? `${parsed}\n${USAGE}` : USAGE);
    return EXIT.usage;
  }
  const timeoutMs = Number(parsed.flags.get('timeout-ms') ?? 20_000);
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    io.err(`--timeout-ms must be a positive number\n${USAGE}`);
    return EXIT.usage;
  }
  const json = parsed.flags.has('json');
  const fetcher = createFetcher({
    userAgent: 'Stancewatch/0.1 (+https://github.com/stancewatch/stancewatch; feed fetcher)',
    timeoutMs,
    maxBytes: 10 * 1024 * 1024,
    maxRedirects: 5,
    allowPrivateAddresses: parsed.flags.has('allow-private'),
    logger: pino({ level: 'silent' }),
  });
  const etag = parsed.flags.get('etag');
  const lastModified = parsed.flags.get('last-modified');
  const sent = {
    ...(typeof etag === 'string' ? { etag } : {}),
    ...(typeof lastModified === 'string' ? { lastModified } : {}),
  };
  try {
    const outcome = await fetcher.fetchFeed(parsed.positionals[0] as string, sent);
    if (outcome.kind === 'error') {
      const { code, message, status, retryAfterMs, suggestedFeedUrl } = outcome;
      return printError({ code, message, status, retryAfterMs, suggestedFeedUrl }, json, io);
    }
    if (outcome.kind === 'not-modified') {
      if (json) io.out(JSON.stringify({ ok: true, notModified: true, validators: outcome.validators }));
      else io.out('not modified (304)');
      return EXIT.ok;
    }
    const { finalUrl, permanentRedirectTo, status, validators } = outcome;
    printFeed(outcome.feed, json, io, { finalUrl, permanentRedirectTo, status, validators });
    return EXIT.ok;
  } finally {
    await fetcher.close();
  }
};
