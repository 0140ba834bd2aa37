/**
 * `deckgen check`: every figure on the slides must be stated in the source it cites, in the
 * paragraphs it cites. One wrong digit anywhere in a figure is reported at its line.
 *
 * When a figure matches a stated number:
 * - Kinds agree: a percent matches a percent, a multiple a multiple ("17.2x" is "17.2 times"),
 *   a plain number a plain number.
 * - Operands of derived figures match a stated number of any kind (arithmetic uses a stated 12.6%
 *   as 12.6), exactly: as written ("22.34" for "22.34 billion") or as a value ("1000000" for
 *   "1 million"); a rounded operand would change the result.
 * - With a scale (its own word, or the KPI's or chart's unit), the values themselves agree at the
 *   precision the slide shows: "11,183 million" is "11.183 billion"; "4.14 million" is
 *   "4.1433 million" rounded, "4.15 million" is not.
 * - Without a scale, the number agrees with the source's number as written (57 is "57
 *   enterprises", 22.34 is "22.34 billion"), or with its value ("57,000" is "57 thousand").
 * - Powers of ten (1, 10, 100, ...) in a formula are unit conversions and need no source.
 * - When the citation names paragraphs, the number must be in one of them: found only elsewhere,
 *   it is reported as a wrong citation, with the paragraph it is in.
 */
import path from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import type { Outline } from '../load/load.js';
import { OWN_SOURCE } from '../load/schema.js';
import { extractFigures, type Figure, type Scope } from './extract.js';
import { parseSource, type ParsedSource, type StatedNumber } from './source-text.js';

export interface SourceText {
  id: string;
  file: string;
  text: string;
}

interface Read extends ParsedSource {
  id: string;
  file: string;
}

/** `x` rounded half-up to `decimals` places, as an integer count of that place (float noise removed). */
function places(x: number, decimals: number): number {
  return Math.round(Number((x * 10 ** decimals).toPrecision(12)));
}

/** Whether the slide's figure is this stated number, at the precision the slide shows. */
export function matches(fig: Figure, n: StatedNumber): boolean {
  // The cheap distance test first: most stated numbers are nowhere near the figure.
  const same = (stated: number): boolean =>
    Math.abs(stated - fig.value) <= 10 ** -fig.decimals && places(stated, fig.decimals) === places(fig.value, fig.decimals);
  // An operand is used as typed, so it must be the stated number itself, not a rounding of it:
  // "50 / 30" must not pass on the strength of "30.42 billion".
  if (fig.formula !== undefined) return equal(n.value, fig.value) || equal(n.abs, fig.value);
  if (fig.kind !== n.kind) return false;
  if (fig.scale !== undefined) return same(n.abs / fig.scale);
  return same(n.value) || same(n.abs);
}

const equal = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

const isPowerOfTen = (v: number): boolean => /^10*$/.test(String(v));

type Verdict =
  | { ok: true }
  | { ok: false; kind: 'elsewhere'; source: Read; scope: Scope; paras: number[] }
  | { ok: false; kind: 'absent'; sources: Array<{ source: Read; scope: Scope }> };

/** Looks a figure up in the sources it may come from (all of them readable). */
function judge(fig: Figure, scoped: Array<{ source: Read; scope: Scope }>): Verdict {
  if (fig.formula !== undefined && isPowerOfTen(fig.value)) return { ok: true };
  let elsewhere: Verdict | undefined;
  for (const { source, scope } of scoped) {
    const hits = source.numbers.filter((n) => matches(fig, n));
    if (hits.some((n) => !scope.paras || scope.paras.includes(n.para))) return { ok: true };
    if (hits.length && !elsewhere) elsewhere = { ok: false, kind: 'elsewhere', source, scope, paras: [...new Set(hits.map((n) => n.para))] };
  }
  return elsewhere ?? { ok: false, kind: 'absent', sources: scoped };
}

/** "paragraph 5", "paragraphs 1 and 5", "paragraphs 1, 5 or 7". */
function paragraphs(ns: readonly number[], joiner: 'and' | 'or'): string {
  const list = ns.length > 1 ? `${ns.slice(0, -1).join(', ')} ${joiner} ${ns[ns.length - 1]}` : String(ns[0]);
  return `paragraph${ns.length > 1 ? 's' : ''} ${list}`;
}

const named = (s: Read): string => `"${s.id}" (${path.basename(s.file)})`;

/** Where the figure shows, as a reader finds it: 'on slide 3 ("H1 2012 at a glance")'. */
function placeOf(fig: Figure, outline: Outline): string {
  if ('meta' in fig.place) return { title: 'in the deck title', subtitle: 'in the deck subtitle', author: 'in the author line', date: 'in the deck date', footer: 'in the footer' }[fig.place.meta];
  // Slide numbers as in the built deck, which opens with a title slide unless the outline does.
  const number = fig.place.position + (outline.slides[0]?.layout === 'title' ? 1 : 2);
  const title = fig.place.title ? ` ("${fig.place.title}")` : '';
  return `${fig.place.notes ? 'in the notes of' : 'on'} slide ${number}${title}`;
}

const subject = (fig: Figure): string =>
  fig.formula !== undefined ? `${fig.text} (in the derived figure "${fig.formula}")` : fig.origin ? `${fig.text} (${fig.origin})` : fig.text;

