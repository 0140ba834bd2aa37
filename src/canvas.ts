/**
 * @napi-rs/canvas, required on first use rather than imported. A bundler hoists a module's
 * imports of external packages to the top of the bundle, so a static import here would load the
 * native canvas (and its font set-up) on every start of the CLI, including builds that draw
 * nothing on the main thread.
 */
import { createRequire } from 'node:module';
import type * as NapiCanvas from '@napi-rs/canvas';
import './no-system-fonts.js';

let loaded: typeof NapiCanvas | undefined;

export function napiCanvas(): typeof NapiCanvas {
  loaded ??= createRequire(import.meta.url)('@napi-rs/canvas') as typeof NapiCanvas;
  return loaded;
}
