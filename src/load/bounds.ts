/**
 * Bounds on the work a whole outline can ask for, checked once its CSV data is read and before
 * anything is measured or drawn: text, bullets, table cells, charts and chart points, each with a
 * limit far beyond a real briefing deck and low enough that the worst outline within all of them
 * builds in seconds and well under 1 GiB. Also the outline's dates, which the file must hold.
 */
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import { formatNumber } from '../figures/format.js';
import { readDate } from './dates.js';
import type { BulletInput } from './schema.js';
import { MAX_CHARTS, MAX_DECK_POINTS } from './schema.js';
import type { Outline } from './load.js';

/** Bullets (at every level) in one list: about 25 slides of them at the smallest size. */
export const MAX_BULLETS = 300;
/** Characters of text in the whole outline: titles, bullets, cells, labels, notes. */
export const MAX_TEXT_CHARS = 1_000_000;
/** Cells in one table, header included: a table is measured at every size it might take. */
export const MAX_TABLE_CELLS = 5_000;

const countBullets = (b: BulletInput | undefined): number =>
  b === undefined ? 0 : Array.isArray(b) ? b.reduce((n: number, x) => n + countBullets(x), 0) : typeof b === 'string' ? 1 : 1 + countBullets(b.bullets);

/** Characters in every string under `value`, counting no further than `stop`. */
function characters(value: unknown, stop: number, seen = 0): number {
  if (seen > stop) return seen;
  if (typeof value === 'string') return seen + value.length;
  if (Array.isArray(value)) return value.reduce((n: number, v) => characters(v, stop, n), seen);
  if (value && typeof value === 'object') return Object.values(value).reduce((n: number, v) => characters(v, stop, n), seen);
  return seen;
}

export function boundProblems(outline: Outline): Diagnostic[] {
  const found: Diagnostic[] = [];
  const at = (path: PropertyKey[], message: string, hint: string, severity: 'error' | 'warning' = 'error'): void => {
    found.push(diagnostic(outline.file, severity === 'error' ? 'too-much' : 'date', message, { ...outline.locate(path), hint, severity }));
  };
  let text = characters([outline.meta, outline.sources], MAX_TEXT_CHARS);
  let charts = 0;
  let points = 0;
  for (const slide of outline.slides) {
    const where: PropertyKey[] = ['slides', slide.index];
    if (text <= MAX_TEXT_CHARS) {
      text = characters(slide, MAX_TEXT_CHARS, text);
      if (text > MAX_TEXT_CHARS) at(where, `the outline has more than ${formatNumber(MAX_TEXT_CHARS)} characters of text by this slide`, 'a deck is read, not searched: split it into several decks, or move detail into linked documents');
    }
    const lists: [BulletInput[] | undefined, PropertyKey[]][] = [];
    if ('bullets' in slide) lists.push([slide.bullets as BulletInput[] | undefined, [...where, 'bullets']]);
    if (slide.layout === 'two-column') lists.push([slide.left.bullets, [...where, 'left', 'bullets']], [slide.right.bullets, [...where, 'right', 'bullets']]);
    for (const [list, path] of lists) {
      const n = countBullets(list);
      if (n > MAX_BULLETS) at(path, `this list has ${formatNumber(n)} bullets; a slide's list has at most ${MAX_BULLETS} (about 25 slides at the smallest size)`, 'split the slide by topic, or move the detail into notes');
    }
    if (slide.layout === 'table') {
      const cells = (slide.table.rows.length + 1) * slide.table.columns.length;
      if (cells > MAX_TABLE_CELLS) at([...where, 'table'], `this table has ${formatNumber(cells)} cells; a table has at most ${formatNumber(MAX_TABLE_CELLS)}`, 'show a summary table, and attach the full data separately');
    }
    if (slide.layout === 'chart' || slide.layout === 'chart-text') {
      charts++;
      points += slide.chart.labels.length * slide.chart.series.length;
      if (charts === MAX_CHARTS + 1) at([...where, 'chart'], `this is chart ${charts}; a deck has at most ${formatNumber(MAX_CHARTS)} charts`, 'split the deck into several decks');
      if (points > MAX_DECK_POINTS && points - slide.chart.labels.length * slide.chart.series.length <= MAX_DECK_POINTS) {
        at([...where, 'chart'], `the charts up to this one have ${formatNumber(points)} points; a deck's charts have at most ${formatNumber(MAX_DECK_POINTS)} together`, 'aggregate the data, or split the deck');
      }
    }
  }
  return [...found, ...dateProblems(outline)];
}

/** The deck's date must be a real date the file can hold; sources' dates must be real dates. */
function dateProblems(outline: Outline): Diagnostic[] {
  const found: Diagnostic[] = [];
  const check = (text: string | undefined, path: PropertyKey[], ownDate: boolean): void => {
    if (text === undefined) return;
    const reading = readDate(text);
    const severity = reading.error ? 'error' : reading.warning && ownDate ? 'warning' : undefined;
    // A source's date is only shown; only the deck's own date must fit the file.
    if (!severity || (reading.error && !ownDate && /cannot hold/.test(reading.error))) return;
    const message = (reading.error ?? reading.warning)!;
    const hint = severity === 'error' ? 'write a real date, like 2024-02-29, or just the year' : (reading.hint ?? "the title slide still shows the date as written; only the file's internal dates are clamped");
    found.push(diagnostic(outline.file, 'date', message, { ...outline.locate(path), hint, severity }));
  };
  check(outline.meta.date, ['date'], true);
  outline.sources.forEach((s, i) => check(s.date, ['sources', i, 'date'], false));
  return found;
}
