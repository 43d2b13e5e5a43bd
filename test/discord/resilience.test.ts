import { afterEach, describe, expect, it } from 'vitest';
import { startHarness } from './helpers.js';
import type { BotHarness } from './helpers.js';
import { longModule, reportModule, settingsModule } from './modules.js';

const PATCH_ORIGINAL = 'PATCH /webhooks/:app/:token/messages/@original';

describe('bot resilience against the fake Discord', () => {
  let h: BotHarness | undefined;
  afterEach(async () => h?.stop());

  it('waits out a 429 on a REST call and then delivers', async () => {
    h = await startHarness([reportModule(Promise.resolve({ content: 'late but there' }))]);
    h.fake.failNext(PATCH_ORIGINAL, 429, 1, { retryAfterMs: 700 });
    const handle = h.fake.injectCommand({ name: 'report', options: { period: '24h' } });
    expect((await handle.reply()).content).toBe('late but there');
    const edits = h.fake.requestsTo(PATCH_ORIGINAL);
    expect(edits.map((r) => r.status)).toEqual([429, 200]);
    expect(edits[1]!.at - edits[0]!.at).toBeGreaterThanOrEqual(650);
    expect(h.logs.some((l) => l.msg === 'discord rate limited')).toBe(true);
  });

  it('retries a 5xx and logs when Discord keeps failing, without crashing the bot', async () => {
    h = await startHarness([reportModule(Promise.resolve({ content: 'after a hiccup' }))]);
    h.fake.failNext(PATCH_ORIGINAL, 502, 2);
    const first = h.fake.injectCommand({ name: 'report', options: { period: '24h' } });
    expect((await first.reply()).content).toBe('after a hiccup');
    h.fake.failNext(PATCH_ORIGINAL, 500, 4);
    const second = h.fake.injectCommand({ name: 'report', options: { period: '24h' } });
    await h.fake.waitFor(() => h?.logs.find((l) => l.msg === 'interaction response failed'), 5000, 'the failure log');
    expect(second.record.original?.content).toBe('');
    expect(h.fake.requestsTo(PATCH_ORIGINAL).filter((r) => r.status === 500)).toHaveLength(4);
    const third = h.fake.injectCommand({ name: 'report', options: { period: '7d' } });
    expect((await third.reply()).content).toBe('after a hiccup');
  });

  it('resumes after a gateway drop, receives the events sent meanwhile and keeps answering', async () => {
    h = await startHarness([settingsModule]);
    await h.fake.dropGateway(4000);
    const whileDown = h.fake.injectCommand({ name: 'settings', subcommand: 'list' });
    await h.fake.waitForResume();
    expect((await whileDown.reply()).content).toMatch(/^list done/);
    expect(h.fake.gateway.resumes).toBe(1);
    expect(h.fake.gateway.identifies).toBe(1);
    const after = h.fake.injectCommand({ name: 'settings', subcommand: 'list' });
    expect((await after.reply()).content).toMatch(/^list done/);
    expect(h.logs.some((l) => l.msg === 'discord session resumed')).toBe(true);
  });

  it('splits a long answer into messages within the limits, with no mentions', async () => {
    h = await startHarness([longModule]);
    const handle = h.fake.injectCommand({ name: 'long' });
    const reply = await handle.reply();
    const all = await h.fake.waitFor(() => {
      const messages = [reply, ...handle.record.followups];
      return messages.flatMap((m) => m.embeds).length >= 12 ? messages : undefined;
    }, 5000, 'all 12 embeds');
    expect(all.length).toBeGreaterThan(2);
    expect(all.every((m) => m.content.length <= 2000 && m.embeds.length <= 10)).toBe(true);
    expect(all.flatMap((m) => m.embeds)).toHaveLength(12);
    expect(all.map((m) => m.content).filter(Boolean).join('\n').split('\n')).toHaveLength(300);
    const bodies = handle.requests().map((r) => r.body as { data?: { allowed_mentions?: unknown }; allowed_mentions?: unknown });
    expect(bodies.every((b) => JSON.stringify(b.data?.allowed_mentions ?? b.allowed_mentions) === '{"parse":[]}')).toBe(true);
    expect(handle.requests().every((r) => r.status < 400)).toBe(true);
  });
});
