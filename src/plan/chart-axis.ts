/**
 * Axis ranges and number formats for charts, decided once in plan so the image and the native
 * chart show the same range, the same decimals and the same units.
 */
import type { NumberStyle } from '../figures/format.js';
import type { Chart } from '../load/schema.js';
import { isBarSeries } from './chart-rules.js';

export interface AxisRange {
  min?: number;
  max?: number;
  /** Distance between gridlines, when it is set (two axes whose zeros are aligned). */
  step?: number;
}

/** 1, 2 or 5 times a power of ten, the nearest to `rough`. */
export function niceStep(rough: number): number {
  const power = 10 ** Math.floor(Math.log10(rough));
  const f = rough / power;
  return (f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10) * power;
}

/** Round a float to the precision of its step, so 0.1 + 0.2 does not leak into an axis. */
const tidy = (v: number, step: number): number => Number(v.toFixed(Math.min(20, Math.max(0, -Math.floor(Math.log10(step)) + 1))));

/**
 * A range for a line: the data plus a tenth of its spread each side, out to round numbers, so the
 * variation fills the plot. Positive data never gets an axis below zero.
 */
export function niceRange(values: readonly number[]): AxisRange {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  // Below a millionth of the values' size (or 1e-12), a spread is rounding noise: treat the line as flat.
  const noise = Math.max(Math.abs(lo), Math.abs(hi)) * 1e-6;
  const spread = hi - lo > Math.max(noise, 1e-12) ? hi - lo : Math.abs(hi) > 1e-12 ? Math.abs(hi) : 1;
  const step = niceStep(spread / 5);
  // Values too large for steps to stay exact: let the renderer choose.
  if (!Number.isFinite(step) || step <= 0 || Math.abs(hi) / step > 1e12) return lo >= 0 ? { min: 0 } : {};
  let min = tidy(Math.floor((lo - spread * 0.1) / step) * step, step);
  let max = tidy(Math.ceil((hi + spread * 0.1) / step) * step, step);
  if (lo >= 0 && min < 0) min = 0;
  // Ends on a finer step than the gridlines will take (about five between the ends) gave ticks
  // 1, 2, 4, 6... (a viewer steps from the lower end), and picture and native charts chose
  // different steps: the ends move out to the gridlines' step, which both are then given.
  const grid = niceStep((max - min) / 5);
  const onGrid = (v: number): boolean => Math.abs(v / grid - Math.round(v / grid)) < 1e-9;
  if (grid <= step || (onGrid(min) && onGrid(max))) return { min, max };
  min = tidy(Math.floor(min / grid) * grid, grid);
  max = tidy(Math.ceil(max / grid) * grid, grid);
  if (lo >= 0 && min < 0) min = 0;
  return { min, max, step: grid };
}

/** The value axis a series is drawn against. */
const sideOf = (s: Chart['series'][number]): 'left' | 'right' => (s.axis === 'right' ? 'right' : 'left');

/** Every finite value drawn against one value axis. */
export function axisValues(chart: Chart, side: 'left' | 'right'): number[] {
  return chart.series.filter((s) => sideOf(s) === side).flatMap((s) => s.values.filter(Number.isFinite));
}

/**
 * The value axes: anything drawn as bars starts at zero (the height is the value), lines get a
 * range that shows their variation; `yMin`/`yMax` override the left axis.
 */
export function valueRanges(chart: Chart): { left: AxisRange; right: AxisRange } {
  const axis = (side: 'left' | 'right'): AxisRange => {
    const idx = chart.series.map((_, i) => i).filter((i) => sideOf(chart.series[i]!) === side);
    if (!idx.length) return {};
    const values = idx.flatMap((i) => chart.series[i]!.values);
    const bars = idx.some((i) => isBarSeries(chart, i));
    let range: AxisRange;
    // Bars grow from zero: it is always on the axis (all-negative bars hang from it).
    if (bars) range = Math.min(...values) >= 0 ? { min: 0 } : Math.max(...values) <= 0 ? { max: 0 } : {};
    else range = niceRange(values);
    if (side === 'left') {
      if (chart.yMin !== undefined) range.min = chart.yMin;
      if (chart.yMax !== undefined) range.max = chart.yMax;
    }
    return range;
  };
  const left = axis('left');
  const right = axis('right');
  return chart.yMin === undefined && chart.yMax === undefined ? alignedZeros(chart, left, right) : { left, right };
}

/** Gridlines of a two-axis chart, per side: about five between the lowest and highest value. */
const INTERVALS = 5;

/**
 * A chart with values on both axes puts both zeros on the same gridline when either axis has
 * negative values, so a negative value never seems to sit on the other axis's positive side:
 * each axis gets a round step, and both the same number of gridlines below and above zero. (With
 * only positive values each axis starts at its own zero, or its own range, as before.)
 */
