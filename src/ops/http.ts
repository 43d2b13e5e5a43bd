// /healthz and /metrics on HTTP_PORT with node:http. Built apart from being started (tests call `listen(0)`).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';

export interface HealthCheck {
  name: string;
  /** ok=false makes /healthz answer 503. `detail` is shown as is: never put secrets in it. */
  check(): Promise<{ ok: boolean; detail?: string }>;
}

export interface OpsServerOptions {
  checks: HealthCheck[];
  metrics: () => Promise<string>;
  logger: Logger;
  /** A check that takes longer than this counts as failed. */
  checkTimeoutMs?: number;
}

export interface OpsServer {
  server: Server;
  listen(port: number, host?: string): Promise<number>;
  close(): Promise<void>;
}

async function runCheck(check: HealthCheck, timeoutMs: number): Promise<{ ok: boolean; detail?: string }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<{ ok: boolean; detail: string }>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, detail: `no answer within ${timeoutMs} ms` }), timeoutMs);
  });
  try {
    return await Promise.race([check.check().catch(() => ({ ok: false, detail: 'check failed' })), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function createOpsServer(options: OpsServerOptions): OpsServer {
  const timeoutMs = options.checkTimeoutMs ?? 2_000;
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405, { allow: 'GET, HEAD' }).end();
    if (path === '/healthz') {
      void Promise.all(options.checks.map(async (c) => [c.name, await runCheck(c, timeoutMs)] as const)).then((results) => {
        const ok = results.every(([, r]) => r.ok);
        // Unhealthy: one line per failed check, "database: the write lock is held ...", ahead of the details.
        const reasons = results.filter(([, r]) => !r.ok).map(([name, r]) => `${name}: ${r.detail ?? 'failed'}`);
        const body = JSON.stringify({ status: ok ? 'ok' : 'unhealthy', ...(ok ? {} : { reasons }), checks: Object.fromEntries(results) });
        res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(body);
      });
      return;
    }
    if (path === '/metrics') {
      void options.metrics().then(
        (text) => res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' }).end(text),
        (error: unknown) => {
          options.logger.error({ err: error }, 'metrics collection failed');
          res.writeHead(500).end();
        },
      );
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  return {
    server,
    listen: (port, host = '0.0.0.0') =>
      new Promise<number>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
      }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
