/**
 * A Chart.js plugin that prints values on the chart where they can be read. It reads every drawn
 * element's geometry (bars, points, slices), offers each label a few positions in order of
 * preference, and lets label-layout.ts keep the first that collides with nothing; what it
 * placed is kept on the chart (`deckgenLabels`) so tests can check the drawn geometry.
 * Written here rather than taken from chartjs-plugin-datalabels, whose 2.x positions labels
 * wrongly under Chart.js 4 off-screen and does not avoid collisions.
 */
import type { Chart, Plugin } from 'chart.js';
import { placeLabels, spreadColumn, type Candidate, type LabelRequest, type Obstacles, type PlacedLabel, type Rect } from './label-layout.js';
import { barRect, chartObstacles, type ChartWithLabels } from './geometry.js';

export interface DataLabelOptions {
  /** Per-point value labels (the outline's `dataLabels`). */
  display: boolean;
  /** Series names at the ends of the lines, instead of a legend (line charts with 2+ series). */
  endLabels: boolean;
  /** End labels carry the line's last value too. */
  endValues: boolean;
  font: string;
  /** Colour for a label drawn inside an element (bars, stacked segments, slices), by fill colour. */
  inside: (fill: string) => string;
  outside: string;
  /** The chart's background: the patch a haloed label is drawn on (see label-layout.ts). */
  halo: string;
  /** A value as labelled: the series' decimals and unit. */
  format: (v: number, dataset: number) => string;
}

const PAD = 3;
const GAP = 5;

interface Props {
  x: number;
  y: number;
  base: number;
  width: number;
  height: number;
  horizontal: boolean;
}

type Ctx = Chart['ctx'];

/** Ink box of the text, with PAD around it, centred on (cx, cy). */
function box(ctx: Ctx, text: string, cx: number, cy: number): Rect {
  const m = ctx.measureText(text);
  const w = m.width + 2 * PAD;
  const h = m.actualBoundingBoxAscent + m.actualBoundingBoxDescent + 2 * PAD;
  return { x: cx - w / 2, y: cy - h / 2, w, h };
}
const size = (ctx: Ctx, text: string): { w: number; h: number } => box(ctx, text, 0, 0);
const at = (s: { w: number; h: number }, x: number, y: number): Rect => ({ x, y, w: s.w, h: s.h });
/** `rect` moved sideways just inside `bounds`, if it sticks out (a label over the first or last point or bar). */
const inside = (rect: Rect, bounds: Rect): Rect => ({ ...rect, x: Math.min(Math.max(rect.x, bounds.x), bounds.x + bounds.w - rect.w) });

export const dataLabels: Plugin = {
  id: 'deckgenDataLabels',
  afterDatasetsDraw(chart: Chart, _args, raw) {
    const o = raw as DataLabelOptions;
    const { ctx } = chart;
    ctx.save();
    ctx.font = o.font;
    const obstacles = chartObstacles(chart);
    const requests = o.display ? valueLabels(chart, o) : [];
    const placed = placeLabels(requests, obstacles).sort((a, b) => (a.drawOrder ?? 0) - (b.drawOrder ?? 0));
    const ends = o.endLabels ? endLabels(chart, o) : [];
    for (const p of [...placed, ...ends]) drawText(ctx, p, o.halo);
    (chart as ChartWithLabels).deckgenLabels = [...placed, ...ends];
    ctx.restore();
  },
};

