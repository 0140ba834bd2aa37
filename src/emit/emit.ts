/**
 * emit: rendered Deck -> .pptx bytes. Walks the deck and calls pptxgenjs, one module per kind of
 * shape; makes no layout decisions and writes nothing to disk.
 */
import type { RenderedDeck, RenderedShape } from '../plan/deck.js';
import type { ImageAssets } from '../render/images.js';
import { finishPackage, type PackageOptions } from './package.js';
import type { Parts } from './parts.js';
import { PptxGenJS, type Presentation, type Slide, type SlideNumberProps } from './pptx.js';
import { xmlSafe } from './sanitize.js';
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

export async function emitDeck(deck: RenderedDeck, media: Media, options: PackageOptions): Promise<Uint8Array> {
  const pptx = new PptxGenJS();
  pptx.defineLayout({ name: 'DECKGEN', width: deck.size.w, height: deck.size.h });
  pptx.layout = 'DECKGEN';
  pptx.title = xmlSafe(deck.meta.title);
  if (deck.meta.subtitle) pptx.subject = xmlSafe(deck.meta.subtitle);
  if (deck.meta.author) pptx.author = xmlSafe(deck.meta.author);
  pptx.company = 'deckgen';
  pptx.theme = { headFontFace: deck.theme.headingFont, bodyFontFace: deck.theme.font };

  for (const planned of deck.slides) {
    const slide = pptx.addSlide();
    slide.background = { color: planned.background };
    for (const shape of planned.shapes) emitShape(pptx, slide, shape, media);
    if (planned.slideNumber) {
      const { box, font, size, colour } = planned.slideNumber;
      slide.slideNumber = { x: box.x, y: box.y, w: box.w, h: box.h, fontFace: font, fontSize: size, color: colour, align: 'right', valign: 'middle' } as SlideNumberProps;
    }
    if (planned.notes) slide.addNotes(xmlSafe(planned.notes));
  }
  // With the part collector standing in for JSZip (pptx.ts), "writing" hands back the parts.
  const parts = (await pptx.write({ outputType: 'uint8array' })) as unknown as Parts;
  return finishPackage(parts, options);
}
