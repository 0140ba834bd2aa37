import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InputError, type Diagnostic } from '../../src/diagnostics.js';
import { checkFigures, type SourceText } from '../../src/figures/check.js';
import { loadOutline, parseOutline } from '../../src/load/load.js';

const fixture = (name: string): string => readFileSync(fileURLToPath(new URL(`../fixtures/check/${name}`, import.meta.url)), 'utf8');
const PORT = fixture('port.yaml');
const SOURCE: SourceText = { id: 'port', file: 'fixtures/port-2023.txt', text: fixture('port-2023.txt') };
const sources = (...list: SourceText[]): Map<string, SourceText> => new Map(list.map((s) => [s.id, s]));
const check = (yaml: string, list: SourceText[] = [SOURCE]): Diagnostic[] => checkFigures(parseOutline(yaml, 'deck.yaml'), sources(...list));
const lines = (...ls: string[]): string => `${ls.join('\n')}\n`;

/** An outline citing the port article, with `slide` (YAML lines, indented for a list item) as its slides. */
const outline = (...slide: string[]): string =>
  lines('title: Port briefing', 'sources:', '  - { id: port, title: Port article }', 'slides:', ...slide);

describe('checkFigures: the fixture deck', () => {
  it('finds nothing wrong when every figure is stated where it is cited', () => {
    expect(check(PORT)).toEqual([]);
  });
});

