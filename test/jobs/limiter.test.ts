import { describe, expect, it } from 'vitest';
import { createKeyedLimiter } from '../../src/jobs/limiter.js';

function gate(): { promise: Promise<void>; open: () => void } {
  let open = (): void => undefined;
  const promise = new Promise<void>((resolve) => { open = resolve; });
  return { promise, open };
}

describe('createKeyedLimiter', () => {
  it('never exceeds the global or per-key limit and runs everything', async () => {
    const limiter = createKeyedLimiter(3, 2);
    const live = new Map<string, number>();
    let peak = 0;
    const peakPerKey = new Map<string, number>();
    const done: string[] = [];
    const jobs = Array.from({ length: 30 }, (_, i) => {
      const key = `host${i % 4}`;
      return limiter.run(key, async () => {
        live.set(key, (live.get(key) ?? 0) + 1);
        peak = Math.max(peak, limiter.active());
        peakPerKey.set(key, Math.max(peakPerKey.get(key) ?? 0, live.get(key) ?? 0));
        await new Promise((r) => setTimeout(r, 1 + (i % 3)));
        live.set(key, (live.get(key) ?? 1) - 1);
        done.push(`${key}:${i}`);
      });
    });
    await Promise.all(jobs);
    expect(done).toHaveLength(30);
    expect(peak).toBe(3);
    expect(Math.max(...peakPerKey.values())).toBeLessThanOrEqual(2);
  });

  it('lets another key pass a blocked key', async () => {
    const limiter = createKeyedLimiter(4, 1);
    const slow = gate();
    const order: string[] = [];
    const a1 = limiter.run('a', async () => { await slow.promise; order.push('a1'); });
    const a2 = limiter.run('a', async () => { order.push('a2'); });
    const b1 = limiter.run('b', async () => { order.push('b1'); });
    await b1;
    expect(order).toEqual(['b1']);
    slow.open();
    await Promise.all([a1, a2]);
    expect(order).toEqual(['b1', 'a1', 'a2']);
  });

  it('propagates a task failure and keeps going', async () => {
    const limiter = createKeyedLimiter(1, 1);
    await expect(limiter.run('x', async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    await expect(limiter.run('x', async () => 7)).resolves.toBe(7);
  });
});
