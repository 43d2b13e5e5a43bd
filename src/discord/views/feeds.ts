// Views of /feeds answers: the feed list with status, the dry-run preview, the import report, facade errors.
import type { APIEmbed } from 'discord.js';
import type { FeedPreview, FeedsError, ImportReport } from '../../jobs/api.js';
import type { SubscriptionView } from '../../store/index.js';
import { safeText } from '../render/escape.js';
import { truncate } from '../render/truncate.js';
import { COLOURS, labelIcon, linesToEmbeds, plural, quote, safeUrl, signed, titleLink, when } from './format.js';

/** A facade error as a message: our sentence, then the outside detail and suggestion, escaped. */
export function feedsErrorText(error: FeedsError): string {
  const parts = [error.message];
  if (error.detail !== undefined) parts.push(`(${quote(error.detail, 300)})`);
  if (error.suggestedUrl !== undefined) parts.push(`\nIt links to a feed: ${safeUrl(error.suggestedUrl)}. Use that address with \`/feeds add\`.`);
  return parts.join(' ');
}

function status(s: SubscriptionView): string {
  if (s.paused) return '⏸️ paused';
  if (s.disabled) return `⛔ disabled${s.disabledReason ? `: ${quote(s.disabledReason, 200)}` : ''} (\`/feeds resume\` re-enables it)`;
  if (s.errorCount > 0) return `⚠️ failing ×${s.errorCount}: ${quote(`${s.lastErrorCode ?? 'error'} ${s.lastErrorMessage ?? ''}`, 200)}`;
  if (s.lastFetchAt === null) return '⏳ not fetched yet';
  return '✅ ok';
}

function listLine(s: SubscriptionView): string {
  const fetched = s.lastFetchAt === null ? 'never fetched' : `last fetch ${when(s.lastFetchAt)}`;
  return `**${quote(s.name, 100)}** · ${status(s)}\n${safeUrl(s.url)} · ${fetched} · ${plural(s.articleCount, 'article')} · problems reported in <#${s.channelId}>`;
}

export function feedListEmbeds(subs: readonly SubscriptionView[]): APIEmbed[] {
  if (subs.length === 0) return [{ title: 'Feeds', description: 'This server follows no feeds yet. Add one with `/feeds add`.', color: COLOURS.info }];
  return linesToEmbeds(`Feeds (${subs.length})`, subs.map(listLine));
}

function previewLine(item: FeedPreview['items'][number], i: number): string {
  const date = item.published === undefined ? '' : ` · ${when(item.published, 'd')}`;
  const head = `**${i + 1}.** ${titleLink(item.title, item.link, 200)}${date}`;
  if (!item.analysed) return `${head}\n  language not analysed`;
  const actors = item.actors.map((a) => `${labelIcon(a.label)} ${quote(a.actor, 60)} ${signed(a.score)}`).join(' · ');
  return `${head}\n  tone ${signed(item.tone, 1)}${actors ? ` · ${actors}` : ' · no tracked actor mentioned'}`;
}

export function previewEmbed(p: FeedPreview): APIEmbed {
  const lines = p.items.map(previewLine);
  const foot = `${plural(p.itemCount, 'item')}${p.warnings > 0 ? ` · ${plural(p.warnings, 'parse warning')}` : ''} · dry run: nothing was stored`;
  return {
    title: truncate(safeText(p.title), 250),
    description: [safeUrl(p.url), '', ...(lines.length > 0 ? lines : ['The feed has no items.'])].join('\n'),
    footer: { text: foot },
    color: COLOURS.info,
  };
}

export function importEmbeds(r: ImportReport): APIEmbed[] {
  const lines = [
    `**${r.added.length}** added · **${r.duplicates.length}** already followed · **${r.rejected.length}** refused${r.skipped > 0 ? ` · **${r.skipped}** over the limit, not imported` : ''}`,
    ...r.added.map((a) => `✅ ${quote(a.name, 100)} ${safeUrl(a.url)}`),
    ...r.duplicates.map((u) => `↩️ already followed: ${safeUrl(u)}`),
    ...r.rejected.map((x) => `❌ ${quote(x.url, 200)}: ${quote(x.reason, 300)}`),
  ];
  return linesToEmbeds('OPML import', lines);
}
