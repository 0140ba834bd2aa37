/**
 * Numbers in plain text, and a plain-text source split into its paragraphs with every number it
 * states. The same scanner reads the deck's text (figures) and the source's (stated numbers), so
 * "4.1433 million" means the same thing on both sides.
 */
import { joinLines } from '../plan/inline.js';

/** What a number counts: a quantity, a percentage, or a multiple ("17.2 times", "2.4x"). */
export type NumberKind = 'plain' | 'percent' | 'multiple';

export interface NumberToken {
  /** The whole phrase as written, suffix included: "11.183 billion", "17.2 times", "Six". */
  text: string;
  /** The number as written, without suffix: "11.183", "2,315,000", "Six". */
  written: string;
  /** The number as written, as a number: 11.183 (not 11.183e9). */
  value: number;
  /** Decimal places as written: the precision the writer claims. */
  decimals: number;
  /** 1e9 for "billion"/"bn"; absent when no scale word follows. */
  scale?: number;
  kind: NumberKind;
  /** Offset of the token in the scanned text. */
  index: number;
}

/** A number a source states, and where. */
export interface StatedNumber extends NumberToken {
  /** value × scale: what the number means, for comparing "11,183 million" with "11.183 billion". */
  abs: number;
  /** Paragraph it is in: 0 is the title, 1 the first paragraph of the body. */
  para: number;
}

export interface ParsedSource {
  /** Paragraph texts by number; [0] is the title ('' when the text has none). */
  paragraphs: string[];
  numbers: StatedNumber[];
}

/**
 * Scale words. Single letters only count glued to the number ("5m"): "15 m" is more often metres.
 * Chinese 万 and 亿 too, as outlines mix Chinese and English ("2000万台", "304.2亿元").
 */
export const SCALES: Record<string, number> = {
  thousand: 1e3, k: 1e3,
  million: 1e6, m: 1e6, mn: 1e6,
  billion: 1e9, b: 1e9, bn: 1e9,
  trillion: 1e12, tn: 1e12, trn: 1e12,
  万: 1e4, 亿: 1e8, 万亿: 1e12,
};

/**
 * Letters of scripts that put spaces between words: digits against them make a name ("H1").
 * Chinese and Japanese do not space words, so a number against a Han character is still a figure.
 */
const WORD_LETTER = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]/u;

const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];

/** Digits with thousands commas only where they group by three ("1,2,3" is three numbers). */
const DIGITS = /\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d|,\d)|\d+(?:\.\d+)?/g;
const NUMBER_WORDS = new RegExp(`\\b(?:${WORDS.join('|')})\\b`, 'gi');
/** Currency codes written against the number ("RMB4.2bn") do not make it part of a word. */
const CURRENCY = /(?:^|[^\p{L}])(?:RMB|CNY|USD|US|HKD|HK|EUR|GBP|JPY|AUD|CAD|SGD)\$?$/u;
/** Suffixes written against the number: "5bn", "2.4x", "12%", "2000万". */
const GLUED = /^(?:(bn|mn|trn|tn|m|b|k|x|×)(?![\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\d])|(%|万亿|万|亿))/iu;
/** Suffixes after a space (or a hyphen for "-fold"). */
const SPACED = /^(?:[ \t\u00a0]*|-)(%|per ?cent(?:age points?)?\b|percentage points?\b|thousand\b|million\b|billion\b|trillion\b|mn\b|bn\b|tn\b|trn\b|times\b|fold\b)/i;
/**
 * Numbers that point somewhere instead of counting something: "paragraph 5", "paras 1, 5 and 7",
 * "p. 3", "slide 4". A note saying where a figure comes from is not a figure.
 */
const REFERENCE = /\b(?:paragraphs?|paras?|pages?|pp?|slides?|sections?|chapters?|figures?|figs?|tables?|footnotes?)\.?[ \t]*(\d+(?:[ \t]*(?:,|and|or|&|to|-|–)[ \t]*\d+)*)/gi;

/** Reads the suffix after a number: scale, percent or multiple; undefined when glued to a word. */
function suffix(after: string, allowGlued: boolean): { text: string; scale?: number; kind: NumberKind } | undefined {
  const glued = allowGlued ? GLUED.exec(after) : null;
  if (glued) return wordMeaning(glued[1] ?? glued[2]!, glued[0]);
  if (/^\d/.test(after) || WORD_LETTER.test(after[0] ?? '')) return undefined;
  const spaced = SPACED.exec(after);
  return spaced ? wordMeaning(spaced[1]!, spaced[0]) : { text: '', kind: 'plain' };
}

