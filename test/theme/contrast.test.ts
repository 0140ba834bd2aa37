import { describe, expect, it } from 'vitest';
import { contrastRatio, formatRatio, minContrast, readableColour } from '../../src/theme/contrast.js';
import { BRIEFING } from '../../src/theme/theme.js';

describe('contrast', () => {
  it('measures WCAG ratios: black on white is 21:1, the old amber on the KPI cards 2.6:1', () => {
    expect(contrastRatio('000000', 'FFFFFF')).toBeCloseTo(21, 5);
    expect(contrastRatio('#FFFFFF', '#FFFFFF')).toBeCloseTo(1, 5);
    expect(formatRatio(contrastRatio('D9822B', 'EEF2F6'))).toBe('2.6:1');
  });

  it('asks 4.5:1 of text, 3:1 of text from 18 pt or 14 pt bold', () => {
    expect(minContrast(11, false)).toBe(4.5);
    expect(minContrast(17, false)).toBe(4.5);
    expect(minContrast(18, false)).toBe(3);
    expect(minContrast(14, true)).toBe(3);
  });

  it('finds the nearest colour that passes, darker on light backgrounds and lighter on dark ones', () => {
    const onPanel = readableColour('D9822B', 'EEF2F6', 4.5);
    expect(contrastRatio(onPanel, 'EEF2F6')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(onPanel, 'EEF2F6')).toBeLessThan(5);
    const onNavy = readableColour('5B6775', '0B3C5D', 4.5);
    expect(contrastRatio(onNavy, '0B3C5D')).toBeGreaterThanOrEqual(4.5);
    expect(readableColour('1F2933', 'FFFFFF', 4.5)).toBe('1F2933');
  });

  it('the briefing preset passes for every pair deckgen writes text in', () => {
    const c = BRIEFING.colours;
    expect(contrastRatio(c.text, c.background)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(c.text, c.panel)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(c.muted, c.background)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(c.muted, c.panel)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(c.onPrimary, c.primary)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(c.primary, c.panel)).toBeGreaterThanOrEqual(4.5);
  });
});
