/** Table shapes -> a native PowerPoint table (editable, searchable), styled from the theme. */
import type { TableShape } from '../plan/deck.js';
import { parseInline } from '../plan/inline.js';
import type { Slide, TableCell, TableCellProps } from './pptx.js';
import { xmlSafe } from './sanitize.js';

function cell(text: string, options: TableCellProps): TableCell {
  const runs = parseInline(text).map((r) => ({ text: xmlSafe(r.text), options: { ...(r.bold ? { bold: true } : {}), ...(r.italic ? { italic: true } : {}) } }));
  return { text: runs, options };
}

export function emitTable(slide: Slide, t: TableShape): void {
  const border = { type: 'solid' as const, pt: 0.75, color: t.rule };
  const align = (c: number): 'left' | 'right' => (t.numeric[c] ? 'right' : 'left');
  const header = t.header.map((h, c) => cell(h, { bold: true, color: t.headerColour, fill: { color: t.headerFill }, align: align(c), valign: 'middle' }));
  const body = t.rows.map((row, r) =>
    t.header.map((_, c) => cell(row[c] ?? '', { color: t.colour, fill: { color: r % 2 ? t.stripe : 'FFFFFF' }, align: align(c), valign: 'middle' })),
  );
  slide.addTable([header, ...body], {
    x: t.box.x,
    y: t.box.y,
    w: t.box.w,
    colW: t.colWidths,
    rowH: t.rowHeights,
    fontFace: t.font,
    fontSize: t.size,
    margin: [t.cellMargin, t.cellMargin, t.cellMargin, t.cellMargin],
    border: [border, border, border, border],
    autoPage: false,
  });
}
