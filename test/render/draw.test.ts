/**
 * The worker draws every chart of a size on one kept canvas (src/render/draw.ts): what it draws
 * there must be byte for byte what a new canvas gives, whatever was drawn on it before.
 */
import { Chart as ChartJs } from 'chart.js';
import { describe, expect, it } from 'vitest';
import { napiCanvas } from '../../src/canvas.js';
import { TWINS } from '../../src/font-twins.js';
import { metricFamily } from '../../src/fonts.js';
import type { Chart } from '../../src/load/schema.js';
import type { ChartShape } from '../../src/plan/deck.js';
import { chartCanvasSize } from '../../src/plan/units.js';
import { chartConfig } from '../../src/render/chart-config.js';
import { drawChart, warmUp } from '../../src/render/draw.js';
import { encodePng } from '../../src/render/png.js';
import { chartShapeOf } from '../support/chart.js';

/** The chart on a new canvas of its CSS size, which Chart.js sizes itself: how charts were drawn before canvases were kept. */
async function onNewCanvas(shape: ChartShape): Promise<Buffer> {
  warmUp();
  const { width, height } = chartCanvasSize(shape.box);
  const canvas = napiCanvas().createCanvas(width, height);
  const family = metricFamily(shape.font);
  ChartJs.defaults.font.family = family;
  const chart = new ChartJs(canvas.getContext('2d') as unknown as ConstructorParameters<typeof ChartJs>[0], chartConfig(shape, family));
  try {
    return await encodePng(canvas.data(), canvas.width, canvas.height);
  } finally {
    chart.destroy();
  }
}

const bar: Chart = { type: 'bar', labels: ['North', 'South', 'East'], series: [{ name: 'Units', values: [3, 5, 2] }], dataLabels: true };
const lines: Chart = {
  type: 'line',
  labels: ['Q1', 'Q2', 'Q3', 'Q4'],
  series: [
    { name: 'Laptops', values: [1, 4, 2, 5] },
    { name: 'Printers', values: [2, 1, 3, 2] },
  ],
  dataLabels: true,
};
const doughnut: Chart = { type: 'doughnut', labels: ['A', 'B', 'C'], series: [{ name: 'Share', values: [5, 3, 2] }], dataLabels: false };

describe('drawing on kept canvases', () => {
  it('draws a chart exactly as on a new canvas, after other charts of the same and other sizes', async () => {
    const wide = { x: 0, y: 0, w: 12.133, h: 4.85 };
    const first = chartShapeOf(bar);
    const expected = await onNewCanvas(first);
    expect(Buffer.from(await drawChart(first)).equals(expected)).toBe(true);
    // Other charts on the same canvas (other fonts, colours and state) and on others.
    await drawChart(chartShapeOf(lines, { font: 'Georgia', background: '1F2933', textColour: 'FFFFFF' }));
    await drawChart(chartShapeOf(doughnut, { box: wide }));
    await drawChart(chartShapeOf(lines, { box: { ...wide, h: 3 } }));
    expect(Buffer.from(await drawChart(first)).equals(expected)).toBe(true);
    const wideBar = chartShapeOf(bar, { box: wide });
    expect(Buffer.from(await drawChart(wideBar)).equals(await onNewCanvas(wideBar))).toBe(true);
  });

  it('draws charts in flight at once as each alone', async () => {
    const shapes = [chartShapeOf(bar), chartShapeOf(lines), chartShapeOf(doughnut), chartShapeOf(bar, { fontSize: 12 })];
    const together = await Promise.all(shapes.map((s) => drawChart(s)));
    for (const [i, s] of shapes.entries()) expect(Buffer.from(together[i]!).equals(await onNewCanvas(s)), s.spec.type).toBe(true);
  });

  it('registers the twin of each deck font before drawing with it (twins register on first use)', async () => {
    for (const twin of TWINS) {
      await drawChart(chartShapeOf(bar, { font: twin.names[0]! }));
      expect(napiCanvas().GlobalFonts.has(twin.family), twin.family).toBe(true);
    }
  });
});

describe('a chart with two value axes', () => {
  it('draws both zeros at one height when the right axis has negative values, on the same gridlines, and lists its series in order', async () => {
    const { drawnChart } = await import('../../src/render/draw.js');
    const spec: Chart = {
      type: 'combo',
      labels: ['Q1', 'Q2', 'Q3', 'Q4', 'Q5', 'Q6'],
      series: [
        { name: 'Revenue', values: [820, 760, 1390, 1960, 2100, 2350], type: 'bar' },
        { name: 'Margin', values: [4.1, -2.3, 6.8, 9.4, 8.1, 11.2], type: 'line', axis: 'right' },
      ],
      dataLabels: true,
    };
    const { chart } = drawnChart(chartShapeOf(spec));
    try {
      const [y, y2] = [chart.scales.y!, chart.scales.y2!];
      expect(Math.abs(y.getPixelForValue(0) - y2.getPixelForValue(0))).toBeLessThan(0.5);
      expect(y.ticks.map((t) => Math.round(y.getPixelForValue(t.value)))).toEqual(y2.ticks.map((t) => Math.round(y2.getPixelForValue(t.value))));
      // The legend names the series in the outline's order, bars first here, though lines are drawn last.
      expect(chart.legend!.legendItems!.map((i) => i.text)).toEqual(['Revenue', 'Margin']);
    } finally {
      chart.destroy();
    }
  });
});

describe('a pie legend of two columns', () => {
  it('starts both columns at the top, level with each other', async () => {
    const { drawnChart } = await import('../../src/render/draw.js');
    const labels = ['United States of America', 'Germany', 'Japan', 'United Kingdom', 'France', 'China', 'Canada', 'Brazil', 'India', 'Australia', 'South Korea', 'Rest of world'];
    const spec: Chart = { type: 'pie', labels, series: [{ name: 'Revenue', values: [38.2, 9.1, 7.4, 6.3, 5.0, 4.8, 3.9, 3.1, 2.7, 2.2, 1.8, 15.5] }], unit: '%', dataLabels: true };
    const { chart } = drawnChart(chartShapeOf(spec, { box: { x: 0.6, y: 1.65, w: 12.1, h: 4.85 } }));
    try {
      const boxes = (chart.legend as unknown as { legendHitBoxes: { left: number; top: number }[] }).legendHitBoxes;
      const columns = [...new Set(boxes.map((b) => Math.round(b.left)))];
      expect(columns.length).toBe(2);
      const tops = columns.map((left) => Math.min(...boxes.filter((b) => Math.round(b.left) === left).map((b) => b.top)));
      expect(Math.abs(tops[0]! - tops[1]!)).toBeLessThan(1);
    } finally {
      chart.destroy();
    }
  });
});
