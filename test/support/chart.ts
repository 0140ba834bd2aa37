/** Chart shapes for tests, with everything plan decides (ranges, decimals, units) decided by plan's own functions. */
import type { Chart } from '../../src/load/schema.js';
import { seriesDecimals, unitPlacement, valueRanges } from '../../src/plan/chart-axis.js';
import type { ChartShape } from '../../src/plan/deck.js';
import { seriesColours } from '../../src/theme/palette.js';
import { BRIEFING } from '../../src/theme/theme.js';

export function chartShapeOf(spec: Chart, over: Partial<ChartShape> = {}): ChartShape {
  const round = spec.type === 'pie' || spec.type === 'doughnut';
  return {
    kind: 'chart',
    box: { x: 0.6, y: 1.65, w: 7.5, h: 4.85 },
    spec,
    alt: 'Chart',
    colours: seriesColours(BRIEFING.palette, round ? spec.labels.length : spec.series.length),
    font: 'Calibri',
    textColour: '1F2933',
    gridColour: 'C9D2DC',
    background: 'FFFFFF',
    fontSize: 16,
    decimals: seriesDecimals(spec),
    ranges: valueRanges(spec),
    ...unitPlacement(spec),
    native: false,
    ...over,
  };
}
