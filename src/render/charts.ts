/** Charts to PNG at twice their placed size, each drawn once per content (cached by hash). */
import { createHash } from 'node:crypto';
import type { ChartShape, RenderedChart } from '../plan/deck.js';
import { CHART_SCALE, chartCanvasSize } from '../plan/units.js';
import type { Renderer } from './renderer.js';

/** Rendered charts by content hash: an unchanged chart is never drawn twice (watch mode, repeats). */
export type ChartCache = Map<string, Promise<Uint8Array>>;
export const createChartCache = (): ChartCache => new Map();

export function chartKey(shape: ChartShape): string {
  const { box, spec, colours, font, textColour, gridColour, background, fontSize } = shape;
  const size = { w: box.w, h: box.h };
  // The outline's own font draws by its content: the same file anywhere, a changed file anew.
  const fontFiles = shape.ownFont?.files.map((f) => f.sha256);
  return createHash('sha256').update(JSON.stringify({ size, spec, colours, font, fontFiles, textColour, gridColour, background, fontSize })).digest('hex');
}

export async function renderChart(shape: ChartShape, cache: ChartCache, renderer: Renderer): Promise<RenderedChart> {
  const key = chartKey(shape);
  let png = cache.get(key);
  if (!png) {
    png = renderer.chart(shape);
    cache.set(key, png);
    png.catch(() => cache.delete(key));
  }
  const { width, height } = chartCanvasSize(shape.box);
  return { ...shape, png: await png, pixelWidth: width * CHART_SCALE, pixelHeight: height * CHART_SCALE };
}
