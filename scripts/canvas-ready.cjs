/**
 * A yardstick for `npm run bench`: the earliest a fresh Node process can draw a chart. It loads
 * @napi-rs/canvas and registers one font file, then exits. The first registration builds the
 * canvas's font manager, which scans /usr/share/fonts whatever the options (the folder is compiled
 * in; see src/no-system-fonts.ts), so no chart pixel can exist sooner in any process that draws
 * with this canvas.
 */
const path = require('node:path');

process.env.DISABLE_SYSTEM_FONTS_LOAD = '1';
const { GlobalFonts } = require('@napi-rs/canvas');
const font = path.join(path.dirname(require.resolve('@fontsource/carlito/package.json')), 'files', 'carlito-latin-400-normal.woff');
if (!GlobalFonts.registerFromPath(font, 'Carlito')) throw new Error(`could not register ${font}`);
