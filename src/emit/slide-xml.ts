/**
 * A slide as pptxgenjs writes it, made into one PowerPoint treats as its own: titles, text,
 * footers and numbers in their layout's placeholders, decoration marked decorative, tables with
 * a header row, one id per shape, and every run in the deck's language.
 */
import type { PlaceholderRef } from '../plan/deck.js';
import { phXml, SLIDE_NUMBER_FIELD } from './master.js';

/** What emit knows of each shape it handed pptxgenjs, in the order it handed them. */
export interface ShapeNote {
  placeholder?: PlaceholderRef;
  decorative?: boolean;
  /** Runs take colour and typeface from the layout's placeholder (a user's template). */
  inherit?: boolean;
  /** ...but keep their own typeface: the outline's font, which the text was measured in, is not the placeholder's. */
  keepFont?: boolean;
}

export interface SlideNote {
  /** 1-based number of the slide layout part the slide is built on. */
  layout: number;
  shapes: ShapeNote[];
}

export interface TextLanguage {
  lang: string;
  /** East Asian typeface for the a:ea slot, when the deck's language needs one. */
  ea?: string;
  /** Complex-script typeface for the a:cs slot (Arabic, Hebrew), when the deck's language needs one. */
  cs?: string;
  /** Paragraphs read right to left (Arabic, Hebrew): see rightToLeftXml. */
  rtl?: boolean;
}

const DECORATIVE =
  '<a:extLst><a:ext uri="{C183D7F6-B498-43B3-948B-1728B52AA6E4}"><adec:decorative xmlns:adec="http://schemas.microsoft.com/office/drawing/2017/decorative" val="1"/></a:ext></a:extLst>';

/** "No Style, No Grid": PowerPoint's built-in style that adds nothing to deckgen's own cell formatting. */
const TABLE_STYLE = '{2D5ABB26-0587-4C30-8999-92F81FD0307C}';

const PH_NAMES: Record<PlaceholderRef['type'], string> = {
  title: 'Title',
  ctrTitle: 'Title',
  subTitle: 'Subtitle',
  body: 'Content Placeholder',
  dt: 'Date Placeholder',
  ftr: 'Footer Placeholder',
  sldNum: 'Slide Number Placeholder',
};

function placeholder(shape: string, ph: PlaceholderRef, id: number): string {
  let out = shape
    .replace(/<p:cNvPr id="\d+" name="[^"]*"/, `<p:cNvPr id="${id}" name="${PH_NAMES[ph.type]} ${id - 1}"`)
    .replace(/<p:cNvSpPr(?: txBox="1")?\/>/, '<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr>')
    .replace(/<p:nvPr(?:\/>|><\/p:nvPr>)/, `<p:nvPr>${phXml(ph.type, ph.idx)}</p:nvPr>`);
  // The slide number is a field, so it stays right when slides are moved in PowerPoint.
  if (ph.type === 'sldNum') {
    out = out.replace(/<a:r>(<a:rPr\b[^>]*?(?:\/>|>.*?<\/a:rPr>))<a:t>(\d+)<\/a:t><\/a:r>/s, `<a:fld id="${SLIDE_NUMBER_FIELD}" type="slidenum">$1<a:t>$2</a:t></a:fld>`);
  }
  return out;
}

/** Runs without their own colour (and typefaces, unless kept), so the layout's placeholder styles show. */
function inherited(shape: string, keepFont = false): string {
  return shape.replace(/(<a:(?:rPr|endParaRPr)\b[^>]*>)(.*?)(<\/a:(?:rPr|endParaRPr)>)/gs, (_m, open: string, inner: string, close: string) => {
    const uncoloured = inner.replace(/<a:solidFill>.*?<\/a:solidFill>/s, '');
    return `${open}${keepFont ? uncoloured : uncoloured.replace(/<a:(?:latin|ea|cs)\b[^>]*\/>/g, '')}${close}`;
  });
}

function decorative(shape: string, id: number): string {
  return shape
    .replace(/<p:cNvPr id="\d+"([^>]*?)(?:\/>|>\s*<\/p:cNvPr>)/, `<p:cNvPr id="${id}"$1>${DECORATIVE}</p:cNvPr>`);
}

