/**
 * Category labels under vertical bars and lines are wrapped to their category's width, measured
 * from the plot (the box less the value axes), so neighbours never run into each other: on the
 * drawn chart, each label's widest line ends at least a few pixels before the next one starts.
 * "Greater China" and "Latin America" once printed as "Greater ChinaLatin America", because the
 * width was guessed from the box alone and a wide value axis ("2,000,000,000") went unseen.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { loadOutline } from '../../src/load/load.js';
import type { Chart } from '../../src/load/schema.js';
import type { ChartShape } from '../../src/plan/deck.js';
import { planDeck } from '../../src/plan/plan.js';
import fc from 'fast-check';
import { lineWidth } from '../../src/plan/measure.js';
import { balancedLines, chartConfig, labelRooms } from '../../src/render/chart-config.js';
import { drawnChart } from '../../src/render/draw.js';
import { chartShapeOf } from '../support/chart.js';

type Drawn = ReturnType<typeof drawnChart>;
const live: Drawn[] = [];
afterAll(() => live.forEach((d) => d.chart.destroy()));

/**
 * Gaps, in CSS pixels, between neighbouring category labels as drawn. Turned labels are parallel
 * blocks of text: their gap is measured across them, from one block's last line to the next one's first.
 */
function gaps(shape: ChartShape): number[] {
  const drawn = drawnChart(shape);
  live.push(drawn);
  const scale = drawn.chart.scales.x!;
  const ctx = drawn.canvas.getContext('2d');
  const items = scale.getLabelItems() as unknown as { label: string | string[]; font: { string: string; lineHeight: number }; options: { translation: [number, number]; rotation: number } }[];
  const rotation = items[0]?.options.rotation ?? 0;
  if (rotation !== 0) {
    return items.slice(1).map((b, i) => {
      const a = items[i]!;
      const lines = Array.isArray(a.label) ? a.label.length : 1;
      return (b.options.translation[0] - a.options.translation[0]) * Math.abs(Math.sin(rotation)) - lines * a.font.lineHeight;
    });
  }
  const boxes = items.map((item) => {
    ctx.font = item.font.string;
    const lines = Array.isArray(item.label) ? item.label : [item.label];
    const width = Math.max(...lines.map((l) => ctx.measureText(String(l)).width));
    return { left: item.options.translation[0] - width / 2, right: item.options.translation[0] + width / 2 };
  });
  return boxes.slice(1).map((b, i) => b.left - boxes[i]!.right);
}

const regions: Chart = {
  type: 'bar',
  labels: ['North America and Canada (excluding Mexico)', 'Western Europe incl. United Kingdom and Ireland', 'Central and Eastern Europe', 'Middle East and Africa', 'Asia-Pacific excluding Greater China', 'Greater China', 'Latin America and the Caribbean'],
  series: [
    { name: 'FY2022', values: [1250000000, 830000000, -120000000, -45000000, 410000000, 290000000, 95000000] },
    { name: 'FY2023', values: [1390000000, 910000000, -80000000, -61000000, 455000000, 240000000, 120000000] },
    { name: 'FY2024', values: [1510000000, 870000000, 15000000, -72000000, 502000000, 198000000, 133000000] },
  ],
  unit: 'USD',
  dataLabels: true,
};

