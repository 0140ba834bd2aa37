/**
 * The native half of render: Chart.js on @napi-rs/canvas, and image decoding. Loaded in the
 * render worker (or in-process when no worker can start), never by load or plan.
 */
import '../no-system-fonts.js';
import type { Canvas } from '@napi-rs/canvas';
import { napiCanvas } from '../canvas.js';
import { Chart, registerables } from 'chart.js';
import { metricFamily, registerFontFile, registerFonts } from '../fonts.js';
import type { ChartShape } from '../plan/deck.js';
import { chartCanvasSize } from '../plan/units.js';
import { chartConfig } from './chart-config.js';
import { background, dataLabels, legendGap } from './data-labels.js';
import type { ChartWithLabels } from './geometry.js';
import { encodePng } from './png.js';

let ready = false;

/** Fonts and Chart.js plugins, once; the worker calls it at start so the first chart is not slower. */
export function warmUp(): void {
  if (ready) return;
  registerFonts();
  Chart.register(...registerables, background, dataLabels, legendGap);
  ready = true;
}

/** The chart, drawn on its canvas; the caller destroys it. Tests read its geometry from here. */
export function drawnChart(shape: ChartShape): { chart: ChartWithLabels; canvas: Canvas } {
  warmUp();
  const { width, height } = chartCanvasSize(shape.box);
  const canvas = napiCanvas().createCanvas(width, height);
  for (const f of shape.ownFont?.files ?? []) registerFontFile(f.path, shape.font);
  const family = shape.ownFont ? shape.font : metricFamily(shape.font);
  Chart.defaults.font.family = family;
  const chart = new Chart(canvas.getContext('2d') as unknown as ConstructorParameters<typeof Chart>[0], chartConfig(shape, family));
  return { chart, canvas };
}

export function drawChart(shape: ChartShape): Promise<Uint8Array> {
  const { chart, canvas } = drawnChart(shape);
  try {
    // data() copies the pixels; destroy() clears the canvas, so it comes second.
    return encodePng(canvas.data(), canvas.width, canvas.height);
  } finally {
    chart.destroy();
  }
}

/** Decodes an image fully: a file whose header looks right can still be damaged further in. */
export async function decodes(bytes: Uint8Array): Promise<boolean> {
  const image = await napiCanvas().loadImage(Buffer.from(bytes)).catch(() => undefined);
  return !!image && image.width > 0 && image.height > 0;
}
