import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';

export interface UploadedFile {
  /** Form field, e.g. `files[0]`. */
  field: string;
  name: string;
  contentType: string;
  data: Buffer;
}

/** One REST call the bot made, as the fake saw it. */
export interface RecordedRequest {
  seq: number;
  at: number;
  method: string;
  /** Path without the `/api/v10` prefix, e.g. `/channels/123/messages`. */
  path: string;
  /** The route pattern that handled it, e.g. `POST /channels/:channelId/messages`; null when unknown. */
  route: string | null;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body, or the `payload_json` part of a multipart body. */
  body: unknown;
  files: UploadedFile[];
  /** Status the fake answered with (0 while in flight). */
  status: number;
  /** True when the status came from fault injection. */
  injected: boolean;
}

export interface ParsedBody {
  body: unknown;
  files: UploadedFile[];
}

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function parseBody(raw: Buffer, contentType: string | undefined): Promise<ParsedBody> {
  if (raw.length === 0) return { body: undefined, files: [] };
  if (contentType?.startsWith('multipart/form-data')) return parseMultipart(raw, contentType);
  if (contentType?.startsWith('application/json')) return { body: JSON.parse(raw.toString('utf8')), files: [] };
  return { body: raw.toString('utf8'), files: [] };
}

async function parseMultipart(raw: Buffer, contentType: string): Promise<ParsedBody> {
  const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
  let body: unknown;
  const files: UploadedFile[] = [];
  for (const [field, value] of form.entries()) {
    if (typeof value === 'string') {
      if (field === 'payload_json') body = JSON.parse(value);
      continue;
    }
    files.push({ field, name: value.name, contentType: value.type, data: Buffer.from(await value.arrayBuffer()) });
  }
  return { body, files };
}

export function sendJson(res: ServerResponse, status: number, payload: unknown, headers: Record<string, string> = {}): void {
  if (status === 204 || payload === undefined) {
    res.writeHead(status === 200 ? 204 : status, headers).end();
    return;
  }
  const text = JSON.stringify(payload);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** Matches `/channels/:channelId/messages` against a path; `:name` takes one segment. Returns the params or null. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i] as string;
    const g = decodeURIComponent(got[i] as string);
    if (w.startsWith(':')) params[w.slice(1)] = g;
    else if (w !== g) return null;
  }
  return params;
}

/** `"POST /channels/:id/messages"` → does it describe this request? `*` as method matches any. */
export function matchRoute(route: string, method: string, path: string): boolean {
  const [m, p] = route.includes(' ') ? (route.split(' ', 2) as [string, string]) : ['*', route];
  return (m === '*' || m.toUpperCase() === method) && matchPath(p, path) !== null;
}

/** Discord-style error body. */
export function apiError(code: number, message: string, errors?: unknown): Record<string, unknown> {
  return errors === undefined ? { code, message } : { code, message, errors };
}