describe('checkFigures: what matches', () => {
  const kpis = (a: string, b = '{ value: 8.472, unit: million TEU, label: Handled, source: { id: port, para: 1 } }'): string =>
    outline('  - title: Glance', '    kpis:', `      - ${a}`, `      - ${b}`);

  it('compares scaled figures by value, at the precision the slide shows', () => {
    expect(check(kpis('{ value: "8,472", unit: thousand TEU, label: Handled, source: { id: port, para: 1 } }'))).toEqual([]);
    expect(check(kpis('{ value: 8.47, unit: million TEU, label: Handled, source: { id: port, para: 1 } }'))).toEqual([]);
    expect(check(kpis('{ value: 3.925, unit: bn yuan, label: Profit, source: { id: port, para: 3 } }'))).toEqual([]);
    expect(check(kpis('{ value: 8.48, unit: million TEU, label: Handled, source: { id: port, para: 1 } }'))).toHaveLength(1);
  });

  it('says which figure on which slide is not stated, and the nearest numbers the source does state', () => {
    const [d, ...rest] = check(kpis('{ value: 8.48, unit: million TEU, label: Handled, source: { id: port, para: 1 } }'));
    expect(rest).toEqual([]);
    expect(d).toMatchObject({
      code: 'figure-not-in-source',
      severity: 'error',
      line: 7,
      message: '8.48 million on slide 2 ("Glance") is not in source "port" (port-2023.txt)',
    });
    expect(d!.hint).toMatch(/^paragraph 1 states 8\.472 million, 2,315,000, 2023;/);
  });

  it('matches percent with percent and multiple with multiple, never across', () => {
    const bullet = (text: string, para: number): string => outline('  - title: T', '    bullets:', `      - { text: "${text}", source: { id: port, para: ${para} } }`);
    expect(check(bullet('up 12.6% in a year', 1))).toEqual([]);
    expect(check(bullet('37.5 percent of traffic, 2.4 times 2019', 2))).toEqual([]);
    expect(check(bullet('17.2x and 2.4x', 2)).map((d) => d.message)).toEqual([expect.stringMatching(/^17\.2x on slide 2/)]);
    expect(check(bullet('growth of 12.6 points', 1))).toHaveLength(1); // 12.6 is stated as a percent
    expect(check(bullet('96 lines', 1))).toHaveLength(1);
  });

  it('reads number words in the source and unscaled figures as written', () => {
    const bullet = (text: string): string => outline('  - title: T', '    bullets:', `      - { text: "${text}", source: { id: port, para: 4 } }`);
    expect(check(bullet('11 new lines, 4 of them to East Africa; 96 in all'))).toEqual([]);
    expect(check(bullet('12 new lines'))).toHaveLength(1);
  });

  it('reports a figure found only outside the cited paragraphs as a wrong citation', () => {
    const [d] = check(outline('  - title: T', '    bullets:', '      - { text: "37.5% transshipment", source: { id: port, para: [1, 3] } }'));
    expect(d).toMatchObject({
      code: 'figure-wrong-paragraph',
      line: 7,
      message: '37.5% on slide 2 ("T") is in paragraph 2 of source "port" (port-2023.txt), not paragraphs 1 or 3',
      hint: 'if the figure is right, cite { id: port, para: [1, 2, 3] }; if not, correct it',
    });
  });

  it('needs each operand of a derived figure stated, except powers of ten', () => {
    const derived = (formula: string): string => outline('  - title: T', '    bullets:', `      - { text: "{{ ${formula} | 0.0 }} yuan", source: { id: port, para: 3 } }`);
    expect(check(derived('14.06 * 1000 / 3925'))).toEqual([]);
    const ds = check(derived('14.06 * 1000 / 3926'));
    expect(ds.map((d) => d.message)).toEqual(['3926 (in the derived figure "14.06 * 1000 / 3926") on slide 2 ("T") is not in source "port" (port-2023.txt)']);
    expect(ds[0]!.hint).toMatch(/may use only stated numbers and powers of ten/);
    // Operands are used as typed: a rounded one changes the result, so it must be stated exactly.
    expect(check(derived('14.1 * 1000 / 3925')).map((d) => d.message)).toEqual([expect.stringMatching(/^14\.1 \(in the derived figure/)]);
    expect(check(derived('14060000000 / 3925000000'))).toEqual([]);
  });

  it('numbers slides as the built deck does: after the automatic title slide, unless the outline opens with one', () => {
    const slides = ['  - { title: "Figures: 13", bullets: [a] }'];
    expect(check(outline(...slides))[0]!.message).toMatch(/^13 on slide 2 /);
    expect(check(outline('  - { layout: title, title: Opening }', ...slides))[0]!.message).toMatch(/^13 on slide 2 /);
    expect(check(outline('  - { layout: title, title: "Opening 13" }'))[0]!.message).toMatch(/^13 on slide 1 /);
  });
});

describe('checkFigures: where it reports', () => {
  it('reports a figure in multi-line notes at its own line and column', () => {
    const yaml = outline('  - title: T', '    bullets: [{ text: a, source: { id: port, para: 1 } }]', '    notes: |', '      Intro line.', '      Then 8.48 million TEU.');
    expect(check(yaml)).toEqual([expect.objectContaining({ line: 9, column: 12, message: expect.stringMatching(/^8\.48 million in the notes of slide 2 \("T"\)/) })]);
  });

  it('numbers slides as built, leaving skipped slides out', () => {
    const yaml = outline('  - { title: Draft, skip: true }', '  - { title: "13 berths", bullets: [a] }');
    expect(check(yaml)).toEqual([expect.objectContaining({ line: 6, message: expect.stringMatching(/^13 on slide 2 \("13 berths"\)/) })]);
  });

  it("reports a figure from a chart's CSV data at its line and column in the CSV file", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'deckgen-check-'));
    try {
      await writeFile(path.join(dir, 'traffic.csv'), 'Kind,TEU\nTransshipment,3.18\nAll traffic,8.482\n');
      const file = path.join(dir, 'deck.yaml');
      await writeFile(file, outline('  - title: T', '    chart: { data: traffic.csv, unit: million TEU, source: { id: port, para: [1, 2] } }'));
      const ds = checkFigures(await loadOutline(file), sources(SOURCE));
      expect(ds.map((d) => [path.basename(d.file), d.line, d.column, d.message])).toEqual([['traffic.csv', 3, 13, '8.482 million (from traffic.csv) on slide 2 ("T") is not in source "port" (port-2023.txt)']]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reports figures on the title slide as such', () => {
    expect(check(lines('title: Port in 2024', 'footer: 99 lines', 'sources: [{ id: port, title: P }]', 'slides: [{ title: x, bullets: [a] }]')).map((d) => [d.line, d.message])).toEqual([
      [1, '2024 in the deck title cites no source, and is not in source "port" (port-2023.txt)'],
      [2, '99 in the footer cites no source, and is not in source "port" (port-2023.txt)'],
    ]);
  });
});

