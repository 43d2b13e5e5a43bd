// What /feeds add tells the user when a feed cannot be read, through the real client against the fake Discord:
// sizes in human units, and a refused redirect names the address it was redirected to.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oversized, redirect } from '../../helpers/feed-server.js';
import { startWorld, type World } from './world.js';

describe('/feeds add error messages', () => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld();
    w.server.route('/big-declared.xml', oversized(3 * 1024 * 1024, true));
    w.server.route('/big-chunked.xml', oversized(3 * 1024 * 1024, false));
    w.server.route('/to-file.xml', redirect(302, 'file:///etc/passwd'));
  });
  afterAll(async () => w.stop());

  const add = async (path: string): Promise<string> =>
    (await w.h.fake.injectCommand({ name: 'feeds', subcommand: 'add', options: { url: w.server.url(path) }, user: 'admin' }).answer()).content;

  it('gives the size of a feed over the limit, and the limit, in MB rather than bytes', async () => {
    const declared = await add('/big-declared.xml');
    expect(declared).toContain('the feed is 3.1 MB, the limit is 2.1 MB');
    expect(declared).not.toMatch(/\d{6,}/);
    const chunked = await add('/big-chunked.xml');
    expect(chunked).toContain('the feed is larger than the limit of 2.1 MB');
    expect(chunked).not.toMatch(/\d{6,}/);
  });

  it('names the address a refused redirect pointed to', async () => {
    const answer = await add('/to-file.xml');
    expect(answer).toContain('That address is not allowed');
    expect(answer).toContain('redirected to file:///etc/passwd');
    expect(await w.store.listSubscriptions(w.guildA)).toEqual([]);
  });
});
