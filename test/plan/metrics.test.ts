import { describe, expect, it } from 'vitest';
import { TWINS } from '../../src/font-twins.js';
import { twinTable } from '../../src/load/font-table.js';
import { advance, SAFETY_TABLE, TWIN_TABLES } from '../../src/plan/metrics/advance.js';
import { advanceTable } from '../../src/plan/metrics/measure-font.js';

describe('the twins advance tables', () => {
  it.each(TWINS.map((t) => [t.family, t] as const))('match the font files of %s from @fontsource (run `npm run font-metrics` after upgrading it)', (family, twin) => {
    expect(TWIN_TABLES[family]).toEqual(twinTable(twin));
  });

  it.each(TWINS.map((t) => t.family))('agree with how the canvas measures %s, character by character', (family) => {
    const fresh = advanceTable(family);
    const table = TWIN_TABLES[family];
    // Printable ASCII and Latin-1 the font has: a second, independent reading of the same font.
    for (const face of ['regular', 'bold', 'italic', 'boldItalic'] as const) {
      const ours = table[face][0]!.slice(0, 0x7f - 0x20);
      expect(ours.every((w) => w > 0)).toBe(true);
      expect(ours, face).toEqual(fresh[face][0]!.slice(0, 0x7f - 0x20));
    }
  });

  it.each([
    ['Calibri', 'Carlito'],
    ['Arial', 'Arimo'],
    ['Helvetica', 'Arimo'],
    ['Cambria', 'Caladea'],
    ['Times New Roman', 'Tinos'],
    ['Courier New', 'Cousine'],
    ['georgia', 'Gelasio'],
  ] as const)('measures %s as %s', (font, twin) => {
    const text = 'Laptops made by mid-year: 4.1433 million';
    const expected = [...text].reduce((sum, c) => sum + TWIN_TABLES[twin].regular[0]![c.codePointAt(0)! - 0x20]!, 0) / 1000;
    expect(advance(text, false, false, font)).toBeCloseTo(expected, 10);
  });

  it('measures the twins apart: Georgia and Cambria wider than Calibri, Courier New monospaced', () => {
    const text = 'Laptops made by mid-year';
    const calibri = advance(text, false, false, 'Calibri');
    expect(advance(text, false, false, 'Arial')).toBeGreaterThan(calibri * 1.05);
    expect(advance(text, false, false, 'Georgia')).toBeGreaterThan(calibri * 1.08);
    expect(advance(text, false, false, 'Cambria')).toBeGreaterThan(calibri);
    expect(advance('iiii', false, false, 'Courier New')).toBe(advance('WWWW', false, false, 'Courier New'));
  });

  it('measures a font it cannot measure with the widest of the sans and serif twins', () => {
    for (const text of ['Laptops made by mid-year', '111.83', 'WWW mmm iii']) {
      const unknown = advance(text, false, false, 'Some Font');
      for (const font of ['Calibri', 'Arial', 'Cambria', 'Times New Roman', 'Georgia']) expect(unknown).toBeGreaterThanOrEqual(advance(text, false, false, font));
      expect(unknown).toBeGreaterThan(advance(text, false, false, 'Calibri'));
    }
    expect(SAFETY_TABLE.regular[0]![0x57 - 0x20]).toBe(Math.max(...(['Carlito', 'Arimo', 'Caladea', 'Tinos', 'Gelasio'] as const).map((f) => TWIN_TABLES[f].regular[0]![0x57 - 0x20]!)));
  });

  it('makes bold wider than regular and counts CJK characters as a full em in any font', () => {
    expect(advance('Liangjiang', true, false)).toBeGreaterThan(advance('Liangjiang', false, false));
    for (const font of ['Calibri', 'Georgia', 'Microsoft YaHei']) {
      expect(advance('两江新区', false, false, font)).toBe(4);
      // Full-width punctuation and forms are one em too.
      expect(advance('，。：（）', false, false, font)).toBe(5);
    }
  });

  it('measures a character the twin lacks with the safety margin, never as nothing', () => {
    // A Latin Extended letter Gelasio's npm files lack and another twin has.
    const missing = TWIN_TABLES.Gelasio.regular[0]!.findIndex((w, i) => w < 0 && SAFETY_TABLE.regular[0]![i]! > 0);
    expect(missing).toBeGreaterThan(-1);
    const ch = String.fromCodePoint(0x20 + missing);
    expect(advance(ch, false, false, 'Georgia')).toBe(SAFETY_TABLE.regular[0]![missing]! / 1000);
  });
});

describe('measured widths are remembered, never mixed up', () => {
  it('gives each font, face and font book its own width for the same word, however often it is asked', () => {
    const word = 'Wolfram';
    const first = [advance(word, false, false, 'Calibri'), advance(word, true, false, 'Calibri'), advance(word, false, true, 'Arial'), advance(word, true, true, 'Georgia'), advance(word, false, false, 'Some Unknown Face')];
    expect(new Set(first).size).toBe(first.length);
    for (let i = 0; i < 3; i++) expect([advance(word, false, false, 'Calibri'), advance(word, true, false, 'Calibri'), advance(word, false, true, 'Arial'), advance(word, true, true, 'Georgia'), advance(word, false, false, 'Some Unknown Face')]).toEqual(first);
  });

  it('measures the same after more distinct words than it keeps', () => {
    const before = advance('kept?', false, false, 'Calibri');
    for (let i = 0; i < 60_000; i++) advance(`w${i}`, false, false, 'Calibri');
    expect(advance('kept?', false, false, 'Calibri')).toBe(before);
    expect(advance('w59999', false, false, 'Calibri')).toBeCloseTo(advance('w', false, false, 'Calibri') + advance('59999', false, false, 'Calibri'), 12);
  });
});
