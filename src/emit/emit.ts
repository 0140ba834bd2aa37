/**
 * emit: rendered Deck -> .pptx bytes. Walks the deck and calls pptxgenjs, one module per kind of
 * shape; makes no layout decisions and writes nothing to disk.
 */
import type { RenderedDeck, RenderedShape, RenderedSlide, TextShape } from '../plan/deck.js';
import { INSETS, para } from '../plan/text.js';
import type { ImageAssets } from '../render/images.js';
import { layoutFor, type Template } from '../template/model.js';
import { finishEarly, finishPackage, type PackageOptions } from './package.js';
import { PartCollector, type EarlyFinish, type Parts } from './parts.js';
import { PptxGenJS, type Presentation, type Slide } from './pptx.js';
import { xmlSafe } from './sanitize.js';
import { timed, timedSync } from '../timings.js';
import type { ShapeNote, SlideNote, TextLanguage } from './slide-xml.js';
import { rightToLeft } from '../plan/labels.js';
import { complexScriptFont } from '../template/briefing.js';
import { emitNativeChart } from './chart.js';
import { emitTable } from './table.js';
import { emitText } from './text.js';


const base64 = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

/** Media by absolute path, so an image used on many slides is embedded from one read. */
export type Media = ReadonlyMap<string, { data: Uint8Array; mime: string }>;

export function mediaFrom(images: ImageAssets): Media {
  return new Map([...images.values()].map((i) => [i.path, { data: i.data, mime: i.mime }]));
}

function emitShape(pptx: Presentation, slide: Slide, shape: RenderedShape, media: Media): void {
  const { x, y, w, h } = shape.box;
  switch (shape.kind) {
    case 'text':
      return emitText(slide, shape);
    case 'table':
      return emitTable(slide, shape);
    case 'rect':
      slide.addShape(pptx.ShapeType.rect, { x, y, w, h, fill: { color: shape.fill }, line: shape.line ? { color: shape.line, width: 0.75 } : { type: 'none' } });
      return;
    case 'chart':
      if (shape.native) return emitNativeChart(pptx, slide, shape);
      slide.addImage({ data: `image/png;base64,${base64(shape.png)}`, x, y, w, h, altText: xmlSafe(shape.alt) });
      return;
    case 'image': {
      const file = media.get(shape.path);
      if (!file) throw new Error(`image ${shape.path} was planned but not read`);
      slide.addImage({ data: `${file.mime};base64,${base64(file.data)}`, x, y, w, h, altText: xmlSafe(shape.alt) });
      return;
    }
  }
}

/** The slide number as a text shape in the layout's slide-number placeholder (a field, in package). */
function slideNumber(planned: RenderedSlide, n: number): TextShape | undefined {
  if (!planned.slideNumber) return undefined;
  const { box, ref, font, size, colour, align = 'right' } = planned.slideNumber;
  const insets = INSETS;
  return { kind: 'text', box, paragraphs: [para(String(n))], font, size, colour, align, valign: 'middle', insets, lineSpacing: 1, placeholder: ref };
}

/**
 * Text that is only characters XML cannot carry (a subtitle of control characters) would be an
 * empty box, which PowerPoint shows as "Click to add text" and screen readers as nothing: left out,
 * except in a title placeholder, which every slide keeps.
 */
function shows(shape: RenderedShape): boolean {
  if (shape.kind !== 'text' || shape.placeholder?.type === 'title' || shape.placeholder?.type === 'ctrTitle') return true;
  return shape.paragraphs.some((p) => p.runs.some((r) => xmlSafe(r.text).trim() !== ''));
}

/** Reading order: the title first, as screen readers expect; the rest as planned (back to front). */
function inReadingOrder(shapes: readonly RenderedShape[]): RenderedShape[] {
  const isTitle = (s: RenderedShape): boolean => s.kind === 'text' && s.role === 'title';
  return [...shapes.filter(isTitle), ...shapes.filter((s) => !isTitle(s))];
}

