/**
 * Figures on the slides: every number the deck will show, where it sits in the outline, and which
 * source (and paragraphs) it has to come from. check.ts then looks each one up in its source.
 *
 * What counts, and why:
 * - Every text the deck shows: deck title, subtitle, author, date and footer; slide titles,
 *   subtitles and speaker notes; bullets at any depth; KPI values and labels; chart labels, series
 *   names and values, axis titles and alt text; table headers and cells; quotes; image captions and
 *   alt text; column headings. A number on a slide is a claim, wherever it is. Units are not
 *   figures: they give the scale ("million laptops") or kind ("%", "times") of the values.
 * - A number is digits (with thousands commas and decimals) plus an optional scale word, percent
 *   or multiple, as source-text.ts reads it. Digits glued to letters ("H1", "Q3") are names.
 * - Inline derived figures {{ formula | format }} are computed, so their result is not looked up;
 *   each operand of the formula is, and so are the operands of a KPI's `derived.formula`.
 * - A figure must come from the nearest source that encloses it: its bullet's (or the parent
 *   bullet's), else its KPI's, chart's, table's, quote's or image's, else the slide's, else any
 *   source the slide cites (in the paragraphs it cites), else any source in the outline.
 */
import type { Slide } from '../load/layouts.js';
import type { Outline } from '../load/load.js';
import type { CsvCells } from '../load/csv.js';
import type { BulletInput, Chart, SourceRef } from '../load/schema.js';
import { inlineDerived } from './derive.js';
import { formatNumber } from './format.js';
import { numbersIn, SCALES, type NumberKind } from './source-text.js';

/** A source a figure may come from; `paras` undefined means anywhere in it. */
export interface Scope {
  id: string;
  paras?: number[];
}

/**
 * Where in the deck a figure shows, for messages: `position` is the slide's place among the
 * outline's slides as built (skipped slides left out), `title` its title.
 */
export type Place = { position: number; title?: string; notes: boolean } | { meta: 'title' | 'subtitle' | 'author' | 'date' | 'footer' };

export interface Figure {
  /** As the deck shows it: "4.15 million", "12.6%", "17.2 times". */
  text: string;
  value: number;
  decimals: number;
  /** From the figure's own scale word, else from the KPI's or chart's unit. */
  scale?: number;
  kind: NumberKind;
  /** Set for an operand of a derived figure: the formula it is part of. */
  formula?: string;
  /** Set when the figure is not in the outline itself, e.g. "from data/laptops.csv". */
  origin?: string;
  /** Path of the outline value holding it. */
  path: (string | number)[];
  /** The text holding it has several lines (a block scalar): which line, and where in it. */
  lineInText: number;
  columnInLine: number;
  multiline: boolean;
  place: Place;
  scopes: Scope[];
  /** Nothing cites a source for it (its scopes are every source, as a fallback). */
  uncited?: boolean;
  /** A figure read from a CSV file: where it is in that file. */
  at?: { file: string; line: number; column: number };
}

type Path = (string | number)[];

/** How a unit ("million laptops", "bn yuan", "%", "times") scales the numbers it belongs to. */
export interface UnitMeaning {
  scale?: number;
  word?: string;
  kind: NumberKind;
}

export function unitMeaning(unit: string | undefined): UnitMeaning {
  if (!unit) return { kind: 'plain' };
  if (/%|\bper ?cent(?:age points?)?\b/i.test(unit)) return { word: '%', kind: 'percent' };
  if (/^\s*[x×]\s*$|\btimes\b|\bfold\b/i.test(unit)) return { word: 'times', kind: 'multiple' };
  // Longest first, so "万亿元" is 1e12, not 1e4; Chinese scales are written against the unit.
  const words = Object.keys(SCALES).sort((x, y) => y.length - x.length);
  const word = words.find((w) => (/^\p{Script=Han}/u.test(w) ? unit.includes(w) : new RegExp(`(?:^|[^\\p{L}])${w}(?![\\p{L}])`, 'iu').test(unit)));
  return word ? { scale: SCALES[word]!, word, kind: 'plain' } : { kind: 'plain' };
}

