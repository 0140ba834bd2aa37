/** Full-bleed slides: the title slide, section dividers and the agenda built from the sections. */
import type { Slide } from '../../load/layouts.js';
import { footerShapes, logoShape } from '../chrome.js';
import type { PlanContext } from '../context.js';
import type { Shape, TextShape } from '../deck.js';
import { COVER } from '../grid.js';
import { HEIGHT_SAFETY, textHeight } from '../measure.js';
import { MIN_CONTRAST_LARGE } from '../../theme/contrast.js';

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
  const title = ctx.titleOf(slide?.title ?? meta.title, 'title');
  const subtitle = slide ? slide.subtitle : meta.subtitle;
  const at = (key: string): PropertyKey[] => (slide ? ['slides', slide.index, key] : [key]);
  const byline = [meta.author, meta.date].filter(Boolean).join('  |  ');
  if (!ctx.template.chrome) return templateCover(ctx, 'title', title, [subtitle, byline], at);
  const shapes: Shape[] = [];
  const logo = logoShape(ctx, COVER.logo);
  if (logo) shapes.push(logo);
  shapes.push({ kind: 'rect', box: COVER.titleRule, fill: colours.accent });
  const heading = hug(ctx.text(COVER.title, [ctx.para(title)], { role: 'section', heading: true, bold: true, colour: colours.onPrimary, valign: 'top', isTitle: true, lineSpacing: 0.95, placeholder: { type: 'ctrTitle' } }, at('title')));
  shapes.push(heading);
  if (subtitle) {
    // Right under the title, however many lines the title takes.
    const y = heading.box.y + heading.box.h + GAP;
    shapes.push(ctx.text({ ...COVER.subtitle, y, h: 5.6 - y }, [ctx.para(subtitle)], { role: 'subtitle', max: 24, colour: colours.onPrimary, placeholder: { type: 'subTitle', idx: 1 } }, at('subtitle')));
  }
  if (byline) {
    shapes.push(ctx.text(COVER.byline, [ctx.para(byline)], { role: 'subtitle', max: 16, colour: colours.onPrimary, valign: 'bottom' }, ['author']));
  }
  return shapes;
}

/**
 * A title or section slide on a user's template: the title and the text under it in the layout's
 * own placeholders, in its own look; deckgen adds no rules, numbers or logo of its own.
 */
function templateCover(ctx: PlanContext, layout: 'title' | 'section', title: string, lines: (string | undefined)[], at: (key: string) => PropertyKey[]): Shape[] {
  const frame = ctx.frame(layout);
  const shapes: Shape[] = [ctx.text(frame.title.box, [ctx.para(title)], { role: 'section', heading: true, bold: true, isTitle: true, lineSpacing: 0.95, placeholder: frame.title.ref }, at('title'))];
  const text = lines.filter((l): l is string => !!l);
  if (text.length && frame.subtitle) {
    shapes.push(ctx.text(frame.subtitle.box, text.map((l, i) => ctx.para(l, 0, false, i ? 6 : 0)), { role: 'subtitle', placeholder: frame.subtitle.ref }, at('subtitle')));
  }
  return [...shapes, ...(layout === 'section' ? footerShapes(ctx, true, 'section') : [])];
}

export function sectionSlide(ctx: PlanContext, slide: Slide, number: number): Shape[] {
  const { colours } = ctx.theme;
  if (!ctx.template.chrome) return templateCover(ctx, 'section', ctx.titleOf(slide.title, 'section'), [slide.subtitle], (key) => ['slides', slide.index, key]);
  const shapes: Shape[] = [
    ctx.text(COVER.number, [ctx.para(String(number).padStart(2, '0'))], { role: 'section', bold: true, colour: ctx.accentInk(colours.primary, MIN_CONTRAST_LARGE), lineSpacing: 0.95 }, ['slides', slide.index]),
    { kind: 'rect', box: COVER.sectionRule, fill: colours.accent },
    hug(ctx.text(COVER.sectionTitle, [ctx.para(ctx.titleOf(slide.title, 'section'))], { role: 'section', heading: true, bold: true, colour: colours.onPrimary, isTitle: true, lineSpacing: 0.95, placeholder: { type: 'title' } }, ['slides', slide.index, 'title'])),
  ];
  if (slide.subtitle) {
    const above = shapes[shapes.length - 1]!.box;
    const y = above.y + above.h + GAP;
    shapes.push(ctx.text({ ...COVER.sectionSubtitle, y, h: 6.1 - y }, [ctx.para(slide.subtitle)], { role: 'subtitle', colour: colours.onPrimary, placeholder: { type: 'body', idx: 1 } }, ['slides', slide.index, 'subtitle']));
  }
  return [...shapes, ...footerShapes(ctx, true, 'section')];
}

export function agendaSlide(ctx: PlanContext, slide: Slide): Shape[] {
  const sections = ctx.outline.slides.filter((s) => s.layout === 'section');
  if (!sections.length) {
    ctx.problem(['slides', slide.index, 'layout'], 'the agenda lists the section slides, and this outline has none', 'add slides with `layout: section`, or remove the agenda', 'agenda-empty');
    return [];
  }
  const { colours } = ctx.theme;
  const body = ctx.frame('agenda').body;
  const row = Math.min(0.85, body.h / sections.length);
  const shapes: Shape[] = [];
  sections.forEach((s, i) => {
    const y = body.y + i * row;
    shapes.push(ctx.text({ x: body.x, y, w: 0.9, h: row }, [ctx.para(String(i + 1).padStart(2, '0'))], { role: 'body', max: 24, bold: true, colour: ctx.accentInk(colours.background), valign: 'middle' }, ['slides', slide.index]));
    shapes.push(ctx.text({ x: body.x + 1.0, y, w: body.w - 1.0, h: row }, [ctx.para(s.title ?? '')], { role: 'body', max: 24, colour: colours.text, valign: 'middle' }, ['slides', s.index, 'title']));
    if (i < sections.length - 1) shapes.push({ kind: 'rect', box: { x: body.x + 1.0, y: y + row - 0.005, w: body.w - 1.0, h: 0.01 }, fill: colours.rule });
  });
  return shapes;
}
