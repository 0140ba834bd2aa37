/**
 * Bullets that do not fit one slide at the smallest body size continue on the next, keeping each
 * top-level bullet with its sub-bullets where they fit together; every page shares one size.
 */
import type { PlanContext } from './context.js';
import type { TextShape } from './deck.js';
import { HEIGHT_SAFETY, textHeight, type Paragraph } from './measure.js';
import { fittedText, INSETS, type TextOptions } from './text.js';
import type { Box } from './units.js';

/** A top-level bullet and everything nested under it. */
function groups(paragraphs: readonly Paragraph[]): Paragraph[][] {
  const out: Paragraph[][] = [];
  for (const p of paragraphs) {
    if (p.level === 0 || !out.length) out.push([p]);
    else out[out.length - 1]!.push(p);
  }
  return out;
}

/** Fills each page as far as it goes: the fewest pages, the last one often nearly empty. */
function greedy(units: readonly Paragraph[][], fits: (ps: readonly Paragraph[]) => boolean): Paragraph[][] {
  const pages: Paragraph[][] = [];
  let page: Paragraph[] = [];
  for (const unit of units) {
    if (page.length && !fits([...page, ...unit])) {
      pages.push(page);
      page = [];
    }
    page.push(...unit);
  }
  if (page.length) pages.push(page);
  return pages;
}

/**
 * The same number of pages with the text shared evenly, so every page can use a larger size than
 * a full first page would allow. Undefined when an even split does not fit (greedy is kept then).
 */
export function balance<T>(units: readonly T[][], count: number, height: (u: T[]) => number, fits: (u: T[]) => boolean): T[][] | undefined {
  if (count <= 1) return undefined;
  const heights = units.map(height);
  const target = heights.reduce((a, b) => a + b, 0) / count;
  const pages: T[][] = [[]];
  let used = 0;
  units.forEach((unit, i) => {
    const h = heights[i]!;
    // Close the page at the unit boundary nearest the even share, while pages remain.
    if (pages[pages.length - 1]!.length && pages.length < count && used + h / 2 > target) {
      pages.push([]);
      used = 0;
    }
    pages[pages.length - 1]!.push(...unit);
    used += h;
  });
  return pages.length === count && pages.every(fits) ? pages : undefined;
}

/** Slides one list may continue over: far more than a reader follows, and a bound on the work. */
export const MAX_PAGES = 30;

export function paginate(ctx: PlanContext, box: Box, paragraphs: Paragraph[], o: TextOptions, path: readonly PropertyKey[]): TextShape[] {
  const min = ctx.theme.sizes[o.role].min;
  const inner = { w: box.w - INSETS.l - INSETS.r, h: (box.h - INSETS.t - INSETS.b) * HEIGHT_SAFETY };
  const style = { font: o.heading ? ctx.theme.headingFont : ctx.theme.font, book: ctx.theme.faces, lineSpacing: o.lineSpacing ?? 1 };
  // Each paragraph measured once, alone, at the smallest size: together they need at least this.
  const least = paragraphs.reduce((h, p) => h + textHeight([p], style, min, inner.w), 0);
  if (least > MAX_PAGES * inner.h) {
    ctx.problem(path, `this list needs at least ${Math.ceil(least / inner.h)} slides; a list continues over at most ${MAX_PAGES}`, 'split it into several slides by topic, or move the detail into notes', 'too-much');
    return [fittedText(box, paragraphs.slice(0, 1), ctx.theme, o).shape];
  }
  // Text that needs more than one box even at the smallest size is not tried at every size first.
  const whole = least <= inner.h ? fittedText(box, paragraphs, ctx.theme, o) : undefined;
  if (whole?.fits) return [whole.shape];

  const fits = (ps: readonly Paragraph[]): boolean => textHeight(ps, style, min, inner.w) <= inner.h;
  const units = groups(paragraphs).flatMap((g) => (fits(g) ? [g] : g.map((p) => [p])));
  const full = greedy(units, fits);
  if (full.length > MAX_PAGES) {
    ctx.problem(path, `this list needs ${full.length} slides; a list continues over at most ${MAX_PAGES}`, 'split it into several slides by topic, or move the detail into notes', 'too-much');
    return [fittedText(box, full[0]!, ctx.theme, o).shape];
  }
  const pages = balance(units, full.length, (u) => textHeight(u, style, min, inner.w), fits) ?? full;
  const shapes = pages.map((ps) => ctx.text(box, ps, o, path));
  const size = Math.min(...shapes.map((s) => s.size));
  return shapes.map((s) => ({ ...s, size }));
}
