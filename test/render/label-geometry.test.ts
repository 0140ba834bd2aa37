/**
 * Data labels, checked on the geometry Chart.js actually drew: no two labels overlap, and none
 * covers a bar's edge, a line, a marker, an axis (ticks and title) or the legend. Run on the
 * newcomer's leakage chart, on every chart of the example and default decks, and on generated charts.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { loadOutline } from '../../src/load/load.js';
import type { Chart } from '../../src/load/schema.js';
import type { ChartShape } from '../../src/plan/deck.js';
import { planDeck } from '../../src/plan/plan.js';
import { drawnChart } from '../../src/render/draw.js';
import type { ChartWithLabels } from '../../src/render/geometry.js';
import type { Rect } from '../../src/render/label-layout.js';
import { CHART_SCALE } from '../../src/plan/units.js';
import { contrastRatio, inkOn } from '../../src/theme/contrast.js';
import { chartShapeOf } from '../support/chart.js';

const live: ChartWithLabels[] = [];
afterAll(() => live.forEach((c) => c.destroy()));

function draw(shape: ChartShape): ChartWithLabels {
  const { chart } = drawnChart(shape);
  live.push(chart);
  return chart;
}

const area = (a: Rect, b: Rect): number => Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));
const within = (outer: Rect, inner: Rect): boolean => inner.x >= outer.x - 0.5 && inner.y >= outer.y - 0.5 && inner.x + inner.w <= outer.x + outer.w + 0.5 && inner.y + inner.h <= outer.y + outer.h + 0.5;
const strictlyIn = (r: Rect, x: number, y: number): boolean => x > r.x && x < r.x + r.w && y > r.y && y < r.y + r.h;

/** Every way a drawn label fails to read cleanly, as text (empty when all is well). */
function collisions(chart: ChartWithLabels): string[] {
  const labels = chart.deckgenLabels ?? [];
  const found: string[] = [];
  const name = (i: number): string => `"${labels[i]!.text}"`;
  labels.forEach((a, i) => {
    if (!within({ x: 0, y: 0, w: chart.width, h: chart.height }, a.rect)) found.push(`${name(i)} leaves the canvas`);
    labels.slice(i + 1).forEach((b, k) => area(a.rect, b.rect) > 0 && found.push(`${name(i)} overlaps ${name(i + 1 + k)}`));
    if (chart.legend && chart.options.plugins?.legend?.display) {
      const l = chart.legend;
      if (area(a.rect, { x: l.left, y: l.top, w: l.width, h: l.height }) > 0) found.push(`${name(i)} overlaps the legend`);
    }
    for (const scale of Object.values(chart.scales)) {
      if (area(a.rect, { x: scale.left, y: scale.top, w: scale.width, h: scale.height }) > 0) found.push(`${name(i)} overlaps the ${scale.id} axis`);
    }
  });
  chart.data.datasets.forEach((dataset, di) => {
    const meta = chart.getDatasetMeta(di);
    if (meta.type === 'bar') {
      for (const el of meta.data) {
        const p = el.getProps(['x', 'y', 'base', 'width', 'height', 'horizontal'], true) as unknown as { x: number; y: number; base: number; width: number; height: number; horizontal: boolean };
        const bar = p.horizontal ? { x: Math.min(p.x, p.base), y: p.y - p.height / 2, w: Math.abs(p.x - p.base), h: p.height } : { x: p.x - p.width / 2, y: Math.min(p.y, p.base), w: p.width, h: Math.abs(p.base - p.y) };
        // A haloed label may lie across a bar's body (a line's label over bars), never its value end.
        const end = p.horizontal ? { x: p.x - 2, y: bar.y, w: 4, h: bar.h } : { x: bar.x, y: p.y - 2, w: bar.w, h: 4 };
        labels.forEach((l, i) => area(l.rect, bar) > 0.5 && !within(bar, l.rect) && (!l.halo || area(l.rect, end) > 0) && found.push(`${name(i)} crosses the edge of a ${String(dataset.label)} bar`));
      }
    }
    if (meta.type === 'line') {
      const pts = meta.data.map((p) => ({ x: p.x, y: p.y }));
      // Walk each drawn segment pixel by pixel, with the line's half width either side.
      pts.slice(1).forEach((b, k) => {
        const a = pts[k]!;
        const steps = Math.ceil(Math.hypot(b.x - a.x, b.y - a.y));
        for (let s = 0; s <= steps; s++) {
          const x = a.x + ((b.x - a.x) * s) / steps;
          const y = a.y + ((b.y - a.y) * s) / steps;
          labels.forEach((l, i) => [-2, 0, 2].some((d) => strictlyIn(l.rect, x, y + d) || strictlyIn(l.rect, x + d, y)) && found.push(`${name(i)} lies on the ${String(dataset.label)} line`));
        }
      });
      for (const p of pts) labels.forEach((l, i) => area(l.rect, { x: p.x - 6, y: p.y - 6, w: 12, h: 12 }) > 0 && found.push(`${name(i)} covers a ${String(dataset.label)} marker`));
    }
  });
  return [...new Set(found)];
}

