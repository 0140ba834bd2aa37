/**
 * Charts to PNG: Chart.js on @napi-rs/canvas at twice the placed size. Drawing is synchronous;
 * PNG encoding runs off the main thread, so charts encode concurrently.
 */
import '../no-system-fonts.js';
import { createHash } from 'node:crypto';
import { createCanvas } from '@napi-rs/canvas';
import { Chart, registerables } from 'chart.js';
import { metricFamily } from '../fonts.js';
import type { ChartShape, RenderedChart } from '../plan/deck.js';
import { CHART_SCALE, inToCssPx } from '../plan/units.js';
import { chartConfig } from './chart-config.js';
import { dataLabels, legendGap } from './data-labels.js';

let registered = false;
function setup(): void {
  if (registered) return;
  Chart.register(...registerables, dataLabels, legendGap);
  registered = true;
}

/** Rendered charts by content hash: an unchanged chart is never drawn twice (watch mode, repeats). */
export type ChartCache = Map<string, Promise<Uint8Array>>;
export const createChartCache = (): ChartCache => new Map();

export function chartKey(shape: ChartShape): string {
  const { box, spec, colours, font, textColour, gridColour, fontSize } = shape;
  const size = { w: box.w, h: box.h };
  return createHash('sha256').update(JSON.stringify({ size, spec, colours, font, textColour, gridColour, fontSize })).digest('hex');
}

export function pixelSize(shape: ChartShape): { width: number; height: number } {
  return { width: Math.round(inToCssPx(shape.box.w)), height: Math.round(inToCssPx(shape.box.h)) };
}

function draw(shape: ChartShape): Promise<Uint8Array> {
  setup();
  const { width, height } = pixelSize(shape);
  const canvas = createCanvas(width, height);
  const family = metricFamily(shape.font);
  Chart.defaults.font.family = family;
  const chart = new Chart(canvas.getContext('2d') as unknown as ConstructorParameters<typeof Chart>[0], chartConfig(shape, family));
  try {
    chart.draw();
    // encode() snapshots the pixels before returning; destroy() clears the canvas, so it comes second.
    return canvas.encode('png');
  } finally {
    chart.destroy();
  }
}

export async function renderChart(shape: ChartShape, cache: ChartCache): Promise<RenderedChart> {
  const key = chartKey(shape);
  let png = cache.get(key);
  if (!png) {
    png = draw(shape);
    cache.set(key, png);
    png.catch(() => cache.delete(key));
  }
  const { width, height } = pixelSize(shape);
  return { ...shape, png: await png, pixelWidth: width * CHART_SCALE, pixelHeight: height * CHART_SCALE };
}
