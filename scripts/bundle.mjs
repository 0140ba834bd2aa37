// Bundles the CLI, its launcher and the render worker (run after tsc, by `npm run compile`).
// Node loads one file far faster than the ~300 modules of the CLI and its dependencies: the
// default deck's start-up went from 0.3 s of module loading to 0.05 s. See README "Speed".
import { chmodSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { rolldown } from 'rolldown';

// Native (the canvas binary) or loaded on purpose at run time (pptxgenjs, see src/emit/pptx.ts).
const external = [/^node:/, '@napi-rs/canvas', 'pptxgenjs'];

const resolve = { extensionAlias: { '.js': ['.ts', '.js'] } };

/**
 * pptxgenjs inside the CLI bundle, so it is compiled once into the code cache instead of on every
 * start (it was a tenth of a small build): src/emit/pptx-bundled.ts stands in for pptx-load.ts,
 * pptxgenjs's require('jszip') gets the part collector (src/emit/parts.ts), as pptx-load.ts does at
 * run time, and its media step no longer imports node:https on every build (deckgen hands it every
 * image as data, so it never fetches one; it still loads fs and https if it ever needs them).
 */
const emitDir = path.resolve('src/emit');
const pptxgenjsMain = createRequire(path.resolve('package.json')).resolve('pptxgenjs');
const EAGER = /\n\s*if \(isNode\)\n\s*loadNodeDeps\(\);/;
const pptxgenjsInBundle = {
  name: 'deckgen-pptxgenjs',
  resolveId(source, importer) {
    if (source === './pptx-load.js' && importer && path.dirname(importer) === emitDir) return path.join(emitDir, 'pptx-bundled.ts');
    if (source === 'pptxgenjs') return pptxgenjsMain;
    if (source === 'jszip' && importer === pptxgenjsMain) return '\0deckgen-jszip';
    return null;
  },
  load(id) {
    return id === '\0deckgen-jszip' ? `module.exports = require(${JSON.stringify(path.join(emitDir, 'parts.ts'))}).PartCollector;` : null;
  },
  transform(code, id) {
    if (id !== pptxgenjsMain) return null;
    // Fails loudly if a new pptxgenjs moved what this replaces: check the bundle by hand then.
    if (!EAGER.test(code) || !code.includes("import('node:fs')") || !code.includes("import('node:https')")) throw new Error('pptxgenjs changed: see pptxgenjsInBundle in scripts/bundle.mjs');
    // import() of a built-in, as a require when it runs: the module is its own default export.
    return code.replace(EAGER, '').replace(/import\('(node:(?:fs|https))'\)/g, "Promise.resolve().then(() => { const m = require('$1'); return { ...m, default: m }; })");
  },
};

/**
 * A bundler puts every built-in module a bundle imports at its top, so each start loaded them all:
 * child_process, worker_threads, crypto, stream and os cost ~15 ms of a text deck's start-up, for
 * preview, charts, caches and watch. These become proxies that load the module on first use.
 */
const LAZY_BUILTINS = ['child_process', 'worker_threads', 'crypto', 'stream', 'os'];
const LAZY_HELPER = 'var __lazyBuiltin = (load) => { let m; return new Proxy({}, { get: (_, k) => (m ??= load())[k], has: (_, k) => k in (m ??= load()) }); };\n';
const lazyBuiltins = {
  name: 'deckgen-lazy-builtins',
  renderChunk(code) {
    let count = 0;
    const names = LAZY_BUILTINS.join('|');
    // let x = require("node:os");  and, for default imports, the line after it: x = __toESM(x, 1);
    const out = code.replace(new RegExp(`^let (\\w+) = (require\\("(?:node:)?(?:${names})"\\));\\n(?:\\1 = __toESM\\(\\1, 1\\);\\n)?`, 'gm'), (whole, name, req) => {
      count++;
      const load = whole.includes('__toESM') ? `__toESM(${req}, 1)` : req;
      return `let ${name} = __lazyBuiltin(() => ${load});\n`;
    });
    if (count === 0) throw new Error('no built-in module made lazy: see lazyBuiltins in scripts/bundle.mjs');
    return out.replace(/^var __toCommonJS = /m, `${LAZY_HELPER}var __toCommonJS = `);
  },
};

// The CLI as one CommonJS file, run through V8's code cache by the launcher (src/launch.ts),
// which becomes dist/cli.js. Nothing in it may import @napi-rs/canvas statically (see
// src/canvas.ts): a bundler hoists such imports to the top, loading the canvas on every start.
const cli = await rolldown({ input: 'src/cli.ts', platform: 'node', external: [/^node:/, '@napi-rs/canvas'], resolve, plugins: [pptxgenjsInBundle, lazyBuiltins], logLevel: 'warn' });
// Without comments and spaces, and ASCII-only, so the launcher reads it as Latin-1 (src/code-cache.ts):
// 1.5 MB instead of 2.1, read in a quarter of the time. Nothing is renamed or rewritten.
const compact = { compress: false, mangle: false, codegen: { removeWhitespace: true, asciiOnly: true } };
const { output } = await cli.write({ file: 'dist/deckgen.cjs', format: 'cjs', codeSplitting: false, minify: process.env.PLAIN ? false : compact });
if (!process.env.PLAIN && !Buffer.from(output[0].code).every((b) => b < 0x80)) throw new Error('dist/deckgen.cjs is not ASCII-only: see scripts/bundle.mjs');
await cli.close();
if (!output[0].code.includes('loadNodeDeps') || output[0].code.includes('require("pptxgenjs")')) throw new Error('dist/deckgen.cjs does not hold pptxgenjs: see pptxgenjsInBundle in scripts/bundle.mjs');
if (/\bimport\(|require\("@napi-rs\/canvas"\)/.test(output[0].code)) throw new Error('dist/deckgen.cjs loads the canvas or uses import(): see scripts/bundle.mjs');

// The launcher starts the render worker itself (src/render/early.ts); its in-process fallback
// (Chart.js) stays a separate chunk, loaded only if no worker can start.
rmSync('dist/chunks', { recursive: true, force: true });
// CommonJS: Node starts a CommonJS entry ~8 ms sooner than an ES module one (its ESM loader is
// not set up at all). dist/cli.js stays, as an ES module that requires it, for `node dist/cli.js`.
const launch = await rolldown({ input: { cli: 'src/launch.ts' }, platform: 'node', external, resolve, logLevel: 'warn' });
await launch.write({ dir: 'dist', format: 'cjs', entryFileNames: '[name].cjs', chunkFileNames: 'chunks/[name]-[hash].cjs' });
await launch.close();
writeFileSync(
  'dist/cli.js',
  `#!/usr/bin/env node
// The deckgen command is dist/cli.cjs (src/launch.ts); this runs it for \`node dist/cli.js\`.
import { createRequire } from 'node:module';
createRequire(import.meta.url)('./cli.cjs');
`,
);

// The worker likewise: its bundle (CommonJS, dist/render/worker.cjs) and the small entry that
// runs it through the code cache (dist/render/worker-entry.cjs, src/render/worker-launch.ts).
const worker = await rolldown({ input: 'src/render/worker.ts', platform: 'node', external, resolve, logLevel: 'warn' });
const built = await worker.write({ file: 'dist/render/worker.cjs', format: 'cjs', codeSplitting: false });
await worker.close();
if (/\bimport\(/.test(built.output[0].code)) throw new Error('dist/render/worker.cjs uses import(): see scripts/bundle.mjs');

// CommonJS too: a worker thread starts a CommonJS entry 4-10 ms sooner than an ES module one.
const entry = await rolldown({ input: 'src/render/worker-launch.ts', platform: 'node', external, resolve, logLevel: 'warn' });
await entry.write({ file: 'dist/render/worker-entry.cjs', format: 'cjs', codeSplitting: false });
await entry.close();
// An empty picture, for the worker's entry to start the canvas's font scan with (src/render/font-scan.ts).
writeFileSync('dist/render/font-scan.svg', '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>\n');
chmodSync('dist/cli.js', 0o755);
chmodSync('dist/cli.cjs', 0o755);
