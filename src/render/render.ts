/** render: planned Deck -> Deck with pixels (charts drawn, images attached). */
import type { Deck, RenderedDeck, RenderedShape } from '../plan/deck.js';
import { renderChart, type ChartCache } from './charts.js';
import type { Renderer } from './renderer.js';

export async function renderDeck(deck: Deck, cache: ChartCache, renderer: Renderer): Promise<RenderedDeck> {
  const slides = await Promise.all(
    deck.slides.map(async (slide) => ({
      ...slide,
      shapes: await Promise.all(slide.shapes.map((s): RenderedShape | Promise<RenderedShape> => (s.kind === 'chart' ? renderChart(s, cache, renderer) : s))),
    })),
  );
  return { ...deck, slides };
}
