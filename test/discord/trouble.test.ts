// Discord trouble while the bot works: REST 429 and 5xx storms during commands, repeated gateway disconnects.
// Every command is answered exactly once and the bot keeps going. (Delivery under trouble: trouble-deliver.test.ts.)
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { InteractionHandle, RecordedRequest } from '../fake-discord/index.js';
import { startWorld, textOf, type World } from './commands/world.js';
import { startHarness, type BotHarness } from './helpers.js';
import { settingsModule } from './modules.js';

const CALLBACK = 'POST /interactions/:id/:token/callback';
const EDIT = 'PATCH /webhooks/:app/:token/messages/:id';
const FOLLOWUP = 'POST /webhooks/:app/:token';

/** One of each read-only or cheap command, all at once, as an admin of the first server. */
function burst(w: World): InteractionHandle[] {
  const inject = (name: string, subcommand?: string, options?: Record<string, string>) =>
    w.h.fake.injectCommand({ name, user: 'admin', ...(subcommand ? { subcommand } : {}), ...(options ? { options } : {}) });
  return [
    inject('feeds', 'list'), inject('actors', 'list'), inject('digest', 'status'), inject('alerts', 'list'),
    inject('analyze', undefined, { text: 'NATO praised the talks.' }), inject('summary', undefined, { period: '24h' }),
    inject('feeds', 'list'), inject('actors', 'list'),
  ];
}

const okCall = (r: RecordedRequest): boolean => r.status > 0 && r.status < 300 && !r.injected;
const routeIs = (r: RecordedRequest, pattern: string): boolean => r.route?.replace(/:\w+/g, ':x') === pattern.replace(/:\w+/g, ':x');

/** Exactly one accepted callback and one accepted edit of the original, no follow-up, a visible answer. */
async function expectAnsweredOnce(handle: InteractionHandle): Promise<string> {
  const reply = await handle.reply(20_000);
  const calls = handle.requests().filter(okCall);
  expect(calls.filter((r) => routeIs(r, CALLBACK))).toHaveLength(1);
  expect(calls.filter((r) => routeIs(r, EDIT))).toHaveLength(1);
  expect(calls.filter((r) => routeIs(r, FOLLOWUP))).toHaveLength(0);
  expect(handle.record.followups).toHaveLength(0);
  const text = textOf(reply);
  expect(text.trim()).not.toBe('');
  return text;
}

describe('REST storms while commands run', () => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld();
  });
  afterAll(async () => w.stop());

  it('a 429 storm on callbacks and edits (per-route and global) is waited out: every command answered once', async () => {
    const before = w.h.fake.requests.length;
    w.h.fake.failNext(CALLBACK, 429, 2, { retryAfterMs: 250 });
    w.h.fake.failNext(EDIT, 429, 6, { retryAfterMs: 300 });
    w.h.fake.failNext(EDIT, 429, 2, { retryAfterMs: 200, global: true });
    const handles = burst(w);
    const texts = await Promise.all(handles.map(expectAnsweredOnce));
    expect(texts[0]).toContain('follows no feeds');
    expect(texts[1]).toContain('Built in');
    const injected = w.h.fake.requests.slice(before).filter((r) => r.injected);
    expect(injected).toHaveLength(10);
    expect(injected.every((r) => r.status === 429)).toBe(true);
    expect(w.h.logs.filter((l) => l.msg === 'discord rate limited').length).toBeGreaterThan(0);
    expect(w.h.logs.filter((l) => l.msg === 'interaction response failed' || l.msg === 'command failed')).toEqual([]);
  }, 30_000);

  it('a 5xx storm within discord.js retries (every call of every command fails 3 times first): all answered once', async () => {
    const handles = burst(w);
    for (const handle of handles) {
      w.h.fake.failNext((r) => routeIs(r, CALLBACK) && r.path.includes(handle.token), 503, 2);
      w.h.fake.failNext((r) => routeIs(r, EDIT) && r.path.includes(handle.token), 502, 3);
    }
    await Promise.all(handles.map(expectAnsweredOnce));
    for (const handle of handles) {
      expect(handle.requests().filter((r) => r.injected).map((r) => r.status).sort()).toEqual([502, 502, 502, 503, 503]);
    }
    expect(w.h.logs.filter((l) => l.msg === 'interaction response failed')).toEqual([]);
  }, 30_000);

  it('a 5xx storm longer than the retries loses that one answer (logged), and the next commands are answered', async () => {
    const doomed = w.h.fake.injectCommand({ name: 'feeds', subcommand: 'list', user: 'admin' });
    w.h.fake.failNext((r) => routeIs(r, EDIT) && r.path.includes(doomed.token), 500, 8);
    await w.h.fake.waitFor(() => w.h.logs.find((l) => l.msg === 'interaction response failed' && l['interactionId'] === doomed.id), 10_000, 'the failure log');
    expect(doomed.requests().filter((r) => routeIs(r, EDIT) && r.injected)).toHaveLength(4);
    await Promise.all(burst(w).map(expectAnsweredOnce));
  }, 30_000);
});

describe('gateway disconnects', () => {
  let h: BotHarness | undefined;
  afterEach(async () => h?.stop());

  it('resumes after each of five drops, replays what was sent meanwhile, and answers every command once', async () => {
    h = await startHarness([settingsModule]);
    const fake = h.fake;
    for (let i = 0; i < 5; i++) {
      await fake.dropGateway(i % 2 === 0 ? 4000 : 4001);
      const whileDown = fake.injectCommand({ name: 'settings', subcommand: 'list', user: 'admin' });
      await fake.waitForResume();
      expect((await whileDown.reply()).content).toBe(`list done in ${fake.guilds[0]!.id}`);
      expect(whileDown.requests().filter((r) => okCall(r) && routeIs(r, CALLBACK))).toHaveLength(1);
      const after = fake.injectCommand({ name: 'settings', subcommand: 'set', options: { feed: `f${i}` }, user: 'admin' });
      expect((await after.reply()).content).toMatch(/^set done/);
    }
    expect(fake.gateway.resumes).toBe(5);
    expect(fake.gateway.identifies).toBe(1);
    expect(h.logs.filter((l) => l.msg === 'discord session resumed')).toHaveLength(5);
    const acks = fake.gateway.heartbeatAcks;
    await fake.waitFor(() => (fake.gateway.heartbeatAcks > acks ? true : undefined), 5_000, 'a heartbeat after the drops');
  }, 60_000);
});
