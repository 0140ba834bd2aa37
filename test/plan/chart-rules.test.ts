import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.js';
import { parseOutline } from '../../src/load/load.js';
import fc from 'fast-check';
import { niceRange, niceStep, seriesDecimals, unitPlacement, valueRanges } from '../../src/plan/chart-axis.js';
import type { ChartShape } from '../../src/plan/deck.js';
import { kpiValue, kpiUnit } from '../../src/plan/layouts/figures.js';
import { planDeck } from '../../src/plan/plan.js';
import type { Chart } from '../../src/load/schema.js';

const FILE = 'deck.yaml';
const outline = (chart: string[]): string => ['title: Charts', 'slides:', '  - title: A chart', '    chart:', ...chart.map((l) => `      ${l}`), ''].join('\n');
const problems = (text: string): Diagnostic[] => planDeck(parseOutline(text, FILE)).diagnostics;
const chartOf = (text: string): ChartShape => planDeck(parseOutline(text, FILE)).deck.slides.flatMap((s) => s.shapes).find((s): s is ChartShape => s.kind === 'chart')!;
/** Where `needle` starts in the text, 1-based, as the diagnostics count. */
function at(text: string, needle: string, nth = 0): { line: number; column: number } {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = text.indexOf(needle, i + 1);
  const before = text.slice(0, i).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}
const spec = (over: Partial<Chart>): Chart => ({ type: 'line', labels: ['a', 'b', 'c'], series: [{ name: 'S', values: [1, 2, 3] }], dataLabels: true, ...over });

describe('charts that would draw a wrong picture are refused at the value', () => {
  it('a pie with a negative value', () => {
    const text = outline(['type: pie', 'labels: [North, South]', 'series: [{ name: Share, values: [-1, 2] }]']);
    const [d, ...rest] = problems(text);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ severity: 'error', code: 'chart-negative-share', ...at(text, '-1') });
    expect(d!.message).toContain('cannot show the negative value -1');
    expect(d!.hint).toContain('bar chart');
  });

  it('a doughnut whose values are all zero', () => {
    const text = outline(['type: doughnut', 'labels: [North, South]', 'series:', '  - name: Share', '    values: [0, 0]']);
    const [d, ...rest] = problems(text);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ severity: 'error', code: 'chart-no-whole', ...at(text, '[0, 0]') });
  });

  it('a stacked bar mixing negative and positive values', () => {
    const text = outline(['type: stacked-bar', 'labels: [A, B]', 'series:', '  - { name: In, values: [3, 4] }', '  - { name: Out, values: [2, -5] }']);
    const [d, ...rest] = problems(text);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ severity: 'error', code: 'chart-mixed-stack', ...at(text, '-5') });
  });

  it('a stacked bar of only negative values is fine', () => {
    expect(problems(outline(['type: stacked-bar', 'labels: [A, B]', 'series:', '  - { name: In, values: [-3, -4] }', '  - { name: Out, values: [-2, -5] }']))).toEqual([]);
  });

  it('bars with an axis that does not start at zero', () => {
    const text = outline(['type: bar', 'labels: [A, B]', 'series: [{ name: S, values: [30, 40] }]', 'yMin: 20']);
    const [d] = problems(text);
    expect(d).toMatchObject({ severity: 'error', code: 'chart-bars-from-zero', ...at(text, '20', 0) });
  });

  it('a yMin or yMax that would cut a value off', () => {
    const text = outline(['type: line', 'labels: [A, B, C]', 'series: [{ name: S, values: [30, 40, 55] }]', 'yMin: 35', 'yMax: 50']);
    const found = problems(text);
    expect(found.map((d) => [d.code, d.line, d.column])).toEqual([
      ['chart-value-cut', at(text, '30').line, at(text, '30').column],
      ['chart-value-cut', at(text, '55').line, at(text, '55').column],
    ]);
    expect(found[0]!.message).toContain('below yMin (35)');
  });

  it('a pie with yMin', () => {
    const text = outline(['type: pie', 'labels: [A, B]', 'series: [{ name: S, values: [1, 2] }]', 'yMin: 0']);
    expect(problems(text)[0]).toMatchObject({ code: 'chart-no-axis', ...at(text, '0', 0) });
  });

  it('values read from CSV are reported at `data:` with the file named', () => {
    const text = outline(['type: pie', 'data: shares.csv']);
    const o = parseOutline(text, FILE);
    const slide = o.slides[0] as { chart: Chart };
    Object.assign(slide.chart, { labels: ['A', 'B'], series: [{ name: 'S', values: [-1, 2] }] });
    const [d] = planDeck(o).diagnostics;
    expect(d).toMatchObject({ code: 'chart-negative-share', ...at(text, 'shares.csv') });
    expect(d!.message).toContain('(in shares.csv)');
  });
});

