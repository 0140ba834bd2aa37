/**
 * Alt text for charts, from their data, so a screen reader hears what the picture shows: the kind
 * of chart in the deck's language (as PowerPoint names it there), then each series' values with
 * the language's separators.
 */
import { ENGLISH, formatNumber, type NumberStyle } from '../figures/format.js';
import type { Chart } from '../load/schema.js';
import { visible } from './text.js';
import { withUnit } from './chart-axis.js';
import { primaryLanguage } from './labels.js';

type Names = Record<Chart['type'], string>;

const EN: Names = {
  bar: 'Bar chart',
  hbar: 'Horizontal bar chart',
  'stacked-bar': 'Stacked bar chart',
  line: 'Line chart',
  pie: 'Pie chart',
  doughnut: 'Doughnut chart',
  combo: 'Bar and line chart',
};

/** By primary language subtag: the languages src/plan/labels.ts has words for. */
const NAMES: Record<string, Names> = {
  en: EN,
  de: {
    bar: 'Säulendiagramm',
    hbar: 'Balkendiagramm',
    'stacked-bar': 'Gestapeltes Säulendiagramm',
    line: 'Liniendiagramm',
    pie: 'Kreisdiagramm',
    doughnut: 'Ringdiagramm',
    combo: 'Säulen- und Liniendiagramm',
  },
  fr: {
    bar: 'Histogramme',
    hbar: 'Graphique à barres',
    'stacked-bar': 'Histogramme empilé',
    line: 'Graphique en courbes',
    pie: 'Graphique en secteurs',
    doughnut: 'Graphique en anneau',
    combo: 'Histogramme et courbes',
  },
  es: {
    bar: 'Gráfico de columnas',
    hbar: 'Gráfico de barras',
    'stacked-bar': 'Gráfico de columnas apiladas',
    line: 'Gráfico de líneas',
    pie: 'Gráfico circular',
    doughnut: 'Gráfico de anillos',
    combo: 'Gráfico de columnas y líneas',
  },
  ja: {
    bar: '縦棒グラフ',
    hbar: '横棒グラフ',
    'stacked-bar': '積み上げ縦棒グラフ',
    line: '折れ線グラフ',
    pie: '円グラフ',
    doughnut: 'ドーナツ グラフ',
    combo: '縦棒・折れ線グラフ',
  },
  zh: {
    bar: '柱形图',
    hbar: '条形图',
    'stacked-bar': '堆积柱形图',
    line: '折线图',
    pie: '饼图',
    doughnut: '圆环图',
    combo: '柱形图和折线图',
  },
  ko: {
    bar: '세로 막대형 차트',
    hbar: '가로 막대형 차트',
    'stacked-bar': '누적 세로 막대형 차트',
    line: '꺾은선형 차트',
    pie: '원형 차트',
    doughnut: '도넛형 차트',
    combo: '세로 막대형 및 꺾은선형 차트',
  },
  ar: {
    bar: 'مخطط عمودي',
    hbar: 'مخطط شريطي',
    'stacked-bar': 'مخطط عمودي مكدس',
    line: 'مخطط خطي',
    pie: 'مخطط دائري',
    doughnut: 'مخطط دائري مجوف',
    combo: 'مخطط عمودي وخطي',
  },
  he: {
    bar: 'תרשים עמודות',
    hbar: 'תרשים פסים',
    'stacked-bar': 'תרשים עמודות מוערם',
    line: 'תרשים קו',
    pie: 'תרשים עוגה',
    doughnut: 'תרשים טבעת',
    combo: 'תרשים עמודות וקו',
  },
};

export function chartAlt(chart: Chart, lang = 'en-US', numbers: NumberStyle = ENGLISH): string {
  if (visible(chart.alt)) return chart.alt;
  const names = NAMES[primaryLanguage(lang)] ?? EN;
  // The numbers as written (or to `decimals`): a screen reader hears the data itself.
  const series = chart.series.map((s) => {
    const points = chart.labels.map((label, i) => `${label} ${withUnit(formatNumber(s.values[i] ?? 0, chart.decimals, numbers), chart.unit, numbers)}`);
    return `${s.name}: ${points.join('; ')}`;
  });
  return `${names[chart.type]}, ${series.join('. ')}`;
}
