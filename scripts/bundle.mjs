// Bundles the CLI, its launcher and the render worker (run after tsc, by `npm run compile`).
// Node loads one file far faster than the ~300 modules of the CLI and its dependencies: the
// default deck's start-up went from 0.3 s of module loading to 0.05 s. See README "Speed".
import { chmodSync, rmSync } from 'node:fs';
import { rolldown } from 'rolldown';

// Native (the canvas binary) or loaded on purpose at run time (pptxgenjs, see src/emit/pptx.ts).
const external = [/^node:/, '@napi-rs/canvas', 'pptxgenjs'];

const resolve = { extensionAlias: { '.js': ['.ts', '.js'] } };

// The CLI as one CommonJS file, run through V8's code cache by the launcher (src/launch.ts),
// which becomes dist/cli.js. Nothing in it may import @napi-rs/canvas statically (see
// src/canvas.ts): a bundler hoists such imports to the top, loading the canvas on every start.
const cli = await rolldown({ input: 'src/cli.ts', platform: 'node', external, resolve, logLevel: 'warn' });
const { output } = await cli.write({ file: 'dist/deckgen.cjs', format: 'cjs', codeSplitting: false });
await cli.close();
if (/\bimport\(|require\("@napi-rs\/canvas"\)/.test(output[0].code)) throw new Error('dist/deckgen.cjs loads the canvas or uses import(): see scripts/bundle.mjs');

// The launcher starts the render worker itself (src/render/early.ts); its in-process fallback
// (Chart.js) stays a separate chunk, loaded only if no worker can start.
rmSync('dist/chunks', { recursive: true, force: true });
const launch = await rolldown({ input: { cli: 'src/launch.ts' }, platform: 'node', external, resolve, logLevel: 'warn' });
await launch.write({ dir: 'dist', format: 'esm', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' });
await launch.close();

// The worker likewise: its bundle (CommonJS, dist/render/worker.cjs) and the small entry that
// runs it through the code cache (dist/render/worker.js, src/render/worker-launch.ts).
const worker = await rolldown({ input: 'src/render/worker.ts', platform: 'node', external, resolve, logLevel: 'warn' });
const built = await worker.write({ file: 'dist/render/worker.cjs', format: 'cjs', codeSplitting: false });
await worker.close();
if (/\bimport\(/.test(built.output[0].code)) throw new Error('dist/render/worker.cjs uses import(): see scripts/bundle.mjs');

const entry = await rolldown({ input: 'src/render/worker-launch.ts', platform: 'node', external, resolve, logLevel: 'warn' });
await entry.write({ file: 'dist/render/worker.js', format: 'esm', codeSplitting: false });
await entry.close();
chmodSync('dist/cli.js', 0o755);