const scopeOf = (ref: SourceRef): Scope => (typeof ref === 'string' ? { id: ref } : ref.para === undefined ? { id: ref.id } : { id: ref.id, paras: [ref.para].flat() });

/**
 * Every source a slide cites anywhere, merged per source: the paragraphs cited, or the whole
 * source when any citation of it names no paragraph. Undefined when the slide cites nothing.
 */
export function citedOn(slide: Slide): Scope[] | undefined {
  const found = new Map<string, Set<number> | 'all'>();
  const visit = (value: unknown, key?: string): void => {
    if (key === 'source' && value !== undefined) {
      const s = scopeOf(value as SourceRef);
      const had = found.get(s.id);
      if (!s.paras || had === 'all') found.set(s.id, 'all');
      else found.set(s.id, new Set([...(had ?? []), ...s.paras]));
    } else if (Array.isArray(value)) value.forEach((v) => visit(v));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, k);
  };
  visit(slide);
  if (!found.size) return undefined;
  return [...found].map(([id, p]) => (p === 'all' ? { id } : { id, paras: [...p].sort((a, b) => a - b) }));
}

/** What every figure found in one outline value shares. */
interface Context {
  path: Path;
  scopes: Scope[];
  place: Place;
  unit?: UnitMeaning;
  origin?: string;
  uncited?: boolean;
  at?: Figure['at'];
}

/**
 * Dates and year ranges are when, not how much: "2025-03-10", "2024-09", "2025-30", "2025–2030",
 * "10/03/2025", "10 March 2025", "March 10, 2025". Their numbers are not figures.
 */
const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\b\\.?';
const DATES = new RegExp(
  [
    '(?<![\\d.,])[12]\\d{3}[-–—/](?:\\d{4}|\\d{1,2}(?:[-/]\\d{1,2})?)(?![\\d.,]*\\d)',
    '(?<![\\d.,])\\d{1,2}[/.]\\d{1,2}[/.][12]\\d{3}(?!\\d)',
    `(?<![\\d.,])\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}\\s+[12]\\d{3}(?!\\d)`,
    `\\b${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+[12]\\d{3}(?!\\d)`,
  ].join('|'),
  'giu',
);

/** "2025-30" is a range of years and "2024-09" a month; "1200-1500" and "2024-13" are neither. */
function plausible(m: string): boolean {
  const iso = /^(\d{4})[-–—/](\d{1,4})(?:[-/](\d{1,2}))?$/.exec(m);
  if (!iso) return true; // day, month and year
  const year = Number(iso[1]);
  const next = iso[2]!;
  const isMonth = next.length <= 2 && Number(next) >= 1 && Number(next) <= 12;
  if (year < 1900 || year > 2199) return false;
  if (iso[3] !== undefined) return isMonth && Number(iso[3]) >= 1 && Number(iso[3]) <= 31;
  if (isMonth) return true;
  const end = next.length === 4 ? Number(next) : next.length === 2 ? Math.floor(year / 100) * 100 + Number(next) : NaN;
  return end > year && end - year <= 100;
}

/** `text` with its dates blanked out, offsets kept. */
export function withoutDates(text: string): string {
  return text.replace(DATES, (m) => (plausible(m) ? ' '.repeat(m.length) : m));
}

/** Line and column of offset `i` within a (possibly multi-line) text. */
function lineAndColumn(text: string, i: number): { lineInText: number; columnInLine: number } {
  const before = text.slice(0, i).split('\n');
  return { lineInText: before.length - 1, columnInLine: before[before.length - 1]!.length };
}

/** The figures in one text: its numbers, and the operands of its inline derived figures. */
export function figuresIn(text: string, ctx: Context): Figure[] {
  const figures: Figure[] = [];
  const at = (i: number): Where => ({ ...whereIn(ctx), ...lineAndColumn(text, i), multiline: text.includes('\n') });
  let plain = withoutDates(text);
  for (const m of inlineDerived(text)) {
    // Blank the {{ }} out (keeping offsets), so its operands and format are not read as figures.
    plain = plain.slice(0, m.index) + ' '.repeat(m.length) + plain.slice(m.index + m.length);
    figures.push(...derivedFigures(m.formula, ctx, at, m.formulaAt));
  }
  for (const n of numbersIn(plain)) {
    const unit = ctx.unit ?? { kind: 'plain' as const };
    const scale = n.scale ?? unit.scale;
    const kind = n.kind !== 'plain' ? n.kind : unit.kind;
    const shown = n.scale === undefined && n.kind === 'plain' ? withUnit(n.text, unit) : n.text;
    figures.push({ text: shown, value: n.value, decimals: n.decimals, ...(scale ? { scale } : {}), kind, ...at(n.index) });
  }
  return figures;
}

