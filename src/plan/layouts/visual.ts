/** Picture-led layouts: charts, a chart with takeaways, and an image. */
import type { SlideOf } from '../../load/layouts.js';
import { formatNumber } from '../../figures/format.js';
import { chartShape } from '../chart.js';
import type { PlanContext } from '../context.js';
import type { Shape } from '../deck.js';
import { CHART_TEXT, columns, pad } from '../grid.js';
import { visible } from '../text.js';
import type { Box } from '../units.js';

export function chartBody(ctx: PlanContext, slide: SlideOf<'chart'>): Shape[] {
  return [chartShape(ctx, slide.chart, ctx.frame('chart').body, 18, ['slides', slide.index, 'chart'])];
}

export function chartTextBody(ctx: PlanContext, slide: SlideOf<'chart-text'>): Shape[] {
  const frame = ctx.frame('chart-text');
  if (!ctx.template.chrome) {
    // A user's template: the chart in the left body placeholder's place (or the left of the
    // content area), the takeaways in the right body placeholder, on the template's own look.
    const [chartBox, textPh] = frame.bodies.length >= 2 ? [frame.bodies[0]!.box, frame.bodies[1]!] : [columns(frame.body, [1.8, 1])[0]!, undefined];
    const textBox = textPh?.box ?? columns(frame.body, [1.8, 1])[1]!;
    return [
      chartShape(ctx, slide.chart, chartBox, 16, ['slides', slide.index, 'chart']),
      ctx.text(textBox, ctx.bullets(slide.bullets, 0, 14), { role: 'body', valign: 'middle', ...(textPh ? { placeholder: textPh.ref } : {}) }, ['slides', slide.index, 'bullets']),
    ];
  }
  const [left, right] = CHART_TEXT;
  return [
    chartShape(ctx, slide.chart, left, 16, ['slides', slide.index, 'chart']),
    { kind: 'rect', box: right, fill: ctx.theme.colours.panel },
    { kind: 'rect', box: { ...right, w: 0.07 }, fill: ctx.theme.colours.accent },
    ctx.text(pad(right, 0.25), ctx.bullets(slide.bullets, 0, 14), { role: 'body', valign: 'middle', placeholder: frame.bodies[0]!.ref }, ['slides', slide.index, 'bullets']),
  ];
}

/** Below this many image pixels per inch of slide, a picture looks soft when projected or printed. */
const MIN_PIXELS_PER_INCH = 96;

export function imageBody(ctx: PlanContext, slide: SlideOf<'image'>): Shape[] {
  const { image } = slide;
  const size = ctx.images.get(image.path);
  if (!size) return [];
  const captionH = image.caption ? 0.5 : 0;
  const body = ctx.frame('image').body;
  const area = { ...body, h: body.h - captionH };
  const scale = Math.min(area.w / size.width, area.h / size.height);
  const w = size.width * scale;
  const h = size.height * scale;
  const box = { x: area.x + (area.w - w) / 2, y: area.y + (area.h - h) / 2, w, h };
  const shapes: Shape[] = [{ kind: 'image', box, path: size.path, alt: [image.alt, image.caption, slide.title].find(visible) ?? 'Image' }];
  // A picture stretched past its pixels looks soft on a projector: say so, with the size that would not.
  const perInch = size.width / w;
  if (perInch < MIN_PIXELS_PER_INCH) {
    const want = Math.ceil((w * MIN_PIXELS_PER_INCH) / 10) * 10;
    ctx.problem(
      ['slides', slide.index, 'image', 'path'],
      `${image.path} is ${size.width} x ${size.height} px, shown ${w.toFixed(1)} in wide: ${Math.round(perInch)} pixels per inch, so it will look soft`,
      `use a version at least ${formatNumber(want)} px wide (${MIN_PIXELS_PER_INCH} pixels per inch at this size)`,
      'image-low-resolution',
      'warning',
    );
  }
  if (image.caption) {
    shapes.push(ctx.text({ x: area.x, y: area.y + area.h + 0.05, w: area.w, h: captionH - 0.05 }, [ctx.para(image.caption)], { role: 'footnote', max: 14, italic: true, colour: ctx.theme.colours.muted, align: 'center' }, ['slides', slide.index, 'image', 'caption']));
  }
  return shapes;
}
