// One story's outlets × actors as a heat map (/story): each cell is the outlet's author stance toward the actor in
// the story, vermillion (hostile) through white to blue (favourable), Okabe–Ito ends so it reads for colour-blind
// eyes, with the value printed in the cell (so it reads in greyscale too); "—" where the outlet took no stance.
import { OKABE_ITO, TITLE_SIZE, fmt, svgOpen, svgText, textWidth } from './chart-svg.js';
import { signed } from './signed.js';
import type { StoryComparison } from './story-types.js';
import { escapeXml } from './xml-escape.js';

export interface StoryChartOptions {
  title: string;
  /** Rows shown at most; the rest are counted below the chart. Default 12. */
  maxOutlets?: number;
}

const ROW = 34;
const CELL = 118;
const MAX_LABEL = 26;
const MAX_HEAD = 14;

function shorten(text: string, max: number): string {
  return [...text].length > max ? `${[...text].slice(0, max - 1).join('')}…` : text;
}

const rgb = (hex: string): [number, number, number] => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];

/** White at 0, vermillion at −1, blue at +1 (linear in RGB). */
export function stanceColour(value: number): string {
  const v = Math.max(-1, Math.min(1, value));
  const end = rgb(v < 0 ? OKABE_ITO[1] : OKABE_ITO[0]);
  const t = Math.abs(v);
  return `#${end.map((c) => Math.round(255 + (c - 255) * t).toString(16).padStart(2, '0')).join('')}`;
}

/** SVG heat map; its height grows with the outlets, its width with the actors. */
export function storyChartSvg(c: Pick<StoryComparison, 'mainActors' | 'outlets'>, options: StoryChartOptions): string {
  const outlets = c.outlets.slice(0, options.maxOutlets ?? 12);
  const more = c.outlets.length - outlets.length;
  const labels = outlets.map((o) => shorten(o.outlet, MAX_LABEL));
  const labelWidth = Math.max(80, ...labels.map((l) => textWidth(l)));
  const left = 16 + labelWidth + 12;
  const width = Math.max(480, Math.ceil(left + Math.max(1, c.mainActors.length) * CELL + 20));
  const top = 84;
  const height = top + Math.max(1, outlets.length) * ROW + (more > 0 ? 60 : 40);
  const parts = [
    svgOpen(width, height),
    `<title>${escapeXml(options.title)}</title>`,
    svgText(16, 28, shorten(options.title, Math.floor((width - 32) / (TITLE_SIZE * 0.62))), { size: TITLE_SIZE, weight: 'bold' }),
    svgText(16, 52, 'Author stance per outlet (−1 hostile … +1 favourable); — no stance', { fill: '#555555' }),
  ];
  c.mainActors.forEach((actor, j) => {
    parts.push(svgText(left + j * CELL + CELL / 2, top - 10, shorten(actor, MAX_HEAD), { anchor: 'middle', weight: 'bold' }));
  });
  outlets.forEach((o, i) => {
    const y = top + i * ROW;
    parts.push(svgText(left - 12, y + ROW / 2 + 5, labels[i] as string, { anchor: 'end' }));
    c.mainActors.forEach((actor, j) => {
      const s = o.stances[actor];
      const x = left + j * CELL;
      const fill = s ? stanceColour(s.score) : '#f2f2f2';
      parts.push(`<rect x="${fmt(x + 2)}" y="${fmt(y + 2)}" width="${CELL - 4}" height="${ROW - 4}" fill="${fill}" stroke="#cccccc"/>`);
      const text = s ? signed(s.score) : '—';
      parts.push(svgText(x + CELL / 2, y + ROW / 2 + 5, text, { anchor: 'middle', fill: s && Math.abs(s.score) > 0.7 ? '#ffffff' : '#222222' }));
    });
  });
  if (more > 0) parts.push(svgText(16, top + outlets.length * ROW + 28, `+${more} more ${more === 1 ? 'outlet' : 'outlets'}`, { fill: '#555555' }));
  parts.push('</svg>');
  return parts.join('\n');
}
