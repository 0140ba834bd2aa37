/** Text-led layouts: bullets, two columns and a quote. */
import type { SlideOf } from '../../load/layouts.js';
import type { PlanContext } from '../context.js';
import type { Shape } from '../deck.js';
import { columns, HEADING_H, pad, TWO_COLUMNS } from '../grid.js';
import { quoted } from '../labels.js';
import { HEIGHT_SAFETY, textHeight } from '../measure.js';
import { paginate } from '../paginate.js';
import type { Box } from '../units.js';

/** One body per slide the bullets need: they continue on further slides when they must. */
export function bulletPages(ctx: PlanContext, slide: SlideOf<'bullets'>): Shape[][] {
  const frame = ctx.frame('bullets');
  const ph = frame.bodies[0];
  return paginate(ctx, ph?.box ?? frame.body, ctx.bullets(slide.bullets), { role: 'body', ...(ph ? { placeholder: ph.ref } : {}) }, ['slides', slide.index, 'bullets']).map((shape) => [shape]);
}

export function twoColumnBody(ctx: PlanContext, slide: SlideOf<'two-column'>): Shape[] {
  const { colours } = ctx.theme;
  const shapes: Shape[] = [];
  const frame = ctx.frame('two-column');
  const own = ctx.template.chrome;
  const panels = own ? TWO_COLUMNS : frame.bodies.length >= 2 ? frame.bodies.slice(0, 2).map((b) => b.box) : columns(frame.body, [1, 1]);
  (['left', 'right'] as const).forEach((side, i) => {
    const col = slide[side];
    const box = panels[i]!;
    const ph = frame.bodies[i]?.ref;
    // deckgen's panels behind the columns are its own look; a user's template has its own.
    if (own) shapes.push({ kind: 'rect', box, fill: colours.panel });
    const inner = own ? pad(box, 0.2) : box;
    let bodyBox: Box = inner;
    if (col.heading) {
      const head = { ...inner, h: 0.6 };
      shapes.push(ctx.text(head, [ctx.para(col.heading)], { role: 'subtitle', max: 22, bold: true, heading: true, colour: colours.primary, valign: 'bottom' }, ['slides', slide.index, side, 'heading']));
      if (own) shapes.push({ kind: 'rect', box: { x: inner.x + 0.1, y: head.y + head.h + 0.05, w: 0.8, h: 0.05 }, fill: colours.accent });
      bodyBox = { ...inner, y: inner.y + HEADING_H, h: inner.h - HEADING_H };
    }
    shapes.push(ctx.text(bodyBox, ctx.bullets(col.bullets), { role: 'body', ...(ph ? { placeholder: ph } : {}) }, ['slides', slide.index, side, 'bullets']));
  });
  return shapes;
}

export function quoteBody(ctx: PlanContext, slide: SlideOf<'quote'>): Shape[] {
  const { colours } = ctx.theme;
  const { body, title } = ctx.frame('quote');
  const area = slide.title ? body : { ...body, y: title.box.y + 0.4, h: body.y + body.h - title.box.y - 0.4 };
  const x = area.x + 0.6;
  const w = area.w - 1.4;
  const byH = slide.quote.by ? 0.6 : 0;
  const room = { x, y: area.y + 0.2, w, h: area.h - 0.4 - byH };
  const quote = ctx.text(room, [ctx.para(quoted(slide.quote.text, ctx.outline.meta.lang))], { role: 'quote', italic: true, colour: colours.primary, lineSpacing: 1.05 }, ['slides', slide.index, 'quote', 'text']);
  // Shrink the quote's box to its text and centre quote and attribution together, so the
  // attribution sits under the last line rather than at the foot of an empty box.
  const used = textHeight(quote.paragraphs, { font: quote.font, book: ctx.theme.faces, italic: !!quote.italic, lineSpacing: quote.lineSpacing }, quote.size, w - quote.insets.l - quote.insets.r);
  const quoteH = Math.min(room.h, used / HEIGHT_SAFETY + quote.insets.t + quote.insets.b);
  const top = area.y + (area.h - quoteH - byH) / 2;
  quote.box = { x, y: top, w, h: quoteH };
  const shapes: Shape[] = [{ kind: 'rect', box: { x: area.x + 0.2, y: top, w: 0.09, h: quoteH + byH }, fill: colours.accent }, quote];
  if (slide.quote.by) {
    shapes.push(ctx.text({ x, y: top + quoteH, w, h: byH }, [ctx.para(`\u2014 ${slide.quote.by}`)], { role: 'subtitle', max: 18, colour: colours.muted, valign: 'middle' }, ['slides', slide.index, 'quote', 'by']));
  }
  return shapes;
}
