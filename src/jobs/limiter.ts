// Runs tasks with a global concurrency limit and a per-key (per-host) limit. Tasks for a busy key wait without
// blocking tasks for other keys.

export interface KeyedLimiter {
  run<T>(key: string, task: () => Promise<T>): Promise<T>;
  /** Tasks running now. */
  active(): number;
}

export function createKeyedLimiter(globalLimit: number, perKeyLimit: number): KeyedLimiter {
  let running = 0;
  const perKey = new Map<string, number>();
  const waiting: Array<{ key: string; start: () => void }> = [];

  const canStart = (key: string): boolean => running < globalLimit && (perKey.get(key) ?? 0) < perKeyLimit;

  const pump = (): void => {
    for (let i = 0; i < waiting.length && running < globalLimit; ) {
      const next = waiting[i] as { key: string; start: () => void };
      if (canStart(next.key)) {
        waiting.splice(i, 1);
        next.start();
      } else i++;
    }
  };

  const run = <T>(key: string, task: () => Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const start = (): void => {
        running++;
        perKey.set(key, (perKey.get(key) ?? 0) + 1);
        task().then(resolve, reject).finally(() => {
          running--;
          const left = (perKey.get(key) ?? 1) - 1;
          if (left === 0) perKey.delete(key);
          else perKey.set(key, left);
          pump();
        });
      };
      if (canStart(key)) start();
      else waiting.push({ key, start });
    });

  return { run, active: () => running };
}
