/**
 * What a chart may honestly show. A pie of negative values, a stack of mixed signs, or an axis
 * range that cuts values off would draw a wrong picture without a word, so they are refused;
 * values that span orders of magnitude draw a right but unreadable one, so they are warned about.
 */
import type { Chart } from '../load/schema.js';
import { formatNumber } from '../figures/format.js';

export interface ChartFinding {
  /** Path inside the chart, e.g. ['series', 0, 'values', 2]. */
  path: (string | number)[];
  message: string;
  hint: string;
  severity: 'error' | 'warning';
  code: string;
}

const BARS = new Set<Chart['type']>(['bar', 'hbar', 'stacked-bar']);

/** Series drawn as bars: every series of a bar chart, the bar series of a combo. */
export function isBarSeries(chart: Chart, i: number): boolean {
  if (BARS.has(chart.type)) return true;
  if (chart.type !== 'combo') return false;
  return (chart.series[i]?.type ?? (i === 0 ? 'bar' : 'line')) === 'bar';
}

/** Orders of magnitude between the largest and the smallest non-zero value before a warning. */
export const MAGNITUDE_WARNING = 3;

export function chartProblems(chart: Chart): ChartFinding[] {
  const found: ChartFinding[] = [];
  const error = (path: ChartFinding['path'], code: string, message: string, hint: string): void => void found.push({ path, code, message, hint, severity: 'error' });
  const values = chart.series.flatMap((s, si) => s.values.map((v, vi) => ({ v, path: ['series', si, 'values', vi] as ChartFinding['path'], si })));

  if (chart.type === 'pie' || chart.type === 'doughnut') {
    const negative = values.filter((x) => x.v < 0);
    for (const x of negative) error(x.path, 'chart-negative-share', `a ${chart.type} chart cannot show the negative value ${formatNumber(x.v)}: a slice is a share of a whole`, 'use a bar chart, which shows negative values below zero');
    if (!negative.length && values.every((x) => x.v === 0)) error(['series', 0, 'values'], 'chart-no-whole', `every value of this ${chart.type} chart is zero, so there is no whole to share out`, 'check the figures, or show them as a table');
    for (const key of ['yMin', 'yMax'] as const) if (chart[key] !== undefined) error([key], 'chart-no-axis', `a ${chart.type} chart has no value axis, so \`${key}\` does not apply`, `remove \`${key}\``);
    return found;
  }

  if (chart.type === 'stacked-bar') {
    const signs = new Set(values.filter((x) => x.v !== 0).map((x) => Math.sign(x.v)));
    const firstNegative = values.find((x) => x.v < 0);
    if (signs.size > 1 && firstNegative) {
      error(firstNegative.path, 'chart-mixed-stack', `a stacked bar cannot mix negative (${formatNumber(firstNegative.v)}) and positive values: a stack's height would no longer be its total`, 'use `type: bar` to show the series side by side, or stack only values of one sign');
    }
  }

  // yMin and yMax apply to the left (or only) value axis.
  const left = values.filter((x) => chart.series[x.si]?.axis !== 'right');
  const bars = chart.series.some((s, i) => s.axis !== 'right' && isBarSeries(chart, i));
  if (chart.yMin !== undefined && chart.yMax !== undefined && chart.yMin >= chart.yMax) {
    error(['yMax'], 'chart-axis-range', `yMax (${formatNumber(chart.yMax)}) must be above yMin (${formatNumber(chart.yMin)})`, 'swap them, or remove one');
  } else {
    if (bars && chart.yMin !== undefined && chart.yMin > 0) {
      error(['yMin'], 'chart-bars-from-zero', `bars start at zero; a value axis from ${formatNumber(chart.yMin)} would make the differences between bars look larger than they are`, 'remove `yMin`, or use `type: line` to show a trend that does not start at zero');
    }
    const { yMin, yMax } = chart;
    for (const x of left) {
      if (yMin !== undefined && x.v < yMin) error(x.path, 'chart-value-cut', `the value ${formatNumber(x.v)} is below yMin (${formatNumber(yMin)}) and would be cut off`, 'lower `yMin`, or remove it to fit every value');
      if (yMax !== undefined && x.v > yMax) error(x.path, 'chart-value-cut', `the value ${formatNumber(x.v)} is above yMax (${formatNumber(yMax)}) and would be cut off`, 'raise `yMax`, or remove it to fit every value');
    }
  }

  // Per value axis: a bar 1/1000 of the tallest is under a pixel high.
  for (const axis of ['left', 'right'] as const) {
    const own = values.filter((x) => (chart.series[x.si]?.axis === 'right' ? 'right' : 'left') === axis && x.v !== 0);
    if (own.length < 2) continue;
    const smallest = own.reduce((a, b) => (Math.abs(b.v) < Math.abs(a.v) ? b : a));
    const largest = own.reduce((a, b) => (Math.abs(b.v) > Math.abs(a.v) ? b : a));
    const orders = Math.log10(Math.abs(largest.v) / Math.abs(smallest.v));
    if (orders >= MAGNITUDE_WARNING) {
      found.push({
        path: smallest.path,
        code: 'chart-magnitudes',
        severity: 'warning',
        message: `values on this axis span ${Math.floor(orders)} orders of magnitude (${formatNumber(smallest.v)} to ${formatNumber(largest.v)}): the smaller ones will be too short to see or compare`,
        hint: chart.type === 'hbar' ? 'split the chart so each shows values of a similar size' : 'use `type: hbar`, whose value labels stay readable beside even the shortest bars, or split the chart',
      });
    }
  }
  return found;
}
