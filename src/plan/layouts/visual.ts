/** Picture-led layouts: charts, a chart with takeaways, and an image. */
import type { SlideOf } from '../../load/layouts.js';
import { fontKey } from '../../font-twins.js';
import type { Chart } from '../../load/schema.js';
import { chartAlt } from '../alt.js';
import type { PlanContext } from '../context.js';
import type { ChartShape, Shape } from '../deck.js';
import { CHART_TEXT, GRID, pad } from '../grid.js';
import { visible } from '../text.js';
import type { Box } from '../units.js';

function chartShape(ctx: PlanContext, chart: Chart, box: Box, fontSize: number): ChartShape {
  const { colours, palette, font, faces } = ctx.theme;
  const files = ctx.outline.fonts.files.filter((f) => fontKey(f.name) === fontKey(font)).map((f) => ({ path: f.path, sha256: f.sha256 }));
  const widths = faces.get(fontKey(font));
  return {
    kind: 'chart',
    box,
    spec: chart,
    alt: chartAlt(chart),
    colours: palette,
    font: ctx.theme.font,
    textColour: colours.text,
    gridColour: colours.rule,
    background: colours.background,
    fontSize,
    ...(files.length && widths ? { ownFont: { files, widths } } : {}),
  };
}

export function chartBody(ctx: PlanContext, slide: SlideOf<'chart'>): Shape[] {
  return [chartShape(ctx, slide.chart, GRID.body, 18)];
}

export function chartTextBody(ctx: PlanContext, slide: SlideOf<'chart-text'>): Shape[] {
  const [left, right] = CHART_TEXT;
  return [
    chartShape(ctx, slide.chart, left, 16),
    { kind: 'rect', box: right, fill: ctx.theme.colours.panel },
    { kind: 'rect', box: { ...right, w: 0.07 }, fill: ctx.theme.colours.accent },
    ctx.text(pad(right, 0.25), ctx.bullets(slide.bullets, 0, 14), { role: 'body', valign: 'middle', placeholder: { type: 'body', idx: 1 } }, ['slides', slide.index, 'bullets']),
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
  const shapes: Shape[] = [{ kind: 'image', box, path: size.path, alt: [image.alt, image.caption, slide.title].find(visible) ?? 'Image' }];
  if (image.caption) {
    shapes.push(ctx.text({ x: area.x, y: area.y + area.h + 0.05, w: area.w, h: captionH - 0.05 }, [ctx.para(image.caption)], { role: 'footnote', max: 14, italic: true, colour: ctx.theme.colours.muted, align: 'center' }, ['slides', slide.index, 'image', 'caption']));
  }
  return shapes;
}