/** The numbers in the scoped paragraphs nearest the figure's value: what the writer probably meant. */
function nearest(fig: Figure, scoped: Array<{ source: Read; scope: Scope }>): string[] {
  const target = fig.scale !== undefined ? fig.value * fig.scale : fig.value;
  const candidates = scoped.flatMap(({ source, scope }) => source.numbers.filter((n) => !scope.paras || scope.paras.includes(n.para)));
  const distance = (n: StatedNumber): number => {
    const unlike = fig.formula === undefined && n.kind !== fig.kind ? Number.MAX_VALUE / 2 : 0;
    return unlike + Math.min(Math.abs(n.abs - target), fig.scale === undefined ? Math.abs(n.value - target) : Infinity);
  };
  const texts = candidates.sort((a, b) => distance(a) - distance(b)).map((n) => n.text);
  return [...new Set(texts)].slice(0, 3);
}

function problem(fig: Figure, verdict: Exclude<Verdict, { ok: true }>, outline: Outline): { code: string; message: string; hint: string } {
  const what = `${subject(fig)} ${placeOf(fig, outline)}`;
  const fix = fig.formula !== undefined ? 'a derived figure may use only stated numbers and powers of ten' : 'correct the figure, or cite where it is stated';
  if (verdict.kind === 'elsewhere') {
    const cited = verdict.scope.paras ?? [];
    const para = [...new Set([...cited, ...verdict.paras])].sort((a, b) => a - b);
    return {
      code: 'figure-wrong-paragraph',
      message: `${what} is in ${paragraphs(verdict.paras, 'and')} of source ${named(verdict.source)}, not ${paragraphs(cited, 'or')}`,
      hint: `if the figure is right, cite { id: ${verdict.source.id}, para: ${para.length > 1 ? `[${para.join(', ')}]` : para[0]} }; if not, correct it`,
    };
  }
  const sources = verdict.sources.map((s) => s.source);
  const near = nearest(fig, verdict.sources);
  const cited = verdict.sources.length === 1 ? verdict.sources[0]!.scope.paras : undefined;
  const who = cited ? paragraphs(cited, 'and') : sources.length > 1 ? 'the sources' : 'the source';
  const verb = (cited && cited.length > 1) || sources.length > 1 ? 'state' : 'states';
  const states = `${who} ${verb} ${near.length ? near.join(', ') : 'no numbers'}`;
  return {
    code: 'figure-not-in-source',
    message: `${what} is not in ${sources.length > 1 ? 'any of sources' : 'source'} ${sources.map(named).join(', ')}`,
    hint: `${states}; ${fix}`,
  };
}

/** Line and column of a figure: inside a multi-line (block) text, the line it is on. */
function positionOf(fig: Figure, outline: Outline): { line: number; column: number } {
  const at = outline.locate(fig.path);
  if (!fig.multiline) return at;
  // locate() gives the block's `|` header; its lines follow, indented (by convention) two
  // columns past the key's mapping.
  const indent = outline.locate(fig.path.slice(0, -1)).column + 2;
  return { line: at.line + 1 + fig.lineInText, column: indent + fig.columnInLine };
}

/**
 * Every figure on the slides that is not stated where it says it comes from, as errors at the
 * figure's line. `sources` maps source ids to their plain text; figures citing a source without
 * text cannot be proved, and are reported once per source.
 */
export function checkFigures(outline: Outline, sources: ReadonlyMap<string, SourceText>): Diagnostic[] {
  const read = new Map<string, Read>([...sources].map(([id, s]) => [id, { id, file: s.file, ...parseSource(s.text) }]));
  const unread = new Map<string, number>();
  const found: Diagnostic[] = [];
  const report = (fig: Figure, code: string, message: string, hint: string): void => {
    found.push(diagnostic(fig.at?.file ?? outline.file, code, message, { ...(fig.at ?? positionOf(fig, outline)), hint }));
  };
  const ownHint = `or, if it is your own figure (a target, an estimate), mark it \`source: ${OWN_SOURCE}\``;
  for (const fig of extractFigures(outline)) {
    // The presenter's own figures (targets, estimates) have no source to be found in.
    if (fig.scopes.some((s) => s.id === OWN_SOURCE)) continue;
    if (!fig.scopes.length) {
      report(fig, 'figure-unsourced', `${subject(fig)} ${placeOf(fig, outline)} cites no source`, `list the source under \`sources:\` and cite it with \`source:\`, ${ownHint}`);
      continue;
    }
    const scoped = fig.scopes.flatMap((scope) => (read.has(scope.id) ? [{ source: read.get(scope.id)!, scope }] : []));
    const verdict = judge(fig, scoped);
    if (verdict.ok) continue;
    if (fig.uncited) {
      // Nothing cites a source for it: say so, rather than blame a source it never named.
      const given = scoped.map((s) => named(s.source));
      const notIn = given.length ? `, and is not in ${given.length > 1 ? 'any of sources' : 'source'} ${given.join(', ')}` : '';
      report(fig, 'figure-uncited', `${subject(fig)} ${placeOf(fig, outline)} cites no source${notIn}`, `cite the source that states it with \`source:\`, ${ownHint}`);
      continue;
    }
    if (scoped.length < fig.scopes.length) {
      // It may be in a source we have no text for: unproved, not wrong.
      for (const s of fig.scopes) if (!read.has(s.id)) unread.set(s.id, (unread.get(s.id) ?? 0) + 1);
      continue;
    }
    const p = problem(fig, verdict, outline);
    report(fig, p.code, p.message, p.hint);
  }
  for (const [id, count] of unread) {
    const i = outline.sources.findIndex((s) => s.id === id);
    const at = outline.locate(i >= 0 ? ['sources', i] : ['sources']);
    found.push(diagnostic(outline.file, 'figure-source-unread', `${count} ${count > 1 ? 'figures cite' : 'figure cites'} source "${id}", but it was not given to check against`, { ...at, hint: 'give a plain-text copy of the source, e.g. `deckgen check --source FILE`' }));
  }
  return found.sort((a, b) => a.line - b.line || a.column - b.column);
}
