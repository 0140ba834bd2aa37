/** The built-in "briefing" theme and how outline overrides apply to it. */
import type { ThemeInput } from '../load/schema.js';
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
  palette: ['0B3C5D', 'D9822B', '3E8E9E', '8A9BA8', '6B4E9B', 'B5483B'],
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

export function resolveTheme(input: ThemeInput, faces: FontBook = new Map()): Theme {
  const base = BRIEFING;
  const colours = { ...base.colours };
  if (input.primary) colours.primary = input.primary;
  if (input.accent) colours.accent = input.accent;
  if (input.text) colours.text = input.text;
  if (input.muted) colours.muted = input.muted;
  if (input.background) colours.background = input.background;
  const palette = input.palette ?? [colours.primary, colours.accent, ...base.palette.slice(2)];
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
