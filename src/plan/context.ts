/** What every layout gets: the theme, the outline, image sizes, and a way to report a problem. */
import type { Diagnostic, Severity } from '../diagnostics.js';
import { diagnostic } from '../diagnostics.js';
import type { Slide } from '../load/layouts.js';
import type { Outline } from '../load/load.js';
import type { Theme } from '../theme/theme.js';
import type { TextShape } from './deck.js';
import type { Paragraph } from './measure.js';
import { plainText } from './inline.js';
import { resolveLabels, upright, type Labels } from './labels.js';
import { numberStyle, type NumberStyle } from '../figures/format.js';
import { MIN_CONTRAST, readableColour } from '../theme/contrast.js';
import { briefingTemplate } from '../template/briefing.js';
import { layoutFor, type Template, type TemplateLayout } from '../template/model.js';
import { frameOf, type Frame } from './frame.js';
import type { LayoutName } from '../load/schema.js';
import type { BulletInput } from '../load/schema.js';
import { bulletParagraphs, fittedText, para, visible, type TextOptions } from './text.js';
import type { Box } from './units.js';

/** Pixel sizes of the images the outline uses, read before planning so planning stays pure. */
export type ImageSizes = ReadonlyMap<string, { width: number; height: number; path: string }>;

/** A layout's frame, worked out once per template: every title, source line and footer asks for it. */
const FRAMES = new WeakMap<Template, Map<LayoutName, Frame>>();

export class PlanContext {
  /** The words deckgen writes, in the outline's language. */
  readonly labels: Labels;
  /** The separators numbers deckgen writes take, in the outline's language. */
  readonly numbers: NumberStyle;

  constructor(
    readonly outline: Outline,
    readonly theme: Theme,
    readonly images: ImageSizes,
    /** The master and layouts the slides are built on: the deck's, whatever a slide's own colours. */
    readonly template: Template = briefingTemplate(theme, outline.meta.lang),
    readonly diagnostics: Diagnostic[] = [],
  ) {
    this.labels = resolveLabels(outline.meta.lang, outline.labels);
    this.numbers = numberStyle(outline.meta.lang);
  }

  /**
   * The accent as text on `background`: the accent itself where it is legible (4.5:1 by default),
   * else the nearest shade that is. The accent is a colour for rules and bars first.
   */
  accentInk(background: string, min = MIN_CONTRAST): string {
    return readableColour(this.theme.colours.accent, background, min);
  }

  /** Where a slide of this layout puts its title, content, source line, footer and number. */
  frame(layout: LayoutName): Frame {
    let frames = FRAMES.get(this.template);
    if (!frames) FRAMES.set(this.template, (frames = new Map()));
    let frame = frames.get(layout);
    if (!frame) frames.set(layout, (frame = frameOf(this.template, layout)));
    return frame;
  }

  /**
   * A title that shows something: one of only characters XML cannot carry or spaces ("\u0000",
   * "\u3000") would leave the slide without a title for screen readers, so the layout's name stands in.
   */
  titleOf(text: string | undefined, layout: LayoutName): string {
    return visible(text) ? text : this.layout(layout).name;
  }

  /** The template layout a deckgen layout is built on. */
  layout(layout: LayoutName): TemplateLayout {
    return layoutFor(this.template, layout);
  }

  /** A paragraph of outline text, derived figures computed and marked in the deck's language. */
  para(text: string, level = 0, bullet = false, spaceBefore = 0): Paragraph {
    return para(text, level, bullet, spaceBefore, this.labels.derived, this.numbers);
  }

  /** The outline's bullets as paragraphs. */
  bullets(items: readonly BulletInput[], level = 0, spaceBefore = 10): Paragraph[] {
    return bulletParagraphs(items, level, spaceBefore, this.labels.derived, this.numbers);
  }

  /** The context for one slide: its own colours over the deck's, problems still reported together. */
  forSlide(slide: Slide): PlanContext {
    const own = slide.theme;
    if (!own) return this;
    const { colours, palette } = this.theme;
    const next = { ...colours, ...Object.fromEntries(Object.entries(own).filter(([, v]) => v !== undefined)) };
    // Series colours that follow the deck's primary and accent follow the slide's instead.
    const swap = (c: string): string => (c === colours.primary ? next.primary : c === colours.accent ? next.accent : c);
    return new PlanContext(this.outline, { ...this.theme, colours: next, palette: palette.map(swap) }, this.images, this.template, this.diagnostics);
  }

  problem(path: readonly PropertyKey[], message: string, hint: string, code = 'does-not-fit', severity: Severity = 'error'): void {
    const pos = this.outline.locate(path);
    this.diagnostics.push(diagnostic(this.outline.file, code, message, { ...pos, hint, severity }));
  }

  /** A fitted text shape; text that cannot fit even at the role's smallest size is reported at `path`. */
  text(box: Box, paragraphs: Paragraph[], options: TextOptions, path: readonly PropertyKey[]): TextShape {
    // deckgen's own italics (quotes, captions, footnotes) stay upright in Chinese, Japanese and Korean.
    const o = options.italic && upright(this.outline.meta.lang) ? { ...options, italic: false } : options;
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
