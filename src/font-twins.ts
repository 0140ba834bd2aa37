/**
 * Deck fonts and their metric-compatible free twins on npm: text set in the twin takes exactly the
 * room the original does, so deckgen measures and draws with the twin on any machine.
 */
export interface Twin {
  family: 'Carlito' | 'Arimo';
  /** The npm package with the twin's font files, and the files' name prefix. */
  pkg: string;
  prefix: string;
}

export const TWINS: readonly (Twin & { names: readonly string[] })[] = [
  { family: 'Carlito', pkg: '@fontsource/carlito', prefix: 'carlito', names: ['calibri', 'carlito'] },
  // Liberation Sans 2 is built from Arimo: both are metric-compatible with Arial.
  { family: 'Arimo', pkg: '@fontsource/arimo', prefix: 'arimo', names: ['arial', 'helvetica', 'arimo', 'liberation sans'] },
];

/** The twin a deck font is measured and drawn with; Carlito for fonts without one. */
export function twinOf(font: string): Twin {
  const name = font.trim().toLowerCase();
  return TWINS.find((t) => t.names.includes(name)) ?? TWINS[0]!;
}
