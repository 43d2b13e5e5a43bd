// One guarded GET with manual redirects, a shared deadline and a body cap. No feed semantics here.
import { request } from 'undici';
import type { Agent, Dispatcher } from 'undici';
import { err, ok, type Result } from '../core/result.js';
import { decompress } from './decode.js';
import { checkUrl, GUARD_REFUSED } from './guard.js';
import type { FetchError } from './types.js';

export interface HttpResponse {
  status: number;
  finalUrl: string;
  permanentRedirectTo?: string;
  headers: Record<string, string | undefined>;
  /** Decompressed body; empty for 304. */
  body: Buffer;
}

export interface HttpContext {
  agent: Agent;
  allowPrivate: boolean;
  maxRedirects: number;
  maxBytes: number;
  timeoutMs: number;
}

type HttpResult = Result<HttpResponse, FetchError>;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

const failure = (code: FetchError['code'], message: string, extra: Partial<FetchError> = {}): HttpResult =>
  err({ kind: 'error', code, message, ...extra });

/** 52428800 -> "52 MB", 1500 -> "1.5 kB": a size in decimal units, for messages people read. */
function humanBytes(n: number): string {
  const [unit, size] = ([['gigabyte', 1e9], ['megabyte', 1e6], ['kilobyte', 1e3]] as const).find(([, s]) => n >= s) ?? ['byte', 1];
  return new Intl.NumberFormat('en', { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: n / size < 10 ? 1 : 0 }).format(n / size);
}

/** GET `url` following up to maxRedirects redirects, all within one deadline that aborts the socket. */
export async function guardedGet(url: string, headers: Record<string, string>, ctx: HttpContext): Promise<HttpResult> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ctx.timeoutMs);
  try {
    return await followRedirects(url, headers, ctx, controller.signal);
  } catch (e) {
    return mapNetworkError(e, controller.signal.aborted, ctx.timeoutMs);
  } finally {
    clearTimeout(timer);
  }
}

async function followRedirects(start: string, headers: Record<string, string>, ctx: HttpContext, signal: AbortSignal): Promise<HttpResult> {
  const visited = new Set<string>();
  let current = start;
  let permanent: string | undefined;
  let allPermanent = true;
  for (let hop = 0; ; hop++) {
    const checked = checkUrl(current, ctx.allowPrivate);
    if (!checked.ok) return failure(checked.error.code, hop === 0 ? checked.error.message : `redirected to ${current}: ${checked.error.message}`);
    const href = checked.value.toString();
    if (visited.has(href)) return failure('REDIRECT_LOOP', `redirect loop at ${href}`);
    visited.add(href);
    const res = await request(href, { method: 'GET', headers, signal, dispatcher: ctx.agent });
    const location = header(res.headers, 'location');
    if (!REDIRECTS.has(res.statusCode) || !location) {
      return readResponse(res, href, allPermanent ? permanent : undefined, ctx, signal);
    }
    discard(res.body);
    if (hop >= ctx.maxRedirects) return failure('TOO_MANY_REDIRECTS', `more than ${ctx.maxRedirects} redirects`);
    current = new URL(location, href).toString();
    allPermanent &&= res.statusCode === 301 || res.statusCode === 308;
    if (allPermanent) permanent = current;
  }
}

async function readResponse(
  res: Dispatcher.ResponseData,
  finalUrl: string,
  permanentRedirectTo: string | undefined,
  ctx: HttpContext,
  signal: AbortSignal,
): Promise<HttpResult> {
  const headers = flatHeaders(res.headers);
  const declared = Number(headers['content-length']);
  if (Number.isFinite(declared) && declared > ctx.maxBytes) {
    discard(res.body);
    return failure('FEED_TOO_LARGE', `the feed is ${humanBytes(declared)}, the limit is ${humanBytes(ctx.maxBytes)}`);
  }
  const raw = await readCapped(res.body, ctx.maxBytes, signal);
  if (raw === undefined) return failure('FEED_TOO_LARGE', `the feed is larger than the limit of ${humanBytes(ctx.maxBytes)}`);
  const body = decompress(raw, headers['content-encoding'], ctx.maxBytes);
  if (!body.ok && body.error === 'TOO_LARGE') return failure('FEED_TOO_LARGE', `the feed unpacks to more than the limit of ${humanBytes(ctx.maxBytes)}`);
  if (!body.ok) return failure('FEED_PARSE', body.error);
  const response: HttpResponse = { status: res.statusCode, finalUrl, headers, body: body.value };
  if (permanentRedirectTo) response.permanentRedirectTo = permanentRedirectTo;
  return ok(response);
}

/** Reads the body up to `maxBytes`; undefined (and the socket destroyed) when it is longer. */
async function readCapped(body: Dispatcher.ResponseData['body'], maxBytes: number, signal: AbortSignal): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      discard(body);
      return undefined;
    }
    chunks.push(chunk as Buffer);
  }
  signal.throwIfAborted();
  return Buffer.concat(chunks);
}

/** Drops a response body and its connection without surfacing the resulting abort as an uncaught error. */
function discard(body: Dispatcher.ResponseData['body']): void {
  body.on('error', () => undefined);
  body.destroy();
}

function header(headers: Dispatcher.ResponseData['headers'], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function flatHeaders(headers: Dispatcher.ResponseData['headers']): Record<string, string | undefined> {
  const flat: Record<string, string | undefined> = {};
  for (const name of Object.keys(headers)) flat[name.toLowerCase()] = header(headers, name);
  return flat;
}

function mapNetworkError(e: unknown, aborted: boolean, timeoutMs: number): HttpResult {
  if (aborted) return failure('TIMEOUT', `no complete response within ${timeoutMs} ms`);
  const error = e as { code?: string; message?: string; cause?: { code?: string; message?: string } };
  const code = error.code ?? error.cause?.code ?? '';
  const message = error.cause?.message ?? error.message ?? String(e);
  if (code === GUARD_REFUSED) return failure('ADDRESS_NOT_ALLOWED', message);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'ENODATA') return failure('DNS', message);
  return failure('CONNECT', `${code || 'network error'}: ${message}`);
}
