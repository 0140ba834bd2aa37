/** render: planned Deck -> Deck with pixels (charts drawn, images attached). */
import type { ChartShape, Deck, NativeChart, RenderedChart, RenderedDeck } from '../plan/deck.js';
import { renderChart, type ChartCache } from './charts.js';
import type { Renderer } from './renderer.js';

/**
 * Charts in flight at once. Each holds ~25 MB of pixels until it is deflated, so a 200-chart deck
 * sent all at once took gigabytes; four keep two render workers drawing while others deflate.
 */
const AT_ONCE = 4;

export async function renderDeck(deck: Deck, cache: ChartCache, renderer: Renderer, progress?: (done: number, total: number) => void): Promise<RenderedDeck> {
  // Native charts are drawn by the viewer: nothing to render.
  const charts = deck.slides.flatMap((s) => s.shapes.filter((x): x is ChartShape => x.kind === 'chart' && !x.native));
  const done = new Map<ChartShape, RenderedChart>();
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < charts.length) {
      const chart = charts[next++]!;
      done.set(chart, await renderChart(chart, cache, renderer));
      progress?.(done.size, charts.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(AT_ONCE, charts.length) }, lane));
  return { ...deck, slides: deck.slides.map((slide) => ({ ...slide, shapes: slide.shapes.map((s) => (s.kind === 'chart' ? (done.get(s) ?? (s as NativeChart)) : s)) })) };
}
