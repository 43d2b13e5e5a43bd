import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createMetrics } from '../../src/ops/metrics.js';
import { createOpsServer, type OpsServer } from '../../src/ops/http.js';
import { createStore } from '../../src/store/index.js';

let ops: OpsServer | undefined;
afterEach(async () => {
  await ops?.close();
  ops = undefined;
});

async function start(checks: Parameters<typeof createOpsServer>[0]['checks'], checkTimeoutMs = 200): Promise<string> {
  const metrics = createMetrics();
  metrics.fetchOutcome('ok');
  metrics.fetchOutcome('TIMEOUT');
  metrics.setFeeds({ total: 3, polled: 2, disabled: 1, due: 0, leased: 0 });
  ops = createOpsServer({ checks, metrics: () => metrics.render(), logger: pino({ level: 'silent' }), checkTimeoutMs });
  const port = await ops.listen(0, '127.0.0.1');
  return `http://127.0.0.1:${port}`;
}

/** Minimal Prometheus text-format validation: every sample line is `name{labels} value`. prom-client prints NaN
 * as "Nan", which Prometheus accepts (values are parsed case-insensitively). */
function parseProm(text: string): Map<string, number> {
  const samples = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) {
      expect(line === '' || /^# (HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]* .+$/.test(line)).toBe(true);
      continue;
    }
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*(?:\{[^}]*\})?) (-?[0-9.e+-]+|NaN|Nan|\+Inf|-Inf)$/.exec(line);
    expect(match, line).not.toBeNull();
    samples.set(match?.[1] ?? '', Number(match?.[2]));
  }
  return samples;
}

describe('ops server', () => {
  it('answers 200 when every check passes, 503 when one fails or hangs', async () => {
    let dbUp = true;
    const base = await start([
      { name: 'database', check: async () => ({ ok: dbUp }) },
      { name: 'scheduler', check: async () => ({ ok: true, detail: 'ticked 3 s ago' }) },
    ]);
    const healthy = await fetch(`${base}/healthz`);
    expect(healthy.status).toBe(200);
    expect(await healthy.json()).toMatchObject({ status: 'ok', checks: { database: { ok: true }, scheduler: { ok: true } } });
    dbUp = false;
    expect((await fetch(`${base}/healthz`)).status).toBe(503);
    dbUp = true;
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it('treats a hanging check as failed', async () => {
    const base = await start([{ name: 'slow', check: () => new Promise(() => undefined) }]);
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ checks: { slow: { ok: false } } });
  });

  // A SQLite write lock held by another connection blocks every writer while reads still answer: the database
  // check takes the lock for an instant itself (BEGIN IMMEDIATE, ROLLBACK) and reports a lock held for its window.
  it('answers 503 with the reason while another connection holds the SQLite write lock, and does not block writers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sw-health-'));
    const path = join(dir, 'sw.db');
    const store = await createStore({ url: `sqlite:${path}`, logger: pino({ level: 'silent' }), writeProbe: { windowMs: 300, retryMs: 10 } });
    const holder = new BetterSqlite3(path);
    try {
      await store.migrate();
      const base = await start([{ name: 'database', check: () => store.health() }], 2_000);
      const healthy = await fetch(`${base}/healthz`);
      expect(healthy.status).toBe(200);
      expect(await healthy.json()).toEqual({ status: 'ok', checks: { database: { ok: true, detail: 'answers; the write lock is free' } } });

      holder.exec('BEGIN IMMEDIATE');
      expect(await store.ping()).toBe(true);
      const locked = await fetch(`${base}/healthz`);
      expect(locked.status).toBe(503);
      const reason = 'the write lock is held by another connection (busy for 300 ms): every writer is blocked';
      expect(await locked.json()).toEqual({ status: 'unhealthy', reasons: [`database: ${reason}`], checks: { database: { ok: false, detail: reason } } });
      holder.exec('COMMIT');
      expect((await fetch(`${base}/healthz`)).status).toBe(200);

      // Probing all the time: the store's writes still go through, each without waiting on the probe.
      let probing = true;
      const probes = (async () => {
        let n = 0;
        for (; probing; n++) expect((await fetch(`${base}/healthz`)).status).toBe(200);
        return n;
      })();
      for (let i = 0; i < 40; i++) {
        const started = performance.now();
        await store.addFeed({ url: `https://f${i}.example/`, nextCheckAt: 0, now: 0 });
        expect(performance.now() - started).toBeLessThan(200);
      }
      probing = false;
      expect(await probes).toBeGreaterThan(0);
    } finally {
      holder.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('serves metrics in Prometheus text format', async () => {
    const base = await start([]);
    const res = await fetch(`${base}/metrics`);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const samples = parseProm(await res.text());
    expect(samples.get('stancewatch_feed_fetches_total{outcome="TIMEOUT"}')).toBe(1);
    expect(samples.get('stancewatch_feeds{state="disabled"}')).toBe(1);
    expect([...samples.keys()].some((k) => k.startsWith('stancewatch_nodejs_eventloop_lag'))).toBe(true);
    expect([...samples.keys()].some((k) => k.startsWith('stancewatch_process_resident_memory_bytes'))).toBe(true);
  });

  it('404s unknown paths and 405s other methods', async () => {
    const base = await start([]);
    expect((await fetch(`${base}/nope`)).status).toBe(404);
    expect((await fetch(`${base}/healthz`, { method: 'POST' })).status).toBe(405);
  });
});
