/**
 * A young-generation collection on demand, for the render worker. Each chart's pixels come from
 * the canvas as a fresh 5 MB buffer (canvas.data() copies them) that is dead once the PNG is
 * encoded, but the worker's JavaScript heap is small, so V8 collects rarely and dead pixel copies
 * pile up: 25 to 45 MB per worker, about a tenth of a large deck's peak memory. A minor collection
 * after each chart frees them at once for ~1 ms (a full one would take ~20 ms).
 *
 * The collector is reached the way jest's leak detector does: --expose-gc set at run time, `gc`
 * read from a new context, which has it, and the flag set back. Only the worker calls this; if V8
 * refuses, nothing is collected early and nothing else changes.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

type Gc = (options?: { type: 'minor' | 'major' }) => void;

let gc: Gc | undefined | null;

/**
 * Finds the collector, once per thread. The worker's entry calls this before it compiles its
 * code: flags are process-wide, and the flag is on for ~2 ms.
 */
export function acquireCollector(): void {
  if (gc !== undefined) return;
  // Node started with --expose-gc (or NODE_OPTIONS has it): use that, and leave the flag alone.
  const exposed = (globalThis as { gc?: Gc }).gc;
  if (typeof exposed === 'function') {
    gc = exposed;
    return;
  }
  try {
    setFlagsFromString('--expose-gc');
    gc = (runInNewContext('gc') as Gc | undefined) ?? null;
  } catch {
    gc = null;
  } finally {
    // Back as it was at once: V8 checks compiled code against a hash of its flags, and with
    // --expose-gc left on, every code cache saved or read later in the process (the CLI's, the
    // workers') would be refused and compiled again on the next start.
    setFlagsFromString('--no-expose-gc');
  }
}

export function collectYoung(): void {
  acquireCollector();
  gc?.({ type: 'minor' });
}

/** Whether collectYoung() reached the collector (for tests). */
export function hasCollector(): boolean {
  return typeof gc === 'function';
}
