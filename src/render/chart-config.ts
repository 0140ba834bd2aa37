/** Chart spec -> Chart.js configuration: types, colours, fonts and labels from the theme. */
import { fontKey } from '../font-twins.js';
import type { ChartConfiguration, ChartDataset } from 'chart.js';
import { formatNumber } from '../figures/format.js';
import { axisValues, withUnit } from '../plan/chart-axis.js';
import { inkOn } from '../theme/contrast.js';
import type { ChartShape } from '../plan/deck.js';
import type { AdvanceTable } from '../plan/metrics/ranges.js';
import { HAN_KANA, lineWidth, NO_LINE_END, NO_LINE_START, wrapLines } from '../plan/measure.js';
import { inToCssPx, ptToCssPx } from '../plan/units.js';
import type { DataLabelOptions } from './data-labels.js';

const hex = (c: string, alpha = 1): string => {
  const n = parseInt(c, 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
};

/** Room right of the plot for end-of-line labels: the widest name and value, a colour key and gaps. */
function endRoom(shape: ChartShape, px: number): number {
  const { spec } = shape;
  const widest = Math.max(
    ...spec.series.map((s, i) => {
      const last = [...s.values].reverse().find((v) => Number.isFinite(v)) ?? 0;
      const text = spec.dataLabels ? `${s.name}  ${withUnit(formatNumber(last, shape.decimals[i], shape.numbers), shape.labelUnit, shape.numbers)}` : s.name;
      return inToCssPx(lineWidth([{ text }], { font: shape.font, bold: true, lineSpacing: 1 }, shape.fontSize));
    }),
  );
  // The series' last point sits half a category in from the plot's right edge.
  return Math.min(widest * 1.08 + px * 1.2, inToCssPx(shape.box.w) * 0.4);
}

/** The largest round number of `x`'s order at or above it (1,510 -> 2,000), as axis ends come out. */
function roundUp(x: number): number {
  if (x <= 0) return 0;
  const order = 10 ** Math.floor(Math.log10(x));
  return Math.ceil(x / order) * order;
}

/** How chart text is measured: in the chart's font, or the outline's own font file's widths. */
function measuredIn(shape: ChartShape): { font: string; lineSpacing: number; book?: Map<string, AdvanceTable> } {
  return { font: shape.font, lineSpacing: 1, ...(shape.ownFont ? { book: new Map([[fontKey(shape.font), shape.ownFont.widths]]) } : {}) };
}

/** A value axis's tick label, as drawn. */
const tickText = (shape: ChartShape, v: number): string => withUnit(formatNumber(v, undefined, shape.numbers), shape.tickUnit, shape.numbers);

/**
 * Width (inches) a value axis takes beside the plot: its widest tick label (the axis ends, as
 * Chart.js rounds them, with the grace bars get), the ticks' padding, and its title.
 */
function valueAxisRoom(shape: ChartShape, side: 'left' | 'right'): number {
  const { spec } = shape;
  const values = axisValues(spec, side);
  if (!values.length) return 0;
  const r = shape.ranges[side];
  const lo = Math.min(0, r.min ?? Math.min(...values));
  const hi = Math.max(0, r.max ?? Math.max(...values));
  const grace = (hi - lo) * 0.25;
  const ends = [roundUp(r.max ?? hi + grace), -roundUp(-(r.min ?? (lo < 0 ? lo - grace : 0)))];
  const style = measuredIn(shape);
  const widest = Math.max(...ends.map((v) => lineWidth([{ text: tickText(shape, v) }], style, shape.fontSize)));
  const title = (side === 'left' ? shape.valueTitle : spec.y2Title) ? (ptToCssPx(shape.fontSize) * 1.4) / 96 : 0;
  return widest + 8 / 96 + title;
}

/**
 * The width each category label of a vertical chart may take, in inches, given each label's width
 * on one line: its category's width (`spacing`, less `gap`), or more where its neighbours are
 * narrower and leave room ("Jul 29-Aug 11" between "Jul 15-28" and "Aug 12-25" stays on one
 * line). A neighbour is counted at its own width or its category's, whichever is less, as it will
 * be drawn, so no two labels can meet: each takes at most the half of the space between their
 * centres that the other leaves. The first and last labels keep to their category's width on the
 * outer side.
 */
export function labelRooms(widths: readonly number[], spacing: number, gap: number): number[] {
  const fair = spacing - gap;
  const taken = (i: number): number => (i < 0 || i >= widths.length ? fair : Math.min(widths[i]!, fair));
  return widths.map((_, i) => 2 * Math.min(fair - taken(i - 1) / 2, fair - taken(i + 1) / 2));
}

const HAN_KANA_CHAR = new RegExp(`[${HAN_KANA}]`, 'u');

/** Words, a number with the Han or kana character after it ("2024年"), single Han and kana characters, and spaces. */
const PIECE = new RegExp(`\\s+|[0-9\uff10-\uff19][0-9\uff10-\uff19.,]*[${HAN_KANA}]|[${HAN_KANA}]|[^\\s${HAN_KANA}]+`, 'gu');

/**
 * A label's pieces, the runs a line may not break: its words; the parts of a word that a hyphen
 * joins to a letter ("29-Aug" is "29-" and "Aug"), which may end a line as in PowerPoint; in CJK
 * text each character, but a number keeps the character after it ("2024年", "1月") and East Asian
 * punctuation stays with its neighbour as slide text does (kinsoku). `spaced` when a space comes before.
 */
function piecesOf(text: string): { text: string; spaced: boolean }[] {
  const pieces: { text: string; spaced: boolean }[] = [];
  let spaced = false;
  for (const [run] of text.matchAll(PIECE)) {
    if (/^\s/u.test(run)) {
      spaced = pieces.length > 0;
      continue;
    }
    const parts = HAN_KANA_CHAR.test(run) ? [run] : run.split(/(?<=[\p{L}\p{N}]-)(?=\p{L})/u);
    parts.forEach((part, i) => {
      const last = pieces.at(-1);
      if (last && i === 0 && !spaced && (NO_LINE_START.test(part[0]!) || /^[)\]},.:;!?%]/u.test(part) || NO_LINE_END.test(last.text.at(-1)!) || /[([{]$/u.test(last.text))) last.text += part;
      else pieces.push({ text: part, spaced: i === 0 && spaced });
    });
    spaced = false;
  }
  return pieces;
}

/** The runs of a label no line may break. */
const unbreakable = (text: string): string[] => piecesOf(text).map((p) => p.text);

/**
 * A label wrapped to at most `width` (inches), with its lines as even as they can be: the
 * narrowest width that needs no more lines, so a short last word is not left alone on a line
 * ("Jul 29-" / "Aug 11", not "Jul 29-Aug" / "11"). Lines break at spaces and after a hyphen
 * before a letter, and in CJK text between characters (see piecesOf); a label with a piece too
 * wide for the line is wrapped as slide text is, breaking the word.
 */
export function balancedLines(text: string, style: { font: string; lineSpacing: number; book?: Map<string, AdvanceTable> }, size: number, width: number): string[] {
  const pieces = piecesOf(text);
  const widthOf = (t: string): number => lineWidth([{ text: t }], style, size);
  const widest = Math.max(...pieces.map((p) => widthOf(p.text)));
  if (!(widest <= width)) return wrapLines([{ text }], style, size, width);
  const fill = (w: number): string[] => {
    const lines: string[] = [];
    let line = '';
    for (const p of pieces) {
      const longer = line === '' ? p.text : `${line}${p.spaced ? ' ' : ''}${p.text}`;
      if (line === '' || widthOf(longer) <= w) line = longer;
      else {
        lines.push(line);
        line = p.text;
      }
    }
    return [...lines, line];
  };
  const lines = fill(width);
  if (lines.length < 2) return lines;
  // Between the widest piece (each on a line of its own) and the width given.
  let [lo, hi] = [widest, width];
  for (let i = 0; i < 12; i++) {
    const mid = (lo + hi) / 2;
    if (fill(mid).length <= lines.length) hi = mid;
    else lo = mid;
  }
  return fill(hi);
}

/**
 * Ticks on a range's own step. With both ends given, as a count of ticks: Chart.js takes a
 * stepSize only as a hint and, on a short axis, divided 0-10 into thirds (3.333...).
 */
function stepping(r: ChartShape['ranges']['left']): { count?: number; stepSize?: number } {
  if (!r.step) return {};
  if (r.min !== undefined && r.max !== undefined) return { count: Math.round((r.max - r.min) / r.step) + 1 };
  return { stepSize: r.step };
}

export function chartConfig(shape: ChartShape, family: string): ChartConfiguration {
  const { spec, colours } = shape;
  const px = ptToCssPx(shape.fontSize);
  const font = { family, size: px };
  const text = `#${shape.textColour}`;
  const round = spec.type === 'pie' || spec.type === 'doughnut';
  const horizontal = spec.type === 'hbar';
  const stacked = spec.type === 'stacked-bar';
  const label = (v: number, series: number): string => withUnit(formatNumber(v, shape.decimals[series], shape.numbers), shape.labelUnit, shape.numbers);
  // Two or more lines are named at their ends, not in a legend, and the end label carries the last value.
  const endLabels = spec.type === 'line' && spec.series.length > 1;
  const rightPad = endLabels ? endRoom(shape, px) : horizontal ? px * 3.5 : px;

  const datasets = spec.series.map((s, i): ChartDataset => {
    const colour = colours[i % colours.length]!;
    const kind = spec.type === 'combo' ? (s.type ?? (i === 0 ? 'bar' : 'line')) : spec.type === 'line' ? 'line' : 'bar';
    if (round) {
      const fills = spec.labels.map((_, j) => `#${colours[j % colours.length]}`);
      return { type: spec.type, label: s.name, data: s.values, backgroundColor: fills, borderColor: '#FFFFFF', borderWidth: 2 } as ChartDataset;
    }
    const base = { label: s.name, data: s.values, yAxisID: s.axis === 'right' ? 'y2' : 'y' };
    return kind === 'line'
      ? // order 0 draws lines over bars (Chart.js draws lower orders last).
        ({ ...base, order: 0, type: 'line', borderColor: `#${colour}`, backgroundColor: `#${colour}`, borderWidth: 4, pointRadius: 6, tension: 0 } as ChartDataset)
      : ({ ...base, order: 1, type: 'bar', backgroundColor: `#${colour}`, borderWidth: 0, maxBarThickness: 140, categoryPercentage: 0.7 } as ChartDataset);
  });

  // Chart.js clips tick labels that are too long; wrap them into lines that fit instead.
  // A vertical chart's category has the plot's width over the categories: the box less the value
  // axes and the padding; a gap of a third of an em keeps neighbouring labels apart. Where a word
  // or a number is wider than its category ("15-28" among 14 fortnights), short labels are turned
  // instead, to 45 degrees or, if even that is too tight, upright: a break inside a word would
  // misread ("15-2 / 8"). Labels too long to turn wrap, breaking a word only if they must.
  let labels: (string | string[])[] = spec.labels;
  let rotation = 0;
  if (!round) {
    const style = measuredIn(shape);
    const wrap = (l: string, width: number): string[] => balancedLines(l, style, shape.fontSize, width);
    if (horizontal) labels = spec.labels.map((l) => wrap(l, shape.box.w * 0.3));
    else {
      const plotWidth = shape.box.w - valueAxisRoom(shape, 'left') - valueAxisRoom(shape, 'right') - (rightPad + 4) / 96;
      const spacing = plotWidth / spec.labels.length;
      const widthOf = (t: string): number => lineWidth([{ text: t }], style, shape.fontSize);
      const widths = spec.labels.map(widthOf);
      const rooms = labelRooms(widths, spacing, px / 3 / 96);
      // Turned labels take one line each, at 45 degrees where neighbours clear each other by a
      // line and a few pixels, else upright; only if the longest then takes at most 40% of the chart's height.
      const line = (1.2 * px + 4) / 96;
      const angle = spacing * Math.SQRT1_2 >= line ? 45 : 90;
      const turnable = spacing >= line && Math.max(...widths) * Math.sin((angle * Math.PI) / 180) <= shape.box.h * 0.4;
      if (turnable && spec.labels.some((l, i) => Math.max(0, ...unbreakable(l).map(widthOf)) > rooms[i]!)) {
        labels = spec.labels.map((l) => [l]);
        rotation = angle;
      } else labels = spec.labels.map((l, i) => wrap(l, Math.max(rooms[i]!, px / 96)));
    }
  }

  // Axis titles follow the drawing: xTitle is the horizontal axis, whichever way the bars run.
  const valueTitle = shape.valueTitle;
  const categoryTitle = horizontal ? spec.yTitle : spec.xTitle;
  // Bars start at zero (their length is the value); lines span the range plan chose.
  // A range with both ends (a line's, or yMin/yMax) is drawn as given. Bars only pin zero, and
  // beginAtZero says that while leaving Chart.js a grace (a quarter of half the range: room for labels past the ends).
  const range = (r: ChartShape['ranges']['left']): object =>
    r.min !== undefined && r.max !== undefined ? { min: r.min, max: r.max } : { ...(r.min !== undefined && r.min !== 0 ? { min: r.min } : {}), ...(r.max !== undefined && r.max !== 0 ? { max: r.max } : {}), grace: '25%', beginAtZero: true };
  const tickBase = { color: text, font, padding: 8, callback: (v: string | number) => tickText(shape, Number(v)) };
  const valueAxis = {
    ...range(shape.ranges.left),
    stacked,
    grid: { color: hex(shape.gridColour), drawTicks: false },
    border: { display: false },
    ticks: { ...tickBase, ...stepping(shape.ranges.left) },
    title: { display: !!valueTitle, text: valueTitle ?? '', color: text, font },
  };
  const categoryAxis = {
    stacked,
    grid: { display: false },
    border: { color: hex(shape.gridColour) },
    ticks: { color: text, font, autoSkip: false, minRotation: rotation, maxRotation: rotation },
    title: { display: !!categoryTitle, text: categoryTitle ?? '', color: text, font },
  };
  const scales = round
    ? {}
    : {
        x: horizontal ? valueAxis : categoryAxis,
        y: horizontal ? categoryAxis : valueAxis,
        ...(spec.series.some((s) => s.axis === 'right')
          ? { y2: { ...valueAxis, ...range(shape.ranges.right), ticks: { ...tickBase, ...stepping(shape.ranges.right) }, position: 'right', grid: { display: false }, title: { display: !!spec.y2Title, text: spec.y2Title ?? '', color: text, font } } }
          : {}),
      };

  return {
    type: round ? spec.type : 'bar',
    data: { labels, datasets },
    options: {
      responsive: false,
      animation: false,
      devicePixelRatio: 2,
      indexAxis: horizontal ? 'y' : 'x',
      layout: { padding: { top: px * 0.6, right: rightPad, bottom: 4, left: 4 } },
      scales,
      plugins: {
        legend: {
          display: round || (spec.series.length > 1 && !endLabels),
          position: round ? 'right' : 'top',
          // A legend that runs to a second column starts both at the top: centred, each column
          // was centred on its own, and the second began beside the first one's third row.
          align: round && spec.labels.length * px * 2 <= inToCssPx(shape.box.h) - px * 2 ? 'center' : 'start',
          // In the outline's order: Chart.js lists datasets by drawing order, which puts a combo's lines (drawn last) first.
          labels: { color: text, font, boxWidth: px, boxHeight: px, padding: px, sort: (a: { datasetIndex?: number; index?: number }, b: { datasetIndex?: number; index?: number }) => (a.datasetIndex ?? 0) - (b.datasetIndex ?? 0) || (a.index ?? 0) - (b.index ?? 0) },
        },
        deckgenLegendGap: { gap: round ? 0 : px },
        deckgenBackground: { colour: `#${shape.background}` },
        tooltip: { enabled: false },
        deckgenDataLabels: {
          display: spec.dataLabels && !endLabels,
          endLabels,
          endValues: spec.dataLabels,
          font: `bold ${px}px "${family}"`,
          inside: (fill: string) => `#${inkOn(fill)}`,
          outside: text,
          halo: `#${shape.background}`,
          format: label,
        } satisfies DataLabelOptions,
      },
    },
  } as ChartConfiguration;
}
