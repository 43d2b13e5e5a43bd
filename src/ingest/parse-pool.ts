// Feed parsing on a worker thread: decoding, XML parsing (sax + xml2js under rss-parser) and normalising are a
// large share of the main thread's time in a poll, and the main thread is also the one that stores. The pool
// also bounds a parse: a document still unparsed at the deadline gets FEED_PARSE and the thread is replaced.
// Documents that were waiting on a lost thread go once more to its replacement; where no thread can start at
// all, documents are parsed inline. parseFeedDocument never throws, so neither does this.
import type { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import { err, type Result } from '../core/result.js';
import type { ParsedFeed } from '../core/types.js';
import { parseFeedDocument, type ParseError, type ParseOptions } from './parse.js';
import { siblingModule, spawnModuleThread } from './threads.js';

export type ParseResult = Result<ParsedFeed, ParseError>;
export interface ParseRequest { id: number; bytes: Uint8Array; options: ParseOptions }
/**
 * A result as JSON (parsing it costs the main thread about a third of deserialising a structured clone of the
 * same items), or 'ready' once the thread has loaded its modules (deadlines start then).
 */
export type ParseReply = { id: number; json: string } | 'ready';

export interface ParsePool {
  parse(bytes: Buffer, options: ParseOptions): Promise<ParseResult>;
  close(): Promise<void>;
}

export interface ParsePoolOptions {
  /** Longest a document may take once the thread is ready, waiting behind others included (default 30 s). */
  deadlineMs?: number;
  logger: Logger;
}

interface Job {
  request: ParseRequest;
  resolve(result: ParseResult): void;
  /** Threads this job was on when they were lost. */
  losses: number;
  timer?: NodeJS.Timeout;
}

const THREAD_MODULE = siblingModule(import.meta.url, 'parse-thread');
/** A small young generation, as for the analysis threads: same speed, far less resident memory. */
const LIMITS = { maxYoungGenerationSizeMb: 4 };
const failure = (message: string): ParseResult => err({ code: 'FEED_PARSE', message });
const inline = (request: ParseRequest): Promise<ParseResult> => parseFeedDocument(Buffer.from(request.bytes), request.options);

class ThreadParsePool implements ParsePool {
  private readonly jobs = new Map<number, Job>();
  private worker: Worker | undefined;
  private ready = false;
  private broken = false;
  private closed = false;
  private nextId = 1;

  constructor(private readonly deadlineMs: number, private readonly logger: Logger) {}

  parse(bytes: Buffer, options: ParseOptions): Promise<ParseResult> {
    const request = { id: this.nextId++, bytes: new Uint8Array(bytes), options };
    return new Promise((resolve) => this.dispatch({ request, resolve, losses: 0 }));
  }

  warmUp(): void {
    this.start()?.unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    const w = this.worker;
    this.worker = undefined;
    if (w) await w.terminate();
    for (const job of [...this.jobs.values()]) this.finish(job, failure('the parser was stopped'));
  }

  private dispatch(job: Job): void {
    const w = this.start();
    if (!w) return void inline(job.request).then(job.resolve);
    this.jobs.set(job.request.id, job);
    if (this.ready) this.arm(job);
    w.ref();
    w.postMessage(job.request);
  }

  private start(): Worker | undefined {
    if (this.worker || this.broken || this.closed) return this.worker;
    try {
      const w = spawnModuleThread(THREAD_MODULE, { workerData: null, resourceLimits: LIMITS });
      w.on('message', (reply: ParseReply) => (reply === 'ready' ? this.armAll(w) : this.answered(reply)));
      w.on('error', (error) => this.lose(w, error));
      w.on('exit', (code) => this.lose(w, new Error(`parse thread exited with code ${code}`)));
      this.worker = w;
      this.ready = false;
    } catch (error) {
      this.broken = true;
      this.logger.warn({ err: error }, 'parse thread could not start, parsing inline');
    }
    return this.worker;
  }

  private answered(reply: Exclude<ParseReply, 'ready'>): void {
    const job = this.jobs.get(reply.id);
    if (job) this.finish(job, JSON.parse(reply.json) as ParseResult);
  }

  private finish(job: Job, result: ParseResult): void {
    clearTimeout(job.timer);
    this.jobs.delete(job.request.id);
    if (this.jobs.size === 0) this.worker?.unref();
    job.resolve(result);
  }

  private arm(job: Job): void {
    job.timer = setTimeout(() => this.timeout(job), this.deadlineMs);
    job.timer.unref();
  }

  private armAll(w: Worker): void {
    if (w !== this.worker) return;
    this.ready = true;
    for (const job of this.jobs.values()) this.arm(job);
  }

  private timeout(job: Job): void {
    const w = this.worker;
    this.finish(job, failure(`parsing took longer than ${this.deadlineMs / 1000} s; the document was abandoned`));
    if (w) this.lose(w, new Error('parse deadline passed'));
  }

  /** The thread is gone (error, exit, deadline): the documents it held go to a new thread, once. */
  private lose(lost: Worker, error: unknown): void {
    if (this.worker !== lost) return;
    this.worker = undefined;
    void lost.terminate();
    if (!this.closed) this.logger.warn({ err: error, waiting: this.jobs.size }, 'parse thread lost, starting another');
    for (const job of [...this.jobs.values()]) {
      clearTimeout(job.timer);
      this.jobs.delete(job.request.id);
      job.losses++;
      if (job.losses > 1) job.resolve(failure('the parser failed on this document (its parse thread was lost twice)'));
      else this.dispatch(job);
    }
  }
}

/** Starts the thread at once (it takes a few hundred ms to load), so the first feeds do not wait for it. */
export function createParsePool(options: ParsePoolOptions): ParsePool {
  const pool = new ThreadParsePool(options.deadlineMs ?? 30_000, options.logger);
  pool.warmUp();
  return pool;
}
