// Views of /summary and /actor: per-actor stance with change, outlets for and against, telling articles, and
// (/actor) the voices quoted about the actor.
import type { APIEmbed } from 'discord.js';
import type { ActorSummary, ArticleRef, OutletRank, Period } from '../../core/digest-types.js';
import { sparkline } from '../../core/chart.js';
import { voicesLine } from '../../core/digest-voices.js';
import type { ActorView, OutletStanding, SummaryView } from '../../jobs/api.js';
import { LIMITS } from '../limits.js';
import { safeText } from '../render/escape.js';
import { truncate } from '../render/truncate.js';
import { COLOURS, labelCounts, labelIcon, plural, quote, signed, titleLink, when } from './format.js';

/** The server's setup as far as a summary cares: feeds, how many were tried and fetched successfully, watched actors. */
export interface ServerState {
  feeds: number;
  tried: number;
  fetched: number;
  watched: number;
}

export function periodText(p: Period): string {
  return `${when(p.from, 'f')} – ${when(p.to, 'f')}`;
}

export function stanceLine(s: ActorSummary): string {
  if (s.mean === null) return 'no analysed mentions in this period';
  const change = s.change === null ? '' : ` · ${s.change.direction} ${signed(s.change.delta)} vs previous period`;
  return `${labelIcon(s.label)} **${signed(s.mean)}** ${s.label} · ${plural(s.n, 'mention')} (${labelCounts(s.labels)})${change}`;
}

const outletList = (rows: readonly OutletRank[]): string => rows.map((r) => `${quote(r.outlet, 60)} ${signed(r.mean)} (${r.n})`).join(', ');

export function articleLine(a: ArticleRef): string {
  const evidence = a.evidence ? `\n> ${quote(a.evidence, 280)}` : '';
  return `${signed(a.score)} ${titleLink(a.title, a.link, 150)} · ${quote(a.outlet, 60)}${evidence}`;
}

function outletsText(o: OutletStanding | undefined): string {
  if (o === undefined) return '';
  const parts = [o.mostFor.length > 0 ? `For: ${outletList(o.mostFor)}` : '', o.mostAgainst.length > 0 ? `Against: ${outletList(o.mostAgainst)}` : ''];
  return parts.filter(Boolean).join('\n');
}

/** "24 hours", "7 days": the length of a period in the unit the period choices use. */
function spanText(p: Period): string {
  const hours = Math.round((p.to - p.from) / 3_600_000);
  return hours <= 48 ? plural(hours, 'hour') : plural(Math.round(hours / 24), 'day');
}

/** Why a summary has little or nothing to show, in the order a server sets things up. */
export function missingNotes(v: SummaryView, server: ServerState): string[] {
  const notes: string[] = [];
  const mentioned = v.actors.some((a) => a.n > 0);
  if (server.feeds === 0) notes.push('This server follows no feeds yet: add one with `/feeds add`.');
  else if (server.fetched === 0 && server.tried > 0) notes.push(`None of this server's ${plural(server.feeds, 'feed')} could be fetched yet (\`/feeds list\` shows why).`);
  else if (server.fetched === 0) notes.push(`This server follows ${plural(server.feeds, 'feed')}, not fetched yet: articles appear after the first fetch, usually within minutes (\`/feeds list\` shows the status).`);
  else if (v.totals.articles === 0) notes.push('No articles were stored in this period; a longer `period` may show some.');
  else if (v.filter.outlet && !mentioned) notes.push('No analysed mentions from this outlet in this period (outlet names as `/feeds list` shows them).');
  if (server.watched === 0 && !v.filter.actor) {
    notes.push(`This server watches no actors yet${mentioned ? ': shown are the actors mentioned' : ''}; choose some with \`/actors watch\`.`);
  } else if (v.totals.articles > 0 && !v.filter.outlet && !mentioned) notes.push('None of these actors is mentioned in this period\'s articles.');
  return notes;
}

