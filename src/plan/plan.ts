/**
 * plan: Outline + Theme -> Deck. Pure: no I/O, every position and size decided here, and every
 * text box measured, so emit never has to guess and nothing overflows.
 */
import { complexScriptWidths, fontWarnings } from './fonts.js';
import type { Diagnostic } from '../diagnostics.js';
import type { Slide } from '../load/layouts.js';
import { MAX_SLIDES } from '../load/schema.js';
import type { Outline } from '../load/load.js';
import { resolveTheme, templateTheme } from '../theme/theme.js';
import { briefingTemplate } from '../template/briefing.js';
import type { Template } from '../template/model.js';
import { footerShapes, hiddenTitle, sourceShapes, titleShapes } from './chrome.js';
import { PlanContext, type ImageSizes } from './context.js';
import type { Deck, PlannedSlide, Shape } from './deck.js';
import { plainText } from './inline.js';
import { rightToLeft } from './labels.js';
import { mirrored } from './units.js';
import { visible } from './text.js';
import { agendaSlide, sectionSlide, titleSlide } from './layouts/cover.js';
import { kpisBody } from './layouts/figures.js';
import { tablePages } from './layouts/table.js';
import { bulletPages, quoteBody, twoColumnBody } from './layouts/prose.js';
import { sourcesBody } from './layouts/sources.js';
import { chartBody, chartTextBody, imageBody } from './layouts/visual.js';
import { expandDerived } from '../figures/derive.js';
import { fill } from './labels.js';
import { colourWarnings } from './contrast.js';

/** Notes as the presenter reads them: derived figures computed, no trailing blank line. */
const speakerNotes = (ctx: PlanContext, notes: string): string => expandDerived(notes, ctx.labels.derived).trimEnd();

/**
 * Slides showing a computed figure say so in their source line: judged by what the slide shows
 * (a continued slide shows only some of the bullets), from the labels derived figures carry.
 */
function showsDerived(ctx: PlanContext, body: readonly Shape[]): boolean {
  const word = ctx.labels.derived;
  const inline = `(${word}: `;
  const kpi = `${word.charAt(0).toUpperCase()}${word.slice(1)}: `;
  return body.some((s) => {
    if (s.kind === 'text') return s.paragraphs.some((p) => plainText(p.runs).includes(inline) || plainText(p.runs).startsWith(kpi));
    if (s.kind === 'table') return [...s.header, ...s.rows.flat()].some((c) => c.includes(inline));
    return false;
  });
}

export interface Plan {
  deck: Deck;
  diagnostics: Diagnostic[];
}

export function planDeck(outline: Outline, images: ImageSizes = new Map(), template?: Template): Plan {
  const given = template ? templateTheme(outline.theme, template.colours, template.fonts, outline.fonts.book) : resolveTheme(outline.theme, outline.fonts.book);
  const rtl = rightToLeft(outline.meta.lang);
  const theme = rtl ? complexScriptWidths(given) : given;
  const ctx = new PlanContext(outline, theme, images, template ?? briefingTemplate(theme, outline.meta.lang));
  colourWarnings(ctx, outline.slides);
  fontWarnings(ctx);
  const slides: PlannedSlide[] = [];
  const dark = (c: PlanContext, layout: PlannedSlide['layout'], title: string, shapes: Shape[], notes?: string): PlannedSlide => ({
    layout,
    templateLayout: c.layout(layout).name,
    title,
    shapes,
    // The built-in title and section layouts are dark; a user's template decides its own.
    background: c.template.chrome ? c.theme.colours.primary : c.template.background,
    ...(notes ? { notes: speakerNotes(c, notes) } : {}),
    ...(layout === 'section' ? slideNumber(c, 'section', c.theme.colours.onPrimary) : {}),
  });

  if (outline.slides[0]?.layout !== 'title') slides.push(dark(ctx, 'title', ctx.titleOf(outline.meta.title, 'title'), titleSlide(ctx, undefined)));
  let section = 0;
  for (const slide of outline.slides) {
    const own = ctx.forSlide(slide);
    if (slide.layout === 'title') slides.push(dark(own, 'title', own.titleOf(slide.title, 'title'), titleSlide(own, slide), slide.notes));
    else if (slide.layout === 'section') slides.push(dark(own, 'section', own.titleOf(slide.title, 'section'), sectionSlide(own, slide, ++section), slide.notes));
    else slides.push(...contentSlides(own, slide));
  }
  const hasSourcesSlide = outline.slides.some((s) => s.layout === 'sources');
  if (outline.sourcesSlide && !hasSourcesSlide && outline.sources.length) slides.push(framed(ctx, undefined, ctx.labels.sources, sourcesBody(ctx, undefined)));
  // Right to left on deckgen's own template, the slides are its mirror image: titles and rules on
  // the right, the first column, card and agenda number on the right, the slide number on the
  // left; its layouts are mirrored with them, so a slide added in PowerPoint matches. Emit swaps
  // every left and right alignment of a right-to-left deck (emit/slide-xml.ts rightToLeftXml). A
  // user's template keeps its own geometry, so text at a box's right edge must stay there: it is
  // set left here, and comes out right.
  let made = ctx.template;
  if (rtl && made.chrome) {
    const width = made.size.w;
    for (const s of slides) {
      for (const shape of s.shapes) shape.box = mirrored(shape.box, width);
      if (s.slideNumber) s.slideNumber.box = mirrored(s.slideNumber.box, width);
    }
    made = { ...made, layouts: made.layouts.map((l) => ({ ...l, placeholders: l.placeholders.map((p) => ({ ...p, box: mirrored(p.box, width) })) })) };
  } else if (rtl) {
    for (const s of slides) {
      for (const shape of s.shapes) if (shape.kind === 'text' && shape.align === 'right') shape.align = 'left';
      if (s.slideNumber) s.slideNumber.align = 'left';
    }
  }
  // Continued lists and tables count: the deck as written, not the outline, is what is bounded.
  if (slides.length > MAX_SLIDES) ctx.problem(['slides'], `the deck would have ${slides.length} slides, counting continued lists and tables; a deck has at most ${MAX_SLIDES}`, 'split it into several decks', 'too-much');

  return {
    deck: { meta: outline.meta, size: { ...made.size }, theme, template: made, slides, sections: sections(slides, ctx.labels.introduction) },
    diagnostics: ctx.diagnostics,
  };
}

