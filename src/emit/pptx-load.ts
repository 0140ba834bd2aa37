/**
 * pptxgenjs with the part collector in place of JSZip, for the compiled library and the tests
 * (the bundled CLI uses pptx-bundled.ts instead).
 *
 * pptxgenjs's CommonJS build takes JSZip from require(). For the moment it loads, require.cache
 * (public Node API) answers 'jszip' with the collector; the cache is then put back as it was, so
 * anyone else who loads JSZip or pptxgenjs gets the real ones.
 */
import { createRequire, Module } from 'node:module';
import { PartCollector } from './parts.js';

export function loadPptxGenJS(): unknown {
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
    return require(main);
  } finally {
    for (const [id, entry] of saved) {
      if (entry) require.cache[id] = entry;
      else delete require.cache[id];
    }
  }
}
