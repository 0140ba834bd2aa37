/** The briefing grid, in inches on the 13.333 x 7.5 slide: every layout places shapes in these regions. */
import { SLIDE, type Box } from './units.js';

const MARGIN = 0.6;
const WIDTH = SLIDE.w - 2 * MARGIN;

export const GRID = {
  slide: { x: 0, y: 0, w: SLIDE.w, h: SLIDE.h },
  title: { x: MARGIN, y: 0.3, w: WIDTH, h: 1.1 },
  titleRule: { x: MARGIN + 0.1, y: 1.42, w: 1.1, h: 0.06 },
  body: { x: MARGIN, y: 1.65, w: WIDTH, h: 4.85 },
  source: { x: MARGIN, y: 6.55, w: WIDTH, h: 0.38 },
  footerRule: { x: MARGIN, y: 6.97, w: WIDTH, h: 0.01 },
  footer: { x: MARGIN, y: 7.02, w: WIDTH - 1.2, h: 0.36 },
  number: { x: SLIDE.w - MARGIN - 1.0, y: 7.02, w: 1.0, h: 0.36 },
  gutter: 0.4,
} satisfies Record<string, Box | number>;

/** Splits a box into columns of the given relative widths with a gutter between them. */
export function columns(box: Box, weights: readonly number[], gutter: number = GRID.gutter): Box[] {
  const total = weights.reduce((a, b) => a + b, 0);
  const free = box.w - gutter * (weights.length - 1);
  let x = box.x;
  return weights.map((wt) => {
    const w = (free * wt) / total;
    const col = { x, y: box.y, w, h: box.h };
    x += w + gutter;
    return col;
  });
}

/** Shrinks a box by `d` inches on every side. */
export function pad(box: Box, d: number): Box {
  return { x: box.x + d, y: box.y + d, w: box.w - 2 * d, h: box.h - 2 * d };
}
