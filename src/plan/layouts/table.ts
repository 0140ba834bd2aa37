/**
 * Tables: native, sized to their content, and continued over as many slides as they need with
 * the header row repeated, at the largest size that needs no more slides than the smallest would.
 */
import type { SlideOf } from '../../load/layouts.js';
import { expandDerived } from '../../figures/derive.js';
import type { PlanContext } from '../context.js';
import type { TableShape } from '../deck.js';
import type { Box } from '../units.js';
import { parseInline } from '../inline.js';
import { countLines, HEIGHT_SAFETY, lineHeightOf, lineWidth } from '../measure.js';
import type { FontBook } from '../metrics/advance.js';
import { balance } from '../paginate.js';
import { ptToIn } from '../units.js';

const CELL_MARGIN = 0.08;
/** Rows grow to fill the slide, but not past twice their height: a two-row table stays a table. */
const MAX_GROWTH = 2;
const NUMBER = /^[-+−]?[$£€¥]?\s?[-+−]?[\d.,]+\s*(%|x|bn|m|k)?$/i;

interface Layout {
  size: number;
  colWidths: number[];
  headerHeight: number;
  rowHeights: number[];
}

function measure(header: string[], rows: string[][], font: string, book: FontBook, size: number, width: number): Layout {
  const style = { font, book, lineSpacing: 1 };
  const natural = header.map((h, c) => Math.max(...[h, ...rows.map((r) => r[c] ?? '')].map((t) => lineWidth(parseInline(t), { ...style, bold: true }, size))) + 2 * CELL_MARGIN + 0.05);
  const colWidths = share(natural, width);
  const height = (cells: readonly string[], bold: boolean): number =>
    Math.max(
      ...cells.map((t, c) => {
        const runs = parseInline(t);
        return countLines(runs, { ...style, bold }, size, (colWidths[c]! - 2 * CELL_MARGIN) * 0.95) * ptToIn(size) * lineHeightOf(runs);
      }),
    ) + 2 * CELL_MARGIN;
  return { size, colWidths, headerHeight: height(header, true), rowHeights: rows.map((r) => height(r, false)) };
}

/** Row indexes per slide, each slide's rows plus the header within the room; undefined if a row alone is too tall. */
function pages(layout: Layout, room: number): number[][] | undefined {
  const ROOM = room;
  const out: number[][] = [[]];
  let used = layout.headerHeight;
  for (const [i, h] of layout.rowHeights.entries()) {
    if (layout.headerHeight + h > ROOM) return undefined;
    if (used + h > ROOM) {
      out.push([]);
      used = layout.headerHeight;
    }
    out[out.length - 1]!.push(i);
    used += h;
  }
  return out;
}

/** One table shape per slide the table needs. */
export function tablePages(ctx: PlanContext, slide: SlideOf<'table'>): TableShape[][] {
  const { colours } = ctx.theme;
  const expand = (cell: string): string => expandDerived(cell, ctx.labels.derived);
  const header = slide.table.columns.map(expand);
  const rows = slide.table.rows.map((r) => r.map(expand));
  const range = ctx.theme.sizes.table;
  const sizes: number[] = [];
  for (let s = range.max; s > range.min; s -= 0.5) sizes.push(s);
  sizes.push(range.min);
  const area: Box = ctx.frame('table').body;
  // Same allowance for renderer differences as text boxes get.
  const ROOM = area.h * HEIGHT_SAFETY;
  const tried = sizes.map((size) => ({ layout: measure(header, rows, ctx.theme.font, ctx.theme.faces, size, area.w), split: undefined as number[][] | undefined }));
  for (const t of tried) t.split = pages(t.layout, ROOM);
  const fewest = Math.min(...tried.map((t) => t.split?.length ?? Infinity));
  const best = tried.find((t) => t.split && t.split.length === fewest);
  if (!best?.split) {
    ctx.problem(['slides', slide.index, 'table'], `a row of this table is taller than a slide even at ${range.min} pt`, 'shorten the longest cells, or move detail into `notes`');
    return [[]];
  }
  // Empty cells (a blank in a Total row) say nothing about a column: its filled cells decide.
  const numeric = header.map((_, c) => {
    const filled = rows.map((r) => (r[c] ?? '').trim()).filter((t) => t !== '');
    return filled.length > 0 && filled.every((t) => NUMBER.test(t));
  });
  const { layout } = best;
  const rowsOf = (page: number[]): number => page.reduce((h, i) => h + layout.rowHeights[i]!, layout.headerHeight);
  const even = balance(best.split.flat().map((i) => [i]), best.split.length, (u) => rowsOf(u) - layout.headerHeight, (page) => rowsOf(page) <= ROOM);
  const split = even ?? best.split;
  // Rows grow to use the slide, by the same factor on every page (the fullest page fills it).
  const grow = Math.max(1, Math.min(MAX_GROWTH, ROOM / Math.max(...split.map(rowsOf))));
  return split.map((indexes) => {
    const rowHeights = [layout.headerHeight, ...indexes.map((i) => layout.rowHeights[i]!)].map((h) => h * grow);
    const table: TableShape = {
      kind: 'table',
      box: { x: area.x, y: area.y, w: area.w, h: rowHeights.reduce((a, b) => a + b, 0) },
      header,
      rows: indexes.map((i) => rows[i]!),
      colWidths: layout.colWidths,
      rowHeights,
      cellMargin: CELL_MARGIN,
      font: ctx.theme.font,
      size: layout.size,
      headerFill: colours.primary,
      headerColour: colours.onPrimary,
      stripe: colours.panel,
      colour: colours.text,
      rule: colours.rule,
      numeric,
    };
    return [table];
  });
}

/** Column widths: natural widths when they fit, else shrink the widest columns first. */
function share(natural: number[], width: number): number[] {
  const total = natural.reduce((a, b) => a + b, 0);
  if (total <= width) return natural.map((w) => (w / total) * width);
  const fair = width / natural.length;
  const smallTotal = natural.filter((w) => w <= fair).reduce((a, b) => a + b, 0);
  const bigTotal = total - smallTotal;
  return natural.map((w) => (w <= fair ? w : (w / bigTotal) * (width - smallTotal)));
}
