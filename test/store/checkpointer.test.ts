// The background checkpointer copies the WAL into the database file while the writer only appends to the WAL.
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createStore } from '../../src/store/index.js';
import { article } from './fixtures.js';

const silent = pino({ level: 'silent' });

async function writeAndWatch(backgroundCheckpointMs: number | undefined, waitMs: number): Promise<{ before: number; after: number; stored: number }> {
  const path = join(mkdtempSync(join(tmpdir(), 'sw-ckpt-')), 'sw.db');
  const store = await createStore({ url: `sqlite:${path}`, logger: silent, ...(backgroundCheckpointMs ? { backgroundCheckpointMs } : {}) });
  try {
    await store.migrate();
    const { feed } = await store.addFeed({ url: 'https://a.example/feed', nextCheckAt: 0, now: 0 });
    const before = statSync(path).size;
    const items = Array.from({ length: 400 }, (_, i) => ({ ...article(`id-${i}`, 1000 + i), text: 'Long enough text. '.repeat(40) }));
    await store.insertArticles(feed.id, items, { eligible: true, now: 5000 });
    let after = statSync(path).size;
    for (let waited = 0; waited < waitMs && after <= before * 2; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      after = statSync(path).size;
    }
    return { before, after, stored: (await store.listPendingAnalysis(1000)).length };
  } finally {
    await store.close();
  }
}

describe('background WAL checkpoints (SQLite)', () => {
  it('copy committed pages into the database file without the writer checkpointing', async () => {
    const background = await writeAndWatch(50, 3000);
    expect(background.stored).toBe(400);
    expect(background.after).toBeGreaterThan(background.before * 2);
  });

  it('without them the pages stay in the WAL until the writer’s own autocheckpoint', async () => {
    const inline = await writeAndWatch(undefined, 300);
    expect(inline.stored).toBe(400);
    expect(inline.after).toBe(inline.before);
  });
});
