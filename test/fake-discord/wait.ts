import type { EventEmitter } from 'node:events';

/** Re-evaluates `probe` on every `change` event until it returns a value, or rejects after `timeoutMs`. */
export function waitUntil<T>(
  emitter: EventEmitter,
  probe: () => T | undefined,
  timeoutMs: number,
  what: string,
): Promise<T> {
  const first = probe();
  if (first !== undefined) return Promise.resolve(first);
  return new Promise<T>((resolve, reject) => {
    const onChange = (): void => {
      const value = probe();
      if (value === undefined) return;
      cleanup();
      resolve(value);
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`fake-discord: timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    const cleanup = (): void => {
      clearTimeout(timer);
      emitter.off('change', onChange);
    };
    emitter.on('change', onChange);
  });
}
