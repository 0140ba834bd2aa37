/**
 * A chart as a native PowerPoint chart (pptxgenjs addChart), with its data in an embedded
 * workbook, so it can be edited in PowerPoint. Same colours, fonts, sizes, axis ranges and
 * titles, number formats, legend rules and alt text as the picture; the viewer draws it.
 */
import { niceStep } from '../plan/chart-axis.js';
import type { ChartShape } from '../plan/deck.js';
import type { Presentation, Slide } from './pptx.js';
import { xmlSafe } from './sanitize.js';

type Opts = NonNullable<Parameters<Slide['addChart']>[2]>;
type Multi = Extract<Parameters<Slide['addChart']>[0], unknown[]>[number];

/** An Excel number format with `decimals` places, thousands separators and the label's unit. */
export function formatCode(decimals: number, unit?: string): string {
  const number = `#,##0${decimals > 0 ? `.${'0'.repeat(decimals)}` : ''}`;
  if (!unit) return number;
  // A literal suffix: quoted, with any quote in it doubled away.
  const literal = unit.replaceAll('"', '');
  return unit.startsWith('%') ? `${number}"${literal}"` : `${number}" ${literal}"`;
}

/** Points, from the CSS pixels the picture is drawn with. */
const LINE_PT = 2.25;

export function emitNativeChart(pptx: Presentation, slide: Slide, shape: ChartShape): void {
  const { spec, box } = shape;
  const round = spec.type === 'pie' || spec.type === 'doughnut';
  const data = (indexes: number[]): { name: string; labels: string[]; values: number[] }[] =>
    indexes.map((i) => ({ name: xmlSafe(spec.series[i]!.name), labels: spec.labels.map(xmlSafe), values: [...spec.series[i]!.values] }));
  const all = spec.series.map((_, i) => i);
  const font = { face: shape.font, size: shape.fontSize, colour: shape.textColour };
  // The picture's labels carry one format per series; a native chart has one per chart: the most decimals.
  const code = formatCode(Math.max(...shape.decimals), shape.labelUnit);
  // Axis steps are the viewer's choice: whole numbers, or one decimal for small fractional values.
  const values = spec.series.flatMap((s) => s.values);
  const fractional = values.some((v) => !Number.isInteger(v)) && Math.max(...values.map(Math.abs)) < 10;
  const tickCode = formatCode(fractional ? 1 : 0, shape.tickUnit);
  const endLabels = spec.type === 'line' && spec.series.length > 1;
  const valueTitle = shape.valueTitle;
  const categoryTitle = spec.type === 'hbar' ? spec.yTitle : spec.xTitle;

  const base: Opts = {
    x: box.x,
    y: box.y,
    w: box.w,
    h: box.h,
    altText: xmlSafe(shape.alt),
    chartColors: [...shape.colours],
    // White edges between slices, as in the picture.
    ...(round ? { dataBorder: { pt: 1.5, color: 'FFFFFF' } } : {}),
    showLegend: round || (spec.series.length > 1),
    legendPos: round ? 'r' : endLabels ? 'r' : 't',
    legendFontFace: font.face,
    legendFontSize: font.size,
    legendColor: font.colour,
    showValue: spec.dataLabels && !endLabels,
    dataLabelFormatCode: code,
    dataLabelFontFace: font.face,
    dataLabelFontSize: font.size,
    dataLabelFontBold: true,
    dataLabelColor: font.colour,
    catAxisLabelFontFace: font.face,
    catAxisLabelFontSize: font.size,
    catAxisLabelColor: font.colour,
    // Category labels at the low end of the value axis, as in the picture: pptxgenjs's default for
    // horizontal bars and lines puts them at zero, across the bars and lines below it.
    catAxisLabelPos: 'low',
    valAxisLabelFontFace: font.face,
    valAxisLabelFontSize: font.size,
    valAxisLabelColor: font.colour,
    valAxisLabelFormatCode: tickCode,
    valGridLine: { color: shape.gridColour, size: 0.75 },
    catGridLine: { style: 'none' },
    valAxisLineShow: false,
    lineSize: LINE_PT,
    lineDataSymbol: 'circle',
    lineDataSymbolSize: 8,
    ...(valueTitle ? { showValAxisTitle: true, valAxisTitle: xmlSafe(valueTitle), valAxisTitleFontFace: font.face, valAxisTitleFontSize: font.size, valAxisTitleColor: font.colour } : {}),
    ...(categoryTitle ? { showCatAxisTitle: true, catAxisTitle: xmlSafe(categoryTitle), catAxisTitleFontFace: font.face, catAxisTitleFontSize: font.size, catAxisTitleColor: font.colour } : {}),
    ...range(shape.ranges.left),
  };

  if (round) {
    slide.addChart(spec.type === 'pie' ? pptx.ChartType.pie : pptx.ChartType.doughnut, data([0]), {
      ...base,
      chartColors: [...shape.colours],
      showPercent: false,
      showValue: spec.dataLabels,
      dataLabelPosition: spec.type === 'pie' ? 'bestFit' : 'ctr',
      dataLabelColor: 'FFFFFF',
      holeSize: 50,
      firstSliceAng: 0,
    });
    return;
  }
  if (spec.type === 'combo') {
    const kind = (i: number): 'bar' | 'line' => spec.series[i]!.type ?? (i === 0 ? 'bar' : 'line');
    const right = all.filter((i) => spec.series[i]!.axis === 'right');
    const groups = [all.filter((i) => !right.includes(i)), right].flatMap((axis, a) =>
      (['bar', 'line'] as const).map((k) => ({ k, a, idx: axis.filter((i) => kind(i) === k) })).filter((g) => g.idx.length),
    );
    const charts: Multi[] = groups.map((g) => ({
      type: g.k === 'bar' ? pptx.ChartType.bar : pptx.ChartType.line,
      data: data(g.idx),
      options: {
        chartColors: g.idx.map((i) => shape.colours[i]!),
        barDir: 'col',
        ...(g.a === 1 ? { secondaryValAxis: true, secondaryCatAxis: true } : {}),
        // Each kind its own decimals: deal counts stay "42", not "42.0" beside a 21.5% rate.
        dataLabelFormatCode: formatCode(Math.max(...g.idx.map((i) => shape.decimals[i]!)), shape.labelUnit),
        // A line's labels sit over bars: on a tag of the line's colour, in the ink that reads on it (chart-xml.ts).
        ...(g.k === 'bar' ? { dataLabelPosition: 'outEnd' } : { dataLabelPosition: 't', dataLabelBkgrdColors: true }),
      },
    }));
    const axisFont = { valAxisLabelFontFace: font.face, valAxisLabelFontSize: font.size, valAxisLabelColor: font.colour, valAxisLabelFormatCode: tickCode, valAxisLineShow: false };
    const twoAxes = right.length > 0;
    // A combo takes its options second (pptxgenjs's typings say third).
    (slide.addChart as unknown as (types: Multi[], options: Opts) => Slide)(charts, {
      ...base,
      ...(twoAxes
        ? {
            valAxes: [
              { ...axisFont, ...range(shape.ranges.left), ...(valueTitle ? { showValAxisTitle: true, valAxisTitle: xmlSafe(valueTitle) } : {}), valGridLine: { color: shape.gridColour, size: 0.75 } },
              { ...axisFont, ...range(shape.ranges.right), ...(spec.y2Title ? { showValAxisTitle: true, valAxisTitle: xmlSafe(spec.y2Title) } : {}), valGridLine: { style: 'none' } },
            ],
            catAxes: [{ catAxisTitle: categoryTitle ? xmlSafe(categoryTitle) : '', showCatAxisTitle: !!categoryTitle }, { catAxisHidden: true }],
          }
        : {}),
    } as Opts);
    return;
  }
  const bars = spec.type !== 'line';
  slide.addChart(bars ? pptx.ChartType.bar : pptx.ChartType.line, data(all), {
    ...base,
    ...(bars ? negativeRoom(shape) : {}),
    barDir: spec.type === 'hbar' ? 'bar' : 'col',
    barGrouping: spec.type === 'stacked-bar' ? 'stacked' : 'clustered',
    barGapWidthPct: 43,
    // Horizontal bars list the first category at the top, as in the picture; the value axis then
    // crosses at the last category, so its numbers stay at the bottom with its title.
    ...(spec.type === 'hbar' ? { catAxisOrientation: 'maxMin', catAxisCrossesAt: 'max' } : {}),
    dataLabelPosition: spec.type === 'stacked-bar' ? 'ctr' : bars ? 'outEnd' : 't',
    ...(spec.type === 'stacked-bar' ? { dataLabelColor: 'FFFFFF' } : {}),
  } as Opts);
}

/**
 * Bars with negative values: the axis runs a quarter of the data's range past the lowest value,
 * as the picture's does, so the label outside a negative bar's end has room before the category
 * labels (PowerPoint would otherwise end the axis at the bar, and print the label over them).
 */
function negativeRoom(shape: ChartShape): Opts {
  if (shape.ranges.left.min !== undefined) return {} as Opts;
  const values = shape.spec.series.flatMap((s) => s.values.filter(Number.isFinite));
  const lo = Math.min(...values);
  if (!(lo < 0)) return {} as Opts;
  const hi = Math.max(0, ...values);
  const grace = (hi - lo) * 0.25;
  const step = niceStep((hi - lo + 2 * grace) / 5);
  return { valAxisMinVal: Number((Math.floor((lo - grace) / step) * step).toPrecision(12)) } as Opts;
}

function range(r: { min?: number; max?: number; step?: number }): Opts {
  return { ...(r.min !== undefined ? { valAxisMinVal: r.min } : {}), ...(r.max !== undefined ? { valAxisMaxVal: r.max } : {}), ...(r.step !== undefined ? { valAxisMajorUnit: r.step } : {}) } as Opts;
}
