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

const COVER_X = 0.9;
const COVER_W = 11.2;

/** The dark title and section slides. */
export const COVER = {
  logo: { x: COVER_X, y: 0.7, w: 2.4, h: 0.7 },
  titleRule: { x: COVER_X + 0.1, y: 2.05, w: 1.4, h: 0.09 },
  title: { x: COVER_X, y: 2.25, w: COVER_W, h: 2.0 },
  subtitle: { x: COVER_X, y: 4.35, w: COVER_W, h: 1.0 },
  byline: { x: COVER_X, y: 6.2, w: COVER_W, h: 0.6 },
  // The section number sits level with the title, left of it, so it is read after the title
  // without coming before it on the slide.
  sectionRule: { x: COVER_X + 0.1, y: 2.6, w: 1.4, h: 0.09 },
  number: { x: COVER_X, y: 2.8, w: 1.3, h: 0.9 },
  sectionTitle: { x: COVER_X + 1.35, y: 2.8, w: COVER_W - 1.35, h: 2.0 },
  sectionSubtitle: { x: COVER_X + 1.35, y: 4.9, w: COVER_W - 1.35, h: 1.2 },
} satisfies Record<string, Box>;

/** Where a title that must not be seen goes: above the slide, where screen readers still find it. */
export const HIDDEN_TITLE: Box = { x: MARGIN, y: -1.5, w: WIDTH, h: 1.1 };

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

/** The panels of the two-column layout, and the chart and takeaway panel of a chart with text. */
export const TWO_COLUMNS = columns(GRID.body, [1, 1]) as [Box, Box];
export const CHART_TEXT = columns(GRID.body, [1.8, 1]) as [Box, Box];
/** How far a two-column panel's bullets start below its top when the column has a heading. */
export const HEADING_H = 0.8;
