/**
 * Fonts from npm (and the outline's own font files), registered with @napi-rs/canvas so charts
 * are drawn with the metrics text is measured with, whatever fonts the system has.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import './no-system-fonts.js';
import { napiCanvas } from './canvas.js';
import { TWINS, twinOf, type Twin, type TwinFamily } from './font-twins.js';

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
 * One twin's faces, once. The first registration anywhere in the process also costs the canvas's
 * scan of the system font folder (see src/no-system-fonts.ts); each twin after that ~10 ms.
 */
function registerTwin(twin: Twin): void {
  if (registered.has(twin.family)) return;
  registered.add(twin.family);
  // WOFF, not WOFF2: decoding WOFF2 faces costs Brotli time at every start.
  for (const file of twinFiles(twin)) napiCanvas().GlobalFonts.registerFromPath(file, twin.family);
}

/** Every twin: for measuring and contact sheets. Charts register only the twins they draw with (metricFamily). */
export function registerFonts(): void {
  for (const twin of TWINS) registerTwin(twin);
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
 * Only that twin is registered: a deck's charts mostly use one, and a face registered under
 * another name never draws their text (registered fonts are not fallbacks).
 */
export function metricFamily(font: string): string {
  const twin = twinOf(font) ?? TWINS[0]!;
  registerTwin(twin);
  return twin.family;
}
