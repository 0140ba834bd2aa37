/**
 * Advance tables (thousandths of an em, per face and per range of ranges.ts) read from font files:
 * the twins' files from npm, for `npm run font-metrics`, and the outline's own fonts (theme.fonts).
 * A character the font has no glyph for is -1, so the plan measures it with the safety margin.
 */
import { readFileSync } from 'node:fs';
import type { Twin } from '../font-twins.js';
import { twinFiles } from '../fonts.js';
import { FACES, RANGES, type AdvanceTable, type Face } from '../plan/metrics/ranges.js';
import { fontWidths, type FontWidths } from './sfnt.js';

export const MISSING = -1;

/** One face's row of the table, the first of `fonts` that has a glyph deciding each character. */
export function faceTable(fonts: readonly FontWidths[]): number[][] {
  return RANGES.map(([from, to]) =>
    Array.from({ length: to - from + 1 }, (_, i) => {
      for (const f of fonts) {
        const w = f.width(from + i);
        if (w !== undefined) return w;
      }
      return MISSING;
    }),
  );
}

const FILE_FACE: Record<string, Face> = { '400-normal': 'regular', '700-normal': 'bold', '400-italic': 'italic', '700-italic': 'boldItalic' };

/** A twin's table from its npm package's WOFF files (the latin and latin-ext subsets of each face). */
export function twinTable(twin: Twin): AdvanceTable {
  const files = twinFiles(twin);
  const out = {} as AdvanceTable;
  for (const face of Object.keys(FACES) as Face[]) {
    const mine = files.filter((f) => FILE_FACE[/(\d00-(normal|italic))\.woff$/.exec(f)![1]!] === face);
    out[face] = faceTable(mine.map((f) => fontWidths(new Uint8Array(readFileSync(f)))));
  }
  return out;
}