/** "4.15" with unit "million laptops" shows as "4.15 million": the unit's scale word, for messages. */
const withUnit = (text: string, unit: UnitMeaning): string => (unit.word ? `${text}${unit.word === '%' ? '' : ' '}${unit.word}` : text);

type Where = Pick<Figure, 'lineInText' | 'columnInLine' | 'multiline' | 'path' | 'place' | 'scopes' | 'origin' | 'uncited' | 'at'>;

/**
 * The operands of a derived figure, tokenised as derive.ts's evaluate() does: each one has to be
 * stated in the source, in any form (a percent may be used as a plain number in arithmetic).
 */
export function derivedFigures(formula: string, ctx: Context, at: (i: number) => Where = () => whereIn(ctx), start = 0): Figure[] {
  return [...formula.matchAll(/\d+(?:\.\d+)?/g)].map((m) => ({
    text: m[0],
    value: Number(m[0]),
    decimals: m[0].split('.')[1]?.length ?? 0,
    kind: 'plain' as const,
    formula: formula.trim(),
    ...at(start + m.index),
  }));
}

const whereIn = (ctx: Context): Where => ({
  lineInText: 0,
  columnInLine: 0,
  multiline: false,
  path: ctx.path,
  place: ctx.place,
  scopes: ctx.scopes,
  ...(ctx.origin ? { origin: ctx.origin } : {}),
  ...(ctx.uncited ? { uncited: true } : {}),
  ...(ctx.at ? { at: ctx.at } : {}),
});

/** A number the outline gives as a number (chart values, KPI values): shown as formatNumber shows it. */
function numberFigure(value: number, ctx: Context): Figure[] {
  const written = String(value);
  if (!/^-?\d+(\.\d+)?$/.test(written)) return []; // 1e21: no digits as written to compare
  const unit = ctx.unit ?? { kind: 'plain' as const };
  return [{
    text: withUnit(formatNumber(value), unit),
    value: Math.abs(value),
    decimals: written.split('.')[1]?.length ?? 0,
    ...(unit.scale ? { scale: unit.scale } : {}),
    kind: unit.kind,
    ...whereIn(ctx),
  }];
}

export function extractFigures(outline: Outline): Figure[] {
  const everywhere: Scope[] = outline.sources.map((s) => ({ id: s.id }));
  const figures: Figure[] = [];
  // The title slide's texts make claims too; they may come from any source. The deck's date is a date.
  for (const key of ['title', 'subtitle', 'author', 'footer'] as const) {
    const v = outline.meta[key];
    if (v !== undefined) figures.push(...figuresIn(String(v), { path: [key], scopes: everywhere, place: { meta: key }, uncited: true }));
  }
  outline.slides.forEach((slide, position) => figures.push(...slideFigures(slide, position, everywhere, outline.csvCells.get(slide.index))));
  return figures;
}

