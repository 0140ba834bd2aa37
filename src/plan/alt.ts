/** Alt text for charts, from their data, so a screen reader hears what the picture shows. */
import { formatNumber } from '../figures/format.js';
import type { Chart } from '../load/schema.js';
import { visible } from './text.js';
import { withUnit } from './chart-axis.js';

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
  if (visible(chart.alt)) return chart.alt;
  // The numbers as written (or to `decimals`): a screen reader hears the data itself.
  const series = chart.series.map((s) => {
    const points = chart.labels.map((label, i) => `${label} ${withUnit(formatValue(s.values[i] ?? 0, chart.decimals), chart.unit)}`);
    return `${s.name}: ${points.join('; ')}`;
  });
  return `${NAMES[chart.type]}, ${series.join('. ')}`;
}