describe('checkFigures: figures it cannot prove', () => {
  it('reports once per source without text, at the source', () => {
    const yaml = lines('title: T', 'sources:', '  - { id: port, title: P }', '  - { id: other, title: O }', 'slides:', '  - { title: "13 and 14", bullets: [a], source: other }');
    expect(check(yaml)).toEqual([
      expect.objectContaining({ code: 'figure-source-unread', line: 4, message: '2 figures cite source "other", but it was not given to check against' }),
    ]);
  });

  it('says an uncited figure is uncited, rather than blame a source it never named', () => {
    // Two sources, the text of one given: the title's figure cites neither.
    const yaml = lines('title: T', 'sources:', '  - { id: port, title: P }', '  - { id: survey, title: S }', 'slides:', '  - { title: "Berths by 2031", bullets: [a] }');
    expect(check(yaml)).toEqual([
      expect.objectContaining({ code: 'figure-uncited', line: 6, message: '2031 on slide 2 ("Berths by 2031") cites no source, and is not in source "port" (port-2023.txt)' }),
    ]);
    expect(check(yaml)[0]!.hint).toMatch(/`source: own`/);
  });

  it("does not look up the presenter's own figures, marked `source: own`", () => {
    expect(check(outline('  - title: Targets', '    bullets:', '      - { text: "Reach 95% by 2031", source: own }'))).toEqual([]);
    expect(check(outline('  - title: Targets', '    source: own', '    kpis: [{ value: 95, unit: "%", label: Share by 2031 }, { value: 4, label: New lines }]'))).toEqual([]);
  });

  it('treats dates and year ranges as dates, not figures', () => {
    const yaml = lines('title: Plan 2025-30', 'date: "2025-03-10"', 'sources: [{ id: port, title: P }]', 'slides:', '  - { title: "From 2024-09 to 10 March 2025, and 2026–2031", bullets: [a] }');
    expect(check(yaml)).toEqual([]);
    // A range of counts is not a date.
    expect(check(lines('title: 1200-1500 riders', 'sources: [{ id: port, title: P }]', 'slides: [{ title: x, bullets: [a] }]')).map((d) => d.message)).toEqual([
      expect.stringMatching(/^1200 in the deck title/),
      expect.stringMatching(/^1500 in the deck title/),
    ]);
  });

  it('reports figures in an outline without sources', () => {
    expect(check(lines('title: T', 'slides:', '  - { title: "13 berths", bullets: [a] }'))).toEqual([
      expect.objectContaining({ code: 'figure-unsourced', line: 3, message: '13 on slide 2 ("13 berths") cites no source' }),
    ]);
  });
});

/** Offsets of every digit that is part of a figure in the fixture: not keys, citations or formats. */
function figureDigits(text: string): number[] {
  const digits: number[] = [];
  const blank = (m: string): string => ' '.repeat(m.length);
  let offset = 0;
  let inSources = false;
  for (const line of text.split('\n')) {
    if (/^\w/.test(line)) inSources = line.startsWith('sources:');
    // The deck's date is when, not how much: not a figure.
    if (!inSources && !/^\s*#/.test(line) && !line.startsWith('date:')) {
      const masked = line
        .replace(/para: (\[[^\]]*\]|\d+)/g, blank) // citations: where, not what
        .replace(/format: "[^"]*"/g, blank)
        .replace(/\|\s*0[^}]*\}\}/g, (m) => `${blank(m.slice(0, -2))}}}`) // inline formats
        .replace(/paragraph \d+/g, blank); // a reference, not a figure
      for (const m of masked.matchAll(/\d[\d.,]*\d|\d/g)) {
        if (/\p{L}/u.test(masked[m.index - 1] ?? '')) continue; // "Q4" is a name
        for (let k = 0; k < m[0].length; k++) if (/\d/.test(m[0][k]!)) digits.push(offset + m.index + k);
      }
    }
    offset += line.length + 1;
  }
  return digits;
}

describe('checkFigures: one changed digit anywhere in a figure', () => {
  it('is reported at its line, for every digit of every figure in the fixture deck', () => {
    const digits = figureDigits(PORT);
    const missed: string[] = [];
    let skipped = 0;
    for (const at of digits) {
      const mutated = `${PORT.slice(0, at)}${(Number(PORT[at]) + 1) % 10}${PORT.slice(at + 1)}`;
      const line = PORT.slice(0, at).split('\n').length;
      let outline;
      try {
        outline = parseOutline(mutated, 'port.yaml');
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        skipped++;
        continue;
      }
      const ds = checkFigures(outline, sources(SOURCE));
      if (!ds.some((d) => d.severity === 'error' && d.line === line)) missed.push(`line ${line}: ${mutated.split('\n')[line - 1]!.trim()}`);
    }
    console.info(`mutation test: ${digits.length} digits mutated, ${digits.length - skipped - missed.length} caught, ${skipped} skipped (outline no longer loads), ${missed.length} missed`);
    expect(digits.length).toBeGreaterThan(150);
    expect(missed).toEqual([]);
    expect(skipped / digits.length).toBeLessThan(0.1);
  });
});

describe('checkFigures: one changed cited paragraph', () => {
  it('is caught, for every digit of every `para:` in the fixture deck', () => {
    let mutated = 0;
    const missed: string[] = [];
    for (const m of PORT.matchAll(/para: (\[[^\]]*\]|\d+)/g)) {
      for (let k = 0; k < m[0].length; k++) {
        const at = m.index + k;
        if (!/\d/.test(PORT[at]!)) continue;
        mutated++;
        const text = `${PORT.slice(0, at)}${(Number(PORT[at]) + 1) % 10}${PORT.slice(at + 1)}`;
        if (!checkFigures(parseOutline(text, 'port.yaml'), sources(SOURCE)).length) missed.push(text.split('\n')[PORT.slice(0, at).split('\n').length - 1]!.trim());
      }
    }
    expect(mutated).toBeGreaterThan(10);
    expect(missed).toEqual([]);
  });
});
