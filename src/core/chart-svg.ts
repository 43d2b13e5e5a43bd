// Small SVG-writing helpers shared by the charts: text, lines, palette. Text is always real <text> in
// "DejaVu Sans" (the font the PNG renderer loads explicitly) at 14 px or more, legible at Discord's preview size.
import { escapeXml } from './xml-escape.js';

/** Okabe–Ito colours, reordered for contrast on white (the yellow is left out: too pale for lines). */
export const OKABE_ITO = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'] as const;

/** Dash patterns paired with the colours, so lines stay distinct in greyscale too. */
export const DASHES = ['', '10 5', '3 4', '14 4 3 4'] as const;

export const FONT_FAMILY = 'DejaVu Sans';
export const FONT_SIZE = 14;
export const TITLE_SIZE = 18;
/** Rough advance width of a DejaVu Sans character, as a fraction of the font size (for layout only). */
const CHAR_WIDTH_EM = 0.62;

/** Estimated rendered width of `text` in pixels. */
export function textWidth(text: string, size = FONT_SIZE): number {
  return [...text].length * size * CHAR_WIDTH_EM;
}

export interface TextOptions {
  size?: number;
  anchor?: 'start' | 'middle' | 'end';
  weight?: 'bold';
  fill?: string;
}

export function svgText(x: number, y: number, text: string, o: TextOptions = {}): string {
  const attrs = [
    `x="${fmt(x)}"`, `y="${fmt(y)}"`, `font-family="${FONT_FAMILY}"`, `font-size="${o.size ?? FONT_SIZE}"`,
    `fill="${o.fill ?? '#222222'}"`,
  ];
  if (o.anchor && o.anchor !== 'start') attrs.push(`text-anchor="${o.anchor}"`);
  if (o.weight) attrs.push(`font-weight="${o.weight}"`);
  return `<text ${attrs.join(' ')}>${escapeXml(text)}</text>`;
}

export function svgLine(x1: number, y1: number, x2: number, y2: number, stroke: string, width = 1): string {
  return `<line x1="${fmt(x1)}" y1="${fmt(y1)}" x2="${fmt(x2)}" y2="${fmt(y2)}" stroke="${stroke}" stroke-width="${width}"/>`;
}

/** Opening tag with a white background (Discord's dark theme would swallow dark text on transparency). */
export function svgOpen(width: number, height: number): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`
    + `<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`;
}

export function fmt(n: number): string {
  return String(Math.round(n * 10) / 10);
}
