/** What Chart.js drew, as rectangles and segments: the obstacles data labels must keep clear of. */
import type { Chart } from 'chart.js';
import type { Obstacles, PlacedLabel, Rect, Segment } from './label-layout.js';

/** A chart after drawing, with the labels the data-label plugin placed. */
export type ChartWithLabels = Chart & { deckgenLabels?: PlacedLabel[] };

export function barRect(p: { x: number; y: number; base: number; width: number; height: number; horizontal: boolean }): Rect {
  return p.horizontal
    ? { x: Math.min(p.x, p.base), y: p.y - p.height / 2, w: Math.abs(p.x - p.base), h: p.height }
    : { x: p.x - p.width / 2, y: Math.min(p.y, p.base), w: p.width, h: Math.abs(p.base - p.y) };
}

export function chartObstacles(chart: Chart): Obstacles {
  const out: Obstacles = { bars: [], segments: [], rects: [], ends: [] };
  chart.data.datasets.forEach((dataset, di) => {
    const meta = chart.getDatasetMeta(di);
    if (meta.hidden) return;
    if (meta.type === 'bar') {
      for (const el of meta.data) {
        const p = el.getProps(['x', 'y', 'base', 'width', 'height', 'horizontal'], true) as unknown as Parameters<typeof barRect>[0];
        const bar = barRect(p);
        out.bars.push(bar);
        // Its value end, a few pixels deep: what a reader reads the bar's length from.
        out.ends!.push(p.horizontal ? { x: p.x - 2, y: bar.y, w: 4, h: bar.h } : { x: bar.x, y: p.y - 2, w: bar.w, h: 4 });
      }
    } else if (meta.type === 'line') {
      const points = meta.data.filter((_, i) => Number.isFinite(Number(dataset.data[i])));
      points.forEach((p, i) => {
        const r = Number((p.options as { radius?: number }).radius ?? 0) + 1;
        out.rects.push({ x: p.x - r, y: p.y - r, w: 2 * r, h: 2 * r });
        const next = points[i + 1];
        if (next) out.segments.push([p.x, p.y, next.x, next.y] as Segment);
      });
    }
  });
  return out;
}
