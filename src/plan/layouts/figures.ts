/** Figure-led layouts: KPI cards and tables. */
import type { Slide } from '../../load/layouts.js';
import type { Kpi } from '../../load/schema.js';
import { formatNumber } from '../../figures/format.js';
import { evaluate, expandDerived, formatDerived, prettyFormula } from '../../figures/derive.js';
import type { PlanContext } from '../context.js';
import type { Shape, TableShape } from '../deck.js';
import { columns, GRID, pad } from '../grid.js';
import { parseInline } from '../inline.js';
import { countLines, LINE_HEIGHT, lineWidth } from '../measure.js';
import { para } from '../text.js';
import { ptToIn } from '../units.js';

type Of<L extends Slide['layout']> = Extract<Slide, { layout: L }>;

/** A KPI's value as shown: numbers keep the digits the source gives, with thousands separators. */
export function kpiValue(k: Kpi): string {
  if (k.derived) return formatDerived(evaluate(k.derived.formula), k.derived.format);
  return typeof k.value === 'number' ? formatNumber(k.value) : String(k.value);
}

export function kpisBody(ctx: PlanContext, slide: Of<'kpis'>): Shape[] {
  const { colours } = ctx.theme;
  const area = { ...GRID.body, y: GRID.body.y + 0.25, h: 3.9 };
  const shapes: Shape[] = [];
  columns(area, slide.kpis.map(() => 1), 0.3).forEach((card, i) => {
    const k = slide.kpis[i]!;
    const at = ['slides', slide.index, 'kpis', i];
    shapes.push({ kind: 'rect', box: card, fill: colours.panel }, { kind: 'rect', box: { ...card, h: 0.08 }, fill: colours.accent });
    const inner = pad(card, 0.25);
    let y = inner.y + 0.05;
    shapes.push(ctx.text({ ...inner, y, h: 1.05 }, [para(kpiValue(k))], { role: 'kpiValue', bold: true, colour: colours.primary, valign: 'bottom' }, [...at, k.derived ? 'derived' : 'value']));
    y += 1.1;
    if (k.unit) {
      shapes.push(ctx.text({ ...inner, y, h: 0.45 }, [para(k.unit)], { role: 'kpiLabel', max: 18, bold: true, colour: colours.accent }, [...at, 'unit']));
    }
    y += 0.55;
    const foot = k.derived ? `Derived: ${prettyFormula(k.derived.formula)}` : undefined;
    const footH = foot ? 0.5 : 0;
    shapes.push(ctx.text({ ...inner, y, h: inner.y + inner.h - y - footH }, [para(k.label)], { role: 'kpiLabel', colour: colours.text }, [...at, 'label']));
    if (foot) {
      shapes.push(ctx.text({ ...inner, y: inner.y + inner.h - footH, h: footH }, [para(foot)], { role: 'footnote', italic: true, colour: colours.muted, valign: 'bottom' }, [...at, 'derived']));
    }
  });
  return shapes;
}

const CELL_MARGIN = 0.08;

export function tableBody(ctx: PlanContext, slide: Of<'table'>): Shape[] {
  const { colours } = ctx.theme;
  const header = slide.table.columns.map(expandDerived);
  const rows = slide.table.rows.map((r) => r.map(expandDerived));
  const width = GRID.body.w;
  const style = { font: ctx.theme.font, lineSpacing: 1 };
  const range = ctx.theme.sizes.table;
  const numeric = header.map((_, c) => rows.every((r) => /^[-+−]?[$£€¥]?\s?[-+−]?[\d.,]+\s*(%|x|bn|m|k)?$/i.test((r[c] ?? '').trim())));
  for (let size = range.max; size >= range.min; size -= 0.5) {
    const natural = header.map((h, c) => Math.max(...[h, ...rows.map((r) => r[c] ?? '')].map((t) => lineWidth(parseInline(t), { ...style, bold: true }, size))) + 2 * CELL_MARGIN + 0.05);
    const colWidths = share(natural, width);
    const line = ptToIn(size) * LINE_HEIGHT;
    const rowHeight = (cells: readonly string[], bold: boolean): number =>
      Math.max(...cells.map((t, c) => countLines(parseInline(t), { ...style, bold }, size, (colWidths[c]! - 2 * CELL_MARGIN) * 0.95))) * line + 2 * CELL_MARGIN;
    const rowHeights = [rowHeight(header, true), ...rows.map((r) => rowHeight(r, false))];
    const total = rowHeights.reduce((a, b) => a + b, 0);
    if (total <= GRID.body.h * 0.96) {
      const table: TableShape = {
        kind: 'table',
        box: { x: GRID.body.x, y: GRID.body.y, w: width, h: total },
        header,
        rows,
        colWidths,
        rowHeights,
        cellMargin: CELL_MARGIN,
        font: ctx.theme.font,
        size,
        headerFill: colours.primary,
        headerColour: colours.onPrimary,
        stripe: colours.panel,
        colour: colours.text,
        rule: colours.rule,
        numeric,
      };
      return [table];
    }
  }
  ctx.problem(['slides', slide.index, 'table'], `the table (${rows.length} rows) does not fit the slide even at ${range.min} pt`, 'split it into two table slides, or cut rows');
  return [];
}

/** Column widths: natural widths when they fit, else shrink the widest columns first. */
function share(natural: number[], width: number): number[] {
  const total = natural.reduce((a, b) => a + b, 0);
  if (total <= width) return natural.map((w) => (w / total) * width);
  const fair = width / natural.length;
  const small = natural.filter((w) => w <= fair);
  const smallTotal = small.reduce((a, b) => a + b, 0);
  const bigTotal = total - smallTotal;
  return natural.map((w) => (w <= fair ? w : (w / bigTotal) * (width - smallTotal)));
}
