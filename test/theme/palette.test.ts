import { describe, expect, it } from 'vitest';
import { BRIEFING, resolveTheme } from '../../src/theme/theme.js';
import { deltaE, seriesColours, simulate } from '../../src/theme/palette.js';

const pairs = (xs: string[]): [number, number][] => xs.flatMap((_, i) => xs.slice(i + 1).map((__, k) => [i, i + 1 + k] as [number, number]));
const closest = (xs: string[]): number => Math.min(...pairs(xs).map(([i, j]) => deltaE(xs[i]!, xs[j]!)));

/**
 * The preset palette is checked the way a reader with a colour-vision deficiency sees it: each
 * colour is passed through the Machado (2009) simulation of protanopia and deuteranopia, the
 * two most common deficiencies (about 1 in 12 men), and every pair must still differ by a CIE76
 * ΔE of at least 25 (2 is just noticeable; 25 reads as different colours at a glance). The
 * previous palette (navy, amber, teal, grey, purple, brick) failed this: under deuteranopia its
 * navy and purple came within ΔE 12.7 of each other.
 */
describe('the preset palette under colour-vision deficiency', () => {
  const palette = resolveTheme({ preset: 'briefing' }).palette;

  it('uses the preset palette as the default theme palette', () => {
    expect(palette).toEqual(BRIEFING.palette);
  });

  for (const deficiency of ['protanopia', 'deuteranopia'] as const) {
    it(`keeps every pair of series colours apart under ${deficiency}`, () => {
      const seen = palette.map((c) => simulate(c, deficiency));
      expect(closest(seen), seen.join(' ')).toBeGreaterThanOrEqual(25);
    });
  }

  it('simulates a deficiency: red and green, far apart for normal vision, come close under deuteranopia', () => {
    expect(deltaE('D62728', '2CA02C')).toBeGreaterThan(60);
    expect(deltaE(simulate('D62728', 'deuteranopia'), simulate('2CA02C', 'deuteranopia'))).toBeLessThan(15);
  });
});

describe('series beyond the palette', () => {
  it('get new colours rather than repeats, clearly apart from each other', () => {
    const colours = seriesColours(BRIEFING.palette, 18);
    expect(new Set(colours).size).toBe(18);
    expect(closest(colours)).toBeGreaterThan(8);
  });

  it('start with the palette itself, in order', () => {
    expect(seriesColours(['111111', '222222'], 2)).toEqual(['111111', '222222']);
  });

  it('never repeat a colour, even when the given palette does', () => {
    expect(new Set(seriesColours(['123456', '123456'], 6)).size).toBe(6);
  });
});