function details(v: SummaryView, s: ActorSummary): string[] {
  const h = v.highlights.find((x) => x.actor === s.actor);
  const articles = h === undefined ? [] : [...h.mostNegative, ...h.mostPositive];
  return [outletsText(v.outlets.find((o) => o.actor === s.actor)), ...articles.map(articleLine)].filter(Boolean);
}

/**
 * One compact embed: totals, one line per watched actor, what is missing when there is little to show, and
 * where the details are (/actor). Details (outlets, telling articles) only when the summary is about one actor.
 */
export function summaryReply(v: SummaryView, server: ServerState): { embeds: APIEmbed[] } {
  const filter = [v.filter.actor ? `actor ${quote(v.filter.actor, 64)}` : '', v.filter.outlet ? `outlet ${quote(v.filter.outlet, 100)}` : ''].filter(Boolean).join(', ');
  const totals = `${plural(v.totals.articles, 'article')} from ${plural(v.totals.outlets, 'outlet')}` +
    (v.totals.notAnalysed > 0 ? ` (${v.totals.notAnalysed} not analysed: language)` : '');
  const one = v.actors.length === 1 ? v.actors[0] : undefined;
  const actorLines = one !== undefined
    ? [stanceLine(one), ...details(v, one)]
    : v.actors.map((s) => `**${quote(s.actor, 64)}** ${stanceLine(s)}`);
  const mentioned = v.actors.find((s) => s.n > 0);
  const pointer = one === undefined && mentioned !== undefined
    ? [`-# Trend, outlets and telling articles of one actor: /actor name: ${quote(mentioned.actor, 64)}`] : [];
  const lines = [periodText(v.period), totals, '', ...actorLines, ...missingNotes(v, server), ...pointer];
  return {
    embeds: [{
      title: truncate(`Summary: last ${spanText(v.period)}${filter ? ` · ${filter}` : ''}`, LIMITS.embedTitle),
      description: truncate(lines.join('\n').trim(), LIMITS.embedDescription),
      color: one?.label ? COLOURS[one.label] : COLOURS.info,
    }],
  };
}

/** Speaker names, outlets and the whole line are cut so that the line stays short. */
const VOICES_LINE = 700;

/** "Voices on NATO (7 days): Dmitry Peskov [Russia] (TASS, RT) −, …" (reported speech, not the outlets' stance). */
export function voicesText(v: Pick<ActorView, 'actor' | 'period' | 'voices'>): string {
  if (v.voices.length === 0) return '';
  const line = voicesLine(v.voices, (text) => safeText(truncate(text, 60)));
  return `Voices on ${quote(v.actor, 64)} (${spanText(v.period)}): ${truncate(line, VOICES_LINE)}\n-# Who the articles quote about ${quote(v.actor, 64)}: − against, + for, ± neutral.`;
}

export function actorReply(v: ActorView, chartAttached: boolean): APIEmbed {
  const values = v.chart.series[0]?.values ?? [];
  const lines = [
    periodText(v.period), stanceLine(v.summary),
    `Trend: \`${sparkline(values, [-1, 1]) || ' '}\` (per day, −1 … +1)`,
    voicesText(v),
    v.highlights.mostNegative.length > 0 ? `\n**Most negative**\n${v.highlights.mostNegative.map(articleLine).join('\n')}` : '',
    v.highlights.mostPositive.length > 0 ? `\n**Most positive**\n${v.highlights.mostPositive.map(articleLine).join('\n')}` : '',
  ];
  return {
    title: quote(v.actor, 200),
    description: truncate(lines.filter(Boolean).join('\n'), LIMITS.embedDescription),
    fields: v.outlets.length > 0 ? [{ name: 'Outlets by stance (most favourable first)', value: outletList(v.outlets.slice(0, 15)) }] : [],
    color: v.summary.label === null ? COLOURS.neutral : COLOURS[v.summary.label],
    ...(chartAttached ? { image: { url: 'attachment://stance.png' } } : {}),
  };
}
