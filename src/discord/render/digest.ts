// A digest (src/core/digest-types.ts) as Discord messages: an overview embed (period, totals, one line per
// actor with mean, label, change and volume), one embed per actor with the most negative and most positive
// articles and their evidence, the voices quoted about each actor, an outlet × actor table (own stance, or "q"
// where an outlet only quoted others), rising framing terms, and the chart embed showing the attached PNG.
// Everything untrusted is escaped; renderMessages packs it within Discord's limits.
import type { APIEmbed } from 'discord.js';
import { signed } from '../../core/signed.js';
import { notCharted } from '../../core/chart.js';
import type { DigestStories } from '../../core/digest-stories.js';
import type { ActorHighlights, ActorSummary, ActorVoices, ArticleRef, Digest, OutletCell, OutletTable, RisingTerm } from '../../core/digest-types.js';
import { voicesLine } from '../../core/digest-voices.js';
import type { DigestPayload } from '../../core/outbox-payloads.js';
import { LIMITS } from '../limits.js';
import { escapeMentions, plainText, safeLink, safeText } from './escape.js';
import { renderMessages, type OutMessage } from './message.js';
import { truncate } from './truncate.js';

export const CHART_FILE = 'stance.png';
export const COLOURS = { negative: 0xd55e00, neutral: 0x999999, positive: 0x009e73, info: 0x0072b2 } as const;
const MAX_EVIDENCE = 280;
const MAX_TITLE = 140;

