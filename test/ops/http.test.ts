import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createMetrics } from '../../src/ops/metrics.js';
import { createOpsServer, type OpsServer } from '../../src/ops/http.js';
import { createStore } from '../../src/store/index.js';
import { sqliteLockHolder } from '../crash/db-helpers.js';

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

  // A SQLite write lock held by another process blocks every writer while reads still answer: the database check
  // takes the lock for an instant itself (BEGIN IMMEDIATE, ROLLBACK) and reports a lock held for its whole window.
  it('answers 503 with the reason while another process holds the SQLite write lock, without holding up writers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sw-health-'));
    const path = join(dir, 'sw.db');
    const store = await createStore({ url: `sqlite:${path}`, logger: pino({ level: 'silent' }), writeProbe: { windowMs: 300, retryMs: 10 } });
    const holder = sqliteLockHolder(path);
    try {
      await store.migrate();
      const base = await start([{ name: 'database', check: () => store.health() }], 2_000);
      const healthy = await fetch(`${base}/healthz`);
      expect(healthy.status).toBe(200);
      expect(await healthy.json()).toEqual({ status: 'ok', checks: { database: { ok: true, detail: 'answers; the write lock is free' } } });

      await holder.lock();
      expect(await store.ping()).toBe(true);
      const locked = await fetch(`${base}/healthz`);
      expect(locked.status).toBe(503);
      const reason = 'the write lock is held by another connection (busy for 300 ms): every writer is blocked';
      expect(await locked.json()).toEqual({ status: 'unhealthy', reasons: [`database: ${reason}`], checks: { database: { ok: false, detail: reason } } });
      await holder.release();
      expect((await fetch(`${base}/healthz`)).status).toBe(200);

      // Probing all the time: the other process still takes the write lock at once, and the store writes.
      let probing = true;
      const probes = (async () => {
        let n = 0;
        for (; probing; n++) expect((await fetch(`${base}/healthz`)).status).toBe(200);
        return n;
      })();
      const waits: number[] = [];
      for (let i = 0; i < 20; i++) {
        const started = performance.now();
        await holder.lock();
        waits.push(performance.now() - started);
        await holder.release();
        await store.addFeed({ url: `https://f${i}.example/`, nextCheckAt: 0, now: 0 });
      }
      probing = false;
      expect(await probes).toBeGreaterThan(0);
      expect(waits.sort((a, b) => a - b)[10]).toBeLessThan(100);
      expect(await store.countFeeds(0)).toMatchObject({ total: 20 });
    } finally {
      await holder.close();
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
