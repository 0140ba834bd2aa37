/** Every unit conversion in one place: the plan works in inches and points. */
export const PT_PER_IN = 72;
export const CSS_PX_PER_IN = 96;
export const EMU_PER_IN = 914400;
/** Charts are rendered at twice their placed size so they stay sharp on a projector. */
export const CHART_SCALE = 2;

export const ptToIn = (pt: number): number => pt / PT_PER_IN;
export const inToPt = (inches: number): number => inches * PT_PER_IN;
export const inToCssPx = (inches: number): number => inches * CSS_PX_PER_IN;
export const ptToCssPx = (pt: number): number => (pt * CSS_PX_PER_IN) / PT_PER_IN;
export const inToEmu = (inches: number): number => Math.round(inches * EMU_PER_IN);

/** A chart's canvas in CSS pixels: its placed size at 96 dpi (Chart.js then draws at CHART_SCALE). */
export function chartCanvasSize(box: { w: number; h: number }): { width: number; height: number } {
  return { width: Math.round(inToCssPx(box.w)), height: Math.round(inToCssPx(box.h)) };
}

/** The 16:9 widescreen slide, as PowerPoint sizes it. */
export const SLIDE = { w: 13.333, h: 7.5 } as const;

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** `box` mirrored across the middle of a slide `width` wide: the same place in a right-to-left deck. */
export const mirrored = (box: Box, width: number): Box => ({ ...box, x: width - box.x - box.w });

export function inside(inner: Box, outer: Box, epsilon = 1e-6): boolean {
  return (
    inner.x >= outer.x - epsilon &&
    inner.y >= outer.y - epsilon &&
    inner.x + inner.w <= outer.x + outer.w + epsilon &&
    inner.y + inner.h <= outer.y + outer.h + epsilon
  );
}
