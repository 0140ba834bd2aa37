/**
 * The native half of render: Chart.js on @napi-rs/canvas, and image decoding. Loaded in the
 * render worker (or in-process when no worker can start), never by load or plan.
 */
import '../no-system-fonts.js';
import type { Canvas } from '@napi-rs/canvas';
import { napiCanvas } from '../canvas.js';
import { ArcElement, BarController, BarElement, CategoryScale, Chart, DoughnutController, Legend, LinearScale, LineController, LineElement, PieController, PointElement } from 'chart.js';
import { metricFamily, registerFontFile, registerFonts, twinCovers } from '../fonts.js';
import type { ChartShape } from '../plan/deck.js';
import { CHART_SCALE, chartCanvasSize } from '../plan/units.js';
import { chartConfig } from './chart-config.js';
import { background, dataLabels, legendGap } from './data-labels.js';
import type { ChartWithLabels } from './geometry.js';
import { encodePng } from './png.js';

let ready = false;

/**
 * The default font (Calibri's twin, with the canvas's font scan) and Chart.js plugins, once; the
 * worker calls it at start so the first chart is not slower. Other twins register on first use.
 */
export function warmUp(): void {
  if (ready) return;
  metricFamily('Calibri');
  // Only what chart-config.ts uses. Every registered plugin is called at each of a chart's hooks
  // (Tooltip, Title, Filler, Decimation and Colors do nothing for these charts), so the full set
  // cost ~3 ms a chart for the same pixels.
  Chart.register(BarController, LineController, DoughnutController, PieController, BarElement, LineElement, PointElement, ArcElement, CategoryScale, LinearScale, Legend, background, dataLabels, legendGap);
  ready = true;
}

/** Every string in the chart's shape: labels, series names, units, title, notes. */
function stringsOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(stringsOf).join('');
  if (value && typeof value === 'object') return Object.values(value).map(stringsOf).join('');
  return '';
}

/**
 * The chart, drawn on its canvas; the caller destroys it. Tests read its geometry from here.
 * `canvas`, if given, is a canvas at the chart's device size (CSS size times CHART_SCALE) that no
 * live chart uses; it is reset first, so it draws exactly as a new one would.
 */
export function drawnChart(shape: ChartShape, canvas?: Canvas): { chart: ChartWithLabels; canvas: Canvas } {
  warmUp();
  const { width, height } = chartCanvasSize(shape.box);
  const target = canvas ?? napiCanvas().createCanvas(width * CHART_SCALE, height * CHART_SCALE);
  const ctx = target.getContext('2d');
  if (canvas) ctx.reset();
  // Chart.js takes the chart's size from context.canvas and then sets that canvas to device size,
  // which would allocate the pixels twice more: it is shown a stand-in of the CSS size instead,
  // and sizing the stand-in changes nothing, as the canvas already has the device size.
  Object.defineProperty(ctx, 'canvas', { configurable: true, value: { width, height, getContext: () => ctx } });
  // Every twin first, in order, whenever a glyph might come from another one: then the canvas
  // has the same faces to fall back on as when all were registered at start.
  const twin = shape.ownFont ? undefined : metricFamily(shape.font);
  if (!twin || !twinCovers(twin, stringsOf(shape))) registerFonts();
  for (const f of shape.ownFont?.files ?? []) registerFontFile(f.path, shape.font);
  const family = twin ?? shape.font;
  Chart.defaults.font.family = family;
  const chart = new Chart(ctx as unknown as ConstructorParameters<typeof Chart>[0], chartConfig(shape, family));
  return { chart, canvas: target };
}

/**
 * Canvases kept for the next chart of the same size: a new canvas per chart is pixels the size of
 * the chart to allocate, clear and leave to the garbage collector. Keyed by device size; most
 * decks have one or two chart sizes.
 */
const spare = new Map<string, Canvas>();
const SPARE_CANVASES = 2;

export function drawChart(shape: ChartShape): Promise<Uint8Array> {
  const { width, height } = chartCanvasSize(shape.box);
  const key = `${width}x${height}`;
  const kept = spare.get(key);
  spare.delete(key);
  const { chart, canvas } = drawnChart(shape, kept);
  try {
    // data() copies the pixels; destroy() clears the canvas, so it comes second.
    return encodePng(canvas.data(), canvas.width, canvas.height);
  } finally {
    chart.destroy();
    spare.set(key, canvas);
    for (const old of spare.keys()) if (spare.size > SPARE_CANVASES) spare.delete(old);
  }
}

/** Decodes an image fully: a file whose header looks right can still be damaged further in. */
export async function decodes(bytes: Uint8Array): Promise<boolean> {
  const image = await napiCanvas().loadImage(Buffer.from(bytes)).catch(() => undefined);
  return !!image && image.width > 0 && image.height > 0;
}