/** A URL that cannot break out of `<…>` or `(…)`. */
export function safeHref(url: string): string {
  return truncate(url, 500).replace(/[()\s<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** Discord timestamp markup: shown in each reader's own time zone. */
export function discordTime(ms: number, style: 'f' | 'd' | 'R' = 'f'): string {
  return `<t:${Math.floor(ms / 1000)}:${style}>`;
}

function changeText(a: ActorSummary): string {
  if (!a.change) return a.n > 0 ? 'new' : '';
  return a.change.direction === '=' ? '= unchanged' : `${a.change.direction} ${Math.abs(a.change.delta).toFixed(2)}`;
}

function actorLine(a: ActorSummary): string {
  if (a.mean === null) return `**${safeText(a.actor)}**: no mentions`;
  const change = changeText(a);
  return `**${safeText(a.actor)}** ${signed(a.mean)} ${a.label ?? ''}${change ? ` · ${change}` : ''} · ${a.n} ${a.n === 1 ? 'mention' : 'mentions'}`;
}

function overview(d: Digest, trigger: DigestPayload['trigger']): APIEmbed {
  const skipped = d.notAnalysed ? ` · ${d.notAnalysed} not analysed (unsupported language)` : '';
  const lines = [
    `${discordTime(d.period.from)} → ${discordTime(d.period.to)}`,
    `**${d.articles}** ${d.articles === 1 ? 'article' : 'articles'} from **${d.outlets}** ${d.outlets === 1 ? 'outlet' : 'outlets'}${skipped}`,
    '',
    ...(d.articles === 0 ? ['No new articles in this period.'] : []),
    ...d.actors.map(actorLine),
  ];
  return {
    title: trigger === 'manual' ? 'Stance digest (on request)' : 'Stance digest',
    description: truncate(lines.join('\n'), LIMITS.embedDescription),
    color: COLOURS.info,
  };
}

function articleLine(marker: string, a: ArticleRef): string {
  const title = truncate(a.title.replace(/\s+/g, ' ').trim() || 'Untitled', MAX_TITLE);
  const linked = a.link ? safeLink(title, a.link) : safeText(title);
  const head = `${marker} **${signed(a.score)}** ${linked} — *${safeText(a.outlet)}*, ${discordTime(a.published, 'd')}`;
  return a.evidence ? `${head}\n> ${safeText(truncate(a.evidence.replace(/\s+/g, ' ').trim(), MAX_EVIDENCE))}` : head;
}

function highlightEmbed(h: ActorHighlights, summary: ActorSummary | undefined): APIEmbed | null {
  if (!h.mostNegative.length && !h.mostPositive.length) return null;
  const colour = summary?.label ? COLOURS[summary.label] : COLOURS.info;
  const lines = [...h.mostNegative.map((a) => articleLine('▼', a)), ...h.mostPositive.map((a) => articleLine('▲', a))];
  return { title: truncate(`${h.actor}: most telling articles`, LIMITS.embedTitle), description: truncate(lines.join('\n'), LIMITS.embedDescription), color: colour };
}

/** Own stance "+0.30 (4)"; "q −0.40 (3)" when the outlet only quoted others about the actor. */
function cell(c: OutletCell | null): string {
  if (c && c.n === 0 && c.quoted) return `q ${signed(c.quoted.mean)} (${c.quoted.n})`;
  return c && c.n > 0 ? `${signed(c.mean)} (${c.n})` : '—';
}

const QUOTED_ONLY_NOTE = 'q: the outlet only quoted others about the actor (their mean stance, articles); no stance of its own.';

/** "Voices quoted": per actor, who the articles quote about it and how (reported speech, not the outlets' own stance). */
function voicesEmbed(voices: ActorVoices[] | undefined): APIEmbed | null {
  if (!voices?.length) return null;
  const lines = voices.map((a) => `**${safeText(a.actor)}**: ${truncate(voicesLine(a.voices, safeText), 600)}`);
  return { title: 'Voices quoted (reported speech: − against, + for, ± neutral)', description: truncate(lines.join('\n'), LIMITS.embedDescription), color: COLOURS.info };
}

/**
 * The outlet × actor table in a code block (monospace columns). Code blocks are literal, so names are not
 * markdown-escaped; backticks (which could close the block) go, and mentions are defused all the same.
 */
function tableEmbed(t: OutletTable): APIEmbed | null {
  if (!t.rows.length || !t.actors.length) return null;
  const clean = (s: string, n: number): string => escapeMentions(truncate(plainText(s.replace(/`+/g, ' ')), n));
  const head = ['Outlet', ...t.actors.map((a) => clean(a, 14))];
  const rows = t.rows.map((r) => [clean(r.outlet, 22), ...r.cells.map(cell)]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cols: string[]): string => cols.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  const body = [line(head), ...rows.map(line)].join('\n');
  const note = t.rows.some((r) => r.cells.some((c) => c !== null && c.n === 0 && c.quoted)) ? `\n-# ${QUOTED_ONLY_NOTE}` : '';
  return { title: 'Outlets × actors (mean stance, mentions)', description: `${truncate(`\`\`\`\n${body}`, LIMITS.embedDescription - note.length - 4)}\n\`\`\`${note}`, color: COLOURS.info };
}

function termsEmbed(terms: RisingTerm[]): APIEmbed | null {
  if (!terms.length) return null;
  const lines = terms.map((t) => `**${safeText(t.term)}**: ${t.count} ${t.count === 1 ? 'use' : 'uses'} (${t.expected.toFixed(1)} expected at the earlier rate)`);
  return { title: 'Rising framing terms', description: lines.join('\n'), color: COLOURS.info };
}

const MAX_STORY_TITLE = 160;

/** "**NATO**: Brussels Compass +0.40 … Eastern Harmony −0.60 (1.00 apart)". */
function splitLine(s: { actor: string; spread: number; most: { outlet: string; score: number }; least: { outlet: string; score: number } }): string {
  return `**${safeText(s.actor)}**: ${safeText(s.most.outlet)} ${signed(s.most.score)} … ${safeText(s.least.outlet)} ${signed(s.least.score)} (${s.spread.toFixed(2)} apart)`;
}

/** "Stories across outlets": the top stories of the period (two outlets or more) and the widest splits. */
function storiesEmbed(stories: DigestStories | undefined): APIEmbed | null {
  if (!stories?.top.length) return null;
  const title = (t: string): string => safeText(truncate(t.replace(/\s+/g, ' ').trim() || 'Untitled', MAX_STORY_TITLE));
  const lines = stories.top.map((s) => `• ${title(s.title)} · ${s.outlets} outlets · ${s.articles} ${s.articles === 1 ? 'article' : 'articles'}`
    + (s.split ? `\n  ${splitLine(s.split)}` : ''));
  const splits = stories.splits.map((s) => `• ${splitLine(s)}\n  -# in ${title(s.title)}`);
  const text = [...lines, ...(splits.length ? ['', '**Biggest splits** (outlets\' stance on one actor in one story)', ...splits] : []), '-# `/story` shows one story side by side.'];
  return { title: 'Stories across outlets', description: truncate(text.join('\n'), LIMITS.embedDescription), color: COLOURS.info };
}

/** The digest's embeds, chart last (it shows the attachment `stance.png` when `withChart`). */
export function digestEmbeds(payload: DigestPayload, withChart: boolean): APIEmbed[] {
  const d = payload.digest;
  const summaries = new Map(d.actors.map((a) => [a.actor, a]));
  const embeds: (APIEmbed | null)[] = [
    overview(d, payload.trigger),
    ...d.highlights.map((h) => highlightEmbed(h, summaries.get(h.actor))),
    voicesEmbed(d.voices),
    tableEmbed(d.outletTable),
    termsEmbed(d.risingTerms),
    storiesEmbed(d.stories),
  ];
  const left = notCharted(d.actors, d.chart);
  const note = `Not charted: ${left.map((a) => safeText(a)).join(', ')} (the chart shows ${d.chart.series.length === 1 ? 'the actor' : `the ${d.chart.series.length} actors`} with the most mentions); \`/actor\` shows the trend of any one.`;
  if (withChart) {
    embeds.push({
      title: `Stance over time (${safeText(payload.timeZone)} days)`, image: { url: `attachment://${CHART_FILE}` }, color: COLOURS.info,
      ...(left.length > 0 ? { description: truncate(note, LIMITS.embedDescription) } : {}),
    });
  }
  return embeds.filter((e): e is APIEmbed => e !== null);
}

/** The digest as messages within Discord's limits; the chart PNG rides with the last message (the chart embed). */
export function digestMessages(payload: DigestPayload, chartPng: Buffer | null): OutMessage[] {
  return renderMessages({
    embeds: digestEmbeds(payload, chartPng !== null),
    files: chartPng ? [{ name: CHART_FILE, data: chartPng, description: 'Mean stance per day for the busiest actors' }] : [],
  });
}
