/**
 * Fonts from npm, registered with @napi-rs/canvas so text is measured (plan) and charts are drawn
 * (render) with the same metrics on every machine, whatever fonts the system has.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import './no-system-fonts.js';
import { napiCanvas } from './canvas.js';
import { TWINS, twinOf } from './font-twins.js';

const require = createRequire(import.meta.url);

let registered = false;

export function registerFonts(): void {
  if (registered) return;
  registered = true;
  for (const twin of TWINS) {
    const dir = path.join(path.dirname(require.resolve(`${twin.pkg}/package.json`)), 'files');
    for (const subset of ['latin', 'latin-ext']) {
      for (const weight of ['400', '700']) {
        for (const style of ['normal', 'italic']) {
          // WOFF, not WOFF2: decoding WOFF2 faces costs Brotli time at every start.
          napiCanvas().GlobalFonts.registerFromPath(path.join(dir, `${twin.prefix}-${subset}-${weight}-${style}.woff`), twin.family);
        }
      }
    }
  }
}

/** The family to draw a deck font with: its metric twin, registered from npm. */
export function metricFamily(font: string): string {
  registerFonts();
  return twinOf(font).family;
}