function valueLabels(chart: Chart, o: DataLabelOptions): LabelRequest[] {
  const { ctx, chartArea: a } = chart;
  // Up to the legend (or the canvas's top) as well as the plot: the highest point's label may
  // stand above the plot's top gridline, where nothing else is drawn.
  const legend = chart.options.plugins?.legend?.display && chart.legend && chart.legend.top < a.top ? chart.legend.bottom : 0;
  const top = Math.max(legend, 2);
  const bounds = { x: a.left, y: Math.min(top, a.top), w: a.right - a.left, h: a.bottom - Math.min(top, a.top) };
  const requests: (LabelRequest & { rank: number; series: number })[] = [];
  chart.data.datasets.forEach((dataset, di) => {
    const meta = chart.getDatasetMeta(di);
    if (meta.hidden) return;
    const stacked = !!(chart.options.scales?.x as { stacked?: boolean } | undefined)?.stacked;
    meta.data.forEach((el, i) => {
      const value = Number(dataset.data[i]);
      if (!Number.isFinite(value)) return;
      const text = o.format(value, di);
      const s = size(ctx, text);
      const fill = String(Array.isArray(dataset.backgroundColor) ? dataset.backgroundColor[i] : dataset.backgroundColor);
      const req = (candidates: Candidate[], own?: Rect): LabelRequest & { rank: number; series: number } => ({ text, candidates, bounds, colour: o.outside, insideColour: o.inside(fill), rank: rank(dataset.data as unknown[], i), series: di, ...(own ? { own } : {}) });
      if (meta.type === 'pie' || meta.type === 'doughnut') return void requests.push({ ...sliceLabel(el, text, s, bounds, o, fill), rank: rank(dataset.data as unknown[], i), series: di });
      const p = el.getProps(['x', 'y', 'base', 'width', 'height', 'horizontal'], true) as unknown as Props;
      if (meta.type === 'line') {
        const r = Number((el.options as { radius?: number }).radius ?? 0) + GAP;
        const above = at(s, p.x - s.w / 2, p.y - r - s.h);
        const below = at(s, p.x - s.w / 2, p.y + r);
        const around = [above, below, at(s, p.x + r, p.y - s.h / 2), at(s, p.x - r - s.w, p.y - s.h / 2), inside(above, bounds), inside(below, bounds)];
        // Clear of everything if it can be; else haloed, over a bar's body (a line over bars).
        return void requests.push(req([...around.map((rect) => ({ rect })), ...around.map((rect) => ({ rect, overBars: true }))]));
      }
      const own = barRect(p);
      const centre = { rect: at(s, own.x + own.w / 2 - s.w / 2, own.y + own.h / 2 - s.h / 2), inside: true };
      if (stacked) return void requests.push(req([centre], own));
      const up = value >= 0;
      // Above a column, kept inside the plot if it is wider than the column at the plot's edge.
      const past = p.horizontal ? at(s, up ? p.x + GAP : p.x - GAP - s.w, p.y - s.h / 2) : inside(at(s, p.x - s.w / 2, up ? p.y - GAP - s.h : p.y + GAP), bounds);
      const inBar = p.horizontal ? at(s, up ? p.x - GAP - s.w : p.x + GAP, p.y - s.h / 2) : at(s, p.x - s.w / 2, up ? p.y + GAP : p.y - GAP - s.h);
      // Above a column, a row or two higher: clear of the neighbouring column's label. (Beside a
      // horizontal bar, a label moved further out would read as the next bar's.)
      const further = p.horizontal ? [] : [1, 2].map((k) => ({ ...past, y: past.y + (up ? -k : k) * (s.h + 2) }));
      const candidates: Candidate[] = [{ rect: past }, { rect: inBar, inside: true }, ...further.map((rect) => ({ rect }))];
      requests.push(req(candidates, own));
    });
  });
  // Where labels compete, the ones a reader looks for win: each series' last, highest, lowest and
  // first value; between series, the later one (the latest year of a cluster), which otherwise
  // lost every label its neighbours had taken first.
  // Drawn in the order of rank and series, whatever order they were placed in.
  const drawing = requests.map((r, k) => ({ r, k })).sort((a, b) => a.r.rank - b.r.rank || a.k - b.k);
  drawing.forEach(({ r }, n) => (r.drawOrder = n));
  return drawing.sort((a, b) => a.r.rank - b.r.rank || b.r.series - a.r.series || a.k - b.k).map(({ r }) => r);
}

/** 0 for a series' last value, 1 its largest, 2 its smallest, 3 its first, 4 the rest. */
function rank(data: unknown[], i: number): number {
  const values = data.map(Number).filter(Number.isFinite);
  const v = Number(data[i]);
  const lastIndex = data.map(Number).findLastIndex(Number.isFinite);
  if (i === lastIndex) return 0;
  if (v === Math.max(...values)) return 1;
  if (v === Math.min(...values)) return 2;
  return i === 0 ? 3 : 4;
}