/** Splits the shape tree into its top-level shapes (pptxgenjs writes no groups). */
function shapesOf(xml: string): { head: string; shapes: string[]; tail: string } | undefined {
  const start = xml.indexOf('</p:grpSpPr>');
  const end = xml.lastIndexOf('</p:spTree>');
  if (start < 0 || end < 0) return undefined;
  const from = start + '</p:grpSpPr>'.length;
  const body = xml.slice(from, end);
  const shapes = body.split(/(?=<p:(?:sp|pic|graphicFrame|cxnSp)>)/).filter((s) => s.length);
  return { head: xml.slice(0, from), shapes, tail: xml.slice(end) };
}

export function finishSlide(xml: string, note: SlideNote, language: TextLanguage): string {
  const parts = shapesOf(xml);
  if (!parts) {
    if (note.shapes.length) throw new Error('slide has no shape tree, but emit made shapes for it');
    return withLanguage(xml, language);
  }
  if (parts.shapes.length !== note.shapes.length) throw new Error(`slide has ${parts.shapes.length} shapes, emit made ${note.shapes.length}`);
  const shapes = parts.shapes.map((shape, i) => {
    const id = i + 2;
    const n = note.shapes[i]!;
    if (n.placeholder) return placeholder(n.inherit ? inherited(shape, n.keepFont) : shape, n.placeholder, id);
    if (n.decorative) return decorative(shape, id);
    return shape.replace(/<p:cNvPr id="\d+"/, `<p:cNvPr id="${id}"`);
  });
  const tables = (parts.head + shapes.join('') + parts.tail).replace(/<a:tblPr\/>/g, `<a:tblPr firstRow="1" bandRow="1"><a:tableStyleId>${TABLE_STYLE}</a:tableStyleId></a:tblPr>`);
  return withLanguage(tables, language);
}

/**
 * Every run tagged with the deck's language; East Asian and complex-script text in the
 * language's own typefaces; in a right-to-left language, every paragraph and table right to left.
 */
export function withLanguage(xml: string, { lang, ea, cs, rtl }: TextLanguage): string {
  let out = lang === 'en-US' ? xml : xml.replace(/ lang="en-US"/g, ` lang="${lang}"`);
  if (ea) out = out.replace(/<a:ea typeface="[^"]*"[^>]*\/>/g, `<a:ea typeface="${ea}"/>`);
  if (cs) out = out.replace(/<a:cs typeface="[^"]*"[^>]*\/>/g, `<a:cs typeface="${cs}"/>`);
  return rtl ? rightToLeftXml(out) : out;
}

/**
 * Paragraphs (a:pPr, and the list styles' a:lvlNpPr) set right to left, as PowerPoint writes
 * them for Arabic and Hebrew: rtl="1", with left and right alignment swapped (text starts at the
 * right, bullets and indents sit there, and what stood at a box's right edge, a slide number or
 * a number column, stands at its left); centred text stays centred. A paragraph without
 * properties gets them, and a table reads its columns right to left. Plan, which mirrors the
 * layout, sets the alignments this swaps back where a user's template keeps its geometry.
 */
export function rightToLeftXml(xml: string): string {
  const swapped = { l: 'r', r: 'l' } as Record<string, string>;
  return xml
    // No properties: its alignment is its list style's, swapped there.
    .replace(/<a:p>(?!<a:pPr)/g, '<a:p><a:pPr rtl="1"/>')
    .replace(/<a:(pPr|lvl\dpPr)\b([^>]*?)(\/?)>/g, (whole, tag: string, attrs: string, close: string) => {
      // Already right to left: left as it is, so the change can be made twice.
      if (/ rtl="1"/.test(attrs)) return whole;
      let a = attrs.replace(/ rtl="[^"]*"/, '');
      if (/ algn="[lr]"/.test(a)) a = a.replace(/ algn="([lr])"/, (_x, side: string) => ` algn="${swapped[side]}"`);
      else if (!/ algn="/.test(a)) a += ' algn="r"';
      return `<a:${tag}${a} rtl="1"${close}>`;
    })
    .replace(/<a:tblPr\b(?![^>]*\brtl=)/g, '<a:tblPr rtl="1"')
    // A run of digits with no right-to-left letter ("/5", "Q3 2023") keeps its own order: a
    // left-to-right mark before it, or a leading "/" went to its end ("5/").
    .replace(/<a:t>(?!\u200e)([^<]*\d[^<]*)<\/a:t>/g, (whole, text: string) => (RTL_LETTER.test(text) ? whole : `<a:t>\u200e${text}</a:t>`));
}

const RTL_LETTER = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/;
