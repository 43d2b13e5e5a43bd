// /feeds add of a JSON Feed through the real discord.js client against the fake Discord (issue 13 item 9): the
// command validates the URL by fetching and parsing it, so a JSON Feed must be followed like RSS or Atom.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { body } from '../../helpers/feed-server.js';
import { startWorld, type World } from './world.js';

const FEED = JSON.stringify({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'JSON Outlet',
  home_page_url: 'https://json.example/',
  items: [{ id: 'j1', url: 'https://json.example/1', title: 'NATO expands drills', content_text: 'NATO held drills.', date_published: new Date().toISOString() }],
});

describe('/feeds add of a JSON Feed', () => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld();
    w.server.route('/feed.json', body(FEED, { contentType: 'application/feed+json' }));
    w.server.route('/broken.json', body(FEED.slice(0, 60), { contentType: 'application/json' }));
  });
  afterAll(async () => w.stop());

  const add = (url: string) => w.h.fake.injectCommand({ name: 'feeds', subcommand: 'add', options: { url }, user: 'admin' });

  it('follows a JSON Feed served as application/feed+json and names it by its title', async () => {
    const reply = await add(w.server.url('/feed.json')).reply();
    expect(reply.content).toContain('Now following');
    expect(reply.content).toContain('JSON Outlet');
    const subs = await w.store.listSubscriptions(w.guildA);
    expect(subs.map((s) => s.name)).toEqual(['JSON Outlet']);
  });

  it('refuses a broken JSON Feed without following it', async () => {
    const answer = await add(w.server.url('/broken.json')).answer();
    expect(answer.content).not.toContain('Now following');
    expect(answer.content).toContain('invalid JSON');
    expect(await w.store.listSubscriptions(w.guildA)).toHaveLength(1);
  });
});
