import { describe, expect, it } from 'vitest';
import { evaluate, expandDerived, formatDerived, FormulaError, inlineDerivedProblems, prettyFormula } from '../../src/figures/derive.js';

describe('evaluate', () => {
  it('computes the figures a source states', () => {
    expect(evaluate('4.1433 / 20')).toBeCloseTo(0.207165, 10);
    expect(evaluate('42')).toBe(42);
    expect(evaluate('11.183')).toBe(11.183);
  });

  it('multiplies and divides before it adds and subtracts', () => {
    expect(evaluate('2 + 3 * 4')).toBe(14);
    expect(evaluate('20 - 12 / 4')).toBe(17);
    expect(evaluate('1+2*3')).toBe(7);
  });

  it('evaluates operators of equal precedence left to right', () => {
    expect(evaluate('10 - 4 - 3')).toBe(3);
    expect(evaluate('100 / 10 / 5')).toBe(2);
    expect(evaluate('12 / 3 * 2')).toBe(8);
  });

  it('lets parentheses override precedence, nested too', () => {
    expect(evaluate('(2 + 3) * 4')).toBe(20);
    expect(evaluate('((1 + 1) * (2 + 2)) / 4')).toBe(2);
    expect(evaluate('(22.34)')).toBe(22.34);
  });

  it('accepts a unary minus before a number, a parenthesis or another minus', () => {
    expect(evaluate('-3 + 5')).toBe(2);
    expect(evaluate('2 * -3')).toBe(-6);
    expect(evaluate('-(2 + 3)')).toBe(-5);
    expect(evaluate('1 - -1')).toBe(2);
    expect(evaluate('--3')).toBe(3);
  });

  it.each([
    ['1 / 0', /division by zero/],
    ['5 / (2 - 2)', /division by zero/],
    ['1 / -0', /division by zero/],
    ['a + 1', /"a" is not allowed/],
    ['4.1433 / x', /"x" is not allowed/],
    ['1e3', /unexpected "e"/],
    ['', /ends too early/],
    ['1 +', /ends too early/],
    ['(1 + 2', /ends too early/],
    ['(1 + 2 3', /"\(" is not closed/],
    ['1 2', /unexpected "2"/],
    ['1)', /unexpected "\)"/],
    ['2 ^ 3', /\^ is not an operator; write 2 \* 2 \* 2/],
    ['5 ** 2', /\*\* is not an operator; write 5 \* 5$/],
    ['(1 + 2) ** 2', /\*\* is not an operator; multiply the number by itself with \*/],
    ['.5', /"\." is not allowed/],
  ])('rejects %j with a FormulaError saying why', (formula, why) => {
    expect(() => evaluate(formula)).toThrow(FormulaError);
    expect(() => evaluate(formula)).toThrow(why);
  });
});

describe('formatDerived', () => {
  it('shows whole numbers with "0", rounding', () => {
    expect(formatDerived(20.7, '0')).toBe('21');
    expect(formatDerived(3, '0')).toBe('3');
  });

  it('shows as many decimals as the format has zeros after the point', () => {
    expect(formatDerived(0.207165, '0.0')).toBe('0.2');
    expect(formatDerived(12.3456, '0.00')).toBe('12.35');
    expect(formatDerived(2, '0.000')).toBe('2.000');
  });

  it('shows a share as a percentage with "0%" and "0.0%"', () => {
    expect(formatDerived(0.207165, '0%')).toBe('21%');
    expect(formatDerived(0.207165, '0.0%')).toBe('20.7%');
    expect(formatDerived(1.5, '0.00%')).toBe('150.00%');
  });

  it('shows a multiple with "x", keeping its decimals', () => {
    expect(formatDerived(2.5, '0.00x')).toBe('2.50x');
    expect(formatDerived(17.2, '0.0x')).toBe('17.2x');
    expect(formatDerived(3, '0x')).toBe('3x');
  });

  it('groups thousands with commas', () => {
    expect(formatDerived(1234567.891, '0')).toBe('1,234,568');
    expect(formatDerived(1234567.891, '0.0')).toBe('1,234,567.9');
    expect(formatDerived(12.5, '0%')).toBe('1,250%');
    expect(formatDerived(1500, '0.0x')).toBe('1,500.0x');
  });
});