function wordMeaning(word: string, text: string): { text: string; scale?: number; kind: NumberKind } {
  const w = word.toLowerCase();
  if (w === '%' || w.startsWith('per')) return { text, kind: 'percent' };
  if (w === 'x' || w === '×' || w === 'times' || w === 'fold') return { text, kind: 'multiple' };
  return { text, scale: SCALES[w]!, kind: 'plain' };
}

/** The month and day of an ISO date ("2024-10-01"): the year is the figure, "10" and "01" are not. */
const ISO_DATE = /\b\d{4}(-\d{2}-\d{2})\b/g;

/** Offsets covered by references like "paragraph 5" and by ISO dates' month and day: not figures. */
function referenceSpans(text: string): [number, number][] {
  return [...text.matchAll(REFERENCE), ...text.matchAll(ISO_DATE)].map((m) => {
    const start = m.index + m[0].length - m[1]!.length;
    return [start, start + m[1]!.length];
  });
}

/**
 * Every number in `text`. Digits glued to letters are names, not figures ("H1", "Q3", "4G",
 * "1st"), and so are digits after a capitalised code and a hyphen ("ECMA-376"), except for a
 * currency code before ("RMB4.2") or a scale, percent or multiple after ("5bn", "12%", "2.4x").
 * With `words`, the number words zero..twenty count too (sources write "Six partner firms").
 */
export function numbersIn(text: string, options: { words?: boolean } = {}): NumberToken[] {
  const refs = referenceSpans(text);
  const inReference = (i: number): boolean => refs.some(([a, b]) => i >= a && i < b);
  const found: NumberToken[] = [];
  for (const m of text.matchAll(DIGITS)) {
    const before = text.slice(Math.max(0, m.index - 12), m.index);
    if (/[\d.]$/.test(before)) continue; // "1.2.3", ".5": not a figure we can read
    if (WORD_LETTER.test(before.slice(-1)) && !CURRENCY.test(before)) continue; // "H1", "Q3"
    if (/(?:^|[^\p{L}\d])[\p{Lu}\d]*\p{Lu}-$/u.test(before)) continue; // "ECMA-376", "COVID-19"; "top-10" counts
    if (inReference(m.index)) continue;
    const end = suffix(text.slice(m.index + m[0].length), true);
    if (!end) continue; // "4G", "1st"
    found.push(token(m[0], Number(m[0].replace(/,/g, '')), m.index, end));
  }
  if (options.words) {
    for (const m of text.matchAll(NUMBER_WORDS)) {
      const end = suffix(text.slice(m.index + m[0].length), false);
      if (end) found.push(token(m[0], WORDS.indexOf(m[0].toLowerCase()), m.index, end));
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

function token(written: string, value: number, index: number, end: { text: string; scale?: number; kind: NumberKind }): NumberToken {
  const t: NumberToken = { text: written + end.text, written, value, decimals: written.split('.')[1]?.length ?? 0, kind: end.kind, index };
  if (end.scale !== undefined) t.scale = end.scale;
  return t;
}

/**
 * Paragraphs are blank-line-separated blocks, numbered from 1 as a reader counts them. A first
 * block that is one line without closing punctuation is the title, paragraph 0, so citations
 * count body paragraphs only. Lines inside a block are joined: sources are often hard-wrapped.
 */
export function splitParagraphs(text: string): string[] {
  const blocks = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((b) => b.trim())
    .filter((b) => b !== '');
  const first = blocks[0];
  const titled = first !== undefined && !first.includes('\n') && !/[.!?]["'”’)\]]*$/.test(first);
  return [titled ? first : '', ...blocks.slice(titled ? 1 : 0)].map(joinLines);
}

/** A source's paragraphs and every number it states, number words included. */
export function parseSource(text: string): ParsedSource {
  const paragraphs = splitParagraphs(text);
  const numbers = paragraphs.flatMap((p, para) =>
    numbersIn(p, { words: true }).map((n) => ({ ...n, abs: n.value * (n.scale ?? 1), para })),
  );
  return { paragraphs, numbers };
}
