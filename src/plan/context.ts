/** What every layout gets: the theme, the outline, image sizes, and a way to report a problem. */
import type { Diagnostic } from '../diagnostics.js';
import { diagnostic } from '../diagnostics.js';
import type { Slide } from '../load/layouts.js';
import type { Outline } from '../load/load.js';
import type { Theme } from '../theme/theme.js';
import type { TextShape } from './deck.js';
import type { Paragraph } from './measure.js';
import { plainText } from './inline.js';
import { fittedText, type TextOptions } from './text.js';
import type { Box } from './units.js';

/** Pixel sizes of the images the outline uses, read before planning so planning stays pure. */
export type ImageSizes = ReadonlyMap<string, { width: number; height: number; path: string }>;

export class PlanContext {
  constructor(
    readonly outline: Outline,
    readonly theme: Theme,
    readonly images: ImageSizes,
    readonly diagnostics: Diagnostic[] = [],
  ) {}

  /** The context for one slide: its own colours over the deck's, problems still reported together. */
  forSlide(slide: Slide): PlanContext {
    const own = slide.theme;
    if (!own) return this;
    const { colours, palette } = this.theme;
    const next = { ...colours, ...Object.fromEntries(Object.entries(own).filter(([, v]) => v !== undefined)) };
    // Series colours that follow the deck's primary and accent follow the slide's instead.
    const swap = (c: string): string => (c === colours.primary ? next.primary : c === colours.accent ? next.accent : c);
    return new PlanContext(this.outline, { ...this.theme, colours: next, palette: palette.map(swap) }, this.images, this.diagnostics);
  }

  problem(path: readonly PropertyKey[], message: string, hint: string, code = 'does-not-fit', severity: 'error' | 'warning' = 'error'): void {
    const pos = this.outline.locate(path);
    this.diagnostics.push(diagnostic(this.outline.file, code, message, { ...pos, hint, severity }));
  }

  /** A fitted text shape; text that cannot fit even at the role's smallest size is reported at `path`. */
  text(box: Box, paragraphs: Paragraph[], o: TextOptions, path: readonly PropertyKey[]): TextShape {
    const { shape, fits, needed, room } = fittedText(box, paragraphs, this.theme, o);
    if (!fits) {
      const words = paragraphs.reduce((n, p) => n + plainText(p.runs).split(/\s+/).filter(Boolean).length, 0);
      // Height grows with the text in steps of a line, so the share of height over is the share to cut.
      const over = 1 - room / needed;
      const chars = paragraphs.reduce((n, p) => n + plainText(p.runs).length, 0);
      const cut = words >= 5 ? `about ${Math.ceil(words * over) + 1} of its ${words} words` : `about ${Math.ceil(chars * over) + 1} of its ${chars} characters`;
      this.problem(
        path,
        `text does not fit its box even at ${this.theme.sizes[o.role].min} pt: cut ${cut} (it needs ${needed.toFixed(2)} in of height, the box has ${room.toFixed(2)} in)`,
        'shorten it, or move the detail into `notes`',
      );
    }
    return shape;
  }
}
