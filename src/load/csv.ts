/**
 * Chart data from a CSV file: the first column holds the category labels, the header row names
 * the series, every other cell is a number. Problems point at the CSV's own line and column.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import { MAX_POINTS } from './schema.js';

export interface CsvData {
  labels: string[];
  series: { name: string; values: number[] }[];
}

/** Where each label, series name and value sits in the CSV file, for messages about them. */
export interface CsvCells {
  file: string;
  labels: Position[];
  names: Position[];
  values: Position[][];
}

type Position = { line: number; column: number };

interface Cell {
  text: string;
  line: number;
  column: number;
}

/** RFC 4180 fields: commas, double-quoted fields with "" escapes and line breaks inside quotes. */
export function csvRows(text: string): Cell[][] {
  const rows: Cell[][] = [];
  let row: Cell[] = [];
  let line = 1;
  let column = 1;
  let i = 0;
  const src = text.replace(/^\uFEFF/, '');
  while (i <= src.length) {
    const start = { line, column };
    let value = '';
    if (src[i] === '"') {
      i++;
      column++;
      for (; i < src.length; i++, column++) {
        if (src[i] === '"' && src[i + 1] === '"') (value += '"'), i++, column++;
        else if (src[i] === '"') break;
        else {
          if (src[i] === '\n') (line++, (column = 0));
          value += src[i];
        }
      }
      i++;
      column++;
    }
    while (i < src.length && src[i] !== ',' && src[i] !== '\n' && src[i] !== '\r') (value += src[i]), i++, column++;
    row.push({ text: value.trim(), ...start });
    if (src[i] === ',') {
      i++;
      column++;
      continue;
    }
    if (src[i] === '\r') i++;
    if (row.some((c) => c.text !== '')) rows.push(row);
    row = [];
    i++;
    line++;
    column = 1;
  }
  return rows;
}

export async function readCsv(ref: string, dir: string, label: string): Promise<{ data?: CsvData; cells?: CsvCells; diagnostics: Diagnostic[] }> {
  const fail = (message: string, hint: string, at: { line: number; column: number } = { line: 1, column: 1 }): { diagnostics: Diagnostic[] } => ({
    diagnostics: [diagnostic(label, 'csv', message, { ...at, hint })],
  });
  const root = await realpath(dir);
  const real = await realpath(path.resolve(dir, ref)).catch(() => undefined);
  if (!real) return fail('no such file', "CSV paths are relative to the outline's folder");
  const rel = path.relative(root, real);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return fail("the CSV file lies outside the outline's folder", "copy it into the outline's assets/ folder");
  const info = await stat(real);
  if (!info.isFile()) return fail('this is not a file', 'give the path of a CSV file');
  if (info.size > 5 * 1024 * 1024) return fail(`the CSV is ${(info.size / 1024 / 1024).toFixed(0)} MB; a chart needs at most ${MAX_POINTS} rows`, 'aggregate the data before charting it');
  const rows = csvRows(await readFile(real, 'utf8'));
  const [header, ...body] = rows;
  if (!header || header.length < 2 || !body.length) return fail('a chart CSV needs a header row and at least one data row, with labels in the first column and one column per series', 'e.g. "Year,Laptops" then "2011,1.2"');
  if (body.length > MAX_POINTS) return fail(`the CSV has ${body.length} rows; a chart shows at most ${MAX_POINTS} categories`, 'aggregate the data (by month, by group) before charting it', { line: body[MAX_POINTS]![0]!.line, column: 1 });
  const diagnostics: Diagnostic[] = [];
  const series = header.slice(1).map((c) => ({ name: c.text, values: [] as number[] }));
  for (const row of body) {
    if (row.length !== header.length) {
      diagnostics.push(diagnostic(label, 'csv', `this row has ${row.length} cells but the header has ${header.length}`, { line: row[0]!.line, column: 1, hint: 'give every row a label and one value per series' }));
      continue;
    }
    row.slice(1).forEach((cell, i) => {
      const value = Number(cell.text.replace(/,/g, ''));
      if (cell.text === '' || !Number.isFinite(value)) {
        diagnostics.push(diagnostic(label, 'csv', `"${cell.text}" is not a number`, { line: cell.line, column: cell.column, hint: 'write plain numbers; put units in the header or the chart `unit`' }));
      }
      series[i]!.values.push(value);
    });
  }
  if (diagnostics.length) return { diagnostics };
  const at = (c: Cell): Position => ({ line: c.line, column: c.column });
  const cells: CsvCells = { file: label, labels: body.map((r) => at(r[0]!)), names: header.slice(1).map(at), values: header.slice(1).map((_, i) => body.map((r) => at(r[i + 1]!))) };
  return { data: { labels: body.map((r) => r[0]!.text), series }, cells, diagnostics };
}
