// OPML import (each entry validated like /feeds add, hostile ones refused with a reason) and export.
import { hostOf } from '../core/feed-url.js';
import { parseOpml, toOpml } from '../core/opml.js';
import { ok } from '../core/result.js';
import { addFeed, type FeedOpsDeps } from './feed-subscriptions.js';
import { failure } from './feeds-errors.js';
import type { FeedsResult, ImportReport, ImportRequest } from './feeds-types.js';
import { createKeyedLimiter } from './limiter.js';

/** Entries validated at once during an import, in total and per host. */
const IMPORT_CONCURRENCY = 4;
const IMPORT_PER_HOST = 2;

export async function importOpml(deps: FeedOpsDeps, request: ImportRequest): FeedsResult<ImportReport> {
  const parsed = parseOpml(request.text);
  if (!parsed.ok) return failure('OPML_INVALID', { detail: parsed.error });
  const { entries, rejected, skipped } = parsed.value;
  const report: ImportReport = { added: [], duplicates: [], rejected: [...rejected], skipped };
  const limiter = createKeyedLimiter(IMPORT_CONCURRENCY, IMPORT_PER_HOST);
  let done = 0;
  const checked = (): void => request.onProgress?.(++done, entries.length);
  const outcomes = await Promise.all(entries.map((entry) => limiter.run(hostOf(entry.url), () => addFeed(deps, {
    guildId: request.guildId, channelId: request.channelId, userId: request.userId, url: entry.url, fullText: false,
    ...(entry.title === null ? {} : { name: entry.title }),
  }).finally(checked))));
  outcomes.forEach((outcome, i) => {
    const url = entries[i]?.url ?? '';
    if (outcome.ok) report.added.push({ url: outcome.value.url, name: outcome.value.subscription.name });
    else if (outcome.error.code === 'DUPLICATE') report.duplicates.push(url);
    else report.rejected.push({ url, reason: outcome.error.detail === undefined ? outcome.error.message : `${outcome.error.message} (${outcome.error.detail})` });
  });
  deps.logger.info({ guildId: request.guildId, added: report.added.length, duplicates: report.duplicates.length, rejected: report.rejected.length, skipped }, 'opml imported');
  return ok(report);
}

export async function exportOpml(deps: FeedOpsDeps, guildId: string): Promise<string> {
  const subs = await deps.store.listSubscriptions(guildId);
  return toOpml('Stancewatch feeds', subs.map((s) => ({ url: s.url, title: s.name })), deps.now());
}