const texts = (chart: ChartWithLabels): string[] => (chart.deckgenLabels ?? []).map((l) => l.text);

describe('the newcomer\'s leakage chart', () => {
  const spec: Chart = {
    type: 'line',
    labels: ['2019', '2020', '2021', '2022', '2023', '2024'],
    series: [
      { name: 'Leakage', values: [48.2, 46.9, 44.1, 41.7, 38.4, 35.9] },
      { name: 'Target', values: [45, 44, 43, 42, 41, 40] },
    ],
    unit: '%',
    dataLabels: true,
  };

  it('names both lines at their ends, with their last values, and no legend', () => {
    const chart = draw(chartShapeOf(spec));
    expect(collisions(chart)).toEqual([]);
    expect(texts(chart)).toEqual(['Leakage  35.9%', 'Target  40%']);
    expect(chart.options.plugins?.legend?.display).toBe(false);
  });

  it('shows the 36-48 trend on an axis that starts near it, not at zero', () => {
    const chart = draw(chartShapeOf(spec));
    expect(chart.scales.y!.min).toBe(34);
    expect(chart.scales.y!.max).toBe(50);
  });

  it('reads cleanly at the chart-text size too', () => {
    expect(collisions(draw(chartShapeOf(spec, { box: { x: 0, y: 0, w: 7.6, h: 4.85 }, fontSize: 16 })))).toEqual([]);
  });
});

describe('labels on the decks\' charts', () => {
  for (const file of ['examples/all-layouts.yaml', 'deck.yaml']) {
    it(`in ${file} collide with nothing`, async () => {
      const deck = planDeck(await loadOutline(file)).deck;
      const charts = deck.slides.flatMap((s) => s.shapes).filter((s): s is ChartShape => s.kind === 'chart');
      expect(charts.length).toBeGreaterThan(2);
      for (const shape of charts) expect(collisions(draw(shape)), shape.alt).toEqual([]);
    });
  }

  it('label every bar of a simple bar chart, small bars outside', () => {
    const chart = draw(chartShapeOf({ type: 'bar', labels: ['A', 'B', 'C'], series: [{ name: 'S', values: [1200, 40, 900] }], dataLabels: true }));
    expect(texts(chart).sort()).toEqual(['1,200', '40', '900']);
    const bar = chart.getDatasetMeta(0).data[1]!;
    const label = chart.deckgenLabels!.find((l) => l.text === '40')!;
    expect(label.rect.y + label.rect.h).toBeLessThanOrEqual(bar.y);
  });
});

