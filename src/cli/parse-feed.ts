// stancewatch parse-feed FILE [--content-type "text/xml; charset=..."] [--json]
// Runs the fetcher's decode + parse + normalise path (RSS, RDF, Atom or JSON Feed) on a file, as if served with that
// Content-Type.
import { readFile } from 'node:fs/promises';
import type { ParsedFeed } from '../core/types.js';
import { parseFeedDocument } from '../ingest/index.js';
import { EXIT, parseArgs, type CliCommand, type CliIo } from './io.js';

const USAGE = 'usage: stancewatch parse-feed FILE [--content-type "text/xml; charset=..."] [--url URL] [--json]';

export const run: CliCommand = async (args, io) => {
  const parsed = parseArgs(args, ['content-type', 'url'], ['json']);
  if (typeof parsed === 'string' || parsed.positionals.length !== 1) {
    io.err(typeof parsed === 'string' ? `${parsed}\n${USAGE}` : USAGE);
    return EXIT.usage;
  }
  const json = parsed.flags.has('json');
  const file = parsed.positionals[0] as string;
  const bytes = await readInput(file, io);
  if (!bytes) return printError({ code: 'READ_FAILED', message: `cannot read ${file}` }, json, io);
  const opts: { contentType?: string; url?: string } = {};
  const contentType = parsed.flags.get('content-type');
  const url = parsed.flags.get('url');
  if (typeof contentType === 'string') opts.contentType = contentType;
  if (typeof url === 'string') opts.url = url;
  const result = await parseFeedDocument(bytes, opts);
  if (!result.ok) return printError({ ...result.error }, json, io);
  printFeed(result.value, json, io);
  return EXIT.ok;
};

async function readInput(file: string, io: CliIo): Promise<Buffer | undefined> {
  try {
    return file === '-' ? Buffer.from(await io.readStdin(), 'utf8') : await readFile(file);
  } catch {
    return undefined;
  }
}

/** Prints a parsed feed as JSON (`{"ok":true,...}`) or as a short human listing. */
export function printFeed(feed: ParsedFeed, json: boolean, io: CliIo, extra: Record<string, unknown> = {}): void {
  const { items, warnings, ...meta } = feed;
  const listed = items.map((item) => ({
    ...item,
    published: item.published === undefined ? undefined : new Date(item.published).toISOString(),
  }));
  if (json) {
    io.out(JSON.stringify({ ok: true, ...extra, feed: meta, items: listed, warnings }));
    return;
  }
  io.out(`${meta.title || '(untitled)'}${meta.link ? ` <${meta.link}>` : ''} - ${items.length} items`);
  for (const item of listed) io.out(`- ${item.published ?? 'no date'}  ${item.title || '(untitled)'}\n    ${item.link ?? item.id}`);
  for (const warning of warnings) io.out(`warning: ${warning}`);
}

/** Prints an error as JSON (`{"ok":false,...}`) or a one-line message; returns the input-error exit code. */
export function printError(error: { code: string; message: string; [detail: string]: unknown }, json: boolean, io: CliIo): number {
  if (json) io.out(JSON.stringify({ ok: false, error }));
  else io.err(`${error.code}: ${error.message}`);
  return EXIT.inputError;
}
