import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { body, conditional, redirect, startFeedServer, status, type FeedServer } from '../helpers/feed-server.js';
import { cyrillicFeed, feedFile, testFetcher } from './fetch-helpers.js';

const guardian = feedFile('outlets/rss-parser__guardian.rss');
const latin1 = feedFile('outlets/feed-rs__rss_2.0_encoding_1.xml');
let server: FeedServer;
const fetcher = testFetcher();

beforeAll(async () => {
  server = await startFeedServer({
    '/cond': conditional(guardian, '"v1"', 'Wed, 31 Jan 2018 20:15:15 GMT'),
    '/gzip-header': body(guardian, { gzip: 'header' }),
    '/gzip-bare': body(guardian, { gzip: 'no-header', contentType: 'application/xml' }),
    '/latin1-prolog': body(latin1, { contentType: 'text/xml' }),
    '/latin1-header': body(Buffer.from(latin1.toString('latin1').replace(/<\?xml[^>]*\?>/, ''), 'latin1'), { contentType: 'text/xml; charset=iso-8859-1' }),
    '/cp1251-header': body(iconv.encode(cyrillicFeed(), 'windows-1251'), { contentType: 'application/rss+xml; charset=windows-1251' }),
    '/cp1251-prolog': body(iconv.encode(cyrillicFeed('windows-1251'), 'windows-1251'), { contentType: 'text/xml' }),
    '/r1': redirect(301, '/r2'),
    '/r2': redirect(308, '/cond'),
    '/temp': redirect(302, '/r2'),
    '/loop-a': redirect(302, '/loop-b'),
    '/loop-b': redirect(302, '/loop-a'),
    '/to-metadata': redirect(302, 'http://169.254.169.254/latest/meta-data/'),
    '/to-file': redirect(302, 'file:///etc/passwd'),
    '/r429': status(429, { 'retry-after': '120' }),
    '/r503': status(503, { 'retry-after': 'Wed, 21 Oct 2099 07:28:00 GMT' }),
    '/r500': status(500),
    '/gone': status(410),
    '/empty': body(''),
  });
  for (let i = 0; i < 7; i++) server.route(`/chain${i}`, redirect(302, `/chain${i + 1}`));
});
afterAll(async () => {
  await fetcher.close();
  await server.close();
});

describe('fetchFeed: conditional GET and compression', () => {
  it('sends a User-Agent and Accept-Encoding, stores validators, then gets 304 with them', async () => {
    const first = await fetcher.fetchFeed(server.url('/cond'), {});
    expect(first.kind).toBe('ok');
    if (first.kind !== 'ok') return;
    expect(first.feed.items).toHaveLength(55);
    expect(first.validators).toEqual({ etag: '"v1"', lastModified: 'Wed, 31 Jan 2018 20:15:15 GMT' });
    const second = await fetcher.fetchFeed(server.url('/cond'), first.validators);
    expect(second.kind).toBe('not-modified');
    const sent = server.requests.filter((r) => r.path === '/cond');
    expect(sent[0]?.headers['user-agent']).toMatch(/^Stancewatch-test/);
    expect(sent[0]?.headers['accept-encoding']).toBe('gzip, deflate, br');
    expect(sent[1]?.headers['if-none-match']).toBe('"v1"');
  });

  it.each(['/gzip-header', '/gzip-bare'])('decodes gzip bodies (%s)', async (path) => {
    const outcome = await fetcher.fetchFeed(server.url(path), {});
    expect(outcome.kind === 'ok' && outcome.feed.title).toBe('The Guardian');
  });
});

describe('fetchFeed: character sets', () => {
  it.each(['/latin1-prolog', '/latin1-header'])('decodes ISO-8859-1 declared in one place (%s)', async (path) => {
    const outcome = await fetcher.fetchFeed(server.url(path), {});
    expect(outcome.kind === 'ok' && outcome.feed.title).toBe('RSS Feed do Site Inovação Tecnológica');
  });

  it.each(['/cp1251-header', '/cp1251-prolog'])('decodes windows-1251 declared in one place (%s)', async (path) => {
    const outcome = await fetcher.fetchFeed(server.url(path), {});
    if (outcome.kind !== 'ok') throw new Error(JSON.stringify(outcome));
    expect(outcome.feed.title).toBe('Новости дня');
    expect(outcome.feed.items[0]?.title).toBe('Москва и Пекин');
    expect(outcome.feed.items[0]?.published).toBe(Date.UTC(2024, 0, 2, 7, 0, 0));
  });
});

describe('fetchFeed: redirects', () => {
  it('follows a 301/308 chain and reports the permanent target', async () => {
    const outcome = await fetcher.fetchFeed(server.url('/r1'), {});
    expect(outcome.kind).toBe('ok');
    if (outcome.kind !== 'ok') return;
    expect(outcome.finalUrl).toBe(server.url('/cond'));
    expect(outcome.permanentRedirectTo).toBe(server.url('/cond'));
  });

  it('does not update the stored URL when a hop was temporary', async () => {
    const outcome = await fetcher.fetchFeed(server.url('/temp'), {});
    expect(outcome.kind === 'ok' && outcome.permanentRedirectTo).toBe(undefined);
  });

  it.each([
    ['/loop-a', 'REDIRECT_LOOP'],
    ['/chain0', 'TOO_MANY_REDIRECTS'],
    ['/to-metadata', 'ADDRESS_NOT_ALLOWED'],
    ['/to-file', 'ADDRESS_NOT_ALLOWED'],
  ])('%s is the error %s', async (path, code) => {
    const outcome = await fetcher.fetchFeed(server.url(path), {});
    expect(outcome.kind === 'error' && outcome.code).toBe(code);
  });
});

describe('fetchFeed: status codes', () => {
  it('429 honours Retry-After seconds', async () => {
    const outcome = await fetcher.fetchFeed(server.url('/r429'), {});
    expect(outcome).toMatchObject({ kind: 'error', code: 'RATE_LIMITED', status: 429, retryAfterMs: 120_000 });
  });

  it('503 honours a Retry-After date', async () => {
    const now = Date.UTC(2099, 9, 21, 7, 0, 0);
    const clocked = testFetcher({ now: () => now });
    const outcome = await clocked.fetchFeed(server.url('/r503'), {});
    await clocked.close();
    expect(outcome).toMatchObject({ kind: 'error', code: 'RATE_LIMITED', status: 503, retryAfterMs: 28 * 60_000 });
  });

  it('410 disables the feed; other failures are HTTP_STATUS; an empty body is EMPTY', async () => {
    expect(await fetcher.fetchFeed(server.url('/gone'), {})).toMatchObject({ code: 'GONE', disable: true });
    expect(await fetcher.fetchFeed(server.url('/r500'), {})).toMatchObject({ code: 'HTTP_STATUS', status: 500 });
    expect(await fetcher.fetchFeed(server.url('/empty'), {})).toMatchObject({ code: 'EMPTY' });
  });
});
