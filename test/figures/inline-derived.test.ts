// The inline derived-figure scanner: the same figures the old regular expression found, in one
// linear pass (the regex backtracked for minutes over "{{" and long runs of spaces).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, expandDerived, FormulaError, formatDerived, inlineDerived, inlineDerivedProblems, MAX_DECIMALS, prettyFormula } from '../../src/figures/derive.js';
import { parseOutline } from '../../src/load/load.js';
import { InputError } from '../../src/diagnostics.js';

/** The pattern deckgen used before: correct, but super-linear. Kept here as the reference. */
const OLD = /\{\{\s*([^|}]+?)\s*(?:\|\s*([^}]+?)\s*)?\}\}/g;

describe('inlineDerived', () => {
  it('finds exactly what the old pattern found, on any short text of the characters that matter', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('{', '}', '|', ' ', '1', '/', '2', 'x', '0', '.', '%'), { maxLength: 24 }), (chars) => {
        const text = chars.join('');
        const old = [...text.matchAll(OLD)].map((m) => ({ index: m.index, length: m[0].length, formula: m[1]!.trim(), format: m[2]?.trim() }));
        const now = inlineDerived(text).map((f) => ({ index: f.index, length: f.length, formula: f.formula, format: f.format }));
        expect(now).toEqual(old);
      }),
      { numRuns: 3000 },
    );
  });

  it('places the formula where it starts in the text', () => {
    const text = 'Up {{  1960 / 820 | 0.0x }} since July';
    const [f] = inlineDerived(text);
    expect(text.slice(f!.formulaAt, f!.formulaAt + f!.formula.length)).toBe('1960 / 820');
    expect(expandDerived(text)).toBe('Up 2.4x (derived: 1960 ÷ 820) since July');
  });

  it('gets through the texts that stalled the old pattern', () => {
    const hostile = [`{{${' '.repeat(40_000)}x`, `{{ 1${' '.repeat(40_000)}| 0${' '.repeat(40_000)}x`, '{{|'.repeat(20_000), `${'{{'.repeat(20_000)}1}}`, '{{ 1 }'.repeat(10_000)];
    for (const text of hostile) expect(() => inlineDerived(text)).not.toThrow();
    expect(inlineDerived(`${'{{'.repeat(20_000)}1}}`)).toHaveLength(1);
    expect(prettyFormula(`1${' '.repeat(50_000)}*${' '.repeat(50_000)}2`)).toBe('1 × 2');
  });
});

describe('derived formats and formulas from input', () => {
  it(`refuses a format with more than ${MAX_DECIMALS} decimals, inline and as a KPI, instead of failing inside toFixed()`, () => {
    const long = `0.${'0'.repeat(101)}`;
    expect(inlineDerivedProblems(`{{ 1 / 3 | ${long} }}`)[0]).toMatch(/at most 20 decimals/);
    expect(inlineDerivedProblems(`{{ 1 / 3 | 0.${'0'.repeat(20)} }}`)).toEqual([]);
    expect(formatDerived(1 / 3, long)).toBe(formatDerived(1 / 3, `0.${'0'.repeat(20)}`));
    const kpi = `title: T\nslides:\n  - layout: kpis\n    title: K\n    kpis:\n      - { label: a, value: 1 }\n      - label: b\n        derived: { formula: "1 / 3", format: "${long}" }\n`;
    expect(() => parseOutline(kpi, 'deck.yaml')).toThrow(InputError);
    try {
      parseOutline(kpi, 'deck.yaml');
    } catch (e) {
      expect((e as InputError).diagnostics[0]).toMatchObject({ line: 8, message: expect.stringMatching(/at most 20 decimals/) });
    }
  });

  it('refuses a formula nested deeper than the parser recurses, as a formula problem', () => {
    expect(() => evaluate(`${'('.repeat(50_000)}1${')'.repeat(50_000)}`)).toThrow(FormulaError);
    expect(() => evaluate(`${'-'.repeat(50_000)}1`)).toThrow(FormulaError);
    expect(evaluate(`${'('.repeat(50)}1${')'.repeat(50)}`)).toBe(1);
  });
});
