// Views of /summary and /actor: per-actor stance with change, outlets for and against, telling articles.
import type { APIEmbed } from 'discord.js';
import type { ActorSummary, ArticleRef, OutletRank, Period } from '../../core/digest-types.js';
import { sparkline } from '../../core/chart.js';
import type { ActorView, OutletStanding, SummaryView } from '../../jobs/api.js';
import { COLOURS, labelIcon, quote, signed, titleLink, when } from './format.js';

export function periodText(p: Period): string {
  return `${when(p.from, 'f')} – ${when(p.to, 'f')}`;
}

export function stanceLine(s: ActorSummary): string {
  if (s.mean === null) return 'no analysed mentions in this period';
  const change = s.change === null ? '' : ` · ${s.change.direction} ${signed(s.change.delta)} vs previous period`;
  return `${labelIcon(s.label)} **${signed(s.mean)}** ${s.label} · ${s.n} mention${s.n === 1 ? '' : 's'} (${s.labels.negative}−/${s.labels.neutral}=/${s.labels.positive}+)${change}`;
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

function actorEmbed(v: SummaryView, s: ActorSummary): APIEmbed {
  const h = v.highlights.find((x) => x.actor === s.actor);
  const articles = h === undefined ? [] : [...h.mostNegative, ...h.mostPositive];
  return {
    title: quote(s.actor, 200),
    description: [stanceLine(s), outletsText(v.outlets.find((o) => o.actor === s.actor)), ...articles.map(articleLine)].filter(Boolean).join('\n'),
    color: s.label === null ? COLOURS.neutral : COLOURS[s.label],
  };
}

export function summaryReply(v: SummaryView): { content: string; embeds: APIEmbed[] } {
  const filter = [v.filter.actor ? `actor ${quote(v.filter.actor, 64)}` : '', v.filter.outlet ? `outlet ${quote(v.filter.outlet, 100)}` : ''].filter(Boolean).join(', ');
  const head = `**Summary** ${periodText(v.period)}${filter ? ` · ${filter}` : ''}\n${v.totals.articles} articles from ${v.totals.outlets} outlets` +
    (v.totals.notAnalysed > 0 ? ` (${v.totals.notAnalysed} not analysed: language)` : '');
  if (v.actors.length === 0) return { content: `${head}\nThis server watches no actors yet: choose some with \`/actors watch\`.`, embeds: [] };
  return { content: head, embeds: v.actors.map((s) => actorEmbed(v, s)) };
}

export function actorReply(v: ActorView, chartAttached: boolean): APIEmbed {
  const values = v.chart.series[0]?.values ?? [];
  const lines = [
    periodText(v.period), stanceLine(v.summary),
    `Trend: \`${sparkline(values, [-1, 1]) || ' '}\` (per day, −1 … +1)`,
    v.highlights.mostNegative.length > 0 ? `\n**Most negative**\n${v.highlights.mostNegative.map(articleLine).join('\n')}` : '',
    v.highlights.mostPositive.length > 0 ? `\n**Most positive**\n${v.highlights.mostPositive.map(articleLine).join('\n')}` : '',
  ];
  return {
    title: quote(v.actor, 200),
    description: lines.filter(Boolean).join('\n'),
    fields: v.outlets.length > 0 ? [{ name: 'Outlets by stance (most favourable first)', value: outletList(v.outlets.slice(0, 15)) }] : [],
    color: v.summary.label === null ? COLOURS.neutral : COLOURS[v.summary.label],
    ...(chartAttached ? { image: { url: 'attachment://stance.png' } } : {}),
  };
}
