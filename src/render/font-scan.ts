/**
 * Starts the canvas's font set-up on a thread of Node's pool, so it runs while the worker compiles
 * and starts its drawing code instead of after.
 *
 * The canvas builds its font collection on first use, and building it scans the system's font
 * folder (/usr/share/fonts on Linux; the path is compiled into the canvas), ~110-170 ms here.
 * Any first use does it on the thread that asks, except decoding an SVG image from a file, which
 * the canvas does on the pool. That is asked for here, with an empty SVG; the worker's first font
 * registration then waits for the scan to end, if it has not. Nothing is drawn or kept from it,
 * and if it fails the first registration does the scan as before.
 */
import '../no-system-fonts.js';
import path from 'node:path';
import { napiCanvas } from '../canvas.js';

/** Resolves true once the canvas has decoded the picture (its font collection is then built). */
export function startFontScan(dir: string): Promise<boolean> {
  return new Promise((resolve) => {
    try {
      const image = new (napiCanvas().Image)();
      image.onload = () => resolve(true);
      image.onerror = () => resolve(false);
      image.src = path.join(dir, 'font-scan.svg');
    } catch {
      // The first registration scans instead.
      resolve(false);
    }
  });
}

/**
 * The scan's state, shared between the worker and the thread that owns it (an Int32Array over a
 * SharedArrayBuffer, passed as workerData.scan). A worker must not be terminated while the canvas
 * decodes on the pool: the canvas then prints "ObjectRef is not unref, it considered as a memory
 * leak" to stderr. So the worker starts the scan only if the owner has not begun closing it
 * (IDLE -> SCANNING), and the owner, closing, either stops it from ever starting (IDLE -> CLOSED)
 * or waits for DONE.
 */
export const SCAN = { IDLE: 0, SCANNING: 1, DONE: 2, CLOSED: 3 } as const;

export function newScanState(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(4));
}

/** In the worker: starts the scan unless the owner is already closing it. */
export function startSharedScan(dir: string, state: Int32Array | undefined): void {
  if (!state || Atomics.compareExchange(state, 0, SCAN.IDLE, SCAN.SCANNING) !== SCAN.IDLE) return;
  void startFontScan(dir).finally(() => {
    Atomics.store(state, 0, SCAN.DONE);
    Atomics.notify(state, 0);
  });
}

/**
 * In the owner, before terminating the worker: resolves once no decode is running. It waits on
 * shared memory only, which neither keeps the process alive nor ends if the worker dies mid-scan:
 * the owner bounds the wait (WorkerRenderer.close).
 */
export async function scanSettled(state: Int32Array): Promise<void> {
  if (Atomics.compareExchange(state, 0, SCAN.IDLE, SCAN.CLOSED) !== SCAN.SCANNING) return;
  // Atomics.waitAsync is in Node 20 (V8), not yet in TypeScript's ES2022 library.
  const { waitAsync } = Atomics as unknown as { waitAsync: (a: Int32Array, i: number, v: number) => { async: boolean; value: unknown } };
  const wait = waitAsync(state, 0, SCAN.SCANNING);
  if (wait.async) await wait.value;
}
