/**
 * Advance widths of the metric twins (Carlito for Calibri, Arimo for Arial, Caladea for Cambria,
 * Tinos for Times New Roman, Cousine for Courier New, Gelasio for Georgia), from tables read off
 * the fonts themselves (scripts/font-metrics.mjs), and of the outline's own font files (a FontBook
 * read before planning). A lookup, not a canvas: planning stays pure, needs no native module, and
 * costs no font start-up. Shaping (kerning, ligatures) makes real text at most ~2% narrower than
 * the sum of its advances, inside the plan's safety margin.
 */
import { fontKey, twinOf, type TwinFamily } from '../../font-twins.js';
import arimo from './arimo.json' with { type: 'json' };
import caladea from './caladea.json' with { type: 'json' };
import carlito from './carlito.json' with { type: 'json' };
import cousine from './cousine.json' with { type: 'json' };
import gelasio from './gelasio.json' with { type: 'json' };
import tinos from './tinos.json' with { type: 'json' };
import { FACES, RANGES, rangeOf, type AdvanceTable, type Face } from './ranges.js';

export const TWIN_TABLES: Record<TwinFamily, AdvanceTable> = {
  Carlito: carlito as AdvanceTable,
  Arimo: arimo as AdvanceTable,
  Caladea: caladea as AdvanceTable,
  Tinos: tinos as AdvanceTable,
  Cousine: cousine as AdvanceTable,
  Gelasio: gelasio as AdvanceTable,
};

/** Fonts the outline supplies as files (theme.fonts), by fontKey of their name. */
export type FontBook = ReadonlyMap<string, AdvanceTable>;

/** The faces whose widest advance, character by character, is the safety margin for other fonts. */
export const SAFETY_FACES: readonly TwinFamily[] = ['Carlito', 'Arimo', 'Caladea', 'Tinos', 'Gelasio'];

/** Per character, the widest of the common sans and serif twins: what an unmeasurable font is measured with. */
export const SAFETY_TABLE: AdvanceTable = Object.fromEntries(
  (Object.keys(FACES) as Face[]).map((face) => [
    face,
    RANGES.map((_, r) => SAFETY_FACES.map((f) => TWIN_TABLES[f][face][r]!).reduce((max, row) => max.map((w, i) => Math.max(w, row[i]!)))),
  ]),
) as AdvanceTable;

/** Characters no table covers (CJK, kana, hangul, emoji, rare scripts) count as a full em: never too narrow. */
const UNKNOWN = 1000;

/**
 * Width, in thousandths of an em, of a character outside the measured ranges: a full em, except
 * in the right-to-left scripts, whose letters are narrower and whose vowel points and marks take
 * no width. Hebrew and Arabic letters average 0.51-0.63 em in the faces a deck falls back to for
 * them (DejaVu Sans, Liberation Sans, Tinos, regular and bold); 0.65 keeps them on the wide side
 * without making an Arabic title twice its length.
 */
function unmeasured(cp: number): number {
  // Outside the Hebrew, Arabic and presentation-form blocks (CJK among them), but for the direction marks: a full em.
  if (cp < 0x0590 || cp > 0xfeff || (cp > 0x08ff && cp < 0xfb1d)) return cp === 0x200e || cp === 0x200f ? 0 : UNKNOWN;
  if (within(cp, RTL_MARKS)) return 0;
  return within(cp, RTL_LETTERS) ? 650 : UNKNOWN;
}
const within = (cp: number, ranges: readonly (readonly [number, number])[]): boolean => ranges.some(([a, b]) => cp >= a && cp <= b);
const RTL_MARKS = [[0x0591, 0x05c7], [0x0610, 0x061a], [0x064b, 0x065f], [0x0670, 0x0670], [0x06d6, 0x06ed], [0x08d3, 0x08ff], [0xfe20, 0xfe2f], [0x200e, 0x200f], [0x061c, 0x061c]] as const;
const RTL_LETTERS = [[0x0590, 0x05ff], [0x0600, 0x06ff], [0x0750, 0x077f], [0x08a0, 0x08ff], [0xfb1d, 0xfdff], [0xfe70, 0xfeff]] as const;

function face(bold: boolean, italic: boolean): Face {
  return bold ? (italic ? 'boldItalic' : 'bold') : italic ? 'italic' : 'regular';
}

/** How deckgen measures a font: its own file, its metric twin, or (neither) the safety margin. */
export function measuredBy(font: string, book?: FontBook): 'file' | TwinFamily | undefined {
  if (book?.has(fontKey(font))) return 'file';
  return twinOf(font)?.family;
}

/** Each font's table, found once per font name (and font book): fontKey and twinOf are string work. */
const tables = new WeakMap<FontBook | typeof NO_BOOK, Map<string, AdvanceTable>>();
const NO_BOOK = {};

function tableOf(font: string, book?: FontBook): AdvanceTable {
  let known = tables.get(book ?? NO_BOOK);
  if (!known) tables.set(book ?? NO_BOOK, (known = new Map()));
  let table = known.get(font);
  if (!table) {
    const by = measuredBy(font, book);
    known.set(font, (table = by === 'file' ? book!.get(fontKey(font))! : by ? TWIN_TABLES[by] : SAFETY_TABLE));
  }
  return table;
}

/**
 * Widths already measured, per table and face. Fitting measures the same words at every size it
 * tries, and decks repeat words; a word's width in ems does not depend on the size. Bounded, so a
 * deck of endless distinct words cannot grow it without limit.
 */
const measured = new WeakMap<AdvanceTable, Record<Face, Map<string, number>>>();
const MEASURED_LIMIT = 50_000;

export function advance(text: string, bold: boolean, italic: boolean, font = 'Calibri', book?: FontBook): number {
  const f = face(bold, italic);
  const table = tableOf(font, book);
  let memo = measured.get(table);
  if (!memo) measured.set(table, (memo = { regular: new Map(), bold: new Map(), italic: new Map(), boldItalic: new Map() }));
  const known = memo[f].get(text);
  if (known !== undefined) return known;
  const width = sumOf(text, table[f], SAFETY_TABLE[f]);
  if (memo[f].size >= MEASURED_LIMIT) memo[f].clear();
  memo[f].set(text, width);
  return width;
}

function sumOf(text: string, widths: number[][], safety: number[][]): number {
  let sum = 0;
  for (const ch of text) {
    let cp = ch.codePointAt(0)!;
    // Tabs and line breaks are drawn as spaces.
    if (cp === 0x09 || cp === 0x0a || cp === 0x0d) cp = 0x20;
    let w = UNKNOWN;
    const r = rangeOf(cp);
    if (r < 0) w = unmeasured(cp);
    if (r >= 0) {
      const i = cp - RANGES[r]![0];
      w = widths[r]![i]!;
      // A glyph the font lacks is drawn from a fallback font: measure it with the safety margin.
      if (w < 0) w = safety[r]![i]!;
      if (w < 0) w = unmeasured(cp);
    }
    sum += w;
  }
  return sum / 1000;
}

/**
 * Whether the table's font has a glyph, in every face, for every printable character of `text`
 * (the characters no fallback font is needed for).
 */
export function covers(table: AdvanceTable, text: string): boolean {
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x20 || cp === 0x7f) continue;
    const r = rangeOf(cp);
    if (r < 0) return false;
    for (const face of Object.values(table)) if (!(face[r]![cp - RANGES[r]![0]]! >= 0)) return false;
  }
  return true;
}
