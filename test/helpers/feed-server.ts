// Reusable local feed server for ingest, poller and chaos tests: 127.0.0.1, ephemeral port, a routes table with
// per-route handlers, a request log, and socket tracking (to prove that aborted fetches really close sockets).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { gzipSync } from 'node:zlib';

export type Handler = (req: IncomingMessage, res: ServerResponse, server: FeedServer) => void | Promise<void>;

export interface LoggedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
}

export interface FeedServer {
  origin: string;
  url(path: string): string;
  route(path: string, handler: Handler): void;
  requests: LoggedRequest[];
  /** Requests received for one path. */
  count(path: string): number;
  /** Sockets currently open on the server side. */
  openSockets(): number;
  /** Resolves true once every server-side socket is closed, false after `withinMs`. */
  socketsClosed(withinMs: number): Promise<boolean>;
  close(): Promise<void>;
}

export async function startFeedServer(routes: Record<string, Handler> = {}): Promise<FeedServer> {
  const table = new Map(Object.entries(routes));
  const sockets = new Set<Socket>();
  const requests: LoggedRequest[] = [];
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] as string;
    requests.push({ method: req.method ?? 'GET', path, headers: req.headers });
    const handler = table.get(path);
    if (!handler) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    void Promise.resolve(handler(req, res, api)).catch(() => res.destroy());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const api: FeedServer = {
    origin,
    url: (path) => new URL(path, origin).toString(),
    route: (path, handler) => void table.set(path, handler),
    requests,
    count: (path) => requests.filter((r) => r.path === path).length,
    openSockets: () => sockets.size,
    socketsClosed: (withinMs) => waitUntil(() => sockets.size === 0, withinMs),
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return api;
}

/** Polls `condition` every 10 ms; true once it holds, false after `withinMs`. */
export async function waitUntil(condition: () => boolean, withinMs: number): Promise<boolean> {
  const until = Date.now() + withinMs;
  while (!condition()) {
    if (Date.now() > until) return false;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return true;
}

export interface BodyOptions {
  contentType?: string;
  status?: number;
  headers?: Record<string, string>;
  /** 'header': gzip with Content-Encoding; 'no-header': gzip bytes without saying so. */
  gzip?: 'header' | 'no-header';
}

/** Serves fixed bytes. */
export function body(content: Buffer | string, opts: BodyOptions = {}): Handler {
  const raw = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
  const payload = opts.gzip ? gzipSync(raw) : raw;
  const headers: Record<string, string> = { 'content-type': opts.contentType ?? 'application/rss+xml', ...opts.headers };
  if (opts.gzip === 'header') headers['content-encoding'] = 'gzip';
  return (_req, res) => void res.writeHead(opts.status ?? 200, { ...headers, 'content-length': String(payload.length) }).end(payload);
}

/** 200 with validators, then 304 whenever the client sends a matching If-None-Match or If-Modified-Since. */
export function conditional(content: Buffer | string, etag: string, lastModified: string, opts: BodyOptions = {}): Handler {
  const full = body(content, { ...opts, headers: { ...opts.headers, etag, 'last-modified': lastModified } });
  return (req, res, server) => {
    const fresh = req.headers['if-none-match'] === etag || req.headers['if-modified-since'] === lastModified;
    if (!fresh) return full(req, res, server);
    res.writeHead(304, { etag, 'last-modified': lastModified }).end();
  };
}

export function redirect(status: number, location: string): Handler {
  return (_req, res) => void res.writeHead(status, { location }).end();
}

export function status(code: number, headers: Record<string, string> = {}, text = ''): Handler {
  return (_req, res) => void res.writeHead(code, { 'content-type': 'text/plain', ...headers }).end(text);
}

/** Accepts the request and never answers. */
export function hang(): Handler {
  return () => undefined;
}

/** Sends headers, then one small chunk every `intervalMs` forever (until the client goes away). */
export function drip(intervalMs: number, chunk = '<!-- drip -->\n'): Handler {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    res.write('<?xml version="1.0"?>\n<rss version="2.0"><channel>\n');
    const timer = setInterval(() => res.write(chunk), intervalMs);
    res.on('close', () => clearInterval(timer));
  };
}

/** Streams `totalBytes` of filler, optionally without a Content-Length (chunked). */
export function oversized(totalBytes: number, declareLength: boolean): Handler {
  return (_req, res) => {
    const headers: Record<string, string> = { 'content-type': 'application/rss+xml' };
    if (declareLength) headers['content-length'] = String(totalBytes);
    res.writeHead(200, headers);
    const block = Buffer.alloc(64 * 1024, 0x20);
    let sent = 0;
    const pump = (): void => {
      while (sent < totalBytes && !res.destroyed) {
        sent += block.length;
        if (!res.write(block)) return void res.once('drain', pump);
      }
      if (!res.destroyed) res.end();
    };
    res.on('close', () => (sent = totalBytes));
    pump();
  };
}

/** An HTML page, optionally linking a feed with <link rel="alternate">. */
export function htmlPage(feedHref?: string): Handler {
  const link = feedHref ? `<link rel="alternate" type="application/rss+xml" title="Feed" href="${feedHref}">` : '';
  const page = `<!DOCTYPE html><html><head><title>News</title>${link}</head><body><p>Hello</p></body></html>`;
  return body(page, { contentType: 'text/html; charset=utf-8' });
}
