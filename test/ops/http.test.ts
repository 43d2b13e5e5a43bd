import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createMetrics } from '../../src/ops/metrics.js';
import { createOpsServer, type OpsServer } from '../../src/ops/http.js';

let ops: OpsServer | undefined;
afterEach(async () => {
  await ops?.close();
  ops = undefined;
});

async function start(checks: Parameters<typeof createOpsServer>[0]['checks']): Promise<string> {
  const metrics = createMetrics();
  metrics.fetchOutcome('ok');
  metrics.fetchOutcome('TIMEOUT');
  metrics.setFeeds({ total: 3, polled: 2, disabled: 1, due: 0, leased: 0 });
  ops = createOpsServer({ checks, metrics: () => metrics.render(), logger: pino({ level: 'silent' }), checkTimeoutMs: 200 });
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
