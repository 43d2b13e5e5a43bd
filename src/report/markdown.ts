// Digest -> Markdown (GitHub-flavoured: tables, linked titles, evidence as block quotes), for the
// no-Discord output folder and the demo.
import { signed } from '../core/signed.js';
import { notChartedNote } from '../core/chart.js';
import type { DigestStories } from '../core/digest-stories.js';
import type { ActorSummary, ActorVoices, ArticleRef, Digest, OutletCell, RisingTerm } from '../core/digest-types.js';
import { voicesLine } from '../core/digest-voices.js';
import { wallTime } from '../core/tz.js';

export interface MarkdownOptions {
  /** Zone the period and dates are shown in. Default UTC. */
  timeZone?: string;
  /** Relative path of the chart PNG written next to the Markdown, if any. */
  chartFile?: string;
  /** Heading text. Default "Stance digest". */
  title?: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MAX_QUOTE = 300;

/** Escapes characters that Markdown would read as formatting in inline text and table cells. */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/([\\`*_[\]<>|#])/g, '\\$1');
}

function safeUrl(url: string): string {
  return url.replace(/[\s()<>]/g, (c) => encodeURIComponent(c));
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function dateTime(t: number, tz: string): string {
  const w = wallTime(t, tz);
  return `${w.day} ${MONTHS[w.month - 1]} ${w.year} ${pad(w.hour)}:${pad(w.minute)}`;
}

function date(t: number, tz: string): string {
  const w = wallTime(t, tz);
  return `${w.day} ${MONTHS[w.month - 1]} ${w.year}`;
}

function header(d: Digest, o: Required<Omit<MarkdownOptions, 'chartFile'>>): string[] {
  const skipped = d.notAnalysed ? ` · ${d.notAnalysed} not analysed (unsupported language)` : '';
  return [
    `# ${escapeMarkdown(o.title)}: ${dateTime(d.period.from, o.timeZone)} – ${dateTime(d.period.to, o.timeZone)} (${o.timeZone})`,
    '',
    `**${d.articles}** ${d.articles === 1 ? 'article' : 'articles'} from **${d.outlets}** ${d.outlets === 1 ? 'outlet' : 'outlets'}${skipped}`,
  ];
}

function changeText(a: ActorSummary): string {
  if (!a.change) return a.n > 0 ? 'new' : '—';
  return a.change.direction === '=' ? '=' : `${a.change.direction} ${Math.abs(a.change.delta).toFixed(2)}`;
}

function actorTable(actors: ActorSummary[]): string[] {
  if (!actors.length) return [];
  const rows = actors.map((a) => {
    const mean = a.mean === null ? '—' : signed(a.mean);
    return `| ${escapeMarkdown(a.actor)} | ${mean} | ${a.label ?? 'no mentions'} | ${changeText(a)} | ${a.n} |`;
  });
  return ['', '## Actors', '', '| Actor | Mean stance | Label | Change | Mentions |', '|---|---:|---|---|---:|', ...rows];
}

function articleLines(marker: string, a: ArticleRef, tz: string): string[] {
  const title = escapeMarkdown(a.title) || '(untitled)';
  const linked = a.link ? `[${title}](${safeUrl(a.link)})` : title;
  const lines = [`- ${marker} **${signed(a.score)}** ${linked} — *${escapeMarkdown(a.outlet)}*, ${date(a.published, tz)}`];
  if (a.evidence) {
    const text = a.evidence.replace(/\s+/g, ' ').trim();
    const clipped = [...text].length > MAX_QUOTE ? `${[...text].slice(0, MAX_QUOTE - 1).join('')}…` : text;
    lines.push(`  > ${escapeMarkdown(clipped)}`);
  }
  return lines;
}

function highlights(d: Digest, tz: string): string[] {
  const blocks = d.highlights.filter((h) => h.mostNegative.length || h.mostPositive.length);
  if (!blocks.length) return [];
  const out = ['', '## Most telling articles'];
  for (const h of blocks) {
    out.push('', `### ${escapeMarkdown(h.actor)}`, '');
    for (const a of h.mostNegative) out.push(...articleLines('▼', a, tz));
    for (const a of h.mostPositive) out.push(...articleLines('▲', a, tz));
  }
  return out;
}

/** Own stance "+0.30 (4)"; "q −0.40 (3)" when the outlet only quoted others about the actor. */
function cell(c: OutletCell | null): string {
  if (c && c.n === 0 && c.quoted) return `q ${signed(c.quoted.mean)} (${c.quoted.n})`;
  return c && c.n > 0 ? `${signed(c.mean)} (${c.n})` : '—';
}

function voicesSection(voices: ActorVoices[] | undefined): string[] {
  if (!voices?.length) return [];
  return [
    '', '## Voices quoted', '', 'Who the articles quote about each actor and how (reported speech, not the outlets\' own stance): − against, + for, ± neutral.', '',
    ...voices.map((a) => `- **${escapeMarkdown(a.actor)}**: ${voicesLine(a.voices, escapeMarkdown)}`),
  ];
}

function outletSection(d: Digest): string[] {
  const t = d.outletTable;
  if (!t.rows.length || !t.actors.length) return [];
  return [
    '', '## Outlets × actors', '', 'Mean stance (mentions) per outlet, busiest outlets first.', '',
    `| Outlet | ${t.actors.map(escapeMarkdown).join(' | ')} |`,
    `|---|${t.actors.map(() => '---:').join('|')}|`,
    ...t.rows.map((r) => `| ${escapeMarkdown(r.outlet)} | ${r.cells.map(cell).join(' | ')} |`),
    ...(t.rows.some((r) => r.cells.some((c) => c !== null && c.n === 0 && c.quoted))
      ? ['', 'q: the outlet only quoted others about the actor (their mean stance, articles); no stance of its own.'] : []),
  ];
}

function termLine(t: RisingTerm): string {
  return `- **${escapeMarkdown(t.term)}**: ${t.count} ${t.count === 1 ? 'use' : 'uses'} (${t.expected.toFixed(1)} expected at the earlier rate)`;
}

function termsSection(terms: RisingTerm[]): string[] {
  if (!terms.length) return [];
  return ['', '## Rising framing terms', '', ...terms.map(termLine)];
}

function splitText(s: DigestStories['splits'][number] | NonNullable<DigestStories['top'][number]['split']>): string {
  return `**${escapeMarkdown(s.actor)}**: ${escapeMarkdown(s.most.outlet)} ${signed(s.most.score)} … ${escapeMarkdown(s.least.outlet)} ${signed(s.least.score)} (${s.spread.toFixed(2)} apart)`;
}

function storiesSection(stories: DigestStories | undefined): string[] {
  if (!stories?.top.length) return [];
  return [
    '', '## Stories across outlets', '', 'The period\'s stories covered by two outlets or more, with the widest split of each (how far apart the outlets\' stances on one actor are).', '',
    ...stories.top.flatMap((s) => [
      `- ${escapeMarkdown(s.title) || '(untitled)'}: ${s.outlets} outlets, ${s.articles} ${s.articles === 1 ? 'article' : 'articles'}`,
      ...(s.split ? [`  - ${splitText(s.split)}`] : []),
    ]),
    ...(stories.splits.length ? ['', '### Biggest splits', '', ...stories.splits.map((s) => `- ${splitText(s)} in *${escapeMarkdown(s.title)}*`)] : []),
  ];
}

/** The digest as a Markdown document (ends with a newline). */
export function digestToMarkdown(d: Digest, options: MarkdownOptions = {}): string {
  const o = { timeZone: options.timeZone ?? 'UTC', title: options.title ?? 'Stance digest' };
  const lines = [...header(d, o)];
  if (d.articles === 0) lines.push('', 'No new articles in this period.');
  lines.push(...actorTable(d.actors), ...highlights(d, o.timeZone), ...voicesSection(d.voices), ...outletSection(d), ...termsSection(d.risingTerms), ...storiesSection(d.stories));
  if (options.chartFile && d.chart.series.length) {
    lines.push('', '## Stance over time', '', `![Mean stance per day](${safeUrl(options.chartFile)})`);
    const note = notChartedNote(d.actors, d.chart);
    if (note) lines.push('', escapeMarkdown(`${note}.`));
  }
  return `${lines.join('\n')}\n`;
}
