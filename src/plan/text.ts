/** Building fitted text shapes: the one place that turns words and a box into a TextShape. */
import { xmlSafe } from '../emit/sanitize.js';
import { expandDerived } from '../figures/derive.js';
import { ENGLISH, type NumberStyle } from '../figures/format.js';
import type { BulletInput } from '../load/schema.js';
import type { TextRole, Theme } from '../theme/theme.js';
import type { Insets, PlaceholderRef, TextShape } from './deck.js';
import { parseInline, type Run } from './inline.js';
import { fitText, HEIGHT_SAFETY, type Paragraph } from './measure.js';
import type { Box } from './units.js';

/** Whether a text shows anything once the characters XML cannot carry are dropped. */
export const visible = (text: string | undefined): text is string => text !== undefined && xmlSafe(text).trim() !== '';

export const INSETS: Insets = { l: 0.1, r: 0.1, t: 0.05, b: 0.05 };

export interface TextOptions {
  role: TextRole;
  colour?: string;
  bold?: boolean;
  italic?: boolean;
  heading?: boolean;
  align?: TextShape['align'];
  valign?: TextShape['valign'];
  lineSpacing?: number;
  fill?: string;
  insets?: Insets;
  /** Largest size to try, when smaller than the role's maximum (e.g. a subtitle under a title). */
  max?: number;
  isTitle?: boolean;
  /** The layout placeholder the text fills. */
  placeholder?: PlaceholderRef;
}

export interface Fitted {
  shape: TextShape;
  fits: boolean;
  /** Height the text needs at the size chosen, and the height it may use, in inches. */
  needed: number;
  room: number;
}

/** One paragraph; `{{ formula }}` in the text is computed and marked with `derived`, the deck's word for it. */
export function para(text: string | Run[], level = 0, bullet = false, spaceBefore = 0, derived = 'derived', numbers: NumberStyle = ENGLISH): Paragraph {
  return { runs: typeof text === 'string' ? parseInline(expandDerived(text, derived, numbers)) : text, level, bullet, spaceBefore };
}

/** Bullets as the outline nests them, flattened into paragraphs with levels. */
export function bulletParagraphs(items: readonly BulletInput[], level = 0, spaceBefore = 10, derived = 'derived', numbers: NumberStyle = ENGLISH): Paragraph[] {
  const out: Paragraph[] = [];
  for (const item of items) {
    if (Array.isArray(item)) out.push(...bulletParagraphs(item, level + 1, spaceBefore / 2, derived, numbers));
    else if (typeof item === 'string') out.push(para(item, level, true, level === 0 ? spaceBefore : spaceBefore / 2, derived, numbers));
    else {
      out.push(para(item.text, level, true, level === 0 ? spaceBefore : spaceBefore / 2, derived, numbers));
      if (item.bullets) out.push(...bulletParagraphs(item.bullets, level + 1, spaceBefore / 2, derived, numbers));
    }
  }
  return out;
}

export function fittedText(box: Box, paragraphs: Paragraph[], theme: Theme, o: TextOptions): Fitted {
  const insets = o.insets ?? INSETS;
  const font = o.heading ? theme.headingFont : theme.font;
  const lineSpacing = o.lineSpacing ?? 1;
  const range = theme.sizes[o.role];
  const style = { font, book: theme.faces, lineSpacing, ...(o.bold ? { bold: true } : {}), ...(o.italic ? { italic: true } : {}) };
  const inner = { w: box.w - insets.l - insets.r, h: box.h - insets.t - insets.b };
  const fit = fitText(paragraphs, style, { max: Math.min(o.max ?? range.max, range.max), min: range.min }, inner);
  const shape: TextShape = {
    kind: 'text',
    box,
    paragraphs,
    font,
    size: fit.size,
    colour: o.colour ?? theme.colours.text,
    align: o.align ?? 'left',
    valign: o.valign ?? 'top',
    insets,
    lineSpacing,
  };
  if (o.bold) shape.bold = true;
  if (o.italic) shape.italic = true;
  if (o.fill) shape.fill = o.fill;
  if (o.isTitle) shape.role = 'title';
  if (o.placeholder) shape.placeholder = o.placeholder;
  return { shape, fits: fit.fits, needed: fit.height, room: inner.h * HEIGHT_SAFETY };
}
