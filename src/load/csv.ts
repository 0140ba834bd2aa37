/**
 * Chart data from a CSV file: the first column holds the category labels, the header row names
 * the series, every other cell is a number. Problems point at the CSV's own line and column.
 */
import { readConfined } from '../confine.js';
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import { chartSizeProblem, MAX_POINTS, MAX_SERIES } from './schema.js';

/** Far more than 500 rows of 50 series need; refused before any parsing. */
export const MAX_CSV_BYTES = 1024 * 1024;

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
          // A line break inside quotes: LF, CRLF (counted at its LF) or a lone CR.
          if (src[i] === '\n' || (src[i] === '\r' && src[i + 1] !== '\n')) (line++, (column = 0));
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
    if (row.some((c) => c.text !== '')) rows.push(row);
    row = [];
    // A row ends at LF, CRLF or a lone CR (old Mac files): never eat the next row's first character.
    i += src[i] === '\r' && src[i + 1] === '\n' ? 2 : 1;
    line++;
    column = 1;
  }
  return rows;
}

/**
 * A plain decimal number, with comma thousands separators only where they cannot be anything
 * else (1,234 and 12,345,678.5; never "3,5", "1,2,3,4" or "0,123", which some locales write as
 * decimals), and an optional exponent. Hex, binary and octal literals, Infinity and NaN, which
 * JavaScript's Number() would accept, are not numbers here.
 */
const DECIMAL = /^[-+]?(?:\d+|[1-9]\d{0,2}(?:,\d{3})+)(?:\.\d+)?(?:[eE][-+]?\d+)?$|^[-+]?\.\d+(?:[eE][-+]?\d+)?$/;

export function csvNumber(text: string): number | undefined {
  if (!DECIMAL.test(text)) return undefined;
  const value = Number(text.replace(/,/g, ''));
  return Number.isFinite(value) ? value : undefined;
}

const why = (text: string): string =>
  /^[-+]?0[xXbBoO]/.test(text)
    ? 'write it in decimal: hex, binary and octal numbers are not read'
    : /^[-+]?\d+(,\d+)+$/.test(text) || /,/.test(text)
      ? 'write a decimal point (3.5), and commas only between groups of three digits (1,234)'
      : 'write plain numbers; put units in the header or the chart `unit`';

export async function readCsv(ref: string, dir: string, label: string): Promise<{ data?: CsvData; cells?: CsvCells; diagnostics: Diagnostic[] }> {
  const fail = (message: string, hint: string, at: { line: number; column: number } = { line: 1, column: 1 }): { diagnostics: Diagnostic[] } => ({
    diagnostics: [diagnostic(label, 'csv', message, { ...at, hint })],
  });
  const read = await readConfined(dir, ref, MAX_CSV_BYTES);
  if ('problem' in read) {
    if (read.problem === 'missing') return fail('no such file', "CSV paths are relative to the outline's folder");
    if (read.problem === 'outside') return fail("the CSV file lies outside the outline's folder", "copy it into the outline's assets/ folder");
    if (read.problem === 'not-a-file') return fail('this is not a file', 'give the path of a CSV file');
    return fail(`the CSV is ${(read.size / 1024 / 1024).toFixed(1)} MB; a chart CSV is at most ${MAX_CSV_BYTES / 1024 / 1024} MB (${MAX_POINTS} rows)`, 'aggregate the data before charting it');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(read.data);
  } catch {
    return fail('the CSV file is not UTF-8 text', 'save it as UTF-8 ("CSV UTF-8" in Excel\'s Save As)');
  }
  // Counted before splitting into cells: a one-row CSV of 20,000 series would otherwise be read whole.
  const firstLine = text.slice(0, text.search(/[\r\n]|$/));
  if (firstLine.split(',').length - 1 > MAX_SERIES) {
    return fail(`the CSV header names ${firstLine.split(',').length - 1} series; a chart shows at most ${MAX_SERIES}`, 'chart fewer series, or split them over several charts');
  }
  const rows = csvRows(text);
  const [header, ...body] = rows;
  if (!header || header.length < 2 || !body.length) return fail('a chart CSV needs a header row and at least one data row, with labels in the first column and one column per series', 'e.g. "Year,Laptops" then "2011,1.2"');
  if (header.length - 1 > MAX_SERIES) return fail(`the CSV header names ${header.length - 1} series; a chart shows at most ${MAX_SERIES}`, 'chart fewer series, or split them over several charts', { line: header[MAX_SERIES + 1]!.line, column: header[MAX_SERIES + 1]!.column });
  if (body.length > MAX_POINTS) return fail(`the CSV has ${body.length} rows; a chart shows at most ${MAX_POINTS} categories`, 'aggregate the data (by month, by group) before charting it', { line: body[MAX_POINTS]![0]!.line, column: 1 });
  const size = chartSizeProblem(body.length, header.length - 1);
  if (size) return fail(size, 'aggregate the data, or split it over several charts', { line: header[0]!.line, column: 1 });
  const diagnostics: Diagnostic[] = [];
  const series = header.slice(1).map((c) => ({ name: c.text, values: [] as number[] }));
  for (const row of body) {
    if (row.length !== header.length) {
      diagnostics.push(diagnostic(label, 'csv', `this row has ${row.length} cells but the header has ${header.length}`, { line: row[0]!.line, column: 1, hint: 'give every row a label and one value per series' }));
      continue;
    }
    row.slice(1).forEach((cell, i) => {
      const value = csvNumber(cell.text);
      if (value === undefined) {
        diagnostics.push(diagnostic(label, 'csv', `"${cell.text}" is not a number`, { line: cell.line, column: cell.column, hint: why(cell.text) }));
      }
      series[i]!.values.push(value ?? NaN);
    });
  }
  if (diagnostics.length) return { diagnostics };
  const at = (c: Cell): Position => ({ line: c.line, column: c.column });
  const cells: CsvCells = { file: label, labels: body.map((r) => at(r[0]!)), names: header.slice(1).map(at), values: header.slice(1).map((_, i) => body.map((r) => at(r[i + 1]!))) };
  return { data: { labels: body.map((r) => r[0]!.text), series }, cells, diagnostics };
}