describe('values that span orders of magnitude', () => {
  it('warn, suggesting hbar, at the smallest value', () => {
    const text = outline(['type: bar', 'labels: [A, B, C]', 'series: [{ name: S, values: [12000, 300, 4] }]']);
    const [d, ...rest] = problems(text);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ severity: 'warning', code: 'chart-magnitudes', ...at(text, '4]') });
    expect(d!.hint).toContain('hbar');
  });

  it('do not warn below a thousandfold', () => {
    expect(problems(outline(['type: bar', 'labels: [A, B]', 'series: [{ name: S, values: [999, 1] }]']))).toEqual([]);
  });
});

describe('honest axes', () => {
  it('bars start at zero; a line gets a round range that shows its variation', () => {
    const leakage = [48.2, 46.9, 44.1, 41.7, 38.4, 35.9];
    const target = [45, 44, 43, 42, 41, 40];
    expect(valueRanges(spec({ type: 'bar', series: [{ name: 'L', values: leakage }] })).left).toEqual({ min: 0 });
    expect(valueRanges(spec({ type: 'hbar', series: [{ name: 'L', values: [-5, -3] }] })).left).toEqual({ max: 0 });
    expect(valueRanges(spec({ type: 'bar', series: [{ name: 'L', values: [-5, 3] }] })).left).toEqual({});
    const range = valueRanges(spec({ series: [{ name: 'L', values: leakage }, { name: 'T', values: target }] })).left;
    expect(range).toEqual({ min: 34, max: 50 });
    // The variation fills most of the plot, not a sliver at the top of a 0-50 axis.
    expect((48.2 - 35.9) / (range.max! - range.min!)).toBeGreaterThan(0.7);
  });

  it('keeps a sane range for flat, tiny and huge values', () => {
    expect(niceRange([5, 5])).toEqual({ min: 4, max: 6 });
    expect(niceRange([5e-324, 0])).toEqual({ min: 0, max: 0.2 });
    for (const values of [[1e-9, 2e-9], [1e15, -1e15], [Number.MAX_SAFE_INTEGER, 0], [0, 0], [-0, 1e-300]]) {
      const r = niceRange(values);
      expect(Object.values(r).every(Number.isFinite), String(values)).toBe(true);
      if (r.min !== undefined) expect(r.min).toBeLessThanOrEqual(Math.min(...values));
      if (r.max !== undefined) expect(r.max).toBeGreaterThanOrEqual(Math.max(...values));
    }
  });

  it('puts both zeros of a two-axis chart on one gridline when either axis has negative values', () => {
    const labels = ['Q1', 'Q2', 'Q3', 'Q4', 'Q5', 'Q6'];
    const combo = (right: number[]): Chart =>
      spec({ type: 'combo', labels, series: [{ name: 'Revenue', values: [820, 760, 1390, 1960, 2100, 2350], type: 'bar' }, { name: 'Margin', values: right, type: 'line', axis: 'right' }] });
    const { left, right } = valueRanges(combo([4.1, -2.3, 6.8, 9.4, 8.1, 11.2]));
    for (const r of [left, right]) {
      expect(r.step).toBeGreaterThan(0);
      expect(Number.isInteger(Math.round((r.min! / r.step!) * 1e9) / 1e9)).toBe(true);
    }
    // The same number of gridlines below zero and above it, on both sides.
    expect(left.min! / left.step!).toBeCloseTo(right.min! / right.step!, 9);
    expect(left.max! / left.step!).toBeCloseTo(right.max! / right.step!, 9);
    expect(right.min).toBeLessThan(-2.3);
    expect(left.max).toBeGreaterThan(2350);
    // Positive values on both axes: each axis keeps its own range, as before.
    expect(valueRanges(combo([19, 16, 14, 15, 13, 12]))).toEqual({ left: { min: 0 }, right: niceRange([19, 16, 14, 15, 13, 12]) });
  });

  it('puts a line\'s ends on the gridlines\' step, so no tick stands off it', () => {
    // Rates of 2.2-8.4 once ended at 1 and 10: the viewer stepped by 2 from 1 (ticks 1, 2, 4, 6...).
    const rates = [8.4, 8.1, 7.9, 7.6, 7.7, 7.2, 6.9, 6.8, 3.1, 3.4, 2.9, 2.7, 2.8, 2.5, 2.6, 2.2];
    expect(niceRange(rates)).toEqual({ min: 0, max: 10, step: 2 });
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 20 }), (values) => {
        const r = niceRange(values);
        if (r.min === undefined || r.max === undefined || r.max === r.min) return;
        const step = r.step ?? niceStep((r.max - r.min) / 5);
        for (const end of [r.min, r.max]) expect(Math.abs(end / step - Math.round(end / step)), `${JSON.stringify(r)}`).toBeLessThan(1e-6);
        expect(Math.min(...values)).toBeGreaterThanOrEqual(r.min);
        expect(Math.max(...values)).toBeLessThanOrEqual(r.max);
      }),
    );
  });

  it('never takes positive data below zero, and follows yMin/yMax', () => {
    expect(niceRange([1, 2, 30]).min).toBe(0);
    expect(niceRange([-5, 5])).toEqual({ min: -6, max: 6 });
    expect(valueRanges(spec({ yMin: 0, yMax: 100 })).left).toEqual({ min: 0, max: 100 });
  });

  it('gives a combo\'s bar axis zero and its line axis its own range', () => {
    const combo = spec({ type: 'combo', series: [{ name: 'Bars', values: [820, 1390, 1960] }, { name: 'Minutes', values: [19, 16, 14], axis: 'right' }] });
    expect(valueRanges(combo)).toEqual({ left: { min: 0 }, right: { min: 13, max: 20 } });
  });
});

