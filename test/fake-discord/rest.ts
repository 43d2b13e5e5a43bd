import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Faults } from './faults.js';
import { apiError, matchPath, parseBody, readBody, sendJson } from './http-util.js';
import type { RecordedRequest } from './http-util.js';
import type { FakeState } from './state.js';

export interface RouteResult {
  status: number;
  body?: unknown;
  /** Raw bytes instead of JSON (attachments). */
  raw?: { data: Buffer; contentType: string };
}
export interface RouteContext {
  state: FakeState;
  req: RecordedRequest;
  params: Record<string, string>;
}
export interface Route {
  method: string;
  path: string;
  /** Needs `Authorization: Bot <token>` (false for webhook-token and interaction routes). */
  auth: boolean;
  handle(ctx: RouteContext): RouteResult | Promise<RouteResult>;
}

export const json = (body: unknown, status = 200): RouteResult => ({ status, body });

const API_PREFIX = /^\/api(\/v\d+)?/;

export class RestServer {
  readonly faults = new Faults();
  private server: Server | undefined;
  private seq = 0;

  constructor(private readonly state: FakeState, private readonly routes: Route[]) {}

  async listen(): Promise<string> {
    const server = createServer((req, res) => void this.onRequest(req, res));
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (server === undefined) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const parsed = await parseBody(await readBody(req), req.headers['content-type']).catch(() => ({ body: undefined, files: [] }));
    const method = (req.method ?? 'GET').toUpperCase();
    const path = url.pathname.replace(API_PREFIX, '');
    const found = this.findRoute(method, path);
    const record: RecordedRequest = {
      seq: ++this.seq, at: Date.now(), method, path, route: found === undefined ? null : `${method} ${found.route.path}`,
      query: Object.fromEntries(url.searchParams), headers: req.headers, body: parsed.body, files: parsed.files,
      status: 0, injected: false,
    };
    this.state.requests.push(record);
    try {
      await this.dispatch(record, found, res);
    } catch (error) {
      sendJson(res, 500, apiError(0, `fake-discord crashed: ${String(error)}`));
      record.status = 500;
    }
    this.state.events.emit('change');
  }

  private async dispatch(record: RecordedRequest, found: Found | undefined, res: ServerResponse): Promise<void> {
    const fault = this.faults.take(record);
    if (fault !== undefined && (await this.faults.apply(fault, res))) {
      record.status = res.statusCode;
      record.injected = true;
      return;
    }
    const result = await this.run(record, found);
    record.status = result.status;
    if (result.raw === undefined) sendJson(res, result.status, result.body);
    else res.writeHead(result.status, { 'content-type': result.raw.contentType }).end(result.raw.data);
  }

  private async run(req: RecordedRequest, found: Found | undefined): Promise<RouteResult> {
    if (found === undefined) return { status: 404, body: apiError(0, '404: Not Found') };
    if (found.route.auth && req.headers.authorization !== `Bot ${this.state.token}`) {
      return { status: 401, body: apiError(0, '401: Unauthorized') };
    }
    return found.route.handle({ state: this.state, req, params: found.params });
  }

  private findRoute(method: string, path: string): Found | undefined {
    for (const route of this.routes) {
      if (route.method !== method) continue;
      const params = matchPath(route.path, path);
      if (params !== null) return { route, params };
    }
    return undefined;
  }
}

interface Found {
  route: Route;
  params: Record<string, string>;
}
