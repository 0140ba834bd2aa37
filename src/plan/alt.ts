/** Alt text for charts, from their data, so a screen reader hears what the picture shows. */
import { formatNumber } from '../figures/format.js';
import type { Chart } from '../load/schema.js';
import { seriesDecimals, withUnit } from './chart-axis.js';

const NAMES: Record<Chart['type'], string> = {
  bar: 'Bar chart',
  hbar: 'Horizontal bar chart',
  'stacked-bar': 'Stacked bar chart',
  line: 'Line chart',
  pie: 'Pie chart',
  doughnut: 'Doughnut chart',
  combo: 'Bar and line chart',
};

export function formatValue(v: number, decimals: number | undefined): string {
  return formatNumber(v, decimals);
}

export function chartAlt(chart: Chart): string {
  if (chart.alt) return chart.alt;
  const decimals = seriesDecimals(chart);
  const series = chart.series.map((s, si) => {
    const points = chart.labels.map((label, i) => `${label} ${withUnit(formatValue(s.values[i] ?? 0, decimals[si]), chart.unit)}`);
    return `${s.name}: ${points.join('; ')}`;
  });
  return `${NAMES[chart.type]}, ${series.join('. ')}`;
}
