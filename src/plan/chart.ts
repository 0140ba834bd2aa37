/** A chart as the plan decides it: colours, axis ranges, decimals and units, and its problems. */
import { fontKey } from '../font-twins.js';
import type { Chart } from '../load/schema.js';
import { seriesColours } from '../theme/palette.js';
import { chartAlt } from './alt.js';
import { ENGLISH } from '../figures/format.js';
import { seriesDecimals, unitPlacement, valueRanges } from './chart-axis.js';
import { chartProblems } from './chart-rules.js';
import type { PlanContext } from './context.js';
import type { ChartShape } from './deck.js';
import type { Box } from './units.js';

/** `at` is the chart's path in the outline, for problems found in its data. */
export function chartShape(ctx: PlanContext, chart: Chart, box: Box, fontSize: number, at: readonly (string | number)[]): ChartShape {
  const { colours, palette, font, faces } = ctx.theme;
  // A font from the outline's own files (theme.fonts) is drawn from those files, with their widths.
  const files = ctx.outline.fonts.files.filter((f) => fontKey(f.name) === fontKey(font)).map((f) => ({ path: f.path, sha256: f.sha256 }));
  const widths = faces.get(fontKey(font));
  // Values read from a CSV file have no place in the outline: report them at `data:`.
  const fromCsv = (chart as { data?: unknown }).data !== undefined;
  for (const p of chartProblems(chart)) {
    const path = fromCsv && p.path[0] === 'series' ? [...at, 'data'] : [...at, ...p.path];
    const where = fromCsv && p.path[0] === 'series' ? ` (in ${String((chart as { data?: unknown }).data)})` : '';
    ctx.problem(path, p.message + where, p.hint, p.code, p.severity);
  }
  const round = chart.type === 'pie' || chart.type === 'doughnut';
  const count = round ? chart.labels.length : chart.series.length;
  return {
    kind: 'chart',
    box,
    spec: chart,
    alt: chartAlt(chart, ctx.outline.meta.lang, ctx.numbers),
    colours: seriesColours(palette, Math.max(count, 1)),
    font: ctx.theme.font,
    textColour: colours.text,
    gridColour: colours.rule,
    background: colours.background,
    fontSize,
    decimals: seriesDecimals(chart),
    ...(ctx.numbers === ENGLISH ? {} : { numbers: ctx.numbers }),
    ranges: valueRanges(chart),
    ...unitPlacement(chart),
    native: chart.native ?? ctx.outline.charts === 'native',
    ...(files.length && widths ? { ownFont: { files, widths } } : {}),
  };
}
