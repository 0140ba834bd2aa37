/**
 * Deck fonts and their metric-compatible free twins on npm: text set in the twin takes exactly the
 * room the original does, so deckgen measures and draws with the twin on any machine.
 */
export type TwinFamily = 'Carlito' | 'Arimo' | 'Caladea' | 'Tinos' | 'Cousine' | 'Gelasio';

export interface Twin {
  family: TwinFamily;
  /** The npm package with the twin's font files, and the files' name prefix. */
  pkg: string;
  prefix: string;
  /** The Office fonts it stands in for, as a user writes them (first: the one to name in messages). */
  names: readonly string[];
}

export const TWINS: readonly Twin[] = [
  { family: 'Carlito', pkg: '@fontsource/carlito', prefix: 'carlito', names: ['Calibri', 'Carlito'] },
  // Liberation Sans 2 is built from Arimo: both are metric-compatible with Arial.
  { family: 'Arimo', pkg: '@fontsource/arimo', prefix: 'arimo', names: ['Arial', 'Helvetica', 'Arimo', 'Liberation Sans'] },
  { family: 'Caladea', pkg: '@fontsource/caladea', prefix: 'caladea', names: ['Cambria', 'Caladea'] },
  // Liberation Serif 2 and Liberation Mono 2 are built from Tinos and Cousine.
  { family: 'Tinos', pkg: '@fontsource/tinos', prefix: 'tinos', names: ['Times New Roman', 'Times', 'Tinos', 'Liberation Serif'] },
  { family: 'Cousine', pkg: '@fontsource/cousine', prefix: 'cousine', names: ['Courier New', 'Courier', 'Cousine', 'Liberation Mono'] },
  { family: 'Gelasio', pkg: '@fontsource/gelasio', prefix: 'gelasio', names: ['Georgia', 'Gelasio'] },
];

const key = (font: string): string => font.trim().toLowerCase().replace(/\s+/g, ' ');

/** The twin a deck font is measured and drawn with, if it has one. */
export function twinOf(font: string): Twin | undefined {
  const name = key(font);
  return TWINS.find((t) => t.names.some((n) => n.toLowerCase() === name));
}

/**
 * East Asian typefaces (Chinese, Japanese, Korean). Their ideographs, kana, hangul and full-width
 * punctuation are all one em wide, which is how deckgen measures those characters in any font; their
 * Latin letters and digits (proportional, and not metric-compatible with any twin) are measured
 * with the safety margin, the widest of the twins.
 */
const EAST_ASIAN = [
  'microsoft yahei', 'microsoft yahei ui', 'microsoft jhenghei', 'microsoft jhenghei ui', 'dengxian', 'simsun', 'nsimsun', 'simhei', 'kaiti', 'fangsong',
  'pingfang sc', 'pingfang tc', 'pingfang hk', 'hiragino sans', 'hiragino sans gb', 'yu gothic', 'yu gothic ui', 'yu mincho', 'meiryo', 'meiryo ui',
  'ms gothic', 'ms pgothic', 'ms mincho', 'ms pmincho', 'malgun gothic', 'gulim', 'dotum', 'batang', 'apple sd gothic neo',
  'noto sans cjk sc', 'noto sans cjk tc', 'noto sans cjk jp', 'noto sans cjk kr', 'noto sans sc', 'noto sans tc', 'noto sans jp', 'noto sans kr',
  'noto serif cjk sc', 'noto serif cjk jp', 'source han sans', 'source han sans sc', 'source han serif', 'source han serif sc',
];

export function isEastAsianFont(font: string): boolean {
  return EAST_ASIAN.includes(key(font));
}

/** The key deckgen compares font names by: case and spacing do not matter. */
export const fontKey = key;