/**
 * What the package step does to each shape. On a user's template, text in its placeholders takes
 * the template's own colours and typefaces (`inherit`); the sizes stay explicit, as measured. A
 * typeface stays on the runs when the outline's own font (theme.font or headingFont) is not the
 * one the placeholder would give (the template's heading font in titles, its body font
 * elsewhere): the text was measured in the outline's font, and one deck should not mix the two.
 */
function note(shape: RenderedShape, template: Template): ShapeNote {
  if (shape.kind === 'rect' || (shape.kind === 'image' && shape.decorative)) return { decorative: true };
  if (shape.kind !== 'text' || !shape.placeholder) return {};
  if (template.chrome) return { placeholder: shape.placeholder };
  const heading = shape.placeholder.type === 'title' || shape.placeholder.type === 'ctrTitle';
  const given = heading ? template.fonts.major : template.fonts.minor;
  return { placeholder: shape.placeholder, inherit: true, ...(shape.font === given ? {} : { keepFont: true }) };
}

export async function emitDeck(deck: RenderedDeck, media: Media, options: PackageOptions): Promise<Uint8Array> {
  const { template } = deck;
  const cs = template.fonts.cs ?? complexScriptFont(deck.meta.lang);
  const language: TextLanguage = { lang: deck.meta.lang, ...(template.fonts.ea ? { ea: template.fonts.ea } : {}), ...(cs ? { cs } : {}), ...(rightToLeft(deck.meta.lang) ? { rtl: true } : {}) };
  // Slides and notes are repaired and deflated as pptxgenjs writes them (package.ts finishEarly).
  const notes: SlideNote[] = [];
  const parts = await timed('emit', () => pptxParts(deck, media, notes, finishEarly({ slides: notes, language }, options)));
  const fonts = [...new Set([deck.theme.headingFont, deck.theme.font, ...(template.fonts.ea ? [template.fonts.ea] : []), ...(cs ? [cs] : [])])].sort();
  return timedSync('package', () => finishPackage(parts, options, {
    template,
    textSizes: { title: deck.theme.sizes.title.max, body: deck.theme.sizes.body.max },
    slides: notes,
    language,
    info: {
      title: deck.meta.title,
      ...(deck.meta.subtitle ? { subject: deck.meta.subtitle } : {}),
      ...(deck.meta.author ? { author: deck.meta.author } : {}),
      lang: deck.meta.lang,
      titles: deck.slides.map((s) => s.title),
      sections: deck.sections,
      themeName: template.name,
      fonts,
    },
  }));
}

/** The slides through pptxgenjs: its parts; what the package step needs to know of each slide goes into `notes`. */
async function pptxParts(deck: RenderedDeck, media: Media, notes: SlideNote[], early: EarlyFinish): Promise<Parts> {
  const { template } = deck;
  const pptx = new PptxGenJS();
  pptx.defineLayout({ name: 'DECKGEN', width: deck.size.w, height: deck.size.h });
  pptx.layout = 'DECKGEN';
  pptx.title = xmlSafe(deck.meta.title);
  if (deck.meta.subtitle) pptx.subject = xmlSafe(deck.meta.subtitle);
  if (deck.meta.author) pptx.author = xmlSafe(deck.meta.author);
  pptx.company = 'deckgen';
  pptx.theme = { headFontFace: deck.theme.headingFont, bodyFontFace: deck.theme.font };

  deck.slides.forEach((planned, i) => {
    const slide = pptx.addSlide();
    const layout = layoutFor(template, planned.layout);
    // The layout gives the background; a slide sets its own only where its colours differ.
    if (planned.background !== (layout.background ?? template.background)) slide.background = { color: planned.background };
    const number = slideNumber(planned, i + 1);
    const shapes = [...inReadingOrder(planned.shapes.filter(shows)), ...(number ? [number] : [])];
    for (const shape of shapes) emitShape(pptx, slide, shape, media);
    notes.push({ layout: template.layouts.indexOf(layout) + 1, shapes: shapes.map((s) => note(s, template)) });
    if (planned.notes) slide.addNotes(xmlSafe(planned.notes));
  });
  // With the part collector standing in for JSZip (pptx.ts), "writing" hands back the parts.
  return PartCollector.collectParts(() => pptx.write({ outputType: 'uint8array' }), early);
}
