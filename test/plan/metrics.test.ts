import { describe, expect, it } from 'vitest';
import { advance } from '../../src/plan/metrics/advance.js';
import { advanceTable } from '../../src/plan/metrics/measure-font.js';
import arimo from '../../src/plan/metrics/arimo.json' with { type: 'json' };
import carlito from '../../src/plan/metrics/carlito.json' with { type: 'json' };

describe('the Carlito advance table', () => {
  it.each([
    ['Carlito', carlito],
    ['Arimo', arimo],
  ] as const)('matches the font %s from @fontsource (run `npm run font-metrics` after upgrading it)', (family, table) => {
    const fresh = advanceTable(family);
    // Printable ASCII and Latin-1: glyphs both fonts certainly have, so no system fallback font is involved.
    const latin = (t: { regular: number[][] }): number[] => t.regular[0]!.slice(0, 0xff - 0x20);
    expect(latin(table as { regular: number[][] })).toEqual(latin(fresh));
    expect((table as { bold: number[][] }).bold[0]!.slice(0, 95)).toEqual(fresh.bold[0]!.slice(0, 95));
  });

  it('measures Arial (as Arimo) wider than Calibri (as Carlito), and unknown fonts as Calibri', () => {
    const text = 'Laptops made by mid-year';
    expect(advance(text, false, false, 'Arial')).toBeGreaterThan(advance(text, false, false, "Calibri") * 1.05);
    expect(advance(text, false, false, 'Helvetica')).toBe(advance(text, false, false, 'Arial'));
    expect(advance(text, false, false, 'Some Font')).toBe(advance(text, false, false, 'Calibri'));
  });

  it('makes bold wider than regular and counts unknown characters as a full em', () => {
    expect(advance('Liangjiang', true, false)).toBeGreaterThan(advance('Liangjiang', false, false));
    expect(advance('两江新区', false, false)).toBe(4);
  });
});
