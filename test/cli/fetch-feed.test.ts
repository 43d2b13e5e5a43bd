import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/fetch-feed.js';
import { body, startFeedServer, status, type FeedServer } from '../helpers/feed-server.js';
import { feedFile } from '../ingest/fetch-helpers.js';
import { recordingIo } from './cli-helpers.js';

let server: FeedServer;
beforeAll(async () => {
  server = await startFeedServer({
    '/feed': body(feedFile('outlets/rss-parser__guardian.rss'), { headers: { etag: '"e1"' } }),
    '/gone': status(410),
  });
});
afterAll(() => server.close());

describe('fetch-feed', () => {
  it('fetches through the real fetcher and prints JSON', async () => {
    const io = recordingIo();
    expect(await run([server.url('/feed'), '--allow-private', '--json'], io)).toBe(0);
    const out = JSON.parse(io.stdout.join(''));
    expect(out).toMatchObject({ ok: true, status: 200, finalUrl: server.url('/feed'), validators: { etag: '"e1"' } });
    expect(out.items).toHaveLength(55);
  });

  it('the address guard is on unless --allow-private', async () => {
    const io = recordingIo();
    expect(await run([server.url('/feed'), '--json'], io)).toBe(3);
    expect(JSON.parse(io.stdout.join(''))).toMatchObject({ ok: false, error: { code: 'ADDRESS_NOT_ALLOWED' } });
  });

  it('errors are exit 3 with code and message', async () => {
    const io = recordingIo();
    expect(await run([server.url('/gone'), '--allow-private', '--json'], io)).toBe(3);
    expect(JSON.parse(io.stdout.join(''))).toMatchObject({ ok: false, error: { code: 'GONE', status: 410 } });
    const usage = recordingIo();
    expect(await run(['--json'], usage)).toBe(2);
  });
});