function alignedZeros(chart: Chart, left: AxisRange, right: AxisRange): { left: AxisRange; right: AxisRange } {
  const [l, r] = [axisValues(chart, 'left'), axisValues(chart, 'right')];
  if (!l.length || !r.length || (Math.min(...l) >= 0 && Math.min(...r) >= 0)) return { left, right };
  const spans = [l, r].map((v) => {
    // Room above the highest value (and below the lowest) for its data label, as bars get.
    const lo = Math.min(0, ...v);
    const hi = Math.max(0, ...v);
    const pad = (hi - lo) * 0.18;
    return { lo: lo < 0 ? lo - pad : 0, hi: hi > 0 ? hi + pad : 0, step: niceStep((hi - lo) / INTERVALS || 1) };
  });
  const below = Math.max(...spans.map((a) => Math.ceil(-a.lo / a.step - 1e-9)));
  const above = Math.max(...spans.map((a) => Math.ceil(a.hi / a.step - 1e-9)));
  const [a, b] = spans.map((x): AxisRange => ({ min: tidy(-below * x.step, x.step), max: tidy(above * x.step, x.step), step: x.step })) as [AxisRange, AxisRange];
  return { left: a, right: b };
}

/** Decimals as written: the most any value of the series has (7.1, 7, 6.9 -> 1), at most 4. */
export function writtenDecimals(values: readonly number[]): number {
  let most = 0;
  for (const v of values) {
    const s = String(v);
    if (/e/i.test(s)) continue;
    most = Math.max(most, s.split('.')[1]?.length ?? 0);
  }
  return Math.min(most, 4);
}

/** Significant digits the largest value of a series keeps when its decimals are padded to match. */
export const MAX_SIGNIFICANT = 4;

/**
 * One number of decimals per series: the chart's `decimals`, or as many as the series' most
 * precise value is written with (7.1, 7, 6.9 -> 1, shown 7.1, 7.0, 6.9), but no more than leaves
 * the largest value MAX_SIGNIFICANT significant digits (4.1433, 20 -> 2, shown 4.14, 20.00, not 20.0000).
 */
export function seriesDecimals(chart: Chart): number[] {
  return chart.series.map((s) => {
    if (chart.decimals !== undefined) return chart.decimals;
    const largest = Math.max(...s.values.map(Math.abs));
    const whole = largest > 0 ? Math.floor(Math.log10(largest)) + 1 : 1;
    return Math.min(writtenDecimals(s.values), Math.max(0, MAX_SIGNIFICANT - whole));
  });
}

/** Whether a title already says the unit: every word of it ("Laptops (million)" says "million laptops"). */
function mentions(title: string, unit: string): boolean {
  const words = title.toLowerCase().match(/[\p{L}\p{N}£$€¥%]+/gu) ?? [];
  return (unit.toLowerCase().match(/[\p{L}\p{N}£$€¥%]+/gu) ?? []).every((w) => words.some((t) => t === w || t === `${w}s` || `${t}s` === w));
}

/** How a unit follows a number: "%" attaches ("87%"), any other unit after a space ("12 £m"). */
export function withUnit(number: string, unit: string | undefined, style?: NumberStyle): string {
  if (!unit) return number;
  return unit.startsWith('%') ? `${number}${style?.percentGap ?? ''}${unit}` : `${number} ${unit}`;
}

/**
 * Where the unit shows. Data labels carry "%" always, and any unit when there is no value axis
 * (pie, doughnut); otherwise the value axis title carries it: the title defaults to the unit, and
 * a title of your own that does not mention it gets it in brackets.
 */
export function unitPlacement(chart: Chart): { labelUnit?: string; tickUnit?: string; valueTitle?: string } {
  const { unit } = chart;
  const round = chart.type === 'pie' || chart.type === 'doughnut';
  const own = chart.type === 'hbar' ? chart.xTitle : chart.yTitle;
  const out: { labelUnit?: string; tickUnit?: string; valueTitle?: string } = {};
  if (unit && (round || unit === '%')) out.labelUnit = unit;
  if (unit === '%') out.tickUnit = unit;
  if (round) return out;
  const title = own === undefined ? (unit === '%' ? undefined : unit) : unit && unit !== '%' && !mentions(own, unit) ? `${own} (${unit})` : own;
  // One series has no legend: with no title or unit of its own, the axis carries its name, which
  // would otherwise show nowhere ("Parcels").
  const named = chart.series.length === 1 && chart.type !== 'combo' ? chart.series[0]!.name : undefined;
  if (title) out.valueTitle = title;
  else if (named) out.valueTitle = unit === '%' && !mentions(named, unit) ? `${named} (%)` : named;
  return out;
}
