// Background WAL checkpoints for SQLite. A worker thread with its own connection copies the WAL back into the
// database file every `intervalMs` (PASSIVE: it never waits for, nor blocks, the writer), so the writer's commits
// no longer stop for a checkpoint and its fsyncs (a cold poll: ~8% more feeds/s). The writer keeps a much larger
// autocheckpoint as a backstop, so the WAL stays bounded even if the thread is gone.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';

/** WAL pages after which the writer checkpoints itself (~200 MB): only reached when the thread is not keeping up. */
export const BACKSTOP_AUTOCHECKPOINT = 50_000;

export interface Checkpointer {
  stop(): Promise<void>;
}

// Plain CommonJS run by the thread (no TypeScript loader needed); errors are reported, never thrown.
const THREAD_CODE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path);
db.pragma('busy_timeout = 1000');
const tick = () => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch (e) { parentPort.postMessage(String(e && e.message)); }
};
const timer = setInterval(tick, workerData.intervalMs);
parentPort.on('message', () => { clearInterval(timer); tick(); db.close(); parentPort.close(); });
`;

export function startCheckpointer(path: string, intervalMs: number, logger: Logger): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(THREAD_CODE, { eval: true, workerData: { driver, path, intervalMs }, resourceLimits: { maxYoungGenerationSizeMb: 2 } });
  worker.unref();
  let failures = 0;
  worker.on('message', (message: string) => {
    if (failures++ === 0) logger.warn({ error: message }, 'background WAL checkpoint failed; the writer checkpoints itself meanwhile');
  });
  worker.on('error', (error) => logger.warn({ err: error }, 'WAL checkpoint thread stopped; the writer checkpoints itself'));
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    async stop() {
      worker.postMessage('stop');
      const timeout = setTimeout(() => void worker.terminate(), 5_000);
      await exited;
      clearTimeout(timeout);
    },
  };
}
