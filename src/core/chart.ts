// "Stance over time" as a self-contained SVG: one line per actor, y in [-1, 1] with a zero line, a tick per
// day (actors' markers side by side within it), a legend above the plot. Default size 800×400, the size Discord previews an attached image at.
// Also a Unicode sparkline for text-only output.
import { DASHES, OKABE_ITO, TITLE_SIZE, fmt, svgLine, svgOpen, svgText, textWidth } from './chart-svg.js';
import { escapeXml } from './xml-escape.js';
import type { ActorSummary, StanceChartData } from './digest-types.js';

export interface ChartOptions {
  title?: string;
  width?: number;
  height?: number;
}

interface Frame {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const Y_TICKS: [number, string][] = [[1, '+1'], [0.5, '+0.5'], [0, '0'], [-0.5, '−0.5'], [-1, '−1']];
const LEGEND_ROW = 24;
const BLOCKS = '▁▂▃▄▅▆▇█';

/** "2025-03-14" -> "14 Mar". */
export function dayLabel(day: string): string {
  const [, month, date] = day.split('-');
  return `${Number(date)} ${MONTHS[Number(month) - 1] ?? ''}`;
}

function colour(i: number): string {
  return OKABE_ITO[i % OKABE_ITO.length] as string;
}

function dash(i: number): string {
  const d = DASHES[i % DASHES.length] as string;
  return d ? ` stroke-dasharray="${d}"` : '';
}

/** Legend entries laid out in rows that fit the width; returns the SVG and the number of rows. */
function legend(names: string[], left: number, maxX: number, y0: number): { svg: string[]; rows: number } {
  const svg: string[] = [];
  let x = left;
  let row = 0;
  names.forEach((name, i) => {
    const w = 34 + textWidth(name) + 18;
    if (x > left && x + w > maxX) {
      row += 1;
      x = left;
    }
    const y = y0 + row * LEGEND_ROW;
    svg.push(`<line x1="${fmt(x)}" y1="${fmt(y - 5)}" x2="${fmt(x + 28)}" y2="${fmt(y - 5)}" stroke="${colour(i)}" stroke-width="3"${dash(i)}/>`);
    svg.push(svgText(x + 34, y, name));
    x += w;
  });
  return { svg, rows: names.length ? row + 1 : 0 };
}

function yAxis(f: Frame, y: (v: number) => number): string[] {
  return Y_TICKS.flatMap(([v, label]) => [
    v === 0 ? svgLine(f.left, y(v), f.right, y(v), '#444444', 1.5) : svgLine(f.left, y(v), f.right, y(v), '#dddddd'),
    svgText(f.left - 8, y(v) + 5, label, { anchor: 'end' }),
  ]);
}

function xAxis(f: Frame, days: string[], x: (i: number) => number): string[] {
  const out = [svgLine(f.left, f.bottom, f.right, f.bottom, '#444444')];
  const every = Math.max(1, Math.ceil((days.length * 64) / (f.right - f.left)));
  days.forEach((day, i) => {
    out.push(svgLine(x(i), f.bottom, x(i), f.bottom + 5, '#444444'));
    if (i % every === 0) out.push(svgText(x(i), f.bottom + 22, dayLabel(day), { anchor: 'middle' }));
  });
  return out;
}

/**
 * Where series `i` of `count` sits within a day's band: side by side, centred on the day's tick, so markers of
 * different actors on the same day never cover each other. Returns the offset and a dot radius that fits.
 */
export function dayOffset(i: number, count: number, step: number): { dx: number; r: number } {
  if (count <= 1) return { dx: 0, r: 4 };
  const gap = Math.min(12, (step * 0.8) / (count - 1));
  return { dx: (i - (count - 1) / 2) * gap, r: Math.max(2, Math.min(4, gap / 2 - 0.5)) };
}

/** Runs of consecutive non-null values as polylines, and a dot on every value. */
function seriesMarks(values: (number | null)[], i: number, x: (i: number) => number, y: (v: number) => number, r = 4): string[] {
  const out: string[] = [];
  let run: string[] = [];
  const flush = (): void => {
    if (run.length > 1) out.push(`<polyline points="${run.join(' ')}" fill="none" stroke="${colour(i)}" stroke-width="3" stroke-linejoin="round"${dash(i)}/>`);
    run = [];
  };
  values.forEach((v, d) => {
    if (v === null) return flush();
    const clamped = Math.max(-1, Math.min(1, v));
    run.push(`${fmt(x(d))},${fmt(y(clamped))}`);
    out.push(`<circle cx="${fmt(x(d))}" cy="${fmt(y(clamped))}" r="${fmt(r)}" fill="${colour(i)}"/>`);
  });
  flush();
  return out;
}

/** SVG line chart of per-day mean stance. Series beyond the palette reuse colours with other dashes. */
export function stanceChartSvg(data: StanceChartData, options: ChartOptions = {}): string {
  const width = options.width ?? 800;
  const height = options.height ?? 400;
  const title = options.title ?? 'Mean stance per day (−1 hostile, +1 favourable)';
  const names = data.series.map((s) => s.name);
  const leg = legend(names, 64, width - 20, 56);
  const f: Frame = { left: 64, right: width - 20, top: 56 + leg.rows * LEGEND_ROW, bottom: height - 40 };
  const step = (f.right - f.left) / Math.max(1, data.days.length);
  const x = (i: number): number => f.left + (i + 0.5) * step;
  const y = (v: number): number => f.top + ((1 - v) / 2) * (f.bottom - f.top);
  const hasData = data.series.some((s) => s.values.some((v) => v !== null));
  const parts = [
    svgOpen(width, height),
    `<title>${escapeXml(title)}</title>`,
    svgText(16, 28, title, { size: TITLE_SIZE, weight: 'bold' }),
    ...leg.svg,
    ...yAxis(f, y),
    ...xAxis(f, data.days, x),
    ...data.series.flatMap((s, i) => {
      const { dx, r } = dayOffset(i, data.series.length, step);
      return seriesMarks(s.values, i, (d) => x(d) + dx, y, r);
    }),
  ];
  if (!hasData) parts.push(svgText((f.left + f.right) / 2, (f.top + f.bottom) / 2 - 12, 'No analysed mentions in this period', { anchor: 'middle', fill: '#666666' }));
  parts.push('</svg>');
  return parts.join('\n');
}

/** Actors with mentions in the period that the chart leaves out (it shows only the busiest few), busiest first. */
export function notCharted(actors: readonly ActorSummary[], chart: StanceChartData): string[] {
  const charted = new Set(chart.series.map((s) => s.name));
  return actors.filter((a) => a.n > 0 && !charted.has(a.actor)).map((a) => a.actor);
}

/** "Not charted: X, Y (the chart shows the 4 actors with the most mentions)", or '' when every actor is charted. */
export function notChartedNote(actors: readonly ActorSummary[], chart: StanceChartData): string {
  const left = notCharted(actors, chart);
  if (left.length === 0) return '';
  const k = chart.series.length;
  return `Not charted: ${left.join(', ')} (the chart shows the ${k === 1 ? 'actor' : `${k} actors`} with the most mentions)`;
}

/**
 * Unicode block sparkline ("▁▃▅█"), one character per value; null is a space. Values are scaled into
 * `range` (default: their own min..max; a flat series sits in the middle). Values outside are clamped.
 */
export function sparkline(values: (number | null)[], range?: [number, number]): string {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (!present.length) return values.map(() => ' ').join('');
  const [lo, hi] = range ?? [Math.min(...present), Math.max(...present)];
  return values.map((v) => {
    if (v === null || !Number.isFinite(v)) return ' ';
    if (hi <= lo) return BLOCKS[3];
    const t = Math.max(0, Math.min(1, (v - lo) / (hi - lo)));
    return BLOCKS[Math.round(t * (BLOCKS.length - 1))];
  }).join('');
}
