// Bounds on the work a whole outline can ask for, and dates the file must be able to hold.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError, type Diagnostic } from '../../src/diagnostics.js';
import { packageDate } from '../../src/emit/package.js';
import { MAX_BULLETS, MAX_TABLE_CELLS, MAX_TEXT_CHARS } from '../../src/load/bounds.js';
import { readDate } from '../../src/load/dates.js';
import { MAX_YAML_ITEMS } from '../../src/load/limits.js';
import { loadOutline, parseOutline } from '../../src/load/load.js';
import { MAX_CHARTS } from '../../src/load/schema.js';
import { tempDir } from '../support/cli.js';

/** Loads an outline (with optional files beside it); returns its errors and warnings. */
async function load(text: string, files: Record<string, string> = {}): Promise<Diagnostic[]> {
  const dir = tempDir();
  for (const [name, body] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), body);
  }
  writeFileSync(path.join(dir, 'deck.yaml'), text);
  try {
    return (await loadOutline(path.join(dir, 'deck.yaml'))).warnings;
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return e.diagnostics;
  }
}

const where = (ds: Diagnostic[]): string[] => ds.map((d) => `${d.line}:${d.column} ${d.severity}: ${d.message}`);

describe('bounds on the whole outline', () => {
  it('refuses more lines and list items than the YAML parser should read, where it passes the bound, before parsing', () => {
    const text = `title: T\nslides:\n  - title: Many\n    bullets:\n${'      - b\n'.repeat(230_000)}`;
    expect(() => parseOutline(text, 'deck.yaml')).toThrow(InputError);
    try {
      parseOutline(text, 'deck.yaml');
    } catch (e) {
      const [d] = (e as InputError).diagnostics;
      expect(d).toMatchObject({ code: 'too-many-items', line: MAX_YAML_ITEMS + 1, column: 10 });
    }
    const flow = `title: T\nslides:\n  - title: Many\n    bullets: [${Array.from({ length: 500_000 }, () => 'b').join(',')}]\n`;
    expect(() => parseOutline(flow, 'deck.yaml')).toThrow(/100,000 lines and list items/);
  });

  it(`refuses a list of more than ${MAX_BULLETS} bullets, nested ones included, at the list`, async () => {
    const bullets = Array.from({ length: MAX_BULLETS / 2 + 1 }, (_, i) => `      - text: b${i}\n        bullets: [sub]\n`).join('');
    expect(where(await load(`title: T\nslides:\n  - title: Many\n    bullets:\n${bullets}`))).toEqual([`5:7 error: this list has 302 bullets; a slide's list has at most ${MAX_BULLETS} (about 25 slides at the smallest size)`]);
    const columns = `title: T\nslides:\n  - title: Two\n    left: { bullets: [a] }\n    right:\n      bullets: [${Array.from({ length: 301 }, () => 'x').join(', ')}]\n`;
    expect(where(await load(columns))[0]).toMatch(/^6:16 error: this list has 301 bullets/);
  });

  it(`refuses more than ${MAX_TEXT_CHARS.toLocaleString('en-US')} characters of text, at the slide that passes it`, async () => {
    const long = 'word '.repeat(30_000);
    const slides = Array.from({ length: 8 }, (_, i) => `  - title: S${i}\n    notes: ${long}\n`).join('');
    const found = await load(`title: T\nslides:\n${slides}`);
    expect(where(found)).toEqual(['15:5 error: the outline has more than 1,000,000 characters of text by this slide']);
  });

  it(`refuses a table of more than ${MAX_TABLE_CELLS.toLocaleString('en-US')} cells`, async () => {
    const rows = Array.from({ length: 1700 }, (_, i) => `      - [r${i}, 1, 2]\n`).join('');
    expect(where(await load(`title: T\nslides:\n  - title: Big\n    table:\n      columns: [a, b, c]\n      rows:\n${rows}`))).toEqual(['5:7 error: this table has 5,103 cells; a table has at most 5,000']);
  });

  it(`refuses chart ${MAX_CHARTS + 1}, and points past the deck's budget, from CSV data too`, async () => {
    const charts = Array.from({ length: MAX_CHARTS + 1 }, (_, i) => `  - { title: C${i}, chart: { labels: [a], series: [{ name: s, values: [1] }] } }\n`).join('');
    expect(where(await load(`title: T\nslides:\n${charts}`))).toEqual([`${MAX_CHARTS + 3}:${`  - { title: C${MAX_CHARTS}, chart: `.length + 1} error: this is chart ${MAX_CHARTS + 1}; a deck has at most ${MAX_CHARTS} charts`]);
    const csv = `label,${Array.from({ length: 10 }, (_, i) => `s${i}`).join(',')}\n${Array.from({ length: 500 }, (_, r) => `r${r},${Array.from({ length: 10 }, () => '1').join(',')}`).join('\n')}\n`;
    const slides = Array.from({ length: 5 }, (_, i) => `  - { title: C${i}, chart: { data: data.csv } }\n`).join('');
    expect(where(await load(`title: T\nslides:\n${slides}`, { 'data.csv': csv }))).toEqual(["7:25 error: the charts up to this one have 25,000 points; a deck's charts have at most 20,000 together"]);
  });
});

describe('dates', () => {
  it('are read as written, whatever the machine\'s time zone', () => {
    const saved = process.env.TZ;
    const read = (tz: string): (string | undefined)[] => {
      process.env.TZ = tz;
      return ['10 March 2025', 'Oct 2024', '2024', '2024-07-15T09:30', '2024-07-15T09:30:00+02:00', '15.10.2024'].map((d) => readDate(d).date?.toISOString());
    };
    try {
      const utc = read('UTC');
      expect(utc).toEqual(['2025-03-10T00:00:00.000Z', '2024-10-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z', '2024-07-15T09:30:00.000Z', '2024-07-15T07:30:00.000Z', '2024-10-15T00:00:00.000Z']);
      for (const tz of ['Pacific/Auckland', 'America/Los_Angeles', 'Asia/Kolkata']) expect(read(tz), tz).toEqual(utc);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('read dotted dates day first, slashed ones the one way they make a date, and warn when both would', async () => {
    expect(readDate('31.04.2024').error).toBe('"31.04.2024" is not a date: April 2024 has 30 days');
    expect(readDate('15/10/2024').date).toEqual(new Date('2024-10-15T00:00:00Z'));
    expect(readDate('10/15/2024').date).toEqual(new Date('2024-10-15T00:00:00Z'));
    expect(readDate('31/02/2024').error).toBe('"31/02/2024" is not a date: February 2024 has 29 days');
    expect(readDate('13/13/2024').error).toBe('"13/13/2024" is not a date: neither 13 nor 13 is a month');
    const found = await load('title: T\ndate: 3/4/2024\nslides:\n  - { title: S, bullets: [x] }\n');
    expect(where(found)).toEqual(['2:7 warning: "3/4/2024" could be read day first or month first, so only its year dates the file (2024-01-01)']);
    expect(found[0]!.hint).toBe('write it as 2024-MM-DD (year, month, day) to date the file exactly; the title slide shows it as written either way');
  });

  it('refuses impossible dates rather than rolling them over, in the deck and its sources', async () => {
    for (const date of ['2024-02-30', '2023-02-29', '30 February 2024', 'April 31, 2024', '2024-13-01', '2024-04-01T24:00']) expect(readDate(date).error, date).toMatch(/is not a (date|time)/);
    for (const date of ['2024-02-29', '29 February 2024', 'July 2024', 'Q3 2024', '2012', 'Spring', '2024-07-15T09:30:00Z']) expect(readDate(date).error, date).toBeUndefined();
    const found = await load('title: T\ndate: 2024-02-30\nsources:\n  - { id: a, title: A, date: "31 April 2024" }\nslides:\n  - { title: S, bullets: [x] }\n');
    expect(where(found)).toEqual(['2:7 error: "2024-02-30" is not a date: February 2024 has 29 days', '4:30 error: "31 April 2024" is not a date: April 2024 has 30 days']);
  });

  it('refuses a year the file cannot hold, and warns when zip dates are clamped', async () => {
    expect(where(await load('title: T\ndate: "99999-01-01"\nslides:\n  - { title: S, bullets: [x] }\n'))).toEqual(['2:7 error: "99999-01-01" is a date the file cannot hold (years 0000 to 9999)']);
    expect(where(await load('title: T\ndate: 1975-05-01\nslides:\n  - { title: S, bullets: [x] }\n'))).toEqual([
      '2:7 warning: "1975-05-01" is outside the years a zip file can date its parts (1980 to 2107); the parts are dated 1980-01-01 instead',
    ]);
  });

  it('refuses a SOURCE_DATE_EPOCH the file cannot hold, and takes 0 (1970)', () => {
    expect(() => packageDate(undefined, { SOURCE_DATE_EPOCH: '99999999999999' })).toThrow(InputError);
    expect(() => packageDate(undefined, { SOURCE_DATE_EPOCH: '1e9' })).toThrow(/not a whole number/);
    expect(packageDate(undefined, { SOURCE_DATE_EPOCH: '0' }).toISOString()).toBe('1970-01-01T00:00:00.000Z');
    expect(packageDate('2024-02-29', {}).toISOString()).toBe('2024-02-29T00:00:00.000Z');
  });
});