function slideFigures(slide: Slide, position: number, everywhere: Scope[], cells: CsvCells | undefined): Figure[] {
  const out: Figure[] = [];
  const base = slide.source ? [scopeOf(slide.source)] : (citedOn(slide) ?? everywhere);
  const own = (ref: SourceRef | undefined): Scope[] => (ref ? [scopeOf(ref)] : base);
  const ctx = (path: Path, scopes: Scope[], unit?: UnitMeaning): Context => ({
    path: ['slides', slide.index, ...path],
    scopes,
    place: { position, notes: path[0] === 'notes', ...(slide.title ? { title: slide.title } : {}) },
    ...(unit ? { unit } : {}),
    ...(scopes === everywhere ? { uncited: true } : {}),
  });
  const text = (value: string | undefined, path: Path, scopes: Scope[], unit?: UnitMeaning): void => {
    if (value !== undefined) out.push(...figuresIn(value, ctx(path, scopes, unit)));
  };
  const bullets = (list: BulletInput[], path: Path, scopes: Scope[]): void => {
    let before = scopes; // a nested array is the sub-points of the bullet before it
    list.forEach((b, i) => {
      if (typeof b === 'string') return text(b, [...path, i], scopes);
      if (Array.isArray(b)) return bullets(b, [...path, i], before);
      const mine = b.source ? [scopeOf(b.source)] : scopes;
      text(b.text, [...path, i, 'text'], mine);
      if (b.bullets) bullets(b.bullets, [...path, i, 'bullets'], mine);
      before = mine;
    });
  };

  text(slide.title, ['title'], base);
  text(slide.subtitle, ['subtitle'], base);
  text(slide.notes, ['notes'], base);
  if ('bullets' in slide) bullets(slide.bullets, ['bullets'], base);
  if ('kpis' in slide) {
    slide.kpis.forEach((k, i) => {
      const scopes = own(k.source);
      const unit = unitMeaning(k.unit);
      if (typeof k.value === 'number') out.push(...numberFigure(k.value, ctx(['kpis', i, 'value'], scopes, unit)));
      else text(k.value, ['kpis', i, 'value'], scopes, unit);
      if (k.derived) out.push(...derivedFigures(k.derived.formula, ctx(['kpis', i, 'derived', 'formula'], scopes)));
      text(k.label, ['kpis', i, 'label'], scopes);
    });
  }
  if ('chart' in slide) out.push(...chartFigures(slide.chart, own(slide.chart.source), ctx, cells));
  if ('table' in slide) {
    const scopes = own(slide.table.source);
    slide.table.columns.forEach((h, i) => text(h, ['table', 'columns', i], scopes));
    slide.table.rows.forEach((r, i) => r.forEach((cell, j) => text(cell, ['table', 'rows', i, j], scopes)));
  }
  if ('quote' in slide) for (const key of ['text', 'by'] as const) text(slide.quote[key], ['quote', key], own(slide.quote.source));
  if ('image' in slide) for (const key of ['caption', 'alt'] as const) text(slide.image[key], ['image', key], own(slide.image.source));
  if ('left' in slide) {
    for (const side of ['left', 'right'] as const) {
      text(slide[side].heading, [side, 'heading'], base);
      bullets(slide[side].bullets, [side, 'bullets'], base);
    }
  }
  return out;
}

/**
 * A chart's figures. Labels, series names and values read from a CSV file (`data:`, filled in by
 * loadOutline) are reported at their own line and column in that file.
 */
function chartFigures(c: Chart, scopes: Scope[], ctx: (path: Path, scopes: Scope[], unit?: UnitMeaning) => Context, cells: CsvCells | undefined): Figure[] {
  const csv = (c as { data?: string }).data;
  const at = (path: Path, cell: { line: number; column: number } | undefined, unit?: UnitMeaning): Context =>
    csv === undefined ? ctx(path, scopes, unit) : { ...ctx(['chart', 'data'], scopes, unit), origin: `from ${csv}`, ...(cells && cell ? { at: { file: cells.file, ...cell } } : {}) };
  const unit = unitMeaning(c.unit);
  const out: Figure[] = [];
  // parseOutline leaves a CSV chart's labels and series unread: nothing to check until loadOutline.
  (c.labels ?? []).forEach((l, i) => out.push(...figuresIn(l, at(['chart', 'labels', i], cells?.labels[i]))));
  (c.series ?? []).forEach((s, i) => {
    out.push(...figuresIn(s.name, at(['chart', 'series', i, 'name'], cells?.names[i])));
    s.values.forEach((v, j) => out.push(...numberFigure(v, at(['chart', 'series', i, 'values', j], cells?.values[i]?.[j], unit))));
  });
  for (const key of ['xTitle', 'yTitle', 'y2Title', 'alt'] as const) out.push(...figuresIn(c[key] ?? '', ctx(['chart', key], scopes)));
  return out;
}
