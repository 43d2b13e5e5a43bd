// A small pool of worker threads running the analyser, so analysis (most of a cold poll's CPU time) uses the
// other cores while the main thread fetches, parses and stores. Each thread builds the analyser once from the
// resources. A batch (one feed's new articles) goes to the least-loaded thread; callers wait while `maxQueued`
// articles are in flight (back-pressure). Where no thread runs (none could start, one died, or the pool is
// closed), batches run inline with the main thread's analyser: every article is still analysed exactly once.
// A thread lost after it was ready (a crash, not a broken start) is replaced after a short delay, at most
// MAX_RESTARTS times in RESTART_WINDOW_MS; the replacement gets the server-defined actors first.
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import type { Analyser, AnalyserResources } from '../core/analyse.js';
import type { ActorDef, ArticleAnalysis } from '../core/types.js';
import { siblingModule, spawnModuleThread } from '../ingest/threads.js';

export interface ArticleInput {
  title: string;
  text: string;
}

export interface Analysed {
  analysis: ArticleAnalysis;
  /** Analysis time (metrics). */
  seconds: number;
}

/** Messages to a thread, and its replies (structured-clone friendly). */
export type ThreadRequest = { kind: 'actors'; actors: ActorDef[] } | { kind: 'analyse'; id: number; inputs: ArticleInput[] };
/**
 * Results travel as one JSON string: the receiving (main) thread's JSON.parse costs about a third of
 * deserialising the same object graph from a structured clone (50 analyses: 0.3 ms against 1.0 ms).
 */
export type ThreadReply = { id: number; ok: true; json: string } | { id: number; ok: false; message: string } | 'ready';

export interface AnalysisPool {
  /** Analyses the inputs (results in the same order); waits while the pool is full. */
  analyse(inputs: ArticleInput[]): Promise<Analysed[]>;
  /** Server-defined actors for every later batch (same meaning as Analyser.withActors; [] = built-in only). */
  setActors(actors: ActorDef[]): void;
  /** Stops the threads; batches still running on them are finished inline. */
  close(): Promise<void>;
  /** Threads running now (0: everything runs inline). */
  threads(): number;
}

export interface AnalysisPoolOptions {
  resources: AnalyserResources;
  /** Default: one per core but one (the main thread, which fetches, parses and stores, keeps a core). */
  threads?: number;
  /** Articles in flight at most before analyse() waits. Default 1,000. */
  maxQueued?: number;
  /** The main thread's analyser (same resources and actors), for inline work. */
  inline: () => Analyser;
  logger: Logger;
  /** Delay before a lost thread is replaced (default 1 s). */
  restartDelayMs?: number;
}

const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 10 * 60_000;

interface Job {
  inputs: ArticleInput[];
  resolve(results: Analysed[]): void;
  reject(error: Error): void;
}

interface Thread {
  worker: Worker;
  jobs: Map<number, Job>;
  /** Articles sent and not answered yet. */
  load: number;
  /** The thread built its analyser (so a later loss is a crash, worth a replacement). */
  ready: boolean;
}

export function analyseTimed(analyser: Analyser, inputs: ArticleInput[]): Analysed[] {
  return inputs.map((input) => {
    const started = performance.now();
    const analysis = analyser.analyse(input);
    return { analysis, seconds: (performance.now() - started) / 1000 };
  });
}

const THREAD_MODULE = siblingModule(import.meta.url, 'analysis-thread');

/**
 * A small young generation: the analyser allocates short-lived garbage fast, and V8's default semi-spaces cost
 * each thread about 50 MB of resident memory for no measurable speed (4 MB: the same analyses/s in a 4,000-article run).
 */
const THREAD_LIMITS = { maxYoungGenerationSizeMb: 4 };

const spawnThread = (resources: AnalyserResources): Worker => spawnModuleThread(THREAD_MODULE, { workerData: { resources }, resourceLimits: THREAD_LIMITS });

/** Starts one thread wired to the pool's handlers; undefined (logged) when threads cannot start at all. */
function startThread(options: AnalysisPoolOptions, answered: (t: Thread, r: ThreadReply) => void, lost: (t: Thread, e?: unknown) => void): Thread | undefined {
  try {
    const thread: Thread = { worker: spawnThread(options.resources), jobs: new Map(), load: 0, ready: false };
    thread.worker.unref();
    thread.worker.on('message', (reply: ThreadReply) => answered(thread, reply));
    thread.worker.on('error', (error) => lost(thread, error));
    thread.worker.on('exit', (code) => lost(thread, new Error(`analysis thread exited with code ${code}`)));
    return thread;
  } catch (error) {
    options.logger.warn({ err: error }, 'analysis thread could not start, analysing inline');
    return undefined;
  }
}

