/** Text-led layouts: bullets, two columns and a quote. */
import type { Slide } from '../../load/layouts.js';
import type { PlanContext } from '../context.js';
import type { Shape } from '../deck.js';
import { columns, GRID, pad } from '../grid.js';
import { bulletParagraphs, para } from '../text.js';
import type { Box } from '../units.js';

type Of<L extends Slide['layout']> = Extract<Slide, { layout: L }>;

export function bulletsBody(ctx: PlanContext, slide: Of<'bullets'>): Shape[] {
  return [ctx.text(GRID.body, bulletParagraphs(slide.bullets), { role: 'body' }, ['slides', slide.index, 'bullets'])];
}

export function twoColumnBody(ctx: PlanContext, slide: Of<'two-column'>): Shape[] {
  const { colours } = ctx.theme;
  const shapes: Shape[] = [];
  const cols = columns(GRID.body, [1, 1]);
  (['left', 'right'] as const).forEach((side, i) => {
    const col = slide[side];
    const box = cols[i]!;
    shapes.push({ kind: 'rect', box, fill: colours.panel });
    const inner = pad(box, 0.2);
    let bodyBox: Box = inner;
    if (col.heading) {
      const head = { ...inner, h: 0.6 };
      shapes.push(ctx.text(head, [para(col.heading)], { role: 'subtitle', max: 22, bold: true, heading: true, colour: colours.primary, valign: 'bottom' }, ['slides', slide.index, side, 'heading']));
      shapes.push({ kind: 'rect', box: { x: inner.x + 0.1, y: head.y + head.h + 0.05, w: 0.8, h: 0.05 }, fill: colours.accent });
      bodyBox = { ...inner, y: inner.y + 0.8, h: inner.h - 0.8 };
    }
    shapes.push(ctx.text(bodyBox, bulletParagraphs(col.bullets), { role: 'body' }, ['slides', slide.index, side, 'bullets']));
  });
  return shapes;
}

export function quoteBody(ctx: PlanContext, slide: Of<'quote'>): Shape[] {
  const { colours } = ctx.theme;
  const area = slide.title ? GRID.body : { ...GRID.body, y: GRID.title.y + 0.4, h: GRID.body.y + GRID.body.h - GRID.title.y - 0.4 };
  const shapes: Shape[] = [{ kind: 'rect', box: { x: area.x + 0.2, y: area.y + 0.3, w: 0.09, h: area.h - 0.6 }, fill: colours.accent }];
  const textBox = { x: area.x + 0.6, y: area.y + 0.3, w: area.w - 1.4, h: area.h - 1.3 };
  shapes.push(ctx.text(textBox, [para(`\u201C${slide.quote.text}\u201D`)], { role: 'quote', italic: true, colour: colours.primary, valign: 'middle', lineSpacing: 1.05 }, ['slides', slide.index, 'quote', 'text']));
  if (slide.quote.by) {
    shapes.push(ctx.text({ x: textBox.x, y: textBox.y + textBox.h + 0.1, w: textBox.w, h: 0.7 }, [para(`\u2014 ${slide.quote.by}`)], { role: 'subtitle', max: 18, colour: colours.muted }, ['slides', slide.index, 'quote', 'by']));
  }
  return shapes;
}
