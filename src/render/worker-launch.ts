/**
 * The render worker's entry (bundled to dist/render/worker-entry.cjs): runs the worker's bundle,
 * dist/render/worker.cjs, through V8's code cache (src/code-cache.ts). Chart.js compiles a good
 * part of itself while drawing the first chart; the worker saves that code once it has drawn
 * what it was asked for (see worker.ts), and the next first build starts with it.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { workerData } from 'node:worker_threads';
import { runCached, SAVE_CODE } from '../code-cache.js';
import { startSharedScan } from './font-scan.js';
import { acquireCollector } from './young-gc.js';

const data = workerData as { codeCache?: boolean; scan?: Int32Array } | undefined;
const here = path.dirname(fileURLToPath(import.meta.url));
// First, so the canvas's font scan runs on the pool while the drawing code below compiles and starts.
startSharedScan(here, data?.scan);
// Before any code is compiled or cached here: finding the collector turns a V8 flag on for a moment.
acquireCollector();
const enabled = data?.codeCache === true;
const save = runCached(path.join(here, 'worker.cjs'), 'worker', enabled);
(globalThis as { [SAVE_CODE]?: () => void })[SAVE_CODE] = save;