/** Inside the slice when the label fits in it, else just outside its rim. */
function sliceLabel(el: Chart['getDatasetMeta'] extends (i: number) => { data: (infer E)[] } ? E : never, text: string, s: { w: number; h: number }, bounds: Rect, o: DataLabelOptions, fill: string): LabelRequest {
  const arc = el.getProps(['x', 'y', 'startAngle', 'endAngle', 'innerRadius', 'outerRadius'], true) as unknown as { x: number; y: number; startAngle: number; endAngle: number; innerRadius: number; outerRadius: number };
  const mid = (arc.startAngle + arc.endAngle) / 2;
  const r = (arc.innerRadius + arc.outerRadius) / 2;
  const inner = at(s, arc.x + Math.cos(mid) * r - s.w / 2, arc.y + Math.sin(mid) * r - s.h / 2);
  const corners = [[inner.x, inner.y], [inner.x + inner.w, inner.y], [inner.x, inner.y + inner.h], [inner.x + inner.w, inner.y + inner.h]] as const;
  const inSlice = corners.every(([x, y]) => {
    const d = Math.hypot(x - arc.x, y - arc.y);
    let t = Math.atan2(y - arc.y, x - arc.x);
    while (t < arc.startAngle) t += 2 * Math.PI;
    return d >= arc.innerRadius + 1 && d <= arc.outerRadius - 1 && t <= arc.endAngle;
  });
  const rim = arc.outerRadius + GAP;
  const ox = arc.x + Math.cos(mid) * rim;
  const oy = arc.y + Math.sin(mid) * rim;
  const outside = at(s, Math.cos(mid) >= 0 ? ox : ox - s.w, Math.sin(mid) >= 0 ? oy : oy - s.h);
  const candidates: Candidate[] = inSlice ? [{ rect: inner, inside: true }] : [{ rect: outside }];
  // Checked against the slice above; `own` only has to hold the label.
  const own = { x: inner.x - PAD, y: inner.y - PAD, w: inner.w + 2 * PAD, h: inner.h + 2 * PAD };
  return { text, candidates, bounds, colour: o.outside, insideColour: o.inside(fill), own };
}

/** Each line's name (and last value) just past its last point, spread so none overlap. */
function endLabels(chart: Chart, o: DataLabelOptions): PlacedLabel[] {
  const { ctx, chartArea: a } = chart;
  const items = chart.data.datasets.flatMap((dataset, di) => {
    const meta = chart.getDatasetMeta(di);
    const last = [...meta.data].reverse().find((_, k) => Number.isFinite(Number(dataset.data[meta.data.length - 1 - k])));
    if (meta.hidden || meta.type !== 'line' || !last) return [];
    const value = Number(dataset.data[meta.data.indexOf(last)]);
    const text = o.endValues ? `${dataset.label ?? ''}  ${o.format(value, di)}` : (dataset.label ?? '');
    const r = Number((last.options as { radius?: number }).radius ?? 0);
    return [{ text, x: last.x + r + GAP, y: last.y, colour: String(dataset.borderColor), s: size(ctx, text) }];
  });
  if (!items.length) return [];
  const h = Math.max(...items.map((i) => i.s.h));
  const ys = spreadColumn(items.map((i) => i.y), h, a.top, a.bottom);
  const key = h * 0.55;
  return items.map((i, k) => ({ text: i.text, colour: o.outside, key: i.colour, rect: { x: i.x, y: ys[k]! - i.s.h / 2, w: i.s.w + key + PAD, h: i.s.h } }));
}

function drawText(ctx: Ctx, p: PlacedLabel & { key?: string }, halo: string): void {
  const m = ctx.measureText(p.text);
  if (p.halo) {
    ctx.fillStyle = halo;
    ctx.fillRect(p.rect.x, p.rect.y, p.rect.w, p.rect.h);
  }
  let x = p.rect.x + PAD;
  if (p.key) {
    const k = (p.rect.h - 2 * PAD) * 0.8;
    ctx.fillStyle = p.key;
    ctx.fillRect(x, p.rect.y + (p.rect.h - k) / 2, k, k);
    x += k + PAD;
  }
  ctx.fillStyle = p.colour;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';
  ctx.fillText(p.text, x, p.rect.y + PAD + m.actualBoundingBoxAscent);
}

/** Fills the canvas with the slide colour before anything is drawn: opaque charts. */
export const background: Plugin = {
  id: 'deckgenBackground',
  beforeDraw(chart: Chart, _args, raw) {
    const { colour } = raw as { colour: string };
    chart.ctx.save();
    chart.ctx.fillStyle = colour;
    chart.ctx.fillRect(0, 0, chart.width, chart.height);
    chart.ctx.restore();
  },
};

/** Space between the legend and the plot, which Chart.js does not offer as an option. */
export const legendGap: Plugin = {
  id: 'deckgenLegendGap',
  beforeInit(chart: Chart, _args, raw) {
    const { gap } = raw as { gap: number };
    const legend = chart.legend;
    if (!legend || !gap) return;
    const fit = legend.fit.bind(legend);
    legend.fit = function fitWithGap(this: typeof legend) {
      fit();
      this.height += gap;
    };
  },
};
