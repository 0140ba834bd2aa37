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

const enabled = (workerData as { codeCache?: boolean } | undefined)?.codeCache === true;
const save = runCached(path.join(path.dirname(fileURLToPath(import.meta.url)), 'worker.cjs'), 'worker', enabled);
(globalThis as { [SAVE_CODE]?: () => void })[SAVE_CODE] = save;
