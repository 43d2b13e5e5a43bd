// Without Discord: a digest built from a fixed set of stored analyses goes through the outbox into Markdown and
// a PNG in the output folder, alerts and notices into their own files; each item is written once.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { AlertPayload } from '../../src/core/outbox-payloads.js';
import { composeDigest } from '../../src/jobs/digests.js';
import { deliverOffline, type WrittenItem } from '../../src/jobs/offline-delivery.js';
import type { Store } from '../../src/store/index.js';
import { silent, tempStore } from './fixtures.js';
import { seedArticles, seedFeed } from './digest-seed.js';

const HOUR = 3_600_000;
const T0 = Date.parse('2025-06-02T00:00:00Z');
let store: Store;
let out: string;

beforeEach(async () => {
  store = await tempStore();
  out = mkdtempSync(join(tmpdir(), 'sw-offline-'));
});
afterEach(async () => {
  await store.close();
  rmSync(out, { recursive: true, force: true });
});

const deliver = (written: WrittenItem[] = []) =>
  deliverOffline({ store, logger: silent, now: () => T0 + 30 * HOUR, owner: 'w', outputDir: out, onWritten: (w) => written.push(w) });

it('writes the digest of the stored analyses as the expected Markdown and chart, once', async () => {
  const feedId = await seedFeed(store, 'local');
  await seedArticles(store, feedId, [
    { id: 'p1', publishedAt: T0 - 10 * HOUR, outlet: 'Herald', scores: { Russia: -0.2 } },
    { id: 'c1', publishedAt: T0 + 2 * HOUR, outlet: 'Herald', scores: { Russia: -0.8, NATO: 0.5 }, framing: { aggression: 3 } },
    { id: 'c2', publishedAt: T0 + 5 * HOUR, outlet: 'Wire', scores: { Russia: -0.4 } },
  ]);
  await store.updateGuildSettings('local', { digestChannelId: 'local' }, T0);
  const period = { from: T0, to: T0 + 24 * HOUR };
  const payload = await composeDigest(store, 'local', period, 'UTC', 'scheduled', { articlesPerActor: 1 });
  await store.enqueueDigest({ guildId: 'local', channelId: 'local', periodStart: period.from, periodEnd: period.to, payload, now: T0 + 24 * HOUR });
  const written: WrittenItem[] = [];
  expect(await deliver(written)).toBe(1);
  expect(await deliver(written)).toBe(0);
  expect(readdirSync(out).sort()).toEqual(['digest-2025-06-03-0000-stance.png', 'digest-2025-06-03-0000.md']);
  const md = readFileSync(join(out, 'digest-2025-06-03-0000.md'), 'utf8');
  expect(md).toBe(written[0]?.markdown);
  expect(md.split('\n').slice(0, 10)).toEqual([
    '# Stance digest: 2 Jun 2025 00:00 – 3 Jun 2025 00:00 (UTC)',
    '',
    '**2** articles from **2** outlets',
    '',
    '## Actors',
    '',
    '| Actor | Mean stance | Label | Change | Mentions |',
    '|---|---:|---|---|---:|',
    '| Russia | −0.60 | negative | ▼ 0.40 | 2 |',
    '| NATO | +0.50 | positive | new | 1 |',
  ]);
  expect(md).toContain('- ▼ **−0.80** [Title c1](https://news.example/c1) — *Herald*, 2 Jun 2025\n  > Russia strong sentence');
  expect(md).toContain('| Herald | −0.80 (1) | +0.50 (1) |');
  expect(md).toContain('![Mean stance per day](digest-2025-06-03-0000-stance.png)');
  expect(written[0]?.summary).toBe('digest: 2 articles from 2 outlets; Russia −0.60, NATO +0.50');
  const [item] = await store.listOutbox('local', 5);
  expect(item).toMatchObject({ status: 'sent', messageIds: written[0]?.files });
});

it('writes alerts and notices to their own files and skips the server suffix only for the local server', async () => {
  const alert: AlertPayload = { type: 'alert', ruleId: 3, kind: 'article', actor: 'Russia', reason: 'Herald published a *strongly* negative article.', at: T0, link: 'https://x.test/a' };
  await store.enqueue({ kind: 'alert', guildId: 'local', channelId: 'local', dedupeKey: 'a', payload: alert, now: T0 });
  await store.enqueue({ kind: 'notice', guildId: '42', channelId: 'c', dedupeKey: 'n', payload: { type: 'feed-disabled', feedName: 'Wire', url: 'https://w.test/rss', code: 'GONE', message: '410' }, now: T0 });
  expect(await deliver()).toBe(2);
  const files = readdirSync(out).sort();
  expect(files).toEqual([expect.stringMatching(/^alert-\d+\.md$/), expect.stringMatching(/^notice-\d+-42\.md$/)]);
  expect(readFileSync(join(out, files[0] as string), 'utf8')).toContain('Herald published a \\*strongly\\* negative article.');
  expect(readFileSync(join(out, files[1] as string), 'utf8')).toContain('# Feed disabled: Wire');
});
