// The demo's local feed server: serves the bundled sample feeds (demo/feeds/*.xml) on 127.0.0.1 with their
// placeholders filled (src/core/feed-template.ts). Before `release()` it serves only the items published at
// least `cutoffDays` ago, so the first poll primes the feeds with that older half (stored as backlog, as for
// any new feed) and the second poll finds the newer half as genuinely new articles.
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, join } from 'node:path';
import { fillFeedTemplate } from '../core/feed-template.js';

export interface DemoFeed {
  name: string;
  path: string;
  template: string;
}

export interface DemoServer {
  origin: string;
  feeds: { name: string; url: string }[];
  /** From now on every item is served. */
  release(): void;
  close(): Promise<void>;
}

const ITEM = /<item>[\s\S]*?<\/item>\s*/g;
const AGE = /\{\{DAYS_AGO:(\d+(?:\.\d+)?)\}\}/;

export function loadDemoFeeds(dir: string): DemoFeed[] {
  return readdirSync(dir).filter((f) => f.endsWith('.xml')).sort().map((f) => ({
    name: basename(f, '.xml'), path: `/${basename(f, '.xml')}.xml`, template: readFileSync(join(dir, f), 'utf8'),
  }));
}

/** The template without the items published less than `cutoffDays` before the demo's clock. */
export function olderItemsOnly(template: string, cutoffDays: number): string {
  return template.replace(ITEM, (item) => (Number(AGE.exec(item)?.[1] ?? Infinity) >= cutoffDays ? item : ''));
}

export async function startDemoServer(feeds: DemoFeed[], now: number, cutoffDays: number): Promise<DemoServer> {
  let released = false;
  let origin = '';
  const server = createServer((req, res) => {
    const feed = feeds.find((f) => f.path === (req.url ?? '').split('?')[0]);
    if (!feed) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    const template = released ? feed.template : olderItemsOnly(feed.template, cutoffDays);
    const body = Buffer.from(fillFeedTemplate(template, now, origin), 'utf8');
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', 'content-length': String(body.length) }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    feeds: feeds.map((f) => ({ name: f.name, url: `${origin}${f.path}` })),
    release: () => void (released = true),
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
