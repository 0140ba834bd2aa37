/**
 * Category labels under vertical bars and lines are wrapped to their category's width, measured
 * from the plot (the box less the value axes), so neighbours never run into each other: on the
 * drawn chart, each label's widest line ends at least a few pixels before the next one starts.
 * "Greater China" and "Latin America" once printed as "Greater ChinaLatin America", because the
 * width was guessed from the box alone and a wide value axis ("2,000,000,000") went unseen.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { loadOutline } from '../../src/load/load.js';
import type { Chart } from '../../src/load/schema.js';
import type { ChartShape } from '../../src/plan/deck.js';
import { planDeck } from '../../src/plan/plan.js';
import { drawnChart } from '../../src/render/draw.js';
import { chartShapeOf } from '../support/chart.js';

type Drawn = ReturnType<typeof drawnChart>;
const live: Drawn[] = [];
afterAll(() => live.forEach((d) => d.chart.destroy()));

/** Gaps, in CSS pixels, between neighbouring category labels as drawn. */
function gaps(shape: ChartShape): number[] {
  const drawn = drawnChart(shape);
  live.push(drawn);
  const scale = drawn.chart.scales.x!;
  const ctx = drawn.canvas.getContext('2d');
  const boxes = scale.getLabelItems().map((item) => {
    ctx.font = (item as unknown as { font: { string: string } }).font.string;
    const lines = Array.isArray(item.label) ? item.label : [item.label];
    const width = Math.max(...lines.map((l) => ctx.measureText(String(l)).width));
    return { left: item.options.translation![0]! - width / 2, right: item.options.translation![0]! + width / 2 };
  });
  return boxes.slice(1).map((b, i) => b.left - boxes[i]!.right);
}

const regions: Chart = {
  type: 'bar',
  labels: ['North America and Canada (excluding Mexico)', 'Western Europe incl. United Kingdom and Ireland', 'Central and Eastern Europe', 'Middle East and Africa', 'Asia-Pacific excluding Greater China', 'Greater China', 'Latin America and the Caribbean'],
  series: [
    { name: 'FY2022', values: [1250000000, 830000000, -120000000, -45000000, 410000000, 290000000, 95000000] },
    { name: 'FY2023', values: [1390000000, 910000000, -80000000, -61000000, 455000000, 240000000, 120000000] },
    { name: 'FY2024', values: [1510000000, 870000000, 15000000, -72000000, 502000000, 198000000, 133000000] },
  ],
  unit: 'USD',
  dataLabels: true,
};

describe('category labels', () => {
  it('stay apart beside a wide value axis, on a full-width chart and a half-width one', () => {
    for (const w of [12.1, 7.5]) {
      const shape = chartShapeOf(regions, { box: { x: 0.6, y: 1.65, w, h: 4.85 } });
      for (const g of gaps(shape)) expect(g, `box ${w} in`).toBeGreaterThanOrEqual(3);
    }
  });

  it('stay apart with a right axis too (combo)', () => {
    const combo: Chart = { ...regions, type: 'combo', series: [regions.series[0]!, { name: 'Margin', values: [12.5, 9.1, -2.3, -1.1, 8.8, 7.4, 3.2], type: 'line', axis: 'right' }], y2Title: 'Margin (%)' };
    for (const g of gaps(chartShapeOf(combo))) expect(g).toBeGreaterThanOrEqual(3);
  });

  for (const file of ['deck.yaml', 'examples/all-layouts.yaml']) {
    it(`stay apart on every vertical chart of ${file}`, async () => {
      const deck = planDeck(await loadOutline(file)).deck;
      const charts = deck.slides.flatMap((s) => s.shapes).filter((s): s is ChartShape => s.kind === 'chart' && !['hbar', 'pie', 'doughnut'].includes(s.spec.type));
      expect(charts.length).toBeGreaterThan(0);
      for (const shape of charts) for (const g of gaps(shape)) expect(g, shape.alt).toBeGreaterThanOrEqual(3);
    });
  }
});
