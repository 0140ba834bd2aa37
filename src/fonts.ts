/**
 * Fonts from npm (and the outline's own font files), registered with @napi-rs/canvas so charts
 * are drawn with the metrics text is measured with, whatever fonts the system has.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import './no-system-fonts.js';
import { napiCanvas } from './canvas.js';
import { TWINS, twinOf, type Twin, type TwinFamily } from './font-twins.js';
import { covers, TWIN_TABLES } from './plan/metrics/advance.js';

const require = createRequire(import.meta.url);

/** The twins' font files in their npm packages, per subset, weight and style. */
export function twinFiles(twin: (typeof TWINS)[number], ext: 'woff' | 'woff2' = 'woff'): string[] {
  const dir = path.join(path.dirname(require.resolve(`${twin.pkg}/package.json`)), 'files');
  const out: string[] = [];
  for (const subset of ['latin', 'latin-ext']) {
    for (const weight of ['400', '700']) {
      for (const style of ['normal', 'italic']) out.push(path.join(dir, `${twin.prefix}-${subset}-${weight}-${style}.${ext}`));
    }
  }
  return out;
}

const registered = new Set<TwinFamily>();

/**
 * The twins up to and including `twin`, in TWINS order, once: the canvas draws a glyph a face lacks
 * from the other registered faces, so they are always registered in the same order, as if all
 * were registered at once. The first registration in the process also costs the canvas's scan of
 * the system font folder (see src/no-system-fonts.ts); each twin after that ~10 ms.
 */
function registerTwin(twin: Twin): void {
  for (const t of TWINS.slice(0, TWINS.indexOf(twin) + 1)) {
    if (registered.has(t.family)) continue;
    registered.add(t.family);
    // WOFF, not WOFF2: decoding WOFF2 faces costs Brotli time at every start.
    for (const file of twinFiles(t)) napiCanvas().GlobalFonts.registerFromPath(file, t.family);
  }
}

/** Every twin: for measuring, contact sheets, and charts whose text one twin does not cover. */
export function registerFonts(): void {
  registerTwin(TWINS[TWINS.length - 1]!);
}

/**
 * Whether `twin` has a glyph, in every face, for every character of `text`: then its chart draws
 * the same with the other twins registered or not. Anything else (other scripts, symbols, CJK)
 * may be drawn from another twin, so the chart is drawn with all of them registered.
 */
export function twinCovers(family: TwinFamily, text: string): boolean {
  return covers(TWIN_TABLES[family], text);
}

const own = new Map<string, string>();

/** Registers a font file the outline names (theme.fonts) under its own name, once per file and name. */
export function registerFontFile(file: string, family: string): void {
  registerFonts();
  if (own.get(family) === file) return;
  own.set(family, file);
  napiCanvas().GlobalFonts.registerFromPath(file, family);
}

/**
 * The family to draw a deck font with: its metric twin, registered from npm (Carlito for others).
 * Only the twins up to it are registered (Calibri's comes first): a chart whose text that twin
 * does not cover registers the rest first (see twinCovers).
 */
export function metricFamily(font: string): TwinFamily {
  const twin = twinOf(font) ?? TWINS[0]!;
  registerTwin(twin);
  return twin.family;
}
