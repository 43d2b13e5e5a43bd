import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { stanceBarsSvg } from '../../src/core/chart-bars.js';
import { OKABE_ITO } from '../../src/core/chart-svg.js';
import { signed } from '../../src/core/signed.js';
import { escapeXml } from '../../src/core/xml-escape.js';
import { dayLabel, sparkline, stanceChartSvg } from '../../src/core/chart.js';

function parse(svg: string) {
  return new DOMParser().parseFromString(svg, 'image/svg+xml');
}

const days = ['2025-03-10', '2025-03-11', '2025-03-12', '2025-03-13'];

describe('stanceChartSvg', () => {
  const svg = stanceChartSvg({
    days,
    series: [
      { name: 'Russia', values: [-0.4, -0.5, null, -0.7] },
      { name: 'A <&> "B"', values: [0.2, 0.3, 0.1, 0.9] },
    ],
  });
  const doc = parse(svg);
  const texts = [...doc.querySelectorAll('text')];

  it('is 800×400 with a white background', () => {
    const root = doc.querySelector('svg');
    expect([root?.getAttribute('width'), root?.getAttribute('height')]).toEqual(['800', '400']);
    expect(doc.querySelector('rect')?.getAttribute('fill')).toBe('#ffffff');
  });

  it('writes every label as real text in DejaVu Sans at 14 px or more', () => {
    expect(texts.length).toBeGreaterThan(8);
    for (const t of texts) {
      expect(t.getAttribute('font-family')).toBe('DejaVu Sans');
      expect(Number(t.getAttribute('font-size'))).toBeGreaterThanOrEqual(14);
    }
    const content = texts.map((t) => t.textContent);
    expect(content).toEqual(expect.arrayContaining(['Russia', 'A <&> "B"', '0', '+1', '−1', '10 Mar', '13 Mar']));
    expect(svg).toContain(escapeXml('A <&> "B"'));
  });

  it('breaks a line at a missing day and marks every value with a dot', () => {
    const lines = [...doc.querySelectorAll('polyline')];
    expect(lines.map((l) => l.getAttribute('points')?.split(' ').length)).toEqual([2, 4]);
    expect(doc.querySelectorAll('circle').length).toBe(7);
    expect(lines.map((l) => l.getAttribute('stroke'))).toEqual([OKABE_ITO[0], OKABE_ITO[1]]);
  });

  it('maps stance to height with zero in the middle of the plot', () => {
    const dots = [...doc.querySelectorAll('circle')].map((c) => Number(c.getAttribute('cy')));
    const [russia0, , , , other0] = dots;
    expect(russia0).toBeGreaterThan(other0 as number);
    const zero = [...doc.querySelectorAll('line')].find((l) => l.getAttribute('stroke-width') === '1.5');
    const y0 = Number(zero?.getAttribute('y1'));
    const yTop = Number(texts.find((t) => t.textContent === '+1')?.getAttribute('y')) - 5;
    const yBottom = Number(texts.find((t) => t.textContent === '−1')?.getAttribute('y')) - 5;
    expect(y0).toBeCloseTo((yTop + yBottom) / 2, 0);
  });

  it('sets markers of different actors on the same day side by side, never overlapping', () => {
    for (const n of [7, 30]) {
      const span = Array.from({ length: n }, (_, i) => `2025-04-${String(i + 1).padStart(2, '0')}`);
      const series = ['A', 'B', 'C', 'D'].map((name) => ({ name, values: span.map(() => 0.2) }));
      const dots = [...parse(stanceChartSvg({ days: span, series })).querySelectorAll('circle')]
        .map((c) => ({ x: Number(c.getAttribute('cx')), r: Number(c.getAttribute('r')) }));
      expect(dots).toHaveLength(4 * n);
      const firstDay = [0, n, 2 * n, 3 * n].map((k) => dots[k]!);
      for (let i = 1; i < 4; i++) expect(firstDay[i]!.x - firstDay[i - 1]!.x).toBeGreaterThanOrEqual(firstDay[i]!.r * 2);
      const step = dots[1]!.x - dots[0]!.x;
      expect(firstDay[3]!.x - firstDay[0]!.x).toBeLessThan(step);
    }
  });

  it('says so when there is nothing to draw', () => {
    const empty = stanceChartSvg({ days, series: [{ name: 'Russia', values: [null, null, null, null] }] });
    expect(empty).toContain('No analysed mentions in this period');
    expect(svg).not.toContain('No analysed mentions');
  });

  it('thins day labels so they do not overlap on long periods', () => {
    const many = Array.from({ length: 30 }, (_, i) => `2025-04-${String(i + 1).padStart(2, '0')}`);
    const doc30 = parse(stanceChartSvg({ days: many, series: [] }));
    const labels = [...doc30.querySelectorAll('text')].filter((t) => / Apr$/.test(t.textContent ?? ''));
    expect(labels.length).toBeLessThan(30);
    const xs = labels.map((t) => Number(t.getAttribute('x')));
    for (let i = 1; i < xs.length; i++) expect((xs[i] as number) - (xs[i - 1] as number)).toBeGreaterThanOrEqual(60);
  });
});

describe('stanceBarsSvg', () => {
  it('draws one bar per value, hostile bars left of zero in vermillion', () => {
    const doc = parse(stanceBarsSvg([{ label: 'Herald', value: 0.5, note: '(3)' }, { label: 'Dawn', value: -2 }], { title: 'Outlets on Russia' }));
    const bars = [...doc.querySelectorAll('rect')].slice(1);
    expect(bars.map((b) => b.getAttribute('fill'))).toEqual([OKABE_ITO[0], OKABE_ITO[1]]);
    const [pos, neg] = bars.map((b) => Number(b.getAttribute('width')));
    expect(neg).toBeCloseTo((pos as number) * 2, 0);
    expect([...doc.querySelectorAll('text')].map((t) => t.textContent)).toEqual(
      expect.arrayContaining(['Outlets on Russia', 'Herald (3)', '+0.50', '−1.00']));
  });
});

describe('sparkline and helpers', () => {
  it('scales to its own range, or a fixed one, with spaces for gaps', () => {
    expect(sparkline([0, 1, 2, 3, 4, 5, 6, 7])).toBe('▁▂▃▄▅▆▇█');
    expect(sparkline([-1, null, 0, 1], [-1, 1])).toBe('▁ ▅█');
    expect(sparkline([5, 5])).toBe('▄▄');
    expect(sparkline([null])).toBe(' ');
    expect(sparkline([-3, 3], [-1, 1])).toBe('▁█');
  });
  it('formats signed numbers and day labels', () => {
    expect([signed(0.5), signed(-0.125), signed(-0.001)]).toEqual(['+0.50', '−0.13', '0.00']);
    expect(dayLabel('2025-12-01')).toBe('1 Dec');
  });
});