describe('labels inside bars and slices', () => {
  // Orange took white labels at 2.9:1, under even the 3:1 for large text: the ink is now whichever
  // of white and near-black contrasts more with the fill. Each label is checked against the colour
  // most of its box has on the drawn canvas, which is what the reader sees behind it.
  const orange = 'D9822B';
  const navy = '1D4E5F';
  const cases: [string, Chart, string[]][] = [
    ['stacked-bar', { type: 'stacked-bar', labels: ['A', 'B', 'C'], series: [{ name: 'S', values: [220, 214, 230] }, { name: 'T', values: [210, 205, 240] }], dataLabels: true }, [navy, orange]],
    ['pie', { type: 'pie', labels: ['A', 'B', 'C', 'D'], series: [{ name: 'S', values: [40, 30, 20, 10] }], dataLabels: true }, [navy, orange, navy, orange]],
  ];
  for (const [name, spec, colours] of cases) {
    it(`on a ${name} reach 4.5:1 against what lies behind them`, () => {
      const { chart, canvas } = drawnChart(chartShapeOf(spec, { colours }));
      const ctx = canvas.getContext('2d');
      const labels = (chart as ChartWithLabels).deckgenLabels ?? [];
      const behind = labels.map((l) => {
        const px = ctx.getImageData(Math.round(l.rect.x * CHART_SCALE), Math.round(l.rect.y * CHART_SCALE), Math.round(l.rect.w * CHART_SCALE), Math.round(l.rect.h * CHART_SCALE)).data;
        const counts = new Map<string, number>();
        for (let k = 0; k < px.length; k += 4) {
          const c = [px[k]!, px[k + 1]!, px[k + 2]!].map((v) => v.toString(16).padStart(2, '0')).join('');
          counts.set(c, (counts.get(c) ?? 0) + 1);
        }
        return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
      });
      chart.destroy();
      expect(behind.filter((c) => c.toUpperCase() === orange).length).toBeGreaterThanOrEqual(2);
      for (const [k, l] of labels.entries()) expect(contrastRatio(l.colour, behind[k]!), `${l.text} in ${l.colour} on #${behind[k]}`).toBeGreaterThanOrEqual(4.5);
    });
  }

  it('take the better of white and near-black on any fill', () => {
    for (const fill of ['D9822B', 'ED7D31', '1D4E5F', 'FFFFFF', '000000', '56B4E9', '8C564B', '777777']) {
      const ink = inkOn(fill);
      expect(contrastRatio(ink, fill)).toBe(Math.max(contrastRatio('FFFFFF', fill), contrastRatio('1F2933', fill)));
    }
  });
});

describe('a dense line', () => {
  it('is thinned, keeping the values a reader looks for: the last, the highest and the lowest', () => {
    const values = Array.from({ length: 40 }, (_, i) => Math.round(500 + 300 * Math.sin(i / 3) + i * 4));
    const chart = draw(chartShapeOf({ type: 'line', labels: values.map((_, i) => `${i + 1}`), series: [{ name: 'S', values }], dataLabels: true }));
    expect(collisions(chart)).toEqual([]);
    const shown = texts(chart);
    expect(shown.length).toBeLessThan(40);
    for (const v of [values.at(-1)!, Math.max(...values), Math.min(...values)]) expect(shown).toContain(String(v));
  });
});

describe('negative bars', () => {
  it('hang from a zero that is on the axis, labelled below their ends', () => {
    const chart = draw(chartShapeOf({ type: 'bar', labels: ['A', 'B'], series: [{ name: 'Change', values: [-5, -3] }], dataLabels: true }));
    expect(chart.scales.y!.max).toBe(0);
    expect(collisions(chart)).toEqual([]);
    const bar = chart.getDatasetMeta(0).data[0]!;
    const label = chart.deckgenLabels!.find((l) => l.text === '-5')!;
    expect(label.rect.y).toBeGreaterThanOrEqual(bar.y);
  });
});

