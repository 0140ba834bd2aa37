// CSV cells are plain decimal numbers: nothing JavaScript's Number() would read some other way.
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/diagnostics.js';
import { csvNumber, csvRows, MAX_CSV_BYTES } from '../../src/load/csv.js';
import { loadOutline } from '../../src/load/load.js';
import { MAX_SERIES } from '../../src/load/schema.js';
import { tempDir } from '../support/cli.js';

function project(csv: string | Buffer, data = 'assets/trips.csv'): string {
  const dir = tempDir();
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'assets/trips.csv'), csv);
  writeFileSync(path.join(dir, 'deck.yaml'), `title: T\nslides:\n  - title: From a CSV\n    chart:\n      type: bar\n      data: ${data}\n`);
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

describe('CSV numbers', () => {
  it('reads plain decimals, signs, exponents and unambiguous thousands separators', () => {
    const cases: [string, number][] = [
      ['0', 0],
      ['-12.5', -12.5],
      ['+3', 3],
      ['.5', 0.5],
      ['1e3', 1000],
      ['1,234', 1234],
      ['12,345,678.25', 12345678.25],
      ['007', 7],
    ];
    for (const [text, value] of cases) expect(csvNumber(text), text).toBe(value);
  });

  it('refuses what Number() reads some other way, and ambiguous separators', () => {
    for (const text of ['0x10', '0X1f', '0b101', '0o17', '3,5', '1,2,3,4', '12,34', '1234,567', '0,123', '1,234,5', 'Infinity', '-Infinity', 'NaN', '1_000', ' ', '', '1.', '1e', '12 345', '£12', '5%', '1e999']) {
      expect(csvNumber(text), text).toBeUndefined();
    }
  });

  it('reports each such cell at its line and column, with a hint for its kind', async () => {
    const file = project('Month,A,B,C\nJuly,0x10,0b101,0o17\nAugust,"3,5","1,2,3,4",1\n');
    expect(await problems(file)).toEqual([
      'trips.csv:2:6 "0x10" is not a number',
      'trips.csv:2:11 "0b101" is not a number',
      'trips.csv:2:17 "0o17" is not a number',
      'trips.csv:3:8 "3,5" is not a number',
      'trips.csv:3:14 "1,2,3,4" is not a number',
    ]);
  });

  it('reads "1,234" quoted as 1234', async () => {
    const o = await loadOutline(project('Month,Trips\nJuly,"1,234"\n'));
    const slide = o.slides[0]!;
    expect(slide.layout === 'chart' && slide.chart.series[0]!.values).toEqual([1234]);
  });
});

describe('CSV files', () => {
  it('reads CR-only line endings without losing the first character of a row', async () => {
    const o = await loadOutline(project('Month,Trips\rJuly,1\rAugust,2\r'));
    const slide = o.slides[0]!;
    expect(slide.layout === 'chart' && slide.chart.labels).toEqual(['July', 'August']);
    const rows = csvRows('a,b\r"x\ry",2\rz,3');
    expect(rows.map((r) => r.map((c) => c.text))).toEqual([['a', 'b'], ['x\ry', '2'], ['z', '3']]);
    // Lines count a lone CR, inside quotes too.
    expect(rows[2]![0]).toMatchObject({ line: 4, column: 1 });
  });

  it('refuses a Latin-1 CSV rather than reading replacement characters', async () => {
    const file = project(Buffer.from('Month,Trips\nF\u00e9vrier,1\n', 'latin1'));
    expect(await problems(file)).toEqual(['trips.csv:1:1 the CSV file is not UTF-8 text']);
  });

  it('refuses a one-row CSV of 20,000 series before reading its cells', async () => {
    const header = ['Label', ...Array.from({ length: 20_000 }, (_, i) => `S${i}`)].join(',');
    const row = ['x', ...Array.from({ length: 20_000 }, () => '1')].join(',');
    expect(await problems(project(`${header}\n${row}\n`))).toEqual([`trips.csv:1:1 the CSV header names 20000 series; a chart shows at most ${MAX_SERIES}`]);
  });

  it('refuses more points than a chart holds, and a CSV over the size limit', async () => {
    const header = ['Label', ...Array.from({ length: 20 }, (_, i) => `S${i}`)].join(',');
    const rows = Array.from({ length: 400 }, (_, r) => [`r${r}`, ...Array.from({ length: 20 }, () => '1')].join(','));
    expect((await problems(project(`${header}\n${rows.join('\n')}\n`)))[0]).toMatch(/^trips\.csv:1:1 this chart has 8,000 points \(400 labels x 20 series\); a chart shows at most 5,000$/);
    expect((await problems(project(`a,b\n${'x,1\n'.repeat(MAX_CSV_BYTES / 4 + 10)}`)))[0]).toMatch(/^trips\.csv:1:1 the CSV is 1\.0 MB; a chart CSV is at most 1 MB/);
  });

  it('refuses a FIFO, a device and a folder without reading them', async (ctx) => {
    ctx.skip(process.platform === 'win32', 'needs POSIX links, FIFOs and devices (not Windows)');
    const file = project('a,b\nx,1\n');
    const dir = path.dirname(file);
    execFileSync('mkfifo', [path.join(dir, 'assets/pipe.csv')]);
    writeFileSync(file, `title: T\nslides:\n  - title: Pipe\n    chart: { data: assets/pipe.csv }\n  - title: Zero\n    chart: { data: assets/zero.csv }\n`);
    symlinkSync('/dev/zero', path.join(dir, 'assets/zero.csv'));
    const found = await problems(file);
    expect(found).toContainEqual('pipe.csv:1:1 this is not a file');
    // /dev/zero lies outside the folder, which is said first.
    expect(found.some((p) => /^zero\.csv:1:1 the CSV file lies outside/.test(p))).toBe(true);
  });
});
