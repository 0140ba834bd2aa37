/**
 * Text measurement and fitting with the real metrics of the font the text is shown in, wrapped
 * the way PowerPoint wraps: at spaces, inside words only when a word is wider than the line,
 * and between CJK characters. This is what lets the plan promise that nothing overflows.
 */
import type { Run } from './inline.js';
import { advance, type FontBook } from './metrics/advance.js';
import { ptToIn } from './units.js';

export interface Paragraph {
  runs: Run[];
  /** 0 for top level; each level indents further. */
  level: number;
  bullet: boolean;
  /** Space above the paragraph, in points (ignored for the first). */
  spaceBefore: number;
}

export interface TextStyle {
  font: string;
  /** The outline's own fonts, for a `font` that is measured from its file. */
  book?: FontBook;
  bold?: boolean;
  italic?: boolean;
  /** Line spacing as a multiple of single spacing. */
  lineSpacing: number;
}

/** Single line spacing of Calibri/Carlito (ascent + descent + line gap), as renderers use it. */
export const LINE_HEIGHT = 1.22;
/**
 * A line with CJK characters is as tall as the CJK font makes it: Noto Sans CJK's ascent and
 * descent add up to 1.448 em (Microsoft YaHei's to 1.32), taller than any Latin twin's line.
 */
export const CJK_LINE_HEIGHT = 1.45;

/** Single line spacing, in ems, of a line holding `runs`. */
export function lineHeightOf(runs: readonly Run[]): number {
  return runs.some((r) => CJK_CHAR.test(r.text)) ? CJK_LINE_HEIGHT : LINE_HEIGHT;
}
/** Renderers differ by a few percent in advance widths and line breaking; leave room for it. */
const WIDTH_SAFETY = 0.95;
/** Share of a box's inner height text may fill: room for renderers' line-height differences. */
export const HEIGHT_SAFETY = 0.96;
/** Bullet indent per level, in inches, at an 18 pt body size; scales with the size. */
const INDENT_PER_LEVEL = 0.32;

/** Width of a single line of runs, in inches, at `size` points. */
export function lineWidth(runs: readonly Run[], style: TextStyle, size: number): number {
  return runs.reduce((sum, r) => sum + advance(r.text, !!(r.bold ?? style.bold), !!(r.italic ?? style.italic), style.font, style.book) * ptToIn(size), 0);
}

export const CJK = '\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef';
export const CJK_CHAR = new RegExp(`[${CJK}]`);
/**
 * Chinese and Japanese characters and full-width forms: a line may break between any two. Not
 * Hangul: Korean wraps at its spaces, as PowerPoint and LibreOffice set it ("절감 / 방안", never
 * "절 / 감").
 */
export const HAN_KANA = '\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef';
const HAN_KANA_CHAR = new RegExp(`[${HAN_KANA}]`);
const TOKENS = new RegExp(`[${HAN_KANA}]|[^\\s${HAN_KANA}]+|\\s+`, 'g');
/** Characters a line may not start with (closing brackets, stops, small kana marks) or end with (opening brackets). */
export const NO_LINE_START = /^[\u3001\u3002\uff0c\uff0e\u30fb\uff1a\uff1b\uff1f\uff01\u30fc\u3005\uff09\u300d\u300f\u3011\u3015\u3009\u300b\uff5d\uff3d]$/;
export const NO_LINE_END = /^[\uff08\u300c\u300e\u3010\u3014\u3008\u300a\uff5b\uff3b]$/;

interface Piece {
  text: string;
  width: number;
  space: boolean;
  /** Glyph widths, so a word wider than a line can be broken between characters (worked out only then). */
  chars: () => number[];
}

/** A token of the runs, its width in ems, and whether it glues onto the word before it. */
interface Token {
  text: string;
  em: number;
  space: boolean;
  bold: boolean;
  italic: boolean;
  glue: boolean;
}

/**
 * The runs split into tokens, worked out once per text and style: fitting asks for the same text
 * at every size it tries (tables parse their cells afresh each time, so the key is the text).
 * Bounded, so a deck of endless distinct paragraphs cannot grow it without limit.
 */
const tokenized = new Map<string, { book: TextStyle['book']; tokens: Token[] }>();
const TOKENIZED_LIMIT = 20_000;

function tokensOf(runs: readonly Run[], style: TextStyle): Token[] {
  let key = `${style.font.length}:${style.font}${style.bold ? 1 : 0}${style.italic ? 1 : 0}`;
  // Each run's length in the key: no text can pass for the separator of two runs.
  for (const r of runs) key += `\u0000${r.bold === undefined ? '-' : r.bold ? 1 : 0}${r.italic === undefined ? '-' : r.italic ? 1 : 0}${r.text.length}:${r.text}`;
  const known = tokenized.get(key);
  if (known && known.book === style.book) return known.tokens;
  const tokens: Token[] = [];
  // The text of the piece being built, for the same glue test as before the tokens were kept.
  let prevText: string | undefined;
  let prevSpace = true;
  for (const r of runs) {
    const bold = !!(r.bold ?? style.bold);
    const italic = !!(r.italic ?? style.italic);
    for (const text of r.text.match(TOKENS) ?? []) {
      const space = /^\s+$/.test(text);
      // Runs split words at style changes ("**4.1**m"); glue them back so they wrap as one word.
      // East Asian text breaks between any two characters, except where its line-breaking rules
      // (kinsoku) forbid: never before a closing bracket or stop, never after an opening bracket.
      const kinsoku = prevText !== undefined && !prevSpace && !space && (NO_LINE_START.test(text) || NO_LINE_END.test(prevText.slice(-1)));
      const glue = kinsoku || (!space && prevText !== undefined && !prevSpace && !HAN_KANA_CHAR.test(text + prevText));
      tokens.push({ text, em: advance(text, bold, italic, style.font, style.book), space, bold, italic, glue });
      prevText = glue ? prevText + text : text;
      prevSpace = space;
    }
  }
  if (tokenized.size >= TOKENIZED_LIMIT) tokenized.clear();
  tokenized.set(key, { book: style.book, tokens });
  return tokens;
}