const chartArb: fc.Arbitrary<Chart> = fc
  .record({
    type: fc.constantFrom('bar', 'hbar', 'stacked-bar', 'line', 'pie', 'doughnut', 'combo'),
    labels: fc.integer({ min: 2, max: 12 }),
    series: fc.integer({ min: 1, max: 5 }),
    scale: fc.constantFrom(1, 10, 1000, 0.1),
    decimals: fc.constantFrom(0, 1, 2),
    negative: fc.boolean(),
    seed: fc.array(fc.double({ min: 0.05, max: 1, noNaN: true }), { minLength: 60, maxLength: 60 }),
  })
  .map(({ type, labels, series, scale, decimals, negative, seed }) => {
    const round = type === 'pie' || type === 'doughnut';
    const count = round ? 1 : series;
    const sign = (k: number): number => (negative && !round && type !== 'stacked-bar' && k % 3 === 1 ? -1 : 1);
    return {
      type,
      labels: Array.from({ length: labels }, (_, i) => `Category ${i + 1}`),
      series: Array.from({ length: count }, (_, s) => ({
        name: `Series ${s + 1}`,
        values: Array.from({ length: labels }, (_, i) => Number((sign(i + s) * seed[(s * 12 + i) % 60]! * 100 * scale).toFixed(decimals))),
        ...(type === 'combo' && s === 1 ? { axis: 'right' as const } : {}),
      })),
      dataLabels: true,
    } as Chart;
  });

describe('values a reader looks for, where labels crowd', () => {
  const wide = { x: 0.6, y: 1.65, w: 12.1, h: 4.85 };

  it('labels a line over bars on patches of the background, clear of the bars\' ends', () => {
    // A share line over cost bars: its points sit on the bars, where no label was clear of them.
    const combo: Chart = {
      type: 'combo',
      dataLabels: true,
      labels: ['Q1 2024', 'Q2 2024', 'Q3 2024', 'Q4 2024', 'Q1 2025'],
      series: [
        { name: 'On premises', values: [2150, 2210, 2280, 2340, 1900], type: 'bar' },
        { name: 'Cloud', values: [310, 420, 560, 690, 880], type: 'bar' },
        { name: 'Cloud share', values: [12.6, 16.0, 19.7, 22.8, 31.7], type: 'line', axis: 'right' },
      ],
      yTitle: 'Cost (m)',
      y2Title: 'Share (%)',
    };
    const chart = draw(chartShapeOf(combo, { box: wide, fontSize: 18 }));
    expect(collisions(chart)).toEqual([]);
    expect(texts(chart).sort()).toEqual(['1,900', '12.6', '16.0', '19.7', '2,150', '2,210', '2,280', '2,340', '22.8', '31.7', '310', '420', '560', '690', '880'].sort());
    expect(chart.deckgenLabels!.some((l) => l.halo)).toBe(true);
  });

  it('labels both bars of a pair when their labels are wider than the bars, a row apart', () => {
    const regions: Chart = {
      type: 'bar',
      dataLabels: true,
      labels: ['North America', 'Latin America', 'Europe', 'Asia-Pacific', 'Japan', 'Oceania'],
      series: [
        { name: 'FY2023', values: [412.6, 88.1, 301.4, 176.9, 64.2, 41.0] },
        { name: 'FY2024', values: [455.3, 97.8, 318.2, 214.5, 61.7, 44.9] },
      ],
    };
    const chart = draw(chartShapeOf(regions, { box: { ...wide, w: 10.5 }, fontSize: 18 }));
    expect(collisions(chart)).toEqual([]);
    expect(texts(chart).length).toBe(12);
  });
});

describe('value axis ticks', () => {
  it('step as the plan says on a short right axis: 0, 2 ... 10, not thirds of it or an odd 1', () => {
    const rates: Chart = {
      type: 'combo',
      dataLabels: true,
      labels: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug'],
      series: [
        { name: 'Online', values: [142, 151, 160, 158, 171, 183, 190, 204], type: 'bar' },
        { name: 'Store', values: [98, 95, 101, 104, 99, 107, 111, 109], type: 'bar' },
        { name: 'Returns', values: [8.4, 8.1, 7.9, 7.6, 7.7, 7.2, 6.9, 6.8], type: 'line', axis: 'right' },
        { name: 'Cancellations', values: [3.1, 3.4, 2.9, 2.7, 2.8, 2.5, 2.6, 2.2], type: 'line', axis: 'right' },
      ],
      yTitle: 'Orders',
      y2Title: 'Rate (%)',
    };
    const chart = draw(chartShapeOf(rates, { box: { x: 0.6, y: 1.65, w: 12.1, h: 4.85 }, fontSize: 18 }));
    expect(chart.scales.y2!.ticks.map((t) => t.value)).toEqual([0, 2, 4, 6, 8, 10]);
  });
});

