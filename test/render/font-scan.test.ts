/**
 * The worker's entry starts the canvas's font scan on Node's thread pool (src/render/font-scan.ts)
 * by decoding dist/render/font-scan.svg. If the picture went missing from the build, or the canvas
 * stopped decoding it, the scan would quietly move back to the worker's first font registration,
 * ~0.1 s later on every first build: this fails instead. (That the canvas decodes a file's SVG on
 * the pool, off the calling thread, was measured, not asserted: a timer's ticks depend on how
 * many fonts the machine has.)
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('startFontScan', () => {
  it.each([
    ['decodes the compiled picture', 'dist/render', 'true'],
    ['resolves false, and throws nothing, when the picture is missing', 'no-such-folder', 'false'],
  ])('%s', (_, folder, decoded) => {
    const script = `
      import { startFontScan } from './dist/render/font-scan.js';
      process.stdout.write(String(await startFontScan(${JSON.stringify(folder)})));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(decoded);
  });

  it('never lets its owner stop a worker mid-scan: closing waits for the scan, or keeps it from starting', () => {
    const script = `
      import { newScanState, scanSettled, startSharedScan, SCAN } from './dist/render/font-scan.js';
      const started = newScanState();
      startSharedScan('dist/render', started);
      const during = Atomics.load(started, 0);
      await scanSettled(started);
      const after = Atomics.load(started, 0);
      const closed = newScanState();
      await scanSettled(closed);
      startSharedScan('dist/render', closed);
      process.stdout.write(JSON.stringify([during === SCAN.SCANNING, after === SCAN.DONE, Atomics.load(closed, 0) === SCAN.CLOSED]));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual([true, true, true]);
  });
});
