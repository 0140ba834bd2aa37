/**
 * Advance widths of Carlito (metric-compatible with Calibri) and Arimo (with Arial), from tables
 * measured off the fonts themselves (scripts/font-metrics.mjs). A lookup, not a canvas: planning stays pure, needs no
 * native module, and costs no font start-up. Shaping (kerning, ligatures) makes real text at most
 * ~2% narrower than the sum of its advances, inside the plan's safety margin.
 */
import { twinOf } from '../../font-twins.js';
import arimo from './arimo.json' with { type: 'json' };
import carlito from './carlito.json' with { type: 'json' };
import { RANGES, type AdvanceTable, type Face } from './ranges.js';

const TABLES: Record<'Carlito' | 'Arimo', AdvanceTable> = { Carlito: carlito as AdvanceTable, Arimo: arimo as AdvanceTable };

/** Characters outside the table (CJK, emoji, rare scripts) count as a full em: never too narrow. */
const UNKNOWN = 1000;

function face(bold: boolean, italic: boolean): Face {
  return bold ? (italic ? 'boldItalic' : 'bold') : italic ? 'italic' : 'regular';
}

/** Width of `text` in ems, set in `font` (measured as its metric twin). */
export function advance(text: string, bold: boolean, italic: boolean, font = 'Calibri'): number {
  const widths = TABLES[twinOf(font).family][face(bold, italic)];
  let sum = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    let w = UNKNOWN;
    for (let r = 0; r < RANGES.length; r++) {
      const [from, to] = RANGES[r]!;
      if (cp >= from && cp <= to) {
        w = widths[r]![cp - from]!;
        break;
      }
    }
    if (cp === 0x09 || cp === 0x0a || cp === 0x0d) w = widths[0]![0]!;
    sum += w;
  }
  return sum / 1000;
}
