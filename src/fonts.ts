/**
 * Fonts from npm, registered with @napi-rs/canvas so text is measured (plan) and charts are drawn
 * (render) with the same metrics on every machine, whatever fonts the system has.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import './no-system-fonts.js';
import { GlobalFonts } from '@napi-rs/canvas';

const require = createRequire(import.meta.url);

/** Fonts that have a metric-compatible free twin on npm. */
const TWINS: Record<string, string> = { calibri: 'Carlito', carlito: 'Carlito' };

let registered = false;

export function registerFonts(): void {
  if (registered) return;
  registered = true;
  const dir = path.join(path.dirname(require.resolve('@fontsource/carlito/package.json')), 'files');
  for (const subset of ['latin', 'latin-ext']) {
    for (const weight of ['400', '700']) {
      for (const style of ['normal', 'italic']) {
        // WOFF, not WOFF2: registering the eight WOFF2 faces costs ~90 ms of Brotli, WOFF ~3 ms.
        const file = path.join(dir, `carlito-${subset}-${weight}-${style}.woff`);
        GlobalFonts.registerFromPath(file, 'Carlito');
      }
    }
  }
}

/** The family to measure and draw a deck font with: its metric twin, or itself if installed. */
export function metricFamily(font: string): string {
  registerFonts();
  const twin = TWINS[font.toLowerCase()];
  if (twin) return twin;
  return GlobalFonts.has(font) ? font : 'Carlito';
}
