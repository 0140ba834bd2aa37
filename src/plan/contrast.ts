/**
 * Colours the outline chooses are checked where text sits on them: a pair below WCAG's ratio is a
 * warning at the key that set it, with the measured ratio and the nearest colour that passes.
 * The preset's own pairs pass, and the accent is shaded for text by itself (PlanContext.accentInk).
 */
import type { Slide } from '../load/layouts.js';
import type { Theme } from '../theme/theme.js';
import { contrastRatio, formatRatio, MIN_CONTRAST, MIN_CONTRAST_LARGE, readableColour } from '../theme/contrast.js';
import type { PlanContext } from './context.js';

type Colour = keyof Theme['colours'];

/** Text colour, what lies behind it, the ratio it needs, and what is written that way. */
const PAIRS: [Colour, Colour, number, string][] = [
  ['text', 'background', MIN_CONTRAST, 'body text'],
  ['text', 'panel', MIN_CONTRAST, 'text in panels and cards'],
  ['muted', 'background', MIN_CONTRAST, 'source lines and footers'],
  ['primary', 'background', MIN_CONTRAST_LARGE, 'titles and headline figures'],
  ['onPrimary', 'primary', MIN_CONTRAST, 'text on the title slide, section slides and table headers'],
];

const hash = (c: string): string => `"#${c}"`;

/** Checks the deck's theme (`given`: the keys the outline set) or one slide's own colours. */
function check(ctx: PlanContext, colours: Theme['colours'], given: Partial<Record<Colour, unknown>>, at: readonly PropertyKey[], name: string): void {
  for (const [fg, bg, min, what] of PAIRS) {
    const ratio = contrastRatio(colours[fg], colours[bg]);
    if (ratio >= min) continue;
    const blame = given[fg] !== undefined ? fg : given[bg] !== undefined ? bg : undefined;
    if (!blame) continue;
    const better = blame === fg ? readableColour(colours[fg], colours[bg], min) : readableColour(colours[bg], colours[fg], min);
    ctx.problem(
      [...at, blame],
      `${name}.${blame} ${hash(colours[blame])}: ${what} would be ${hash(colours[fg])} on ${hash(colours[bg])}, a contrast of ${formatRatio(ratio)}, below the ${min}:1 that legible text needs`,
      `${hash(better)} is the nearest colour that passes`,
      'low-contrast',
      'warning',
    );
  }
}

export function colourWarnings(ctx: PlanContext, slides: readonly Slide[]): void {
  check(ctx, ctx.theme.colours, ctx.outline.theme, ['theme'], 'theme');
  for (const slide of slides) {
    if (!slide.theme) continue;
    check(ctx, ctx.forSlide(slide).theme.colours, slide.theme, ['slides', slide.index, 'theme'], 'theme');
  }
}
