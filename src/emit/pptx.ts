/**
 * pptxgenjs, loaded with the part collector in place of JSZip (see parts.ts).
 *
 * pptxgenjs's CommonJS build takes JSZip from require(). For the moment it loads, require.cache
 * (public Node API) answers 'jszip' with the collector; the cache is then put back as it was, so
 * anyone else who loads JSZip or pptxgenjs gets the real ones. The same path serves the bundled
 * CLI, the compiled library and the tests.
 */
import { createRequire, Module } from 'node:module';
import type pptxgenModule from 'pptxgenjs';
import { PartCollector } from './parts.js';

export type PptxGenJS = typeof pptxgenModule.default;
export type Presentation = InstanceType<PptxGenJS>;
export type Slide = ReturnType<Presentation['addSlide']>;
export type TextProps = pptxgenModule.default.TextProps;
export type TextPropsOptions = pptxgenModule.default.TextPropsOptions;
export type TableCell = pptxgenModule.default.TableCell;
export type TableCellProps = pptxgenModule.default.TableCellProps;
export type SlideNumberProps = pptxgenModule.default.SlideNumberProps;

function load(): PptxGenJS {
  const require = createRequire(import.meta.url);
  const main = require.resolve('pptxgenjs');
  const jszip = require.resolve('jszip', { paths: [main] });
  const saved = [main, jszip].map((id) => [id, require.cache[id]] as const);
  try {
    // A private copy of pptxgenjs, even if another one was loaded already.
    delete require.cache[main];
    const stand = new Module(jszip);
    stand.filename = jszip;
    stand.loaded = true;
    stand.exports = PartCollector;
    require.cache[jszip] = stand;
    return require(main) as PptxGenJS;
  } finally {
    for (const [id, entry] of saved) {
      if (entry) require.cache[id] = entry;
      else delete require.cache[id];
    }
  }
}

export const PptxGenJS = load();
