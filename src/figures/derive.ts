/**
 * Derived figures are computed, never typed: a tiny arithmetic evaluator (numbers, + - * /,
 * parentheses) so a formula in the outline can be recomputed and checked. No eval().
 */
import { formatNumber } from './format.js';

export class FormulaError extends Error {}

/** "5 ** 2" and "5 ^ 2" are powers in other languages; say so, with the product to write instead. */
function powerProblem(formula: string): string | undefined {
  const m = /(\d+(?:\.\d+)?|\))?\s*(\*\*|\^)\s*(\d+)?/.exec(formula);
  if (!m) return undefined;
  const [, base, op, exp] = m;
  const n = Number(exp);
  const product = base && base !== ')' && Number.isInteger(n) && n >= 2 && n <= 4 ? Array(n).fill(base).join(' * ') : undefined;
  return `${op} is not an operator; ${product ? `write ${product}` : 'multiply the number by itself with *'}`;
}

export function evaluate(formula: string): number {
  const power = powerProblem(formula);
  if (power) throw new FormulaError(power);
  const tokens = formula.match(/\d+(?:\.\d+)?|[-+*/()]|\S/g) ?? [];
  let i = 0;
  const peek = (): string | undefined => tokens[i];
  const take = (): string => {
    const t = tokens[i++];
    if (t === undefined) throw new FormulaError('the formula ends too early');
    return t;
  };
  const primary = (): number => {
    const t = take();
    if (t === '(') {
      const v = sum();
      if (take() !== ')') throw new FormulaError('a "(" is not closed');
      return v;
    }
    if (t === '-') return -primary();
    if (/^\d/.test(t)) return Number(t);
    throw new FormulaError(`"${t}" is not allowed: use numbers, + - * / and parentheses`);
  };
  const product = (): number => {
    let v = primary();
    while (peek() === '*' || peek() === '/') {
      const op = take();
      const rhs = primary();
      if (op === '/' && rhs === 0) throw new FormulaError('division by zero');
      v = op === '*' ? v * rhs : v / rhs;
    }
    return v;
  };
  const sum = (): number => {
    let v = product();
    while (peek() === '+' || peek() === '-') v = take() === '+' ? v + product() : v - product();
    return v;
  };
  const value = sum();
  if (i < tokens.length) throw new FormulaError(`unexpected "${tokens[i]}"`);
  return value;
}

/** Formats like "0", "0.0", "0%", "0.0%", "0.0x". */
export function formatDerived(value: number, format: string): string {
  const decimals = (format.split('.')[1] ?? '').replace(/[%x]/, '').length;
  const fixed = (v: number): string => formatNumber(v, decimals);
  if (format.endsWith('%')) return `${fixed(value * 100)}%`;
  const shown = fixed(value);
  return format.endsWith('x') ? `${shown}x` : shown;
}

/** The formula as a reader would write it, for the "derived: ..." label. */
export function prettyFormula(formula: string): string {
  return formula.replace(/\s*\*\s*/g, ' × ').replace(/\s*\/\s*/g, ' ÷ ').replace(/\s+/g, ' ').trim();
}

/** Inline derived figures in text: {{ 4.1433 / 20 | 0.0% }}. */
export const INLINE_DERIVED = /\{\{\s*([^|}]+?)\s*(?:\|\s*([^}]+?)\s*)?\}\}/g;

/** Text with every {{ formula | format }} computed and labelled, e.g. "20.7% (derived: 4.1433 ÷ 20)". */
export function expandDerived(text: string, word = 'derived'): string {
  return text.replace(INLINE_DERIVED, (_m, formula: string, format: string | undefined) => {
    return `${formatDerived(evaluate(formula), format ?? '0.0')} (${word}: ${prettyFormula(formula)})`;
  });
}

/** Problems with the inline derived figures in a text, as messages. */
export function inlineDerivedProblems(text: string): string[] {
  const problems: string[] = [];
  for (const m of text.matchAll(INLINE_DERIVED)) {
    const [, formula = '', format] = m;
    if (format !== undefined && !/^0(\.0+)?[%x]?$/.test(format)) problems.push(`format "${format}" is not like "0", "0.0", "0%" or "0.0x"`);
    try {
      if (!Number.isFinite(evaluate(formula))) problems.push(`"${formula}" does not give a finite number`);
    } catch (e) {
      if (!(e instanceof FormulaError)) throw e;
      problems.push(`formula "${formula}" does not compute: ${e.message}`);
    }
  }
  return problems;
}
