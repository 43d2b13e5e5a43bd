// Deadlines, size caps, non-feeds and the address guard, all against 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { body, drip, hang, htmlPage, oversized, startFeedServer, waitUntil, type FeedServer } from '../helpers/feed-server.js';
import { feedFile, testFetcher } from './fetch-helpers.js';

const guardian = feedFile('outlets/rss-parser__guardian.rss');
let server: FeedServer;

beforeAll(async () => {
  server = await startFeedServer({
    '/hang': hang(),
    '/drip': drip(50),
    '/big-declared': oversized(3 * 1024 * 1024, true),
    '/big-chunked': oversized(3 * 1024 * 1024, false),
    '/html-with-link': htmlPage('/feeds/news.xml'),
    '/html-without-link': htmlPage(),
    '/truncated': body(guardian.subarray(0, Math.floor(guardian.length / 2))),
    '/truncated-prolog': body('<?xml version="1.0"?><rs'),
  });
});
afterAll(async () => {
  await server.close();
});

describe('deadline', () => {
  it.each(['/hang', '/drip'])('%s times out and the socket is closed at the deadline', async (path) => {
    const fetcher = testFetcher({ timeoutMs: 300 });
    const outcome = await fetcher.fetchFeed(server.url(path), {});
    expect(outcome).toMatchObject({ kind: 'error', code: 'TIMEOUT' });
    // The fetcher's pool is still open: only the abort itself can have closed the connection.
    expect(await server.socketsClosed(1_000)).toBe(true);
    expect(await noClientSockets(1_000)).toBe(true);
    await fetcher.close();
  });
});

/** True once the process holds no TCP socket handles (client or server side) any more. */
const noClientSockets = (withinMs: number): Promise<boolean> =>
  waitUntil(() => !process.getActiveResourcesInfo().includes('TCPSocketWrap'), withinMs);

describe('size cap', () => {
  it.each(['/big-declared', '/big-chunked'])('%s is FEED_TOO_LARGE and the transfer is cut', async (path) => {
    const fetcher = testFetcher({ maxBytes: 256 * 1024 });
    const outcome = await fetcher.fetchFeed(server.url(path), {});
    expect(outcome).toMatchObject({ kind: 'error', code: 'FEED_TOO_LARGE' });
    expect(await server.socketsClosed(1_000)).toBe(true);
    await fetcher.close();
  });

  it('caps the decompressed size of a gzip bomb', async () => {
    server.route('/bomb', body(Buffer.alloc(4 * 1024 * 1024, 0x20), { gzip: 'header' }));
    const fetcher = testFetcher({ maxBytes: 256 * 1024 });
    expect(await fetcher.fetchFeed(server.url('/bomb'), {})).toMatchObject({ code: 'FEED_TOO_LARGE' });
    await fetcher.close();
  });
});

describe('not a feed, broken feeds', () => {
  const fetcher = testFetcher();
  afterAll(() => fetcher.close());

  it('an HTML page that links a feed says which URL to use', async () => {
    const outcome = await fetcher.fetchFeed(server.url('/html-with-link'), {});
    expect(outcome).toMatchObject({ kind: 'error', code: 'NOT_A_FEED', suggestedFeedUrl: server.url('/feeds/news.xml') });
  });

  it('an HTML page without a feed link is NOT_A_FEED without a suggestion', async () => {
    const outcome = await fetcher.fetchFeed(server.url('/html-without-link'), {});
    expect(outcome).toMatchObject({ kind: 'error', code: 'NOT_A_FEED' });
    expect(outcome.kind === 'error' && outcome.suggestedFeedUrl).toBeUndefined();
  });

  it('truncated XML keeps the complete items and records a warning', async () => {
    const outcome = await fetcher.fetchFeed(server.url('/truncated'), {});
    if (outcome.kind !== 'ok') throw new Error(JSON.stringify(outcome));
    expect(outcome.feed.title).toBe('The Guardian');
    expect(outcome.feed.items.length).toBeGreaterThan(10);
    expect(outcome.feed.items.length).toBeLessThan(55);
    expect(outcome.warnings.some((w) => w.includes('recovered'))).toBe(true);
  });

  it('a document cut inside its root tag is FEED_PARSE', async () => {
    expect(await fetcher.fetchFeed(server.url('/truncated-prolog'), {})).toMatchObject({ kind: 'error', code: 'FEED_PARSE' });
  });
});

describe('address guard', () => {
  const resolver = async (host: string) =>
    host === 'intranet.test'
      ? [{ address: '10.1.2.3', family: 4 as const }]
      : host === 'rebind.test'
        ? [{ address: '93.184.216.34', family: 4 as const }, { address: '127.0.0.1', family: 4 as const }]
        : host === 'metadata.test'
          ? [{ address: '169.254.169.254', family: 4 as const }]
          : Promise.reject(Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' }));
  const strict = testFetcher({ allowPrivateAddresses: false, resolver });
  const lenient = testFetcher({ allowPrivateAddresses: true, resolver });
  afterAll(async () => {
    await strict.close();
    await lenient.close();
  });

  it('refuses loopback literals and private resolutions unless allowed', async () => {
    const before = server.requests.length;
    expect(await strict.fetchFeed(server.url('/html-with-link'), {})).toMatchObject({ code: 'ADDRESS_NOT_ALLOWED' });
    expect(await strict.fetchFeed('http://intranet.test/feed', {})).toMatchObject({ code: 'ADDRESS_NOT_ALLOWED' });
    expect(await strict.fetchFeed('http://rebind.test/feed', {})).toMatchObject({ code: 'ADDRESS_NOT_ALLOWED' });
    expect(server.requests.length).toBe(before);
  });

  it('refuses link-local metadata even when private addresses are allowed', async () => {
    expect(await lenient.fetchFeed('http://metadata.test/latest', {})).toMatchObject({ code: 'ADDRESS_NOT_ALLOWED' });
    expect(await lenient.fetchFeed('http://[::ffff:169.254.169.254]/', {})).toMatchObject({ code: 'ADDRESS_NOT_ALLOWED' });
  });

  it('reports DNS failures and bad URLs', async () => {
    expect(await lenient.fetchFeed('http://nowhere.test/', {})).toMatchObject({ code: 'DNS' });
    expect(await lenient.fetchFeed('ftp://example.com/feed', {})).toMatchObject({ code: 'ADDRESS_NOT_ALLOWED' });
    expect(await lenient.fetchFeed('not a url', {})).toMatchObject({ code: 'INVALID_URL' });
  });

  it('reports refused connections as CONNECT', async () => {
    const closed = await startFeedServer();
    const url = closed.url('/feed');
    await closed.close();
    expect(await lenient.fetchFeed(url, {})).toMatchObject({ code: 'CONNECT' });
  });
});
