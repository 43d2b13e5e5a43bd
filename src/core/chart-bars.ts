// Horizontal bar chart of stances in [-1, 1] around a zero line, e.g. outlets ranked by stance toward one
// actor (/actor). Favourable bars in Okabe–Ito blue, hostile ones in vermillion, each with its value printed.
import { OKABE_ITO, TITLE_SIZE, fmt, svgLine, svgOpen, svgText, textWidth } from './chart-svg.js';
import { signed } from './signed.js';
import { escapeXml } from './xml-escape.js';

export interface Bar {
  label: string;
  /** In [-1, 1]; clamped. */
  value: number;
  /** Shown after the label, e.g. "(12)" for the number of articles. */
  note?: string;
}

export interface BarChartOptions {
  title: string;
  width?: number;
}

const ROW = 30;
const MAX_LABEL = 28;

function shorten(text: string): string {
  return [...text].length > MAX_LABEL ? `${[...text].slice(0, MAX_LABEL - 1).join('')}…` : text;
}

/** SVG bar chart; its height grows with the number of bars. */
export function stanceBarsSvg(bars: Bar[], options: BarChartOptions): string {
  const width = options.width ?? 800;
  const labels = bars.map((b) => shorten(b.note ? `${b.label} ${b.note}` : b.label));
  const labelWidth = Math.min(width * 0.4, Math.max(80, ...labels.map((l) => textWidth(l))));
  const labelX = 16 + labelWidth;
  const left = labelX + 66;
  const right = width - 70;
  const top = 50;
  const height = top + Math.max(1, bars.length) * ROW + 40;
  const zero = (left + right) / 2;
  const half = (right - left) / 2;
  const parts = [
    svgOpen(width, height),
    `<title>${escapeXml(options.title)}</title>`,
    svgText(16, 28, options.title, { size: TITLE_SIZE, weight: 'bold' }),
  ];
  bars.forEach((b, i) => {
    const v = Math.max(-1, Math.min(1, b.value));
    const y = top + i * ROW;
    const x = v < 0 ? zero + v * half : zero;
    const fill = v < 0 ? OKABE_ITO[1] : OKABE_ITO[0];
    parts.push(svgText(labelX, y + 20, labels[i] as string, { anchor: 'end' }));
    parts.push(`<rect x="${fmt(x)}" y="${fmt(y + 6)}" width="${fmt(Math.abs(v) * half)}" height="${ROW - 10}" fill="${fill}"/>`);
    const valueX = v < 0 ? zero + v * half - 6 : zero + v * half + 6;
    parts.push(svgText(valueX, y + 20, signed(v), { anchor: v < 0 ? 'end' : 'start' }));
  });
  const bottom = top + Math.max(1, bars.length) * ROW;
  parts.push(svgLine(zero, top, zero, bottom, '#444444', 1.5));
  parts.push(svgText(left, bottom + 24, '−1 hostile', { fill: '#555555' }));
  parts.push(svgText(right, bottom + 24, 'favourable +1', { anchor: 'end', fill: '#555555' }));
  parts.push('</svg>');
  return parts.join('\n');
}
