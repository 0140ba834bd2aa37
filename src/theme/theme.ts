/** The built-in "briefing" theme and how outline overrides apply to it. */
import type { ThemeInput } from '../load/schema.js';
import type { ColourScheme } from '../template/model.js';
import { contrastRatio, readableColour } from './contrast.js';
import type { FontBook } from '../plan/metrics/advance.js';

export interface Theme {
  colours: {
    primary: string;
    accent: string;
    text: string;
    muted: string;
    background: string;
    /** Quiet fill for panels and table stripes. */
    panel: string;
    /** Hairlines and grid lines. */
    rule: string;
    onPrimary: string;
  };
  palette: string[];
  font: string;
  headingFont: string;
  /** Advance widths of the outline's own font files (theme.fonts), by font name. */
  faces: FontBook;
  logo?: string;
  /** Preferred sizes (pt) and the floors fitting may shrink to. */
  sizes: Record<TextRole, { max: number; min: number }>;
}

export type TextRole = 'title' | 'subtitle' | 'body' | 'kpiValue' | 'kpiLabel' | 'table' | 'quote' | 'footnote' | 'section';

/** Navy and amber: high contrast on white and legible for the common colour-vision deficiencies. */
export const BRIEFING: Theme = {
  colours: {
    primary: '0B3C5D',
    accent: 'D9822B',
    text: '1F2933',
    muted: '5B6775',
    background: 'FFFFFF',
    panel: 'EEF2F6',
    rule: 'C9D2DC',
    onPrimary: 'FFFFFF',
  },
  palette: ['0B3C5D', 'D9822B', '56B4E9', '8C564B', '40B0A6', '006CD1'],
  font: 'Calibri',
  headingFont: 'Calibri',
  faces: new Map(),
  sizes: {
    title: { max: 30, min: 22 },
    subtitle: { max: 20, min: 14 },
    body: { max: 24, min: 14 },
    kpiValue: { max: 48, min: 20 },
    kpiLabel: { max: 18, min: 12 },
    table: { max: 18, min: 10 },
    quote: { max: 28, min: 18 },
    footnote: { max: 11, min: 10 },
    section: { max: 40, min: 28 },
  },
};

/**
 * The theme of a deck on a user's template: its fonts, and colours from its colour scheme (text
 * dk1 on lt1, titles and figures in accent1 or dk2, panels lt2, charts accent1 to accent6), which
 * the outline's own colours still override.
 */
export function templateTheme(input: ThemeInput, scheme: ColourScheme, fonts: { major: string; minor: string }, faces: FontBook = new Map()): Theme {
  const primary = contrastRatio(scheme.accent1, scheme.lt1) >= 4.5 ? scheme.accent1 : scheme.dk2;
  const base: Theme = {
    ...BRIEFING,
    colours: {
      primary,
      accent: scheme.accent2,
      text: scheme.dk1,
      muted: readableColour(mix(scheme.dk1, scheme.lt1, 0.35), scheme.lt1, 4.5),
      background: scheme.lt1,
      panel: scheme.lt2,
      rule: mix(scheme.dk1, scheme.lt1, 0.8),
      onPrimary: contrastRatio(scheme.lt1, primary) >= 4.5 ? scheme.lt1 : '000000',
    },
    palette: [scheme.accent1, scheme.accent2, scheme.accent3, scheme.accent4, scheme.accent5, scheme.accent6],
    font: fonts.minor,
    headingFont: fonts.major,
  };
  return resolveTheme({ ...input, font: input.font ?? fonts.minor, headingFont: input.headingFont ?? input.font ?? fonts.major }, faces, base);
}

/** `a` mixed towards `b` by `t` (0 = a, 1 = b). */
function mix(a: string, b: string, t: number): string {
  const ch = (c: string, i: number): number => Number.parseInt(c.slice(i, i + 2), 16);
  return [0, 2, 4].map((i) => Math.round(ch(a, i) + (ch(b, i) - ch(a, i)) * t).toString(16).padStart(2, '0')).join('').toUpperCase();
}

export function resolveTheme(input: ThemeInput, faces: FontBook = new Map(), base: Theme = BRIEFING): Theme {
  const colours = { ...base.colours };
  if (input.primary) colours.primary = input.primary;
  if (input.accent) colours.accent = input.accent;
  if (input.text) colours.text = input.text;
  if (input.muted) colours.muted = input.muted;
  if (input.background) colours.background = input.background;
  const palette = input.palette ?? [input.primary ?? base.palette[0]!, input.accent ?? base.palette[1]!, ...base.palette.slice(2)];
  const theme: Theme = {
    ...base,
    colours,
    palette,
    font: input.font ?? base.font,
    headingFont: input.headingFont ?? input.font ?? base.headingFont,
    faces,
  };
  if (input.logo) theme.logo = input.logo;
  return theme;
}
