/** The frame around content: title, accent rule, source line, footer, slide number and logo. */
import type { Slide } from '../load/layouts.js';
import type { PlanContext } from './context.js';
import type { Shape } from './deck.js';
import { GRID, HIDDEN_TITLE } from './grid.js';
import { sourceLine } from './cite.js';
import type { Box } from './units.js';

export function titleShapes(ctx: PlanContext, slide: Slide, title: string): Shape[] {
  const { colours } = ctx.theme;
  const { box, ref } = ctx.frame(slide.layout).title;
  const shapes: Shape[] = [ctx.text(box, [ctx.para(title)], { role: 'title', heading: true, bold: true, colour: colours.primary, valign: 'bottom', isTitle: true, lineSpacing: 0.95, placeholder: ref }, ['slides', slide.index, 'title'])];
  if (ctx.template.chrome) shapes.push({ kind: 'rect', box: GRID.titleRule, fill: colours.accent });
  return shapes;
}

/** A title that screen readers and PowerPoint's outline find, placed above the slide where no one sees it. */
export function hiddenTitle(ctx: PlanContext, slide: Slide, title: string): Shape {
  const above = ctx.template.chrome ? HIDDEN_TITLE : { ...ctx.frame(slide.layout).title.box, y: -1.5, h: 1.1 };
  return { ...ctx.text(above, [ctx.para(title)], { role: 'title', heading: true, bold: true, colour: ctx.theme.colours.primary, valign: 'bottom', isTitle: true, placeholder: { type: 'title' } }, ['slides', slide.index]), hidden: true };
}

export function sourceShapes(ctx: PlanContext, slide: Slide, derived: boolean): Shape[] {
  const line = sourceLine(slide, ctx.outline.sources, derived, ctx.labels, ctx.outline.meta.lang);
  if (!line) return [];
  return [ctx.text(ctx.frame(slide.layout).source, [ctx.para(line)], { role: 'footnote', colour: ctx.theme.colours.muted, valign: 'bottom' }, ['slides', slide.index])];
}

/** Footer, number and logo: on every slide but the title slide. */
export function footerShapes(ctx: PlanContext, onDark: boolean, layout: Slide['layout']): Shape[] {
  const { colours } = ctx.theme;
  const ink = onDark ? colours.onPrimary : colours.muted;
  const shapes: Shape[] = [];
  const footer = ctx.outline.meta.footer;
  if (!ctx.template.chrome) {
    // A user's template: the footer text in its footer placeholder, where the layout has one.
    const ph = ctx.frame(layout).footer;
    if (footer && ph) shapes.push(ctx.text(ph.box, [ctx.para(footer)], { role: 'footnote', colour: ink, valign: 'middle', placeholder: ph.ref }, ['footer']));
    return shapes;
  }
  if (!onDark) shapes.push({ kind: 'rect', box: GRID.footerRule, fill: colours.rule });
  let footerBox: Box = GRID.footer;
  const logo = logoShape(ctx, { x: GRID.footer.x, y: GRID.footer.y + 0.04, w: 1.2, h: 0.28 });
  if (logo) {
    shapes.push(logo);
    const shift = logo.box.w + 0.15;
    footerBox = { ...footerBox, x: footerBox.x + shift, w: footerBox.w - shift };
  }
  if (footer) shapes.push(ctx.text(footerBox, [ctx.para(footer)], { role: 'footnote', colour: ink, valign: 'middle', placeholder: { type: 'ftr', idx: 11 } }, ['footer']));
  return shapes;
}

/** The theme logo scaled into `area`, keeping its aspect ratio, aligned left. */
export function logoShape(ctx: PlanContext, area: Box): Shape | undefined {
  const logo = ctx.theme.logo;
  if (!logo) return undefined;
  const size = ctx.images.get(logo);
  if (!size) return undefined;
  const scale = Math.min(area.w / size.width, area.h / size.height);
  const w = size.width * scale;
  const h = size.height * scale;
  return { kind: 'image', box: { x: area.x, y: area.y + (area.h - h) / 2, w, h }, path: size.path, alt: `${ctx.outline.meta.title} logo`, decorative: true };
}
