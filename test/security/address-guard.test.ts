// Issue 8 "Security": the address guard refuses loopback, private, link-local and metadata targets, host names
// resolving to them, redirects to them, and non-http schemes, all with ADDRESS_NOT_ALLOWED when private addresses
// are not allowed. Host names go through a stub resolver; the only traffic is to the local server on 127.0.0.1.
import type { LookupFunction } from 'node:net';
import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guardedLookup, type Resolver } from '../../src/ingest/guard.js';
import { guardedGet, type HttpContext } from '../../src/ingest/http.js';
import { body, redirect, startFeedServer, type FeedServer } from '../helpers/feed-server.js';
import { testFetcher } from '../ingest/fetch-helpers.js';

const RSS = '<rss version="2.0"><channel><title>t</title><item><title>a</title><guid>x</guid></item></channel></rss>';
const PUBLIC = 'news.example';

/** Stub DNS: one public-looking host, names resolving to private/loopback/link-local space, nothing else. */
const resolver: Resolver = async (host) => {
  const table: Record<string, string> = {
    [PUBLIC]: '93.184.216.34',
    'intranet.example': '10.20.30.40',
    'loopback-alias.example': '127.0.0.1',
    'metadata.example': '169.254.169.254',
    'v6-local.example': 'fd12:3456::1',
  };
  const address = table[host];
  if (!address) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
  return [{ address, family: address.includes(':') ? 6 : 4 }];
};

let server: FeedServer;
const strict = testFetcher({ allowPrivateAddresses: false, resolver });
const lenient = testFetcher({ allowPrivateAddresses: true, resolver });

beforeAll(async () => {
  server = await startFeedServer({ '/feed': body(RSS), '/secret': body(RSS) });
});
afterAll(async () => {
  await Promise.all([strict.close(), lenient.close(), server.close()]);
});

describe('direct targets, allowPrivateAddresses: false', () => {
  const port = () => new URL(server.origin).port;
  const targets = (): string[] => [
    `http://127.0.0.1:${port()}/feed`,
    `http://[::1]:${port()}/feed`,
    'http://10.0.0.1/feed',
    'http://169.254.169.254/latest/meta-data',
    `http://loopback-alias.example:${port()}/feed`,
    'http://intranet.example/feed',
    'http://metadata.example/latest/meta-data',
    'http://v6-local.example/feed',
    'file:///etc/passwd',
    'ftp://example.com/feed.xml',
    'gopher://example.com/1/feed',
  ];

  it('refuses every one with ADDRESS_NOT_ALLOWED and sends nothing to the local server', async () => {
    for (const url of targets()) {
      const outcome = await strict.fetchFeed(url, {});
      expect({ url, code: outcome.kind === 'error' ? outcome.code : outcome.kind }).toEqual({ url, code: 'ADDRESS_NOT_ALLOWED' });
    }
    expect(server.count('/feed')).toBe(0);
  });

  it('the same loopback targets are reachable when private addresses are allowed (the refusal is the guard)', async () => {
    for (const url of [`http://127.0.0.1:${port()}/feed`, `http://loopback-alias.example:${port()}/feed`]) {
      expect((await lenient.fetchFeed(url, {})).kind).toBe('ok');
    }
    expect(server.count('/feed')).toBe(2);
  });
});

/**
 * The guard's own lookup decides; only a connection it approved for the public-looking host is dialled to the
 * local server instead of the address it resolved to (so no traffic leaves loopback).
 */
function publicHostOnLoopback(): LookupFunction {
  const guard = guardedLookup(resolver, false);
  return (hostname, options, callback) =>
    guard(hostname, options, (error, address, family) => {
      if (error || hostname !== PUBLIC) return void (callback as (...args: unknown[]) => void)(error, address, family);
      if (options.all) callback(null, [{ address: '127.0.0.1', family: 4 }]);
      else callback(null, '127.0.0.1', 4);
    });
}

describe('a public-looking URL that redirects to a private one', () => {
  const agent = new Agent({ connect: { lookup: publicHostOnLoopback() } });
  const ctx: HttpContext = { agent, allowPrivate: false, maxRedirects: 5, maxBytes: 1 << 20, timeoutMs: 2_000 };
  const publicUrl = (path: string) => `http://${PUBLIC}:${new URL(server.origin).port}${path}`;
  afterAll(() => agent.close());

  it('follows a redirect that stays public (the set-up really reaches the server)', async () => {
    server.route('/to-public', redirect(302, publicUrl('/feed')));
    const res = await guardedGet(publicUrl('/to-public'), {}, ctx);
    expect(res.ok && res.value.status).toBe(200);
  });

  it.each([
    ['loopback literal', () => server.url('/secret')],
    ['host resolving to 127.0.0.1', () => `http://loopback-alias.example:${new URL(server.origin).port}/secret`],
    ['host resolving to 10/8', () => 'http://intranet.example/secret'],
    ['cloud metadata', () => 'http://169.254.169.254/latest/meta-data'],
    ['IPv6 loopback', () => `http://[::1]:${new URL(server.origin).port}/secret`],
    ['file: scheme', () => 'file:///etc/passwd'],
  ])('refuses a hop to a %s with ADDRESS_NOT_ALLOWED', async (name, target) => {
    const path = `/hop-${name.replace(/\W+/g, '-')}`;
    server.route(path, redirect(301, target()));
    const res = await guardedGet(publicUrl(path), {}, ctx);
    expect(res.ok || res.error.code).toBe('ADDRESS_NOT_ALLOWED');
    expect(server.count(path)).toBe(1);
    expect(server.count('/secret')).toBe(0);
  });
});
