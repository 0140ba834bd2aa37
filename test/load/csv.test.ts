import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/diagnostics.js';
import { csvRows } from '../../src/load/csv.js';
import { loadOutline } from '../../src/load/load.js';
import { tempDir } from '../support/cli.js';

const outline = (data: string): string => `title: T
slides:
  - title: From a CSV
    chart:
      type: bar
      data: ${data}
`;

function project(csv: string, data = 'assets/trips.csv'): string {
  const dir = tempDir();
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'assets/trips.csv'), csv);
  writeFileSync(path.join(dir, 'deck.yaml'), outline(data));
  return path.join(dir, 'deck.yaml');
}

async function problems(file: string): Promise<string[]> {
  try {
    await loadOutline(file);
    return [];
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return e.diagnostics.map((d) => `${path.basename(d.file)}:${d.line}:${d.column} ${d.message}`);
  }
}

describe('chart data from CSV', () => {
  it('reads labels from the first column and one series per other column', async () => {
    const o = await loadOutline(project('Month,Trips,"Members, active"\nJuly,11200,820\nAugust,"13,900",1390\n'));
    const slide = o.slides[0]!;
    expect(slide.layout).toBe('chart');
    if (slide.layout !== 'chart') return;
    expect(slide.chart.labels).toEqual(['July', 'August']);
    expect(slide.chart.series).toEqual([
      { name: 'Trips', values: [11200, 13900] },
      { name: 'Members, active', values: [820, 1390] },
    ]);
  });

  it('points at the CSV row and column of a value that is not a number', async () => {
    expect(await problems(project('Month,Trips\nJuly,11200\nAugust,lots\n'))).toEqual(['trips.csv:3:8 "lots" is not a number']);
  });

  it('points at a row with the wrong number of cells', async () => {
    expect(await problems(project('Month,Trips\nJuly,11200,9\n'))).toEqual(['trips.csv:2:1 this row has 3 cells but the header has 2']);
  });

  it('reports a missing CSV at the outline line that names it', async () => {
    expect(await problems(project('Month,Trips\nJuly,1\n', 'assets/nope.csv'))).toEqual(['deck.yaml:6:13 CSV file "assets/nope.csv" not found']);
  });

  it('refuses a CSV outside the outline folder', async () => {
    const [p] = await problems(project('Month,Trips\nJuly,1\n', '../../etc/passwd'));
    expect(p).toMatch(/outside the outline's folder|not found/);
  });

  it('refuses data together with labels and series', async () => {
    const file = project('Month,Trips\nJuly,1\n');
    writeFileSync(file, `${outline('assets/trips.csv')}      labels: [a]\n      series: [{ name: s, values: [1] }]\n`);
    expect((await problems(file))[0]).toMatch(/from `data` or from `labels` and `series`, not both/);
  });

  it('parses quoted fields, escaped quotes, CRLF and a byte-order mark', () => {
    const rows = csvRows('\uFEFFa,"b ""c"", d"\r\n1,2\r\n\r\n');
    expect(rows.map((r) => r.map((c) => c.text))).toEqual([
      ['a', 'b "c", d'],
      ['1', '2'],
    ]);
    expect(rows[1]![1]).toMatchObject({ line: 2, column: 3 });
  });
});