describe('prettyFormula', () => {
  it('writes * and / as × and ÷ with single spaces', () => {
    expect(prettyFormula('4.1433/20')).toBe('4.1433 ÷ 20');
    expect(prettyFormula('(2  +  3)*4')).toBe('(2 + 3) × 4');
  });
});

describe('expandDerived', () => {
  it('replaces {{ formula | format }} with the value and how it was derived', () => {
    expect(expandDerived('H1 output equals {{ 4.1433 / 20 | 0.0% }} of the target')).toBe(
      'H1 output equals 20.7% (derived: 4.1433 ÷ 20) of the target',
    );
  });

  it('uses one decimal when no format is given', () => {
    expect(expandDerived('{{ 3 * 4 }}')).toBe('12.0 (derived: 3 × 4)');
    expect(expandDerived('{{3*4}}')).toBe('12.0 (derived: 3 × 4)');
  });

  it('expands every figure in a text', () => {
    expect(expandDerived('{{ 1 / 4 | 0% }} and {{ 22.34 / 13 | 0.00 }}')).toBe('25% (derived: 1 ÷ 4) and 1.72 (derived: 22.34 ÷ 13)');
  });

  it('leaves text without figures alone, braces included', () => {
    expect(expandDerived('plain text, {single} braces and 50% growth')).toBe('plain text, {single} braces and 50% growth');
  });

  it('gives the same result when called again (no regex state carried over)', () => {
    const text = 'a {{ 1 / 2 | 0% }} b';
    expect(expandDerived(text)).toBe(expandDerived(text));
    expect(expandDerived(text)).toBe('a 50% (derived: 1 ÷ 2) b');
  });

  it('throws a FormulaError for a formula that does not compute (load reports these first)', () => {
    expect(() => expandDerived('{{ 1 / 0 }}')).toThrow(FormulaError);
  });
});

describe('inlineDerivedProblems', () => {
  it('finds nothing wrong with text that has no figures or only good ones', () => {
    expect(inlineDerivedProblems('no figures here')).toEqual([]);
    expect(inlineDerivedProblems('{{ 4.1433 / 20 | 0.0% }} and {{ 2 * 3 }} and {{ 1 | 0.00x }}')).toEqual([]);
  });

  it('reports a division by zero', () => {
    const problems = inlineDerivedProblems('share {{ 1 / 0 | 0% }}');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/formula "1 \/ 0" does not compute: division by zero/);
  });

  it('reports letters in a formula', () => {
    const problems = inlineDerivedProblems('{{ revenue / 20 }}');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/"r" is not allowed/);
  });

  it('reports a format that is not one of the known shapes', () => {
    expect(inlineDerivedProblems('{{ 1 / 2 | 0.0y }}')).toEqual([expect.stringMatching(/format "0\.0y"/)]);
    expect(inlineDerivedProblems('{{ 1 / 2 | #,##0 }}')).toEqual([expect.stringMatching(/format "#,##0"/)]);
  });

  it('reports a result too large to be a finite number', () => {
    const huge = '9'.repeat(400);
    expect(inlineDerivedProblems(`{{ ${huge} * 10 }}`)).toEqual([expect.stringMatching(/does not give a finite number/)]);
  });

  it('reports every problem in a text, not just the first', () => {
    expect(inlineDerivedProblems('{{ 1 / 0 }} then {{ a }} then {{ 1 | bad }}')).toHaveLength(3);
    // A bad formula and a bad format in the same figure are two problems.
    expect(inlineDerivedProblems('{{ 1 / 0 | bad }}')).toHaveLength(2);
  });
});
