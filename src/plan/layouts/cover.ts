/** Full-bleed slides: the title slide, section dividers and the agenda built from the sections. */
import type { Slide } from '../../load/layouts.js';
import { footerShapes, logoShape } from '../chrome.js';
import type { PlanContext } from '../context.js';
import type { Shape, TextShape } from '../deck.js';
import { HEIGHT_SAFETY, textHeight } from '../measure.js';
import { GRID } from '../grid.js';
import { para } from '../text.js';

const LEFT = 0.9;
const WIDE = 11.2;
/** Between a title and the subtitle under it. */
const GAP = 0.2;

/** A top-aligned text box cut to the height its text takes (with the renderers' allowance), so what follows can sit right under it. */
function hug(shape: TextShape): TextShape {
  const { insets } = shape;
  const style = { font: shape.font, lineSpacing: shape.lineSpacing, ...(shape.bold ? { bold: true } : {}) };
  const used = textHeight(shape.paragraphs, style, shape.size, shape.box.w - insets.l - insets.r) / HEIGHT_SAFETY + insets.t + insets.b;
  return { ...shape, valign: 'top', box: { ...shape.box, h: Math.min(shape.box.h, used) } };
}

export function titleSlide(ctx: PlanContext, slide: Slide | undefined): Shape[] {
  const { colours } = ctx.theme;
  const meta = ctx.outline.meta;
  const title = slide?.title ?? meta.title;
  const subtitle = slide ? slide.subtitle : meta.subtitle;
  const at = (key: string): PropertyKey[] => (slide ? ['slides', slide.index, key] : [key]);
  const shapes: Shape[] = [];
  const logo = logoShape(ctx, { x: LEFT, y: 0.7, w: 2.4, h: 0.7 });
  if (logo) shapes.push(logo);
  shapes.push({ kind: 'rect', box: { x: LEFT + 0.1, y: 2.05, w: 1.4, h: 0.09 }, fill: colours.accent });
  const heading = hug(ctx.text({ x: LEFT, y: 2.25, w: WIDE, h: 2.0 }, [para(title)], { role: 'section', heading: true, bold: true, colour: colours.onPrimary, valign: 'top', isTitle: true, lineSpacing: 0.95 }, at('title')));
  shapes.push(heading);
  if (subtitle) {
    // Right under the title, however many lines the title takes.
    const y = heading.box.y + heading.box.h + GAP;
    shapes.push(ctx.text({ x: LEFT, y, w: WIDE, h: 5.6 - y }, [para(subtitle)], { role: 'subtitle', max: 24, colour: colours.onPrimary }, at('subtitle')));
  }
  const byline = [meta.author, meta.date].filter(Boolean).join('  |  ');
  if (byline) {
    shapes.push(ctx.text({ x: LEFT, y: 6.2, w: WIDE, h: 0.6 }, [para(byline)], { role: 'subtitle', max: 16, colour: colours.onPrimary, valign: 'bottom' }, ['author']));
  }
  return shapes;
}

export function sectionSlide(ctx: PlanContext, slide: Slide, number: number): Shape[] {
  const { colours } = ctx.theme;
  const shapes: Shape[] = [
    ctx.text({ x: LEFT, y: 1.6, w: 3, h: 0.9 }, [para(String(number).padStart(2, '0'))], { role: 'section', bold: true, colour: colours.accent, valign: 'bottom' }, ['slides', slide.index]),
    { kind: 'rect', box: { x: LEFT + 0.1, y: 2.6, w: 1.4, h: 0.09 }, fill: colours.accent },
    hug(ctx.text({ x: LEFT, y: 2.8, w: WIDE, h: 2.0 }, [para(slide.title ?? '')], { role: 'section', heading: true, bold: true, colour: colours.onPrimary, isTitle: true, lineSpacing: 0.95 }, ['slides', slide.index, 'title'])),
  ];
  if (slide.subtitle) {
    const above = shapes[shapes.length - 1]!.box;
    const y = above.y + above.h + GAP;
    shapes.push(ctx.text({ x: LEFT, y, w: WIDE, h: 6.1 - y }, [para(slide.subtitle)], { role: 'subtitle', colour: colours.onPrimary }, ['slides', slide.index, 'subtitle']));
  }
  return [...shapes, ...footerShapes(ctx, true)];
}

export function agendaSlide(ctx: PlanContext, slide: Slide): Shape[] {
  const sections = ctx.outline.slides.filter((s) => s.layout === 'section');
  if (!sections.length) {
    ctx.problem(['slides', slide.index, 'layout'], 'the agenda lists the section slides, and this outline has none', 'add slides with `layout: section`, or remove the agenda', 'agenda-empty');
    return [];
  }
  const { colours } = ctx.theme;
  const body = GRID.body;
  const row = Math.min(0.85, body.h / sections.length);
  const shapes: Shape[] = [];
  sections.forEach((s, i) => {
    const y = body.y + i * row;
    shapes.push(ctx.text({ x: body.x, y, w: 0.9, h: row }, [para(String(i + 1).padStart(2, '0'))], { role: 'body', max: 24, bold: true, colour: colours.accent, valign: 'middle' }, ['slides', slide.index]));
    shapes.push(ctx.text({ x: body.x + 1.0, y, w: body.w - 1.0, h: row }, [para(s.title ?? '')], { role: 'body', max: 24, colour: colours.text, valign: 'middle' }, ['slides', s.index, 'title']));
    if (i < sections.length - 1) shapes.push({ kind: 'rect', box: { x: body.x + 1.0, y: y + row - 0.005, w: body.w - 1.0, h: 0.01 }, fill: colours.rule });
  });
  return shapes;
}