function pieces(runs: readonly Run[], style: TextStyle, size: number): Piece[] {
  const scale = ptToIn(size);
  const out: Piece[] = [];
  for (const t of tokensOf(runs, style)) {
    const width = t.em * scale;
    const chars = (): number[] => (t.space ? [] : [...t.text].map((c) => advance(c, t.bold, t.italic, style.font, style.book) * scale));
    if (t.glue) {
      const prev = out[out.length - 1]!;
      const before = prev.chars;
      prev.text += t.text;
      prev.width += width;
      prev.chars = () => [...before(), ...chars()];
    } else {
      out.push({ text: t.text, width, space: t.space, chars });
    }
  }
  return out;
}

/** The runs broken into lines no wider than `maxWidth` inches, as PowerPoint breaks them. */
export function wrapLines(runs: readonly Run[], style: TextStyle, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  let used = 0;
  let pending = { text: '', width: 0 };
  const breakLine = (): void => {
    lines.push(line);
    line = '';
    used = 0;
  };
  for (const p of pieces(runs, style, size)) {
    if (p.space) {
      pending = { text: pending.text + p.text, width: pending.width + p.width };
      continue;
    }
    if (used > 0 && used + pending.width + p.width > maxWidth) breakLine();
    else if (used > 0) {
      line += pending.text;
      used += pending.width;
    }
    pending = { text: '', width: 0 };
    if (used + p.width <= maxWidth) {
      line += p.text;
      used += p.width;
      continue;
    }
    const chars = p.chars();
    [...p.text].forEach((c, i) => {
      const w = chars[i] ?? 0;
      if (used > 0 && used + w > maxWidth) breakLine();
      line += c;
      used += w;
    });
  }
  lines.push(line);
  return lines;
}

/** How many lines the runs take in a line `maxWidth` inches wide. */
export function countLines(runs: readonly Run[], style: TextStyle, size: number, maxWidth: number): number {
  return wrapLines(runs, style, size, maxWidth).length;
}

/** Bullet indent per level in inches at `size` points; emit writes the same value. */
export const indentStep = (size: number): number => INDENT_PER_LEVEL * (size / 18);

export function indentOf(level: number, bullet: boolean, size: number): number {
  return (bullet ? level + 1 : level) * indentStep(size);
}

/** Paragraph spacing scales with the text so shrunk text keeps its proportions. */
export const spaceBeforePt = (p: Paragraph, size: number): number => p.spaceBefore * (size / 18);

/** Height in inches of paragraphs set at `size` points in a column `width` inches wide. */
export function textHeight(paras: readonly Paragraph[], style: TextStyle, size: number, width: number): number {
  return paras.reduce((sum, p, i) => {
    const line = ptToIn(size) * lineHeightOf(p.runs) * style.lineSpacing;
    const avail = (width - indentOf(p.level, p.bullet, size)) * WIDTH_SAFETY;
    const lines = countLines(p.runs, style, size, avail);
    return sum + lines * line + (i > 0 ? ptToIn(spaceBeforePt(p, size)) : 0);
  }, 0);
}

export interface Fit {
  size: number;
  height: number;
  fits: boolean;
}

/**
 * The largest size from `max` down to `min` (half-point steps) at which the paragraphs fit the
 * box's inner width and height. `fits` is false when even `min` overflows.
 */
export function fitText(
  paras: readonly Paragraph[],
  style: TextStyle,
  range: { max: number; min: number },
  inner: { w: number; h: number },
): Fit {
  const sizes: number[] = [];
  for (let size = range.max; size > range.min; size -= 0.5) sizes.push(size);
  sizes.push(range.min);
  // A word broken across lines ("enterprise-s") reads badly: shrink rather than break one, and
  // break words only when no size in the range keeps them whole.
  const widest = paras.map((p) => Math.max(0, ...pieces(p.runs, style, 1).filter((x) => !x.space).map((x) => x.width)));
  const whole = (size: number): boolean => paras.every((p, i) => widest[i]! * size <= (inner.w - indentOf(p.level, p.bullet, size)) * WIDTH_SAFETY);
  let broken: Fit | undefined;
  for (const size of sizes) {
    const height = textHeight(paras, style, size, inner.w);
    if (height > inner.h * HEIGHT_SAFETY) continue;
    if (whole(size)) return { size, height, fits: true };
    broken ??= { size, height, fits: true };
  }
  return broken ?? { size: range.min, height: textHeight(paras, style, range.min, inner.w), fits: false };
}
