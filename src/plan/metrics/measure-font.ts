/**
 * Builds the advance-width table from the real font with @napi-rs/canvas. Used by the
 * font-metrics script and by the test that keeps the committed table in step with the font;
 * never at build time, so planning needs no native module.
 */
import '../../no-system-fonts.js';
import { createCanvas } from '@napi-rs/canvas';
import type { TwinFamily } from '../../font-twins.js';
import { registerFonts } from '../../fonts.js';
import { FACES, RANGES, type AdvanceTable, type Face } from './ranges.js';

export function advanceTable(family: TwinFamily): AdvanceTable {
  registerFonts();
  const ctx = createCanvas(1, 1).getContext('2d');
  const out = {} as AdvanceTable;
  for (const [face, style] of Object.entries(FACES) as [Face, string][]) {
    ctx.font = `${style}1000px ${family}`;
    out[face] = RANGES.map(([from, to]) => Array.from({ length: to - from + 1 }, (_, i) => Math.round(ctx.measureText(String.fromCodePoint(from + i)).width)));
  }
  return out;
}
