import { afterAll, describe, expect, it } from 'vitest';
import { TWINS } from '../../src/font-twins.js';
import { twinFiles } from '../../src/fonts.js';
import type { ChartShape } from '../../src/plan/deck.js';
import { chartShapeOf } from '../support/chart.js';
import { TWIN_TABLES } from '../../src/plan/metrics/advance.js';
import { CHART_SCALE, chartCanvasSize } from '../../src/plan/units.js';
import { chartKey, createChartCache, renderChart } from '../../src/render/charts.js';
import { startRenderer } from '../../src/render/renderer.js';
import { sniff } from '../../src/render/images.js';

const renderer = startRenderer();
afterAll(() => renderer.close());

function shape(over: Partial<ChartShape> = {}): ChartShape {
  const spec = over.spec ?? { type: 'bar', labels: ['A', 'B'], series: [{ name: 'S', values: [1, 2] }], dataLabels: true };
  return chartShapeOf(spec, { colours: ['0B3C5D', 'D9822B'], ...over });
}

describe('chart rendering', () => {
  it('draws a PNG at twice the placed size of its box', async () => {
    for (const box of [
      { x: 0, y: 0, w: 7.5, h: 4.85 },
      { x: 0, y: 0, w: 12.133, h: 4.85 },
      { x: 0, y: 0, w: 3.1, h: 2 },
    ]) {
      const rendered = await renderChart(shape({ box }), createChartCache(), renderer);
      const header = sniff(rendered.png)!;
      const css = chartCanvasSize(box);
      expect(header.mime).toBe('image/png');
      expect(header.width).toBe(css.width * CHART_SCALE);
      expect(header.height).toBe(css.height * CHART_SCALE);
      expect([rendered.pixelWidth, rendered.pixelHeight]).toEqual([header.width, header.height]);
    }
  });

  it('draws every chart type', async () => {
    const types = ['bar', 'hbar', 'stacked-bar', 'line', 'pie', 'doughnut', 'combo'] as const;
    for (const type of types) {
      const spec = { ...shape().spec, type, series: type === 'pie' || type === 'doughnut' ? [{ name: 'S', values: [1, 2] }] : [{ name: 'S', values: [1, 2] }, { name: 'T', values: [3, 1], axis: 'right' as const }] };
      const { png } = await renderChart(shape({ spec }), createChartCache(), renderer);
      expect(png.length, type).toBeGreaterThan(2000);
    }
  });

  it('draws a chart once per content, whatever slide it is on', async () => {
    const cache = createChartCache();
    const a = await renderChart(shape(), cache, renderer);
    const b = await renderChart(shape({ box: { ...shape().box, x: 3, y: 2 } }), cache, renderer);
    expect(cache.size).toBe(1);
    expect(b.png).toBe(a.png);
  });

  it('keys the cache on everything that changes the pixels', () => {
    const base = chartKey(shape());
    expect(chartKey(shape({ fontSize: 14 }))).not.toBe(base);
    expect(chartKey(shape({ box: { ...shape().box, w: 7 } }))).not.toBe(base);
    expect(chartKey(shape({ colours: ['000000'] }))).not.toBe(base);
    expect(chartKey(shape({ background: 'EEEEEE' }))).not.toBe(base);
    expect(chartKey(shape({ box: { ...shape().box, x: 5 } }))).toBe(base);
  });

  it('draws with the twin of the deck font, and with the outline\'s own font file', async () => {
    const draw = async (over: Partial<ChartShape>): Promise<Buffer> => Buffer.from((await renderChart(shape(over), createChartCache(), renderer)).png);
    const calibri = await draw({});
    const georgia = await draw({ font: 'Georgia' });
    expect(georgia.equals(calibri)).toBe(false);
    // Gelasio's file given as the outline's own font "House Serif": the same pixels as Georgia's twin.
    const gelasio = TWINS.find((t) => t.family === 'Gelasio')!;
    const files = twinFiles(gelasio, 'woff').filter((f) => /latin-(ext-)?[47]00-/.test(f)).map((f) => ({ path: f, sha256: f }));
    const own = await draw({ font: 'House Serif', ownFont: { files, widths: TWIN_TABLES.Gelasio } });
    expect(own.equals(calibri)).toBe(false);
    expect(own.equals(georgia)).toBe(true);
  });

  it('keys the cache on the content of the outline\'s own font files', () => {
    const ownFont = (sha256: string) => ({ files: [{ path: '/x/brand.ttf', sha256 }], widths: TWIN_TABLES.Carlito });
    expect(chartKey(shape({ font: 'Brand', ownFont: ownFont('a') }))).not.toBe(chartKey(shape({ font: 'Brand', ownFont: ownFont('b') })));
    expect(chartKey(shape({ font: 'Brand', ownFont: ownFont('a') }))).not.toBe(chartKey(shape({ font: 'Brand' })));
  });

  it('draws the same bytes every time', async () => {
    const a = await renderChart(shape(), createChartCache(), renderer);
    const b = await renderChart(shape(), createChartCache(), renderer);
    expect(Buffer.from(a.png).equals(Buffer.from(b.png))).toBe(true);
  });
});

describe('image headers', () => {
  it('reads PNG and JPEG sizes and refuses anything else', () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000320000001f40806000000', 'hex');
    expect(sniff(png)).toEqual({ mime: 'image/png', width: 800, height: 500 });
    const jpeg = Buffer.from('ffd8ffe000104a46494600010100000100010000ffc0001108012c019003012200021101031101', 'hex');
    expect(sniff(jpeg)).toEqual({ mime: 'image/jpeg', width: 400, height: 300 });
    expect(sniff(Buffer.from('GIF89a'))).toBeUndefined();
    expect(sniff(Buffer.alloc(0))).toBeUndefined();
  });
});