describe('numbers and units', () => {
  it('gives each series one number of decimals, as written', () => {
    expect(seriesDecimals(spec({ series: [{ name: 'A', values: [7.1, 7.0, 6.9] }, { name: 'B', values: [1, 2, 3] }] }))).toEqual([1, 0]);
    expect(seriesDecimals(spec({ decimals: 2, series: [{ name: 'A', values: [7.1, 7.0] }] }))).toEqual([2]);
    // Padding stops at four significant digits of the largest value: 4.14 and 20.00, not 20.0000.
    expect(seriesDecimals(spec({ series: [{ name: 'A', values: [4.1433, 20] }, { name: 'B', values: [11.183, 30.42, 50] }, { name: 'C', values: [0.0125, 0.05] }] }))).toEqual([2, 2, 4]);
  });

  it('labels a series 7.1, 7.0, 6.9 as "7.0"; the alt text gives the data as written', () => {
    const c = chartOf(outline(['type: line', 'labels: [A, B, C]', 'series: [{ name: S, values: [7.1, 7.0, 6.9] }]']));
    expect(c.decimals).toEqual([1]);
    expect(c.alt).toBe('Line chart, S: A 7.1; B 7; C 6.9');
  });

  it('puts the unit in the axis title, or in the labels where there is no axis', () => {
    expect(unitPlacement(spec({ type: 'bar', unit: 'trips' }))).toEqual({ valueTitle: 'trips' });
    expect(unitPlacement(spec({ type: 'bar', unit: 'trips', yTitle: 'Trips per month' }))).toEqual({ valueTitle: 'Trips per month' });
    expect(unitPlacement(spec({ type: 'bar', unit: 'million laptops', yTitle: 'Laptops (million)' }))).toEqual({ valueTitle: 'Laptops (million)' });
    expect(unitPlacement(spec({ type: 'bar', unit: '£m', yTitle: 'Operating cost' }))).toEqual({ valueTitle: 'Operating cost (£m)' });
    expect(unitPlacement(spec({ type: 'hbar', unit: 'km', xTitle: 'Distance' }))).toEqual({ valueTitle: 'Distance (km)' });
    expect(unitPlacement(spec({ type: 'doughnut', unit: '£m' }))).toEqual({ labelUnit: '£m' });
    expect(unitPlacement(spec({ type: 'bar', unit: '%', series: [{ name: 'A', values: [1] }, { name: 'B', values: [2] }] }))).toEqual({ labelUnit: '%', tickUnit: '%' });
  });

  it('names a lone series on its value axis, where no legend names it', () => {
    expect(unitPlacement(spec({ type: 'line', series: [{ name: 'Parcels', values: [1, 2] }] })).valueTitle).toBe('Parcels');
    expect(unitPlacement(spec({ type: 'bar', unit: '%', series: [{ name: 'Share', values: [1, 2] }] }))).toEqual({ labelUnit: '%', tickUnit: '%', valueTitle: 'Share (%)' });
    // Its own title or unit wins; two series have a legend.
    expect(unitPlacement(spec({ type: 'bar', unit: 'trips', series: [{ name: 'Trips', values: [1] }] })).valueTitle).toBe('trips');
    expect(unitPlacement(spec({ type: 'bar', series: [{ name: 'A', values: [1] }, { name: 'B', values: [2] }] })).valueTitle).toBeUndefined();
  });

  it('attaches "%" to a KPI value, as a derived "0%" figure has it', () => {
    expect(kpiValue({ value: 87, unit: '%', label: 'x' })).toBe('87%');
    expect(kpiUnit({ value: 87, unit: '%', label: 'x' })).toBeUndefined();
    expect(kpiValue({ value: 87, unit: '% of trips', label: 'x' })).toBe('87%');
    expect(kpiUnit({ value: 87, unit: '% of trips', label: 'x' })).toBe('of trips');
    expect(kpiValue({ derived: { formula: '26 / 100', format: '0%' }, unit: '%', label: 'x' })).toBe('26%');
    expect(kpiValue({ value: 41800, unit: 'trips', label: 'x' })).toBe('41,800');
  });
});
