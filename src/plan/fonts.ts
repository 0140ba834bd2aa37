/**
 * A font deckgen cannot measure (no metric twin, no file in theme.fonts, not an East Asian face)
 * is a warning at the key that names it: the deck still builds, measured with the safety margin
 * (the widest of the sans and serif twins, character by character), so text fits but may look
 * looser than it would with the font's own widths.
 */
import { fontKey, isEastAsianFont, TWINS } from '../font-twins.js';
import type { Theme } from '../theme/theme.js';
import type { PlanContext } from './context.js';
import { measuredBy, TWIN_TABLES } from './metrics/advance.js';
import type { AdvanceTable } from './metrics/ranges.js';

const OFFICE = TWINS.map((t) => t.names[0]).join(', ');

export function fontWarnings(ctx: PlanContext): void {
  const given = ctx.outline.theme;
  const keys = (['font', 'headingFont'] as const).filter((k) => given[k] !== undefined);
  const seen = new Set<string>();
  for (const key of keys) {
    const font = given[key]!;
    if (seen.has(font) || measuredBy(font, ctx.theme.faces) || isEastAsianFont(font)) continue;
    seen.add(font);
    ctx.problem(
      ['theme', key],
      `theme.${key} "${font}": deckgen has no widths for this font, so it measures text with a safety margin (the widest of Calibri, Arial, Cambria, Times New Roman and Georgia) and draws charts in Carlito`,
      `to measure it exactly, give its font file: theme.fonts: { "${font}": assets/${font.replace(/\s+/g, '')}.ttf }; fonts deckgen measures without a file: ${OFFICE}`,
      'unmeasured-font',
      'warning',
    );
  }
}

/** Glyph by glyph, the wider of two tables; a glyph either lacks stays missing (measured with the safety margin). */
function widerOf(a: AdvanceTable, b: AdvanceTable): AdvanceTable {
  const faces = Object.keys(a) as (keyof AdvanceTable)[];
  return Object.fromEntries(faces.map((face) => [face, a[face].map((row, r) => row.map((w, i) => (w < 0 || b[face][r]![i]! < 0 ? -1 : Math.max(w, b[face][r]![i]!))))])) as AdvanceTable;
}

/**
 * A right-to-left deck's fonts, measured as they may be drawn. In a right-to-left paragraph the
 * viewer may set digits and Latin words in the complex-script font (Arial, see
 * template/briefing.ts) rather than the deck's own: LibreOffice set a KPI of 3,400,000 in Arial,
 * wider than the Calibri it was measured in, and broke it. So each of the deck's fonts is measured
 * in the wider of its own widths and Arial's, character by character. A font with no widths is
 * already measured with the safety margin, which is at least Arial's.
 */
export function complexScriptWidths(theme: Theme): Theme {
  const book = new Map(theme.faces);
  for (const font of new Set([theme.font, theme.headingFont])) {
    const by = measuredBy(font, theme.faces);
    if (!by) continue;
    book.set(fontKey(font), widerOf(by === 'file' ? theme.faces.get(fontKey(font))! : TWIN_TABLES[by], TWIN_TABLES.Arimo));
  }
  return { ...theme, faces: book };
}
