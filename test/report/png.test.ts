import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { svgOpen, svgText } from '../../src/core/chart-svg.js';
import { dejaVuFontFiles, stanceChartPng, svgToPng } from '../../src/report/png.js';
import { buildDigest } from '../../src/core/digest.js';
import { fixtureInput } from '../core/digest-fixture.js';
import { darkPixels, decodePng } from './png-decode.js';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from the IHDR chunk, which must directly follow the signature. */
function ihdr(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).equals(SIGNATURE)).toBe(true);
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

function render(svg: string): Buffer {
  const r = svgToPng(svg);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

describe('svgToPng', () => {
  it('finds the bundled DejaVu fonts', () => {
    for (const f of dejaVuFontFiles()) expect(existsSync(f)).toBe(true);
  });

  it('renders the digest chart as an 800×400 PNG', () => {
    const r = stanceChartPng(buildDigest(fixtureInput()).chart);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(ihdr(r.value)).toEqual({ width: 800, height: 400 });
    const title = darkPixels(decodePng(r.value), { x0: 10, y0: 10, x1: 400, y1: 34 });
    expect(title).toBeGreaterThan(500);
  });

  it('scales to a requested width, keeping the aspect ratio', () => {
    const r = stanceChartPng(buildDigest(fixtureInput()).chart, { width: 400, height: 300 });
    if (!r.ok) throw new Error(r.error);
    expect(ihdr(r.value)).toEqual({ width: 400, height: 300 });
  });

  it('draws text: the same image with and without a label differs', () => {
    const base = `${svgOpen(200, 60)}`;
    const plain = render(`${base}</svg>`);
    const labelled = render(`${base}${svgText(10, 40, 'Stance')}</svg>`);
    expect(ihdr(labelled)).toEqual({ width: 200, height: 60 });
    expect(labelled.equals(plain)).toBe(false);
    const box = { x0: 0, y0: 0, x1: 200, y1: 60 };
    expect(darkPixels(decodePng(plain), box)).toBe(0);
    const ink = darkPixels(decodePng(labelled), { x0: 10, y0: 25, x1: 80, y1: 45 });
    expect(ink).toBeGreaterThan(40);
    expect(darkPixels(decodePng(labelled), box)).toBe(ink);
    const otherLabel = render(`${base}${svgText(10, 40, 'Russia')}</svg>`);
    expect(otherLabel.equals(labelled)).toBe(false);
  });

  it('returns an error value for a malformed SVG', () => {
    const r = svgToPng('<svg xmlns="http://www.w3.org/2000/svg"><text>');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/could not render chart/);
  });
});
