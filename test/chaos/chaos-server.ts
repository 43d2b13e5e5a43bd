// A hostile feed server for the chaos suite: every chaotic feed answers each request with a behaviour drawn
// from its own seeded generator (500, 503 + Retry-After, connection reset, hang, drip, garbage, an endless
// "gigabyte" stream); healthy feeds serve one new item per request. Everything listens on 127.0.0.1; feeds get
// distinct host names (resolved to 127.0.0.1 by a stub resolver) so per-host limits apply as in production.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ResolvedAddress } from '../../src/ingest/index.js';
import { startFeedServer, type FeedServer } from '../helpers/feed-server.js';
import { rss, type SampleItem } from '../jobs/fixtures.js';
import { mulberry32 } from '../../src/eval/prng.js';

export const BEHAVIOURS = ['500', '503', 'reset', 'hang', 'drip', 'garbage', 'gigabyte'] as const;
export type Behaviour = (typeof BEHAVIOURS)[number];

/** The error code each behaviour must be recorded as. */
export const EXPECTED_CODE: Record<Behaviour, readonly string[]> = {
  '500': ['HTTP_STATUS'],
  '503': ['RATE_LIMITED'],
  reset: ['CONNECT'],
  hang: ['TIMEOUT'],
  drip: ['TIMEOUT'],
  garbage: ['FEED_PARSE', 'NOT_A_FEED'],
  gigabyte: ['FEED_TOO_LARGE'],
};

const GIGABYTE = 1024 ** 3;
const DOMAIN = 'chaos.test';

export const seeded = mulberry32;

/** Resolves every *.chaos.test name to 127.0.0.1 and nothing else (no traffic can leave the machine). */
export async function loopbackResolver(host: string): Promise<ResolvedAddress[]> {
  if (host === DOMAIN || host.endsWith(`.${DOMAIN}`)) return [{ address: '127.0.0.1', family: 4 }];
  throw Object.assign(new Error(`${host} is not a test host`), { code: 'ENOTFOUND' });
}

export interface ServedFailure {
  behaviour: Behaviour;
  /** Retry-After seconds sent with a 503. */
  retryAfterSeconds?: number;
}

export interface ChaosServer {
  feed: FeedServer;
  chaoticUrls: string[];
  healthyUrls: string[];
  /** What each chaotic path answered, request by request. */
  served: Map<string, ServedFailure[]>;
  /** Items each healthy path has published so far (the latest `window` are in the document). */
  published: Map<string, SampleItem[]>;
  /** Bytes written by each gigabyte response before the client went away. */
  gigabyteBytes: number[];
  close(): Promise<void>;
}

export interface ChaosOptions {
  chaotic: number;
  healthy: number;
  hosts: number;
  seed: number;
  /** Items kept in a healthy feed's document. */
  window: number;
  now: () => number;
}

export async function startChaosServer(opts: ChaosOptions): Promise<ChaosServer> {
  const feed = await startFeedServer();
  const port = new URL(feed.origin).port;
  const urlOf = (i: number, path: string): string => `http://h${i % opts.hosts}.${DOMAIN}:${port}${path}`;
  const served = new Map<string, ServedFailure[]>();
  const published = new Map<string, SampleItem[]>();
  const gigabyteBytes: number[] = [];
  const chaoticUrls: string[] = [];
  const healthyUrls: string[] = [];
  for (let i = 0; i < opts.chaotic; i++) {
    const path = `/chaos/${i}.xml`;
    const random = seeded(opts.seed * 100_003 + i);
    served.set(path, []);
    feed.route(path, (req, res) => {
      const failure = pickFailure(random);
      served.get(path)?.push(failure);
      answer(failure, random, req, res, gigabyteBytes);
    });
    chaoticUrls.push(urlOf(i, path));
  }
  for (let i = 0; i < opts.healthy; i++) {
    const path = `/healthy/${i}.xml`;
    const items: SampleItem[] = [];
    published.set(path, items);
    feed.route(path, (_req, res) => {
      const n = items.length;
      items.push({ guid: `healthy-${i}-${n}`, title: `Healthy ${i} story ${n}`, body: `Russia and China signed deal ${n} of outlet ${i}.`, daysAgo: 0 });
      const doc = rss(`Healthy ${i}`, items.slice(-opts.window), opts.now());
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(doc);
    });
    healthyUrls.push(urlOf(i + opts.chaotic, path));
  }
  return { feed, chaoticUrls, healthyUrls, served, published, gigabyteBytes, close: () => feed.close() };
}

function pickFailure(random: () => number): ServedFailure {
  const behaviour = BEHAVIOURS[Math.floor(random() * BEHAVIOURS.length)] as Behaviour;
  return behaviour === '503' ? { behaviour, retryAfterSeconds: 60 + Math.floor(random() * 840) } : { behaviour };
}

function answer(failure: ServedFailure, random: () => number, req: IncomingMessage, res: ServerResponse, gigabyteBytes: number[]): void {
  switch (failure.behaviour) {
    case '500':
      return void res.writeHead(500, { 'content-type': 'text/plain' }).end('internal error');
    case '503':
      return void res.writeHead(503, { 'content-type': 'text/plain', 'retry-after': String(failure.retryAfterSeconds) }).end('busy');
    case 'reset':
      return void req.socket.resetAndDestroy();
    case 'hang':
      return;
    case 'drip':
      return dripForever(res);
    case 'garbage':
      return void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(garbage(random));
    case 'gigabyte':
      return endless(res, gigabyteBytes);
  }
}

/** Headers and the start of a feed, then a small chunk every 40 ms until the client goes away. */
function dripForever(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'application/rss+xml' });
  res.write('<?xml version="1.0"?>\n<rss version="2.0"><channel>\n');
  const timer = setInterval(() => res.write('<!-- drip -->\n'), 40);
  res.on('close', () => clearInterval(timer));
}

/** Random bytes that are neither XML nor gzip. */
function garbage(random: () => number): Buffer {
  const bytes = Buffer.alloc(512 + Math.floor(random() * 4096));
  for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(random() * 256);
  bytes[0] = 0x00;
  return bytes;
}

/** Streams filler without a Content-Length until the client goes away (or a gigabyte was sent). */
function endless(res: ServerResponse, record: number[]): void {
  res.writeHead(200, { 'content-type': 'application/rss+xml' });
  res.write('<?xml version="1.0"?><rss version="2.0"><channel><title>big</title>');
  const block = Buffer.alloc(64 * 1024, 0x20);
  let sent = 0;
  let done = false;
  const pump = (): void => {
    while (!done && sent < GIGABYTE) {
      sent += block.length;
      if (!res.write(block)) return void res.once('drain', pump);
    }
    if (!done) res.end();
  };
  res.on('close', () => {
    done = true;
    record.push(sent);
  });
  pump();
}
