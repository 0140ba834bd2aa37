/**
 * A font deckgen cannot measure (no metric twin, no file in theme.fonts, not an East Asian face)
 * is a warning at the key that names it: the deck still builds, measured with the safety margin
 * (the widest of the sans and serif twins, character by character), so text fits but may look
 * looser than it would with the font's own widths.
 */
import { isEastAsianFont, TWINS } from '../font-twins.js';
import type { PlanContext } from './context.js';
import { measuredBy } from './metrics/advance.js';

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
