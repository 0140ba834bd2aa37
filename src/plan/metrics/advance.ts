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
import { FACES, RANGES, type AdvanceTable, type Face } from './ranges.js';

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

function face(bold: boolean, italic: boolean): Face {
  return bold ? (italic ? 'boldItalic' : 'bold') : italic ? 'italic' : 'regular';
}

/** How deckgen measures a font: its own file, its metric twin, or (neither) the safety margin. */
export function measuredBy(font: string, book?: FontBook): 'file' | TwinFamily | undefined {
  if (book?.has(fontKey(font))) return 'file';
  return twinOf(font)?.family;
}

function tableOf(font: string, book?: FontBook): AdvanceTable {
  const by = measuredBy(font, book);
  return by === 'file' ? book!.get(fontKey(font))! : by ? TWIN_TABLES[by] : SAFETY_TABLE;
}

/** Width of `text` in ems, set in `font` (measured from its file, as its metric twin, or with the safety margin). */
export function advance(text: string, bold: boolean, italic: boolean, font = 'Calibri', book?: FontBook): number {
  const f = face(bold, italic);
  const widths = tableOf(font, book)[f];
  const safety = SAFETY_TABLE[f];
  let sum = 0;
  for (const ch of text) {
    let cp = ch.codePointAt(0)!;
    // Tabs and line breaks are drawn as spaces.
    if (cp === 0x09 || cp === 0x0a || cp === 0x0d) cp = 0x20;
    let w = UNKNOWN;
    for (let r = 0; r < RANGES.length; r++) {
      const [from, to] = RANGES[r]!;
      if (cp >= from && cp <= to) {
        w = widths[r]![cp - from]!;
        // A glyph the font lacks is drawn from a fallback font: measure it with the safety margin.
        if (w < 0) w = safety[r]![cp - from]!;
        if (w < 0) w = UNKNOWN;
        break;
      }
    }
    sum += w;
  }
  return sum / 1000;
}