/**
 * PowerPoint sections, so the slide sorter groups the deck as the agenda does: each section slide
 * starts one, named by its title; the slides before the first are the introduction.
 */
function sections(slides: readonly PlannedSlide[], introduction: string): Deck['sections'] {
  const starts = slides.flatMap((s, i) => (s.layout === 'section' ? [{ name: s.title, start: i }] : []));
  if (!starts.length) return [];
  return starts[0]!.start > 0 ? [{ name: introduction, start: 0 }, ...starts] : starts;
}

/** Most slides plan to one; bullets and tables continue over as many as they need. */
function contentSlides(ctx: PlanContext, slide: Slide): PlannedSlide[] {
  if (slide.layout === 'bullets') return continued(ctx, slide, bulletPages(ctx, slide));
  if (slide.layout === 'table') return continued(ctx, slide, tablePages(ctx, slide));
  return [contentSlide(ctx, slide)];
}

/**
 * The first page as the outline has it; the rest titled "(cont.)", pointing back in their notes.
 * Titles stay unique, as screen readers and PowerPoint's navigation list them: past two pages,
 * each continuation is numbered ("(cont. 2/3)").
 */
function continued(ctx: PlanContext, slide: Slide, pages: Shape[][]): PlannedSlide[] {
  const title = slide.title ?? '';
  const { cont } = ctx.labels;
  return pages.map((body, i) => {
    if (i === 0) return framed(ctx, slide, title, body);
    const mark = pages.length > 2 ? `${cont} ${i + 1}/${pages.length}` : cont;
    return framed(ctx, { ...slide, notes: fill(ctx.labels.continued, { title }) }, `${title} (${mark})`, body);
  });
}

function contentSlide(ctx: PlanContext, slide: Slide): PlannedSlide {
  switch (slide.layout) {
    case 'agenda':
      return framed(ctx, slide, slide.title ?? ctx.labels.agenda, agendaSlide(ctx, slide));
    case 'sources':
      return framed(ctx, slide, slide.title ?? ctx.labels.sources, sourcesBody(ctx, slide.index));
    case 'kpis':
      return framed(ctx, slide, slide.title, kpisBody(ctx, slide));
    case 'chart':
      return framed(ctx, slide, slide.title, chartBody(ctx, slide));
    case 'chart-text':
      return framed(ctx, slide, slide.title, chartTextBody(ctx, slide));
    case 'two-column':
      return framed(ctx, slide, slide.title, twoColumnBody(ctx, slide));
    case 'quote':
      return framed(ctx, slide, slide.title, quoteBody(ctx, slide));
    case 'image':
      return framed(ctx, slide, slide.title, imageBody(ctx, slide));
    case 'bullets':
    case 'table':
    case 'title':
    case 'section':
      throw new Error(`contentSlide got a ${slide.layout} slide`);
  }
}

/** A white content slide: title, body, source line, footer and number. */
function framed(ctx: PlanContext, slide: Slide | undefined, title: string | undefined, body: Shape[]): PlannedSlide {
  const { colours } = ctx.theme;
  const at = slide ?? ({ index: -1, layout: 'sources' } as Slide);
  // Every slide has a title for screen readers and PowerPoint's outline; one the outline leaves
  // out (a quote slide may) is placed above the slide, where it is read but not seen.
  const titled = visible(title) ? titleShapes(ctx, at, title) : [hiddenTitle(ctx, at, untitled(ctx, at))];
  const shapes = [...titled, ...body, ...(slide ? sourceShapes(ctx, slide, showsDerived(ctx, body)) : []), ...footerShapes(ctx, false, slide?.layout ?? 'sources')];
  const layout = slide?.layout ?? 'sources';
  const planned: PlannedSlide = {
    layout,
    templateLayout: ctx.layout(layout).name,
    title: title || (titled[0]?.kind === 'text' ? plainText(titled[0].paragraphs[0]!.runs) : ''),
    shapes,
    background: colours.background,
    ...slideNumber(ctx, layout, colours.muted),
  };
  if (slide?.notes) planned.notes = speakerNotes(ctx, slide.notes);
  return planned;
}

/** The slide number, in the layout's slide-number placeholder where it has one. */
function slideNumber(ctx: PlanContext, layout: Slide['layout'], colour: string): Pick<PlannedSlide, 'slideNumber'> {
  const number = ctx.frame(layout).number;
  if (!number) return {};
  return { slideNumber: { box: number.box, ref: number.ref, font: ctx.theme.font, size: ctx.theme.sizes.footnote.max, colour } };
}

/** What a slide without a title is called for screen readers: "Quote: Ada Lovelace". */
function untitled(ctx: PlanContext, slide: Slide): string {
  if (slide.layout !== 'quote') return ctx.layout(slide.layout).name;
  const { by, text } = slide.quote;
  const words = text.split(/\s+/);
  return `${ctx.labels.quote}: ${by ?? (words.length > 8 ? `${words.slice(0, 8).join(' ')}…` : text)}`;
}
