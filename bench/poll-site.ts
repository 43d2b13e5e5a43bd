// The poll benchmark's feed site, run in a child process of its own as real feed servers are not in the
// poller's process (their CPU time would otherwise be counted as the poller's). Bodies are rendered once per
// feed version, as a static file server would hold them. Controlled by IPC messages from bench/poll.ts.
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The labelled news sentences the items are made of (NewsMTSC train, in ../shared). */
export const SENTENCES_FILE = (root: string): string => join(root, '..', 'shared', 'data', 'newsmtsc', 'train.jsonl');

export interface SiteSpec {
  feeds: number;
  items: number;
  /** Publication time of item 0 (epoch ms). */
  epoch: number;
  /** Items a changed feed gains. */
  newItemsPerChange: number;
  sentencesFile: string;
}

type Command = { kind: 'bump'; feeds: number[] } | { kind: 'conditional' };

export interface FeedSite {
  origin: string;
  /** Feeds that gain new items (their version moves on). */
  bump(feeds: number[]): Promise<void>;
  /** From now on a request carrying the current ETag gets 304. */
  conditional(): Promise<void>;
  close(): Promise<void>;
}

/** Starts the site in a child process (TypeScript through tsx, as the CLI runs). */
export async function startSite(spec: SiteSpec): Promise<FeedSite> {
  const child = fork(fileURLToPath(import.meta.url), ['--poll-site', JSON.stringify(spec)], {
    execArgv: ['--import', import.meta.resolve('tsx/esm')], stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const origin = await reply<string>(child);
  const command = async (c: Command): Promise<void> => {
    child.send(c);
    await reply(child);
  };
  return {
    origin,
    bump: (feeds) => command({ kind: 'bump', feeds }),
    conditional: () => command({ kind: 'conditional' }),
    close: async () => {
      child.kill();
      await new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(null)));
    },
  };
}

function reply<T>(child: ChildProcess): Promise<T> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null): void => reject(new Error(`poll site exited (${code})`));
    child.once('exit', onExit);
    child.once('message', (m) => {
      child.off('exit', onExit);
      resolve(m as T);
    });
  });
}

/** Item k of feed n is the same document in every version that contains it (fixed text, link and date). */
function feedXml(spec: SiteSpec, sentences: string[], n: number, version: number): Buffer {
  const first = version * spec.newItemsPerChange;
  const entries: string[] = [];
  for (let k = first + spec.items - 1; k >= first; k--) {
    const text = [0, 1, 2].map((j) => sentences[(n * 7_919 + k * 104_729 + j * 31) % sentences.length] as string);
    entries.push(`<item><title>${escapeXml(text[0]!.slice(0, 120))}</title><link>https://outlet${n}.example/story/${k}</link>` +
      `<guid>https://outlet${n}.example/story/${k}</guid><pubDate>${new Date(spec.epoch + k * 3_600_000).toUTCString()}</pubDate>` +
      `<description>${escapeXml(text.join(' '))}</description></item>`);
  }
  return Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Outlet ${n}</title>` +
    `<link>https://outlet${n}.example/</link><description>bench</description>${entries.join('\n')}</channel></rss>`);
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Real news sentences (NewsMTSC) as item text, so the analyser does representative work. */
function loadSentences(file: string): string[] {
  const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  return lines.slice(0, 20_000).map((line) => (JSON.parse(line) as { sentence_normalized: string }).sentence_normalized);
}

function runSite(spec: SiteSpec): void {
  const sentences = loadSentences(spec.sentencesFile);
  const versions = new Array<number>(spec.feeds).fill(0);
  const bodies = versions.map((v, n) => feedXml(spec, sentences, n, v));
  let conditional = false;
  const serve = (req: IncomingMessage, res: ServerResponse): void => {
    const n = Number(/^\/feed\/(\d+)\.xml$/.exec(req.url ?? '')?.[1] ?? -1);
    const body = bodies[n];
    if (body === undefined) return void res.writeHead(404).end();
    const etag = `"f${n}-v${versions[n]}"`;
    if (conditional && req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag, 'content-length': body.length }).end(body);
  };
  const server = createServer(serve);
  process.on('message', (c: Command) => {
    if (c.kind === 'conditional') conditional = true;
    else for (const n of c.feeds) bodies[n] = feedXml(spec, sentences, n, (versions[n] = (versions[n] as number) + 1));
    process.send?.('ok');
  });
  process.on('disconnect', () => process.exit(0));
  server.listen(0, '127.0.0.1', () => process.send?.(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
}

if (process.argv[2] === '--poll-site') runSite(JSON.parse(process.argv[3] ?? '{}') as SiteSpec);
