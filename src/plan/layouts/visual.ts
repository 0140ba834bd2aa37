/** Picture-led layouts: charts, a chart with takeaways, and an image. */
import type { SlideOf } from '../../load/layouts.js';
import { chartShape } from '../chart.js';
import type { PlanContext } from '../context.js';
import type { Shape } from '../deck.js';
import { columns, GRID, pad } from '../grid.js';
import { bulletParagraphs, para } from '../text.js';
import type { Box } from '../units.js';

export function chartBody(ctx: PlanContext, slide: SlideOf<'chart'>): Shape[] {
  return [chartShape(ctx, slide.chart, GRID.body, 18, ['slides', slide.index, 'chart'])];
}

export function chartTextBody(ctx: PlanContext, slide: SlideOf<'chart-text'>): Shape[] {
  const [left, right] = columns(GRID.body, [1.8, 1]) as [Box, Box];
  return [
    chartShape(ctx, slide.chart, left, 16, ['slides', slide.index, 'chart']),
    { kind: 'rect', box: right, fill: ctx.theme.colours.panel },
    { kind: 'rect', box: { ...right, w: 0.07 }, fill: ctx.theme.colours.accent },
    ctx.text(pad(right, 0.25), bulletParagraphs(slide.bullets, 0, 14), { role: 'body', valign: 'middle' }, ['slides', slide.index, 'bullets']),
  ];
}

export function imageBody(ctx: PlanContext, slide: SlideOf<'image'>): Shape[] {
  const { image } = slide;
  const size = ctx.images.get(image.path);
  if (!size) return [];
  const captionH = image.caption ? 0.5 : 0;
  const area = { ...GRID.body, h: GRID.body.h - captionH };
  const scale = Math.min(area.w / size.width, area.h / size.height);
  const w = size.width * scale;
  const h = size.height * scale;
  const box = { x: area.x + (area.w - w) / 2, y: area.y + (area.h - h) / 2, w, h };
  const shapes: Shape[] = [{ kind: 'image', box, path: size.path, alt: image.alt ?? image.caption ?? slide.title ?? 'Image' }];
  if (image.caption) {
    shapes.push(ctx.text({ x: area.x, y: area.y + area.h + 0.05, w: area.w, h: captionH - 0.05 }, [para(image.caption)], { role: 'footnote', max: 14, italic: true, colour: ctx.theme.colours.muted, align: 'center' }, ['slides', slide.index, 'image', 'caption']));
  }
  return shapes;
}
