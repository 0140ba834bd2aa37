/**
 * pptxgenjs as the bundled CLI has it: compiled into dist/deckgen.cjs, where scripts/bundle.mjs
 * resolves its require('jszip') to the part collector (parts.ts) and stands this file in for
 * pptx-load.ts. Being in the bundle, pptxgenjs is compiled once and then read from V8's code cache
 * (src/code-cache.ts) like the rest of deckgen, instead of being compiled on every start.
 */
import pptxgenjs from 'pptxgenjs';

export function loadPptxGenJS(): unknown {
  return pptxgenjs;
}
