import type { ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { apiError, matchRoute, sendJson } from './http-util.js';
import type { RecordedRequest } from './http-util.js';

/** `"POST /channels/:id/messages"` (method optional, `:x` = any segment) or a predicate over the request. */
export type RouteMatcher = string | ((req: RecordedRequest) => boolean);

export interface FaultOptions {
  /** How many matching calls are affected (default 1). */
  times?: number;
  /** For 429: the retry_after given to the client (default 1,000 ms). */
  retryAfterMs?: number;
  /** For 429: a global rate limit instead of a per-route one. */
  global?: boolean;
  /** Hold the response this long first. With a status below 400 the call is then handled normally (a slow call). */
  delayMs?: number;
}

interface Fault {
  match: RouteMatcher;
  status: number;
  remaining: number;
  options: FaultOptions;
}

export class Faults {
  private readonly queue: Fault[] = [];

  add(match: RouteMatcher, status: number, options: FaultOptions = {}): void {
    this.queue.push({ match, status, remaining: options.times ?? 1, options });
  }

  clear(): void {
    this.queue.length = 0;
  }

  /** Consumes one use of the first fault matching the request. */
  take(req: RecordedRequest): Fault | undefined {
    const fault = this.queue.find((f) =>
      typeof f.match === 'function' ? f.match(req) : matchRoute(f.match, req.method, req.path),
    );
    if (fault === undefined) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.queue.splice(this.queue.indexOf(fault), 1);
    return fault;
  }

  /** Answers with the fault; returns false when the call should go on to the normal handler (a pure delay). */
  async apply(fault: Fault, res: ServerResponse): Promise<boolean> {
    if (fault.options.delayMs !== undefined) await sleep(fault.options.delayMs);
    if (fault.status < 400) return false;
    if (fault.status === 429) sendRateLimited(res, fault.options);
    else sendJson(res, fault.status, apiError(0, `${fault.status}: injected failure`));
    return true;
  }
}

function sendRateLimited(res: ServerResponse, options: FaultOptions): void {
  const seconds = (options.retryAfterMs ?? 1000) / 1000;
  const global = options.global === true;
  const headers: Record<string, string> = {
    'retry-after': String(seconds),
    'x-ratelimit-limit': '5',
    'x-ratelimit-remaining': '0',
    'x-ratelimit-reset-after': String(seconds),
    'x-ratelimit-bucket': 'fake-bucket',
    'x-ratelimit-scope': global ? 'global' : 'user',
    ...(global ? { 'x-ratelimit-global': 'true' } : {}),
  };
  sendJson(res, 429, { message: 'You are being rate limited.', retry_after: seconds, global }, headers);
}
