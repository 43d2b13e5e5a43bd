// A long /feeds import through the real client against the fake Discord, with slow feeds and shortened
// timings: the deferred reply shows progress while entries are checked, and once the interaction token is gone
// (older than the command's token lifetime, or refused by Discord with 50027) the report is posted in the channel.
import { afterEach, expect, it, vi } from 'vitest';
import { body, type Handler } from '../../helpers/feed-server.js';
import { rss } from '../../jobs/fixtures.js';
import { startWorld, textOf, type World, type WorldOptions } from './world.js';

const EDIT_ROUTE = 'PATCH /webhooks/:appId/:token/messages/:messageId';
const ENTRIES = 6;
let w: World | undefined;
afterEach(async () => {
  await w?.stop();
  w = undefined;
});

/** A feed that answers after `ms`. */
const slow = (ms: number, handler: Handler): Handler => async (req, res, server) => {
  await new Promise((r) => setTimeout(r, ms));
  await handler(req, res, server);
};

async function world(options: WorldOptions): Promise<World> {
  const started = await startWorld(options);
  for (let i = 0; i < ENTRIES; i++) {
    started.server.route(`/f${i}.xml`, slow(250, body(rss(`Outlet ${i}`, [{ guid: `g${i}`, title: 'News', body: 'Calm news.' }], Date.now()))));
  }
  return started;
}

function importOpml(world: World) {
  const outlines = Array.from({ length: ENTRIES }, (_, i) => `<outline text="Outlet ${i}" xmlUrl="${world.server.url(`/f${i}.xml`)}"/>`).join('\n');
  const content = `<?xml version="1.0"?><opml version="2.0"><body>${outlines}</body></opml>`;
  return world.h.fake.injectCommand({ name: 'feeds', subcommand: 'import', options: { file: { filename: 'feeds.opml', content } }, user: 'admin' });
}

const progressEdits = (world: World, token: string): string[] => world.h.fake.requestsTo(EDIT_ROUTE)
  .filter((r) => r.path.includes(token) && r.status === 200)
  .map((r) => String((r.body as { content?: string }).content ?? ''))
  .filter((c) => c.startsWith('⏳'));

it('edits the deferred reply with progress while the entries are checked, then shows the report there', async () => {
  w = await world({ importTiming: { tokenLifetimeMs: 60_000, progressEveryMs: 100 } });
  const handle = importOpml(w);
  const reply = await w.h.fake.waitFor(() => {
    const msg = handle.record.original;
    return msg?.content.startsWith('Import finished') ? msg : undefined;
  }, 15_000, 'the import report');
  const progress = progressEdits(w, handle.token);
  expect(progress.length).toBeGreaterThanOrEqual(2);
  for (const p of progress) expect(p).toMatch(/^⏳ Importing: [1-5] of 6 entries checked…$/);
  expect(textOf(reply)).toContain('**6** added');
  expect(reply.content).toBe('Import finished: 6 entries checked.');
  expect(w.h.fake.messages('general')).toHaveLength(0);
  expect(w.h.logs.filter((l) => l.level >= 50)).toEqual([]);
});

it('past the token lifetime it stops editing and posts the report in the channel, naming the admin', async () => {
  w = await world({ importTiming: { tokenLifetimeMs: 400, progressEveryMs: 50 } });
  const world_ = w;
  const handle = importOpml(world_);
  const [posted] = await world_.h.fake.waitFor(() => (world_.h.fake.messages('general').length > 0 ? world_.h.fake.messages('general') : undefined), 15_000, 'the channel report');
  const admin = world_.h.fake.member('admin').user.id;
  expect(posted?.content).toContain(`<@${admin}> Your OPML import took longer than Discord lets a command answer privately`);
  expect(textOf(posted!)).toContain('**6** added');
  expect(posted?.allowedMentions).toEqual({ users: [admin] });
  const edits = world_.h.fake.requestsTo(EDIT_ROUTE).filter((r) => r.path.includes(handle.token));
  expect(edits.every((r) => (r.body as { content?: string }).content?.startsWith('⏳'))).toBe(true);
  expect(handle.record.original?.content ?? '').not.toContain('Import finished');
  await vi.waitFor(() => expect(world_.h.logs.some((l) => l.msg === 'command handled')).toBe(true));
  expect(world_.h.logs.filter((l) => l.level >= 50)).toEqual([]);
  expect((await world_.store.listSubscriptions(world_.guildA))).toHaveLength(ENTRIES);
});

it('when Discord refuses the token (401, 50027 Invalid Webhook Token) it posts the report in the channel', async () => {
  w = await world({ importTiming: { tokenLifetimeMs: 60_000, progressEveryMs: 50 }, discord: { interactionTokenMs: 500 } });
  const world_ = w;
  const handle = importOpml(world_);
  const [posted] = await world_.h.fake.waitFor(() => (world_.h.fake.messages('general').length > 0 ? world_.h.fake.messages('general') : undefined), 15_000, 'the channel report');
  expect(textOf(posted!)).toContain('**6** added');
  const refused = world_.h.fake.requestsTo(EDIT_ROUTE).filter((r) => r.path.includes(handle.token) && r.status === 401);
  expect(refused.length).toBeGreaterThanOrEqual(1);
  await vi.waitFor(() => expect(world_.h.logs.some((l) => l.msg === 'import report posted in the channel: interaction token expired')).toBe(true));
  expect(world_.h.logs.filter((l) => l.level >= 50)).toEqual([]);
});
