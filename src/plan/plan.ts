/**
 * plan: Outline + Theme -> Deck. Pure: no I/O, every position and size decided here, and every
 * text box measured, so emit never has to guess and nothing overflows.
 */
import type { Diagnostic } from '../diagnostics.js';
import type { Slide } from '../load/layouts.js';
import { MAX_SLIDES } from '../load/schema.js';
import type { Outline } from '../load/load.js';
import { resolveTheme } from '../theme/theme.js';
import { footerShapes, sourceShapes, titleShapes } from './chrome.js';
import { PlanContext, type ImageSizes } from './context.js';
import type { Deck, PlannedSlide, Shape } from './deck.js';
import { GRID } from './grid.js';
import { agendaSlide, sectionSlide, titleSlide } from './layouts/cover.js';
import { kpisBody } from './layouts/figures.js';
import { tablePages } from './layouts/table.js';
import { bulletPages, quoteBody, twoColumnBody } from './layouts/prose.js';
import { sourcesBody } from './layouts/sources.js';
import { chartBody, chartTextBody, imageBody } from './layouts/visual.js';
import { SLIDE } from './units.js';
import { expandDerived, hasInlineDerived } from '../figures/derive.js';

/** Notes as the presenter reads them: derived figures computed, no trailing blank line. */
const speakerNotes = (notes: string): string => expandDerived(notes).trimEnd();

/** Slides showing a computed figure say so in their source line. */
function hasDerived(slide: Slide): boolean {
  const { notes: _spoken, ...shown } = slide;
  const json = JSON.stringify(shown);
  return json.includes('"derived":') || hasInlineDerived(json);
}

export interface Plan {
  deck: Deck;
  diagnostics: Diagnostic[];
}

export function planDeck(outline: Outline, images: ImageSizes = new Map()): Plan {
  const theme = resolveTheme(outline.theme);
  const ctx = new PlanContext(outline, theme, images);
  const slides: PlannedSlide[] = [];
  const dark = (c: PlanContext, layout: PlannedSlide['layout'], title: string, shapes: Shape[], notes?: string): PlannedSlide => ({
    layout,
    title,
    shapes,
    background: c.theme.colours.primary,
    ...(notes ? { notes: speakerNotes(notes) } : {}),
    ...(layout === 'section' ? { slideNumber: { box: GRID.number, font: c.theme.font, size: c.theme.sizes.footnote.max, colour: c.theme.colours.onPrimary } } : {}),
  });

  if (outline.slides[0]?.layout !== 'title') slides.push(dark(ctx, 'title', outline.meta.title, titleSlide(ctx, undefined)));
  let section = 0;
  for (const slide of outline.slides) {
    const own = ctx.forSlide(slide);
    if (slide.layout === 'title') slides.push(dark(own, 'title', slide.title ?? '', titleSlide(own, slide), slide.notes));
    else if (slide.layout === 'section') slides.push(dark(own, 'section', slide.title ?? '', sectionSlide(own, slide, ++section), slide.notes));
    else slides.push(...contentSlides(own, slide));
  }
  const hasSourcesSlide = outline.slides.some((s) => s.layout === 'sources');
  if (outline.sourcesSlide && !hasSourcesSlide && outline.sources.length) slides.push(framed(ctx, undefined, 'Sources', sourcesBody(ctx, undefined)));
  // Continued lists and tables count: the deck as written, not the outline, is what is bounded.
  if (slides.length > MAX_SLIDES) ctx.problem(['slides'], `the deck would have ${slides.length} slides, counting continued lists and tables; a deck has at most ${MAX_SLIDES}`, 'split it into several decks', 'too-much');

  return {
    deck: { meta: outline.meta, size: { ...SLIDE }, theme, slides },
    diagnostics: ctx.diagnostics,
  };
}

/** Most slides plan to one; bullets and tables continue over as many as they need. */
function contentSlides(ctx: PlanContext, slide: Slide): PlannedSlide[] {
  if (slide.layout === 'bullets') return continued(ctx, slide, bulletPages(ctx, slide));
  if (slide.layout === 'table') return continued(ctx, slide, tablePages(ctx, slide));
  return [contentSlide(ctx, slide)];
}

/** The first page as the outline has it; the rest titled "(cont.)", pointing back in their notes. */
function continued(ctx: PlanContext, slide: Slide, pages: Shape[][]): PlannedSlide[] {
  const title = slide.title ?? '';
  return pages.map((body, i) => {
    if (i === 0) return framed(ctx, slide, title, body);
    return framed(ctx, { ...slide, notes: `Continued from the previous slide, "${title}".` }, `${title} (cont.)`, body);
  });
}

function contentSlide(ctx: PlanContext, slide: Slide): PlannedSlide {
  switch (slide.layout) {
    case 'agenda':
      return framed(ctx, slide, slide.title ?? 'Agenda', agendaSlide(ctx, slide));
    case 'sources':
      return framed(ctx, slide, slide.title ?? 'Sources', sourcesBody(ctx, slide.index));
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
  const titled = title ? titleShapes(ctx, slide ?? ({ index: -1, layout: 'sources' } as Slide), title) : [];
  const shapes = [...titled, ...body, ...(slide ? sourceShapes(ctx, slide, hasDerived(slide)) : []), ...footerShapes(ctx, false)];
  const planned: PlannedSlide = {
    layout: slide?.layout ?? 'sources',
    title: title ?? '',
    shapes,
    background: colours.background,
    slideNumber: { box: GRID.number, font: ctx.theme.font, size: ctx.theme.sizes.footnote.max, colour: colours.muted },
  };
  if (slide?.notes) planned.notes = speakerNotes(slide.notes);
  return planned;
}