/** True while fewer than MAX_RESTARTS replacements happened in the last RESTART_WINDOW_MS (and counts this one). */
function restartBudget(): () => boolean {
  const times: number[] = [];
  return () => {
    const now = Date.now();
    while (times.length > 0 && (times[0] as number) < now - RESTART_WINDOW_MS) times.shift();
    if (times.length >= MAX_RESTARTS) return false;
    times.push(now);
    return true;
  };
}

/** Back-pressure: callers wait while `max` articles are in flight (a larger batch waits for an empty pool). */
function createGate(max: number): { admit(n: number): Promise<void>; leave(n: number): void } {
  const waiting: Array<() => void> = [];
  let inFlight = 0;
  return {
    async admit(n) {
      while (inFlight > 0 && inFlight + n > max) await new Promise<void>((resolve) => waiting.push(resolve));
      inFlight += n;
    },
    leave(n) {
      inFlight -= n;
      for (const wake of waiting.splice(0)) wake();
    },
  };
}

export function createAnalysisPool(options: AnalysisPoolOptions): AnalysisPool {
  const threads: Thread[] = [];
  let nextId = 1;
  let closed = false;
  let actors: ActorDef[] = [];
  const mayRestart = restartBudget();

  const runInline = (job: Job): void => {
    try {
      job.resolve(analyseTimed(options.inline(), job.inputs));
    } catch (error) {
      job.reject(error instanceof Error ? error : new Error(String(error)));
    }
  };

  const lost = (thread: Thread, error?: unknown): void => {
    const index = threads.indexOf(thread);
    if (index < 0) return;
    threads.splice(index, 1);
    if (!closed) options.logger.warn({ err: error, threadsLeft: threads.length }, 'analysis thread lost, its work runs inline');
    for (const job of thread.jobs.values()) runInline(job);
    thread.jobs.clear();
    if (!closed && thread.ready) replaceLater();
  };

  const start = (): Thread | undefined => {
    const thread = startThread(options, answered, lost);
    if (!thread) return undefined;
    threads.push(thread);
    if (actors.length > 0) thread.worker.postMessage({ kind: 'actors', actors } satisfies ThreadRequest);
    return thread;
  };

  const replaceLater = (): void => {
    if (!mayRestart()) return void options.logger.error({ maxRestarts: MAX_RESTARTS }, 'analysis threads keep failing; not replacing them, analysing inline');
    setTimeout(() => {
      if (!closed && start()) options.logger.info({ threads: threads.length }, 'analysis thread replaced');
    }, options.restartDelayMs ?? 1_000).unref();
  };

  const answered = (thread: Thread, reply: ThreadReply): void => {
    if (reply === 'ready') return void (thread.ready = true);
    const job = thread.jobs.get(reply.id);
    if (!job) return;
    thread.jobs.delete(reply.id);
    thread.load -= job.inputs.length;
    if (thread.load === 0) thread.worker.unref();
    if (reply.ok) job.resolve(JSON.parse(reply.json) as Analysed[]);
    else job.reject(new Error(`analysis failed in a worker thread: ${reply.message}`));
  };

  const send = (thread: Thread, inputs: ArticleInput[]): Promise<Analysed[]> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      thread.jobs.set(id, { inputs, resolve, reject });
      if (thread.load === 0) thread.worker.ref();
      thread.load += inputs.length;
      thread.worker.postMessage({ kind: 'analyse', id, inputs } satisfies ThreadRequest);
    });

  const { admit, leave } = createGate(options.maxQueued ?? 1_000);

  const count = Math.max(1, options.threads ?? availableParallelism() - 1);
  for (let i = 0; i < count; i++) start();

  return {
    async analyse(inputs) {
      if (inputs.length === 0) return [];
      await admit(inputs.length);
      try {
        const thread = threads.reduce<Thread | undefined>((best, t) => (best === undefined || t.load < best.load ? t : best), undefined);
        return thread ? await send(thread, inputs) : analyseTimed(options.inline(), inputs);
      } finally {
        leave(inputs.length);
      }
    },
    setActors(next) {
      actors = next;
      for (const thread of threads) thread.worker.postMessage({ kind: 'actors', actors } satisfies ThreadRequest);
    },
    async close() {
      closed = true;
      const stopping = [...threads];
      await Promise.all(stopping.map((t) => t.worker.terminate()));
      for (const thread of stopping) lost(thread);
    },
    threads: () => threads.length,
  };
}