describe('category labels', () => {
  it('stay apart beside a wide value axis, on a full-width chart and a half-width one', () => {
    for (const w of [12.1, 7.5]) {
      const shape = chartShapeOf(regions, { box: { x: 0.6, y: 1.65, w, h: 4.85 } });
      for (const g of gaps(shape)) expect(g, `box ${w} in`).toBeGreaterThanOrEqual(3);
    }
  });

  it('stay apart with a right axis too (combo)', () => {
    const combo: Chart = { ...regions, type: 'combo', series: [regions.series[0]!, { name: 'Margin', values: [12.5, 9.1, -2.3, -1.1, 8.8, 7.4, 3.2], type: 'line', axis: 'right' }], y2Title: 'Margin (%)' };
    for (const g of gaps(chartShapeOf(combo))) expect(g).toBeGreaterThanOrEqual(3);
  });

  for (const file of ['deck.yaml', 'examples/all-layouts.yaml']) {
    it(`stay apart on every vertical chart of ${file}`, async () => {
      const deck = planDeck(await loadOutline(file)).deck;
      const charts = deck.slides.flatMap((s) => s.shapes).filter((s): s is ChartShape => s.kind === 'chart' && !['hbar', 'pie', 'doughnut'].includes(s.spec.type));
      expect(charts.length).toBeGreaterThan(0);
      for (const shape of charts) for (const g of gaps(shape)) expect(g, shape.alt).toBeGreaterThanOrEqual(3);
    });
  }

  it('take the room that narrower neighbours leave, and never meet', () => {
    // 130 px between 87 and 99 px neighbours, 120 px apart: a third wider than its own category.
    const rooms = labelRooms([75, 87, 130, 99, 128, 85], 120, 8);
    expect(rooms[2]).toBeCloseTo(2 * Math.min(112 - 87 / 2, 112 - 99 / 2));
    expect(rooms[2]).toBeGreaterThan(112);
    // The first and last keep to their category on the outer side.
    expect(rooms[0]).toBeLessThanOrEqual(112);
    expect(rooms[5]).toBeLessThanOrEqual(112);
    fc.assert(
      fc.property(fc.array(fc.double({ min: 1, max: 400, noNaN: true }), { minLength: 1, maxLength: 12 }), fc.double({ min: 20, max: 300, noNaN: true }), (widths, spacing) => {
        const gap = 6;
        const rooms = labelRooms(widths, spacing, gap);
        // As drawn: a label wider than its room wraps to at most its room.
        const drawn = widths.map((w, i) => Math.min(w, rooms[i]!));
        for (let i = 1; i < drawn.length; i++) expect(drawn[i - 1]! / 2 + drawn[i]! / 2 + gap).toBeLessThanOrEqual(spacing + 1e-9);
        expect(drawn[0]! / 2).toBeLessThanOrEqual((spacing - gap) / 2 + 1e-9);
      }),
    );
  });

  it('break after a hyphen before a letter, into even lines', () => {
    const fortnights: Chart = {
      type: 'line',
      labels: ['Jul 1-14', 'Jul 15-28', 'Jul 29-Aug 11', 'Aug 12-25', 'Aug 26-Sep 8', 'Sep 9-22'],
      series: [{ name: 'Empty at 8:00', values: [48.2, 46.9, 44.1, 41.7, 38.4, 35.9] }],
      dataLabels: false,
    };
    const labelsOf = (spec: Chart, w: number): unknown[] => chartConfig(chartShapeOf(spec, { box: { x: 0.6, y: 1.65, w, h: 4.85 }, fontSize: 18 }), 'Carlito').data.labels!;
    const narrow = labelsOf(fortnights, 6.4);
    expect(narrow[2]).toEqual(['Jul 29-', 'Aug 11']);
    expect(narrow[4]).toEqual(['Aug 26-', 'Sep 8']);
    // A hyphen between digits is not a break ("1-14" stays whole).
    expect(narrow[0]).toEqual(['Jul 1-14']);
    // Wide enough: nothing wraps.
    expect(labelsOf(fortnights, 12.1).every((l) => Array.isArray(l) && l.length === 1)).toBe(true);
    // Even lines: the last word is not left alone.
    const style = { font: 'Calibri', lineSpacing: 1 };
    const room = lineWidth([{ text: 'Southern Europe and' }], style, 16) + 0.01;
    expect(balancedLines('Southern Europe and Africa', style, 16, room)).toEqual(['Southern Europe', 'and Africa']);
    // A word wider than the room is broken, as slide text is, not balanced.
    expect(balancedLines('Internationalisation', style, 16, 0.5).length).toBeGreaterThan(1);
    for (const g of gaps(chartShapeOf(fortnights, { box: { x: 0.6, y: 1.65, w: 6, h: 4.85 }, fontSize: 18 }))) expect(g).toBeGreaterThanOrEqual(3);
  });

  it('turn, rather than break a word or a number, when a word is wider than its category', () => {
    const weeks = ['Jan 1-14', 'Jan 15-28', 'Jan 29-Feb 11', 'Feb 12-25', 'Feb 26-Mar 10', 'Mar 11-24', 'Mar 25-Apr 7', 'Apr 8-21', 'Apr 22-May 5', 'May 6-19', 'May 20-Jun 2', 'Jun 3-16', 'Jun 17-30', 'Jul 1-14'];
    const spec: Chart = { type: 'line', labels: weeks, series: ['Web', 'iOS', 'Android'].map((name, k) => ({ name, values: weeks.map((_, i) => 100 + i * 3 + k * 20) })), dataLabels: false };
    const config = chartConfig(chartShapeOf(spec, { box: { x: 0.6, y: 1.65, w: 9, h: 4.85 }, fontSize: 18 }), 'Carlito');
    const ticks = (config.options!.scales!.x as { ticks: { minRotation: number; maxRotation: number } }).ticks;
    expect([ticks.minRotation, ticks.maxRotation]).toEqual([45, 45]);
    // Whole labels, one line each: "15-28" is never "15-2" / "8".
    expect(config.data.labels).toEqual(weeks.map((w) => [w]));
    for (const g of gaps(chartShapeOf(spec, { box: { x: 0.6, y: 1.65, w: 9, h: 4.85 }, fontSize: 18 }))) expect(g).toBeGreaterThanOrEqual(3);
    // Labels that fit are not turned.
    const few: Chart = { ...spec, labels: weeks.slice(0, 4), series: spec.series.map((s) => ({ ...s, values: s.values.slice(0, 4) })) };
    expect((chartConfig(chartShapeOf(few, { box: { x: 0.6, y: 1.65, w: 12.1, h: 4.85 }, fontSize: 18 }), 'Carlito').options!.scales!.x as { ticks: { maxRotation: number } }).ticks.maxRotation).toBe(0);
  });

  it('break CJK text between characters but keep a number with its counter, and Korean at its spaces', () => {
    const style = { font: 'Calibri', lineSpacing: 1 };
    const wide = (t: string): number => lineWidth([{ text: t }], style, 16);
    expect(balancedLines('2024年12月', style, 16, wide('2024年') + 0.01)).toEqual(['2024年', '12月']);
    expect(balancedLines('2025년 1분기(예상)', style, 16, wide('1분기(예상)') + 0.01)).toEqual(['2025년', '1분기(예상)']);
    // Closing punctuation stays with the character before it (kinsoku).
    expect(balancedLines('苏州（含昆山、太仓）', style, 16, wide('苏州（含') + 0.01).every((l) => !/^[、）]/u.test(l) && !/（$/u.test(l))).toBe(true);
  });
});
