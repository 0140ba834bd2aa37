/**
 * A small Chart.js plugin that prints each value on the chart. Written here rather than taken from
 * chartjs-plugin-datalabels, whose 2.x positions labels wrongly under Chart.js 4 off-screen.
 */
import type { Chart, Plugin } from 'chart.js';

export interface DataLabelOptions {
  display: boolean;
  font: string;
  /** Colour for a label drawn inside an element (stacked segments, slices), by fill colour. */
  inside: (fill: string) => string;
  outside: string;
  format: (v: number) => string;
  /** Inside the element (stacked bars, pie and doughnut) or just past its end. */
  placement: 'inside' | 'end';
}

interface Props {
  x: number;
  y: number;
  base?: number;
  horizontal?: boolean;
}

export const dataLabels: Plugin = {
  id: 'deckgenDataLabels',
  afterDatasetsDraw(chart: Chart, _args, raw) {
    const o = raw as DataLabelOptions;
    if (!o.display) return;
    const { ctx } = chart;
    ctx.save();
    ctx.font = o.font;
    chart.data.datasets.forEach((dataset, di) => {
      const meta = chart.getDatasetMeta(di);
      if (meta.hidden) return;
      meta.data.forEach((el, i) => {
        const value = Number(dataset.data[i]);
        if (!Number.isFinite(value)) return;
        const text = o.format(value);
        const fill = String(Array.isArray(dataset.backgroundColor) ? dataset.backgroundColor[i] : dataset.backgroundColor);
        const gap = 6;
        if (meta.type === 'pie' || meta.type === 'doughnut') {
          const p = el.tooltipPosition(false);
          draw(ctx, text, p.x ?? 0, p.y ?? 0, 'center', 'middle', o.inside(fill));
          return;
        }
        const p = el.getProps(['x', 'y', 'base', 'horizontal'], true) as unknown as Props;
        // A white plate keeps line labels readable where they cross bars or gridlines.
        if (meta.type === 'line') return draw(ctx, text, p.x, p.y - gap * 2, 'center', 'bottom', o.outside, '#FFFFFF');
        if (o.placement === 'inside') {
          const mid = p.horizontal ? { x: (p.x + (p.base ?? p.x)) / 2, y: p.y } : { x: p.x, y: (p.y + (p.base ?? p.y)) / 2 };
          return draw(ctx, text, mid.x, mid.y, 'center', 'middle', o.inside(fill));
        }
        if (p.horizontal) draw(ctx, text, p.x + gap, p.y, 'left', 'middle', o.outside);
        else draw(ctx, text, p.x, p.y - gap, 'center', 'bottom', o.outside);
      });
    });
    ctx.restore();
  },
};

type Ctx = Chart['ctx'];

/** Fills the canvas with the slide colour before anything is drawn: opaque charts. */
export const background: Plugin = {
  id: 'deckgenBackground',
  beforeDraw(chart: Chart, _args, raw) {
    const { colour } = raw as { colour: string };
    chart.ctx.save();
    chart.ctx.fillStyle = colour;
    chart.ctx.fillRect(0, 0, chart.width, chart.height);
    chart.ctx.restore();
  },
};

/** Space between the legend and the plot, which Chart.js does not offer as an option. */
export const legendGap: Plugin = {
  id: 'deckgenLegendGap',
  beforeInit(chart: Chart, _args, raw) {
    const { gap } = raw as { gap: number };
    const legend = chart.legend;
    if (!legend || !gap) return;
    const fit = legend.fit.bind(legend);
    legend.fit = function fitWithGap(this: typeof legend) {
      fit();
      this.height += gap;
    };
  },
};

function draw(ctx: Ctx, text: string, x: number, y: number, align: 'left' | 'center', baseline: 'middle' | 'bottom', colour: string, plate?: string): void {
  if (plate) {
    const m = ctx.measureText(text);
    const h = m.actualBoundingBoxAscent + m.actualBoundingBoxDescent;
    const pad = h * 0.3;
    const left = align === 'center' ? x - m.width / 2 : x;
    const top = baseline === 'bottom' ? y - h : y - h / 2;
    ctx.fillStyle = plate;
    ctx.fillRect(left - pad, top - pad, m.width + 2 * pad, h + 2 * pad);
  }
  ctx.fillStyle = colour;
  ctx.textAlign = align;
  ctx.textBaseline = baseline;
  ctx.fillText(text, x, y);
}
