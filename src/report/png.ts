// SVG -> PNG with resvg. Fonts are loaded explicitly from the dejavu-fonts-ttf package and system fonts are
// not consulted, so a chart renders the same on every machine and its text can never silently vanish
// for want of a font.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { FONT_FAMILY } from '../core/chart-svg.js';
import { stanceChartSvg, type ChartOptions } from '../core/chart.js';
import type { StanceChartData } from '../core/digest-types.js';
import { err, ok, type Result } from '../core/result.js';

const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'];

/** Absolute paths of the bundled DejaVu Sans TTFs. */
export function dejaVuFontFiles(): string[] {
  const pkg = createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json');
  return FONT_FILES.map((f) => join(dirname(pkg), 'ttf', f));
}

export interface PngOptions {
  /** Output width in pixels; the height follows the SVG's aspect ratio. Default: the SVG's own width. */
  width?: number;
}

/** Rasterises an SVG document; a malformed SVG is an error value, not an exception. */
export function svgToPng(svg: string, options: PngOptions = {}): Result<Buffer, string> {
  const fontFiles = dejaVuFontFiles();
  const missing = fontFiles.filter((f) => !existsSync(f));
  if (missing.length) return err(`chart fonts missing: ${missing.join(', ')}`);
  try {
    const resvg = new Resvg(svg, {
      font: { fontFiles, loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
      fitTo: options.width ? { mode: 'width', value: options.width } : { mode: 'original' },
      background: '#ffffff',
    });
    return ok(resvg.render().asPng());
  } catch (e) {
    return err(`could not render chart: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** The digest's "stance over time" chart as PNG (800×400 unless a width is given). */
export function stanceChartPng(data: StanceChartData, options: ChartOptions & PngOptions = {}): Result<Buffer, string> {
  return svgToPng(stanceChartSvg(data, options), { width: options.width });
}
