/**
 * Derived figures are computed, never typed: a tiny arithmetic evaluator (numbers, + - * /,
 * parentheses) so a formula in the outline can be recomputed and checked. No eval().
 */
import { ENGLISH, formatNumber, type NumberStyle } from './format.js';

export class FormulaError extends Error {}

/** "5 ** 2" and "5 ^ 2" are powers in other languages; say so, with the product to write instead. (Scanned, not matched: linear.) */
function powerProblem(formula: string): string | undefined {
  const star = formula.indexOf('**');
  const caret = formula.indexOf('^');
  const at = star < 0 ? caret : caret < 0 ? star : Math.min(star, caret);
  if (at < 0) return undefined;
  const op = at === star ? '**' : '^';
  const before = formula.slice(0, at).trimEnd();
  let from = before.length;
  while (from > 0 && /[\d.]/.test(before[from - 1]!)) from--;
  const base = before.slice(from) || (before.endsWith(')') ? ')' : undefined);
  const after = formula.slice(at + op.length).trimStart();
  let to = 0;
  while (to < after.length && /\d/.test(after[to]!)) to++;
  const n = Number(after.slice(0, to) || NaN);
  const product = base && base !== ')' && Number.isInteger(n) && n >= 2 && n <= 4 ? Array(n).fill(base).join(' * ') : undefined;
  return `${op} is not an operator; ${product ? `write ${product}` : 'multiply the number by itself with *'}`;
}

/** Parentheses and signs nested deeper than this are refused: the parser recurses per level. */
const MAX_DEPTH = 100;

export function evaluate(formula: string): number {
  const power = powerProblem(formula);
  if (power) throw new FormulaError(power);
  const tokens = formula.match(/\d+(?:\.\d+)?|[-+*/()]|\S/g) ?? [];
  let i = 0;
  let depth = 0;
  const peek = (): string | undefined => tokens[i];
  const take = (): string => {
    const t = tokens[i++];
    if (t === undefined) throw new FormulaError('the formula ends too early');
    return t;
  };
  const primary = (): number => {
    if (++depth > MAX_DEPTH) throw new FormulaError(`it nests more than ${MAX_DEPTH} levels of parentheses or signs`);
    try {
      return operand();
    } finally {
      depth--;
    }
  };
  const operand = (): number => {
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

/** Decimals a format may ask for: more than any figure has, and within what toFixed() allows. */
export const MAX_DECIMALS = 20;

/** Formats like "0", "0.0", "0%", "0.0%" or "0.0x", with at most MAX_DECIMALS decimals. */
export const FORMAT = new RegExp(`^0(\\.0{1,${MAX_DECIMALS}})?[%x]?$`);

/** Formats like "0", "0.0", "0%", "0.0%", "0.0x". */
export function formatDerived(value: number, format: string, style: NumberStyle = ENGLISH): string {
  const decimals = Math.min((format.split('.')[1] ?? '').replace(/[%x]/, '').length, MAX_DECIMALS);
  const fixed = (v: number): string => formatNumber(v, decimals, style);
  if (format.endsWith('%')) return `${fixed(value * 100)}${style.percentGap ?? ''}%`;
  const shown = fixed(value);
  return format.endsWith('x') ? `${shown}x` : shown;
}

/** The formula as a reader would write it, for the "derived: ..." label. (Split, not a regex: linear.) */
export function prettyFormula(formula: string): string {
  const around = (text: string, op: string, shown: string): string => text.split(op).map((part) => part.trim()).join(` ${shown} `);
  return around(around(formula, '*', '×'), '/', '÷').replace(/\s+/g, ' ').trim();
}

/** One inline derived figure {{ formula | format }} in a text. */
export interface InlineDerived {
  /** Where `{{` starts, and the length up to and including `}}`. */
  index: number;
  length: number;
  formula: string;
  /** Where the formula starts in the text. */
  formulaAt: number;
  format?: string;
}

/**
 * Every {{ formula | format }} in a text, in one left-to-right pass (linear time: the regex this
 * replaces backtracked quadratically, and worse, over long runs of spaces). A figure holds no
 * "}", needs a formula before any "|", and a format after it when there is one.
 */
export function inlineDerived(text: string): InlineDerived[] {
  const found: InlineDerived[] = [];
  let from = 0;
  let close = -1;
  for (;;) {
    const open = text.indexOf('{{', from);
    if (open < 0) return found;
    // Every "{{" before the same "}" shares it: found once, so "{{|{{|{{|…" stays linear.
    if (close < open + 2) close = text.indexOf('}', open + 2);
    if (close < 0) return found;
    // A lone "}" ends every figure that started before it: look again after it.
    if (text[close + 1] !== '}') {
      from = close + 1;
      continue;
    }
    const inner = text.slice(open + 2, close);
    const bar = inner.indexOf('|');
    const rawFormula = bar < 0 ? inner : inner.slice(0, bar);
    const formula = rawFormula.trim();
    if (rawFormula === '' || (bar >= 0 && inner.length === bar + 1)) {
      from = open + 1;
      continue;
    }
    const figure: InlineDerived = { index: open, length: close + 2 - open, formula, formulaAt: open + 2 + (formula ? rawFormula.indexOf(formula) : 0) };
    if (bar >= 0) figure.format = inner.slice(bar + 1).trim();
    found.push(figure);
    from = close + 2;
  }
}

/** Whether a text has an inline derived figure. */
export const hasInlineDerived = (text: string): boolean => inlineDerived(text).length > 0;

/** Text with every {{ formula | format }} computed and labelled, e.g. "20.7% (derived: 4.1433 ÷ 20)". */
export function expandDerived(text: string, word = 'derived', style: NumberStyle = ENGLISH): string {
  let out = '';
  let last = 0;
  for (const f of inlineDerived(text)) {
    out += `${text.slice(last, f.index)}${formatDerived(evaluate(f.formula), f.format ?? '0.0', style)} (${word}: ${prettyFormula(f.formula)})`;
    last = f.index + f.length;
  }
  return last ? out + text.slice(last) : text;
}

/** Problems with the inline derived figures in a text, as messages. */
export function inlineDerivedProblems(text: string): string[] {
  const problems: string[] = [];
  for (const { formula, format } of inlineDerived(text)) {
    if (format !== undefined && !FORMAT.test(format)) problems.push(`format "${format.length > 40 ? `${format.slice(0, 40)}…` : format}" is not like "0", "0.0", "0%" or "0.0x" (at most ${MAX_DECIMALS} decimals)`);
    try {
      if (!Number.isFinite(evaluate(formula))) problems.push(`"${formula}" does not give a finite number`);
    } catch (e) {
      if (!(e instanceof FormulaError)) throw e;
      problems.push(`formula "${formula.length > 60 ? `${formula.slice(0, 60)}…` : formula}" does not compute: ${e.message}`);
    }
  }
  return problems;
}