describe('a rising line\'s last value', () => {
  it('stands above the plot\'s top gridline when that is where its room is, or slides in from the edge', () => {
    const values = [18420, 19105, 18870, 20340, 21010, 20780, 22150, 21890, 23400, 23120, 24650, 24010, 25890, 26340, 25720, 27110, 27980, 27450, 28900, 29620];
    const labels = ['Wk 1 (Jan 6-12)', 'Wk 2 (Jan 13-19)', 'Wk 3 (Jan 20-26)', 'Wk 4 (Jan 27-Feb 2)', 'Wk 5 (Feb 3-9)', 'Wk 6 (Feb 10-16)', 'Wk 7 (Feb 17-23)', 'Wk 8 (Feb 24-Mar 2)', 'Wk 9 (Mar 3-9)', 'Wk 10 (Mar 10-16)', 'Wk 11 (Mar 17-23)', 'Wk 12 (Mar 24-30)', 'Wk 13 (Mar 31-Apr 6)', 'Wk 14 (Apr 7-13)', 'Wk 15 (Apr 14-20)', 'Wk 16 (Apr 21-27)', 'Wk 17 (Apr 28-May 4)', 'Wk 18 (May 5-11)', 'Wk 19 (May 12-18)', 'Wk 20 (May 19-25)'];
    const weeks: Chart = { type: 'line', dataLabels: true, labels, series: [{ name: 'Parcels', values }], yTitle: 'Parcels per week' };
    const chart = draw(chartShapeOf(weeks, { box: { x: 0.6, y: 1.65, w: 12.1, h: 4.85 }, fontSize: 18 }));
    expect(collisions(chart)).toEqual([]);
    expect(texts(chart)).toContain('29,620');
  });
});

describe('crowded clusters', () => {
  it('give the latest series its last and highest values before the earlier series\' others', () => {
    const waves: Chart = {
      type: 'bar',
      dataLabels: true,
      labels: ['Customer service', 'Logistics', 'Finance', 'Human resources', 'IT support', 'Marketing', 'Sales', 'Legal', 'Procurement', 'R&D', 'Facilities', 'Quality assurance'],
      series: [
        { name: 'Wave 1', values: [72.4, 65.1, 70.8, 68.2, 61.5, 74.9, 77.3, 69.0, 63.4, 80.2, 58.7, 71.6] },
        { name: 'Wave 2', values: [74.1, 66.9, 71.2, 69.5, 64.8, 73.6, 78.9, 70.4, 65.0, 81.5, 60.2, 72.8] },
        { name: 'Wave 3', values: [76.8, 69.3, 72.0, 71.1, 67.2, 75.4, 80.1, 71.9, 66.7, 82.9, 62.5, 74.3] },
      ],
    };
    const chart = draw(chartShapeOf(waves, { box: { x: 0.6, y: 1.65, w: 12.1, h: 4.85 }, fontSize: 18 }));
    expect(collisions(chart)).toEqual([]);
    // Wave 3's last (74.3) and highest (82.9) values.
    expect(texts(chart)).toEqual(expect.arrayContaining(['74.3', '82.9']));
  });
});

describe('labels on generated charts', () => {
  it('never overlap each other, bars, lines, axes or the legend', () => {
    fc.assert(
      fc.property(chartArb, fc.constantFrom(16, 18), (spec, fontSize) => {
        const box = fontSize === 18 ? { x: 0, y: 0, w: 12.13, h: 4.85 } : { x: 0, y: 0, w: 7.6, h: 4.85 };
        const chart = draw(chartShapeOf(spec, { box, fontSize }));
        expect(collisions(chart)).toEqual([]);
        // Lines are named at their ends when there is no legend.
        if (spec.type === 'line' && spec.series.length > 1) expect(texts(chart).length).toBe(spec.series.length);
      }),
      { numRuns: 60, seed: 13 },
    );
  });
});
