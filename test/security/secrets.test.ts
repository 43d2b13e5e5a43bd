// Secrets: the Discord token and the database password never appear in logs (at trace level), in /metrics or
// /healthz, nor in the errors logged or thrown when the database connection fails or the token is refused.
// The app runs as main.ts wires it, against a fake Discord and a PostgreSQL database of its own reached
// through a TCP proxy that the test can cut.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig, type AppConfig } from '../../src/config.js';
import { commandModules, commandPayload } from '../../src/discord/registry.js';
import { startApp, type App, type Role } from '../../src/main.js';
import { startFakeDiscord } from '../fake-discord/index.js';
import { REPO_ROOT, waitFor } from '../helpers/spawn-cli.js';

const TOKEN = 'MTA5ODc2NTQzMjEwOTg3NjU0Mw.GabcDE.sEcReTtOkEnPaRt_0123456789abcdefghijklmnop';
const PASSWORD = 's3cr3t/p@ss:w0rd-Zq9';
const PG_ADMIN = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn().catch(() => undefined);
});

/** Every form in which a secret could leak: raw, URL-encoded, JSON-escaped, and the token's signature part. */
function leakForms(): string[] {
  return [TOKEN, TOKEN.split('.')[2] as string, PASSWORD, encodeURIComponent(PASSWORD), JSON.stringify(PASSWORD).slice(1, -1)];
}

function expectNoSecret(where: string, text: string): void {
  for (const form of leakForms()) expect(text.includes(form), `${where} contains ${form.slice(0, 6)}…`).toBe(false);
}

interface Proxy {
  port: number;
  /** Cuts every connection and refuses new ones, as a database that went away. */
  cut(): Promise<void>;
}

async function tcpProxy(target: { host: string; port: number }): Promise<Proxy> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(target.port, target.host);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => s.destroy());
      s.on('close', () => sockets.delete(s));
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const cut = async (): Promise<void> => {
    for (const s of sockets) s.destroy();
    if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  cleanups.push(cut);
  return { port, cut };
}

async function pgAvailable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_ADMIN, connectionTimeoutMillis: 2_000 });
  return client.connect().then(async () => (await client.end(), true), () => false);
}

/** A database of its own, dropped afterwards. */
async function ownDatabase(): Promise<string> {
  const name = `sw_secrets_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN });
  await admin.connect();
  await admin.query(`create database ${name}`);
  cleanups.push(async () => {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  });
  return name;
}

function config(env: Record<string, string>): AppConfig {
  const dir = mkdtempSync(join(tmpdir(), 'sw-secrets-'));
  cpSync(join(REPO_ROOT, 'config'), dir, { recursive: true });
  const file = join(dir, 'default.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace('tick: "* * * * *"', 'tick: "* * * * * *"').replace('outputDir: "out"', `outputDir: "${join(dir, 'out')}"`));
  const loaded = loadConfig({ configDir: dir, env: { LOG_LEVEL: 'trace', HTTP_PORT: '0', ...env } });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.error));
  const given = [env['DISCORD_TOKEN'] ? TOKEN : null, env['DATABASE_URL']?.startsWith('postgres') ? PASSWORD : null];
  expect(loaded.value.secrets).toEqual(expect.arrayContaining(given.filter((s) => s !== null)));
  return loaded.value;
}

function capture(): { logs: string[]; destination: Writable } {
  const logs: string[] = [];
  return { logs, destination: new Writable({ write: (chunk, _enc, done) => void (logs.push(String(chunk)), done()) }) };
}

async function start(cfg: AppConfig, role: Role, logs: ReturnType<typeof capture>): Promise<App> {
  const app = await startApp(cfg, { role, logDestination: logs.destination });
  cleanups.push(() => app.stop());
  return app;
}

/** The app must fail to start, and neither the error nor the logs may contain a secret. */
async function expectFailedStartKeepsSecrets(cfg: AppConfig, role: Role, logs: ReturnType<typeof capture>): Promise<void> {
  const failure = await start(cfg, role, logs).then(() => null, (error: unknown) => error as Error);
  expect(failure).toBeInstanceOf(Error);
  expectNoSecret('the start error', `${failure?.message}\n${failure?.stack}\n${JSON.stringify(failure)}`);
  expectNoSecret('logs', logs.logs.join(''));
}

const get = async (app: App, path: string) => {
  const res = await fetch(`http://127.0.0.1:${app.httpPort}${path}`);
  return { status: res.status, text: await res.text() };
};

const pgUrl = (port: number, database: string) => `postgres://postgres:${encodeURIComponent(PASSWORD)}@127.0.0.1:${port}/${database}`;

describe('secrets', () => {
  it('never show up in logs, /metrics or /healthz, also when the database connection is lost', async (ctx) => {
    if (!(await pgAvailable())) return ctx.skip();
    const fake = await startFakeDiscord({ commands: commandPayload(commandModules), token: TOKEN });
    cleanups.push(() => fake.stop());
    const proxy = await tcpProxy({ host: '127.0.0.1', port: 5432 });
    const database = await ownDatabase();
    const logs = capture();
    const cfg = config({
      DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_URL: fake.restUrl, DATABASE_URL: pgUrl(proxy.port, database),
    });
    const app = await start(cfg, 'all', logs);
    expect(app.discord).not.toBeNull();
    await waitFor(() => logs.logs.some((l) => l.includes('"step":"poll"')), 10_000, 'a worker tick');
    const healthy = await get(app, '/healthz');
    expect(healthy.status).toBe(200);
    const metrics = await get(app, '/metrics');
    expect(metrics.text).toContain('stancewatch_');

    // A careless log of the whole configuration or of an error quoting the URL is scrubbed too.
    app.logger.child({ module: 'careless' }).error({ err: new Error(`cannot reach ${cfg.databaseUrl} as Bot ${TOKEN}`), cfg }, 'careless log');
    await waitFor(() => logs.logs.some((l) => l.includes('careless log')), 5_000, 'the careless line');

    await proxy.cut();
    const down = await get(app, '/healthz');
    expect(down.status).toBe(503);
    await waitFor(() => logs.logs.filter((l) => /"level":(40|50)/.test(l) && /ECONNREFUSED|terminated|Connection/i.test(l)).length >= 2, 10_000, 'database errors logged');
    for (const [where, text] of [['/healthz', healthy.text], ['/healthz (down)', down.text], ['/metrics', metrics.text], ['logs', logs.logs.join('')]] as const) {
      expectNoSecret(where, text);
    }
  }, 60_000);

  it('never show up in the error or the logs when the database refuses the connection at start', async () => {
    const closed = await tcpProxy({ host: '127.0.0.1', port: 5432 });
    await closed.cut();
    const logs = capture();
    await expectFailedStartKeepsSecrets(config({ DATABASE_URL: pgUrl(closed.port, 'stancewatch') }), 'worker', logs);
  }, 30_000);

  it('never show up in the error or the logs when Discord refuses the token', async () => {
    const fake = await startFakeDiscord({ commands: commandPayload(commandModules), token: 'fake.another-token-entirely' });
    cleanups.push(() => fake.stop());
    const logs = capture();
    const dir = mkdtempSync(join(tmpdir(), 'sw-secrets-db-'));
    await expectFailedStartKeepsSecrets(config({
      DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_URL: fake.restUrl, DATABASE_URL: `sqlite:${join(dir, 'sw.db')}`,
    }), 'all', logs);
  }, 30_000);
});
