/**
 * Number formatting for slides, alt text and data labels, with the separators of the deck's
 * language: "1,234,567.5" in English, "1.234.567,5" in German, "1 234 567,5" in French. The digits
 * are deckgen's own (as written, or rounded half up); only the separators come from Intl (CLDR),
 * and only for languages other than English: the first Intl call costs ~25 ms of ICU start-up, a
 * twentieth of an English build that needs none of it.
 */

/** The separators a language writes numbers with; `minGroup` 2 leaves four-digit numbers ungrouped (Spanish, Polish: "1000", "10.000"). */
export interface NumberStyle {
  group: string;
  decimal: string;
  minGroup: 1 | 2;
  /** What goes between a number and its "%": nothing in English, a no-break space in German and French. */
  percentGap?: string;
}

export const ENGLISH: NumberStyle = { group: ',', decimal: '.', minGroup: 1 };

const STYLES = new Map<string, NumberStyle>();

/** The number style of a BCP 47 language tag: English's for English (and for a tag Intl does not know). */
export function numberStyle(lang: string): NumberStyle {
  if (/^en(-|$)/i.test(lang)) return ENGLISH;
  let style = STYLES.get(lang);
  if (!style) {
    try {
      // Western digits whatever the language's own (Arabic-Indic in ar-SA and fa): the digits
      // deckgen writes are the outline's, so its separators must be ones that go with them.
      const latin = { numberingSystem: 'latn' };
      const parts = new Intl.NumberFormat(lang, latin).formatToParts(1234567.5);
      // A narrow no-break space (French) becomes a no-break space: none of the metric twins, and
      // not every font a deck names, has the narrow one, and a missing glyph draws as a box.
      // Direction marks (around Arabic's percent sign) are left to the paragraph's direction.
      const wide = (v: string): string => v.replace(/\u202f/g, '\u00a0').replace(/[\u200e\u200f\u061c]/g, '');
      const group = wide(parts.find((p) => p.type === 'group')?.value ?? ',');
      const decimal = parts.find((p) => p.type === 'decimal')?.value ?? '.';
      const minGroup = new Intl.NumberFormat(lang, latin).formatToParts(1000).some((p) => p.type === 'group') ? 1 : 2;
      const percent = new Intl.NumberFormat(lang, { ...latin, style: 'percent' }).formatToParts(0.5);
      const sign = percent.findIndex((p) => p.type === 'percentSign');
      const gap = sign > 0 && percent[sign - 1]!.type === 'literal' ? wide(percent[sign - 1]!.value) : '';
      style = group === ENGLISH.group && decimal === ENGLISH.decimal && minGroup === 1 && !gap ? ENGLISH : { group, decimal, minGroup, ...(gap ? { percentGap: gap } : {}) };
    } catch {
      style = ENGLISH;
    }
    STYLES.set(lang, style);
  }
  return style;
}

/** Rounds the decimal the writer typed, not its binary neighbour: 1.005 -> "1.01", and no "-0". */
function roundHalfUp(v: number, decimals: number): string {
  const shifted = Math.round(Number(`${Math.abs(v)}e${decimals}`));
  const rounded = Number(`${shifted}e-${decimals}`) * Math.sign(v);
  return (Object.is(rounded, -0) ? 0 : rounded).toFixed(decimals);
}

/** Digits as given (or to `decimals` places), with thousands separators: 11183.5 -> "11,183.5" (English). */
export function formatNumber(v: number, decimals?: number, style: NumberStyle = ENGLISH): string {
  const raw = decimals === undefined ? String(v) : roundHalfUp(v, decimals);
  if (/e/i.test(raw)) return raw;
  const [int = '', frac] = raw.split('.');
  const sign = int.startsWith('-') ? '-' : '';
  const digits = sign ? int.slice(1) : int;
  const grouped = digits.length > 4 || (digits.length === 4 && style.minGroup === 1) ? digits.replace(/\B(?=(\d{3})+(?!\d))/g, style.group) : digits;
  return `${sign}${grouped}${frac !== undefined ? `${style.decimal}${frac}` : ''}`;
}
