import { describe, expect, it } from 'vitest';
import { parseOutline } from '../../src/load/load.js';
import { parseInline } from '../../src/plan/inline.js';
import { LINE_HEIGHT, textHeight } from '../../src/plan/measure.js';
import { planDeck } from '../../src/plan/plan.js';
import { ptToIn } from '../../src/plan/units.js';

const plan = (yaml: string) => planDeck(parseOutline(yaml, 'deck.yaml'));
const warnings = (theme: string) => plan(`title: T\ntheme:\n${theme}slides:\n  - title: One\n    bullets: [a]\n`).diagnostics.filter((d) => d.code === 'unmeasured-font');

describe('fonts deckgen cannot measure', () => {
  it('warns at the key naming a font with no twin and no file, saying how it is measured and how to fix it', () => {
    const [body, heading, ...rest] = warnings('  font: Brand Sans\n  headingFont: Optima\n');
    expect(rest).toEqual([]);
    expect(body).toMatchObject({ severity: 'warning', line: 3, column: 9 });
    expect(body!.message).toContain('theme.font "Brand Sans"');
    expect(body!.message).toContain('safety margin');
    expect(body!.hint).toContain('theme.fonts: { "Brand Sans": assets/BrandSans.ttf }');
    expect(body!.hint).toContain('Calibri, Arial, Cambria, Times New Roman, Courier New, Georgia');
    expect(heading).toMatchObject({ severity: 'warning', line: 4, column: 16 });
  });

  it('says nothing of the twins, in any case, nor of East Asian fonts, and a warning is not an error', () => {
    expect(warnings('  font: georgia\n  headingFont: Cambria\n')).toEqual([]);
    expect(warnings('  font: Times New Roman\n  headingFont: Courier New\n')).toEqual([]);
    expect(warnings('  font: Microsoft YaHei\n')).toEqual([]);
    expect(plan('title: T\ntheme: { font: Futura }\nslides:\n  - title: One\n    bullets: [a]\n').diagnostics.every((d) => d.severity === 'warning')).toBe(true);
  });

  it('measures an unknown font wider than Calibri and Georgia, so the same text takes more lines', () => {
    const text = [{ runs: parseInline('Quarterly throughput at the container terminal rose sharply again as new berths opened and the rail link carried half the boxes'), level: 0, bullet: false, spaceBefore: 0 }];
    const lines = (font: string): number => textHeight(text, { font, lineSpacing: 1 }, 24, 4) / ptToIn(24 * LINE_HEIGHT);
    expect(lines('Futura')).toBeGreaterThan(lines('Calibri'));
    expect(lines('Futura')).toBeGreaterThanOrEqual(lines('Georgia'));
  });
});
