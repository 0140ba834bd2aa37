/**
 * Where data labels go, as pure geometry: each label has candidate positions in order of
 * preference; it takes the first that stays inside its bounds and clear of everything already
 * there (bars, lines, markers, other labels), and is dropped when none is. Dropping is the last
 * resort: a label that overprints another is worse than no label, since the axis still reads.
 * Before dropping, a line's label may go over bars' bodies, on a patch of the background colour
 * ("haloed"), but never over a marker, another label, a line, or the end of a bar (its value).
 */

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export type Segment = [number, number, number, number];

export interface Candidate {
  /** The box the text occupies, padding included. */
  rect: Rect;
  /** Where to draw the text, centred in rect. */
  inside?: boolean;
  /** May cover bars' bodies, never their value ends (Obstacles.ends), drawn on a patch of the background: a line's label over bars. */
  overBars?: boolean;
}

export interface LabelRequest {
  text: string;
  candidates: Candidate[];
  /** The element the label belongs to: a label inside it must keep within this rect. */
  own?: Rect;
  /** Where the label may go (the plot area, or the margin beside it for end-of-line labels). */
  bounds: Rect;
  colour: string;
  insideColour?: string;
  /** Where the label comes in drawing order, if not the order of placing. */
  drawOrder?: number;
}

export interface Obstacles {
  /** Bars: a label is either wholly inside its own bar or clear of every bar. */
  bars: Rect[];
  /** Lines: no label may cross one. */
  segments: Segment[];
  /** Markers and anything else a label must not cover. */
  rects: Rect[];
  /** The value end of each bar (its top, or its tip): a haloed label must not cover one. */
  ends?: Rect[];
}

export interface PlacedLabel {
  text: string;
  rect: Rect;
  colour: string;
  halo?: boolean;
  drawOrder?: number;
}

const EPS = 0.5;
/** Half a drawn line's width plus a pixel. */
export const LINE_CLEARANCE = 3;

export function overlaps(a: Rect, b: Rect, gap = 0): boolean {
  return a.x < b.x + b.w + gap - EPS && b.x < a.x + a.w + gap - EPS && a.y < b.y + b.h + gap - EPS && b.y < a.y + a.h + gap - EPS;
}

export function contains(outer: Rect, inner: Rect, margin = 0): boolean {
  // Strict: a label half a pixel over the plot's edge already touches an axis.
  return inner.x >= outer.x + margin && inner.y >= outer.y + margin && inner.x + inner.w <= outer.x + outer.w - margin && inner.y + inner.h <= outer.y + outer.h - margin;
}

/** Whether a line segment passes through a rectangle (Liang-Barsky clipping). */
export function crosses(s: Segment, r: Rect): boolean {
  const [x1, y1, x2, y2] = s;
  const dx = x2 - x1;
  const dy = y2 - y1;
  let t0 = 0;
  let t1 = 1;
  const edges: [number, number][] = [
    [-dx, x1 - r.x],
    [dx, r.x + r.w - x1],
    [-dy, y1 - r.y],
    [dy, r.y + r.h - y1],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return false;
  }
  return true;
}

function fits(c: Candidate, req: LabelRequest, obstacles: Obstacles, placed: readonly PlacedLabel[]): boolean {
  const { rect } = c;
  if (!contains(req.bounds, rect)) return false;
  if (c.inside) {
    if (!req.own || !contains(req.own, rect, 2)) return false;
  } else if (c.overBars) {
    if ((obstacles.ends ?? []).some((e) => overlaps(e, rect, 1))) return false;
  } else if (obstacles.bars.some((b) => overlaps(b, rect, 1))) return false; // half a pixel clear, at least
  // Lines are drawn 4 px wide: keep a few pixels from their centre line.
  const wide = { x: rect.x - LINE_CLEARANCE, y: rect.y - LINE_CLEARANCE, w: rect.w + 2 * LINE_CLEARANCE, h: rect.h + 2 * LINE_CLEARANCE };
  if (obstacles.segments.some((s) => crosses(s, wide))) return false;
  if (obstacles.rects.some((r) => overlaps(r, rect, 1))) return false;
  return !placed.some((p) => overlaps(p.rect, rect, 2));
}

/** Places labels in the order given (put the ones that matter most first). */
export function placeLabels(requests: readonly LabelRequest[], obstacles: Obstacles): PlacedLabel[] {
  const placed: PlacedLabel[] = [];
  for (const req of requests) {
    const chosen = req.candidates.find((c) => fits(c, req, obstacles, placed));
    if (chosen) placed.push({ text: req.text, rect: chosen.rect, colour: chosen.inside ? (req.insideColour ?? req.colour) : req.colour, ...(chosen.overBars ? { halo: true } : {}), ...(req.drawOrder !== undefined ? { drawOrder: req.drawOrder } : {}) });
  }
  return placed;
}

/**
 * Spreads labels stacked in one column (end-of-line labels) so none overlap, each as close to
 * its wanted centre as it can be, within [top, bottom]. Returns the new centres, in input order.
 */
export function spreadColumn(wanted: readonly number[], height: number, top: number, bottom: number, gap = 2): number[] {
  const order = wanted.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y || a.i - b.i);
  const step = height + gap;
  const ys = order.map((o) => o.y);
  // Push down from the top, then up from the bottom, then once more down: a stable packing.
  for (let k = 0; k < ys.length; k++) ys[k] = Math.max(ys[k]!, k === 0 ? top + height / 2 : ys[k - 1]! + step);
  for (let k = ys.length - 1; k >= 0; k--) ys[k] = Math.min(ys[k]!, k === ys.length - 1 ? bottom - height / 2 : ys[k + 1]! - step);
  for (let k = 1; k < ys.length; k++) ys[k] = Math.max(ys[k]!, ys[k - 1]! + step);
  const out: number[] = new Array(wanted.length);
  order.forEach((o, k) => (out[o.i] = ys[k]!));
  return out;
}
