import { describe, expect, it } from 'vitest';
import { advance } from '../../src/plan/metrics/advance.js';
import { advanceTable } from '../../src/plan/metrics/measure-font.js';
import table from '../../src/plan/metrics/carlito.json' with { type: 'json' };

describe('the Carlito advance table', () => {
  it('matches the font in @fontsource/carlito (run `npm run font-metrics` after upgrading it)', () => {
    const fresh = advanceTable();
    // Printable ASCII and Latin-1: glyphs Carlito certainly has, so no system fallback font is involved.
    const latin = (t: { regular: number[][] }): number[] => t.regular[0]!.slice(0, 0xff - 0x20);
    expect(latin(table as { regular: number[][] })).toEqual(latin(fresh));
    expect((table as { bold: number[][] }).bold[0]!.slice(0, 95)).toEqual(fresh.bold[0]!.slice(0, 95));
  });

  it('makes bold wider than regular and counts unknown characters as a full em', () => {
    expect(advance('Liangjiang', true, false)).toBeGreaterThan(advance('Liangjiang', false, false));
    expect(advance('两江新区', false, false)).toBe(4);
  });
});
