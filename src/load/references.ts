/**
 * Source ids that resolve and derived formulas that compute: checked for the deck-wide values and
 * for each slide on its own, so one broken slide does not hide the problems of the others.
 */
import { evaluate, FormulaError, inlineDerivedProblems } from '../figures/derive.js';
import type { Finding } from './issues.js';
import { OWN_SOURCE, type OutlineInput, type SlideInput } from './schema.js';

/** Duplicate or reserved source ids, and formulas in the deck's title, subtitle, footer and sources. */
export function topReferenceProblems(o: Omit<OutlineInput, 'slides'>): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  o.sources.forEach((s, i) => {
    if (seen.has(s.id)) findings.push({ path: ['sources', i, 'id'], message: `source id "${s.id}" is used twice`, hint: 'give each source its own id' });
    if (s.id === OWN_SOURCE) findings.push({ path: ['sources', i, 'id'], message: `the source id "${OWN_SOURCE}" is reserved: \`source: ${OWN_SOURCE}\` marks the presenter's own figures`, hint: 'give this source another id' });
    seen.add(s.id);
  });
  const { theme: _theme, ...rest } = o as Partial<OutlineInput>;
  delete rest.slides;
  walk(rest, [], findings, undefined);
  return findings;
}

/** Unknown source ids and formulas that do not compute, on one slide. */
export function slideReferenceProblems(slide: SlideInput, index: number, ids: ReadonlySet<string>): Finding[] {
  const findings: Finding[] = [];
  walk(slide, ['slides', index], findings, ids);
  return findings;
}

function walk(value: unknown, p: PropertyKey[], findings: Finding[], ids: ReadonlySet<string> | undefined): void {
  if (Array.isArray(value)) return value.forEach((v, i) => walk(v, [...p, i], findings, ids));
  if (typeof value === 'string') {
    for (const message of inlineDerivedProblems(value)) findings.push({ path: p, message, hint: 'write {{ 4.1433 / 20 | 0.0% }}: numbers, + - * / ( ), then a format' });
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [key, v] of Object.entries(value)) {
    if (key === 'source' && ids) {
      const id = typeof v === 'string' ? v : (v as { id: string }).id;
      if (!ids.has(id) && id !== OWN_SOURCE) {
        findings.push({
          path: [...p, key],
          message: `unknown source "${id}"`,
          hint: ids.size ? `sources defined: ${[...ids].join(', ')}; or \`source: ${OWN_SOURCE}\` for your own figures` : `add it under \`sources:\` at the top of the outline, or write \`source: ${OWN_SOURCE}\` for your own figures`,
        });
      }
    } else if (key === 'derived' && v && typeof v === 'object') {
      try {
        const n = evaluate((v as { formula: string }).formula);
        if (!Number.isFinite(n)) throw new FormulaError('the result is not a finite number');
      } catch (e) {
        if (!(e instanceof FormulaError)) throw e;
        findings.push({ path: [...p, key, 'formula'], message: `formula does not compute: ${e.message}`, hint: 'e.g. formula: "4.1433 / 20"' });
      }
    } else {
      walk(v, [...p, key], findings, ids);
    }
  }
}
