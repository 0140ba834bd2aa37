// Bundles the CLI and the render worker into one file each (run after tsc, by `npm run compile`).
// Node loads one file far faster than the ~300 modules of the CLI and its dependencies: the
// default deck's start-up went from 0.3 s of module loading to 0.05 s. See README "Speed".
import { chmodSync } from 'node:fs';
import { rolldown } from 'rolldown';

// Native (the canvas binary) or loaded on purpose at run time (pptxgenjs, see src/emit/pptx.ts).
const external = [/^node:/, '@napi-rs/canvas', 'pptxgenjs'];

const resolve = { extensionAlias: { '.js': ['.ts', '.js'] } };

// The CLI keeps its lazy imports as chunks: a bundler hoists a module's imports of external
// packages to the top of the file it lands in, so inlining the lazy commands would load the
// canvas (130 ms) on the main thread of every build.
const cli = await rolldown({ input: { cli: 'src/cli.ts' }, platform: 'node', external, resolve, logLevel: 'warn' });
await cli.write({ dir: 'dist', format: 'esm', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' });
await cli.close();

const worker = await rolldown({ input: 'src/render/worker.ts', platform: 'node', external, resolve, logLevel: 'warn' });
await worker.write({ file: 'dist/render/worker.js', format: 'esm', codeSplitting: false });
await worker.close();
chmodSync('dist/cli.js', 0o755);
