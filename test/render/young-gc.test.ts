/**
 * The render worker frees each chart's pixel copy with a young-generation collection
 * (src/render/young-gc.ts). If a Node release stopped handing out the collector this way, the
 * worker would quietly hold 25-45 MB more: this fails instead.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('collectYoung', () => {
  it('reaches V8\'s collector at run time, in a process started without --expose-gc', () => {
    const script = `
      import { collectYoung, hasCollector } from './dist/render/young-gc.js';
      if (typeof globalThis.gc !== 'undefined') throw new Error('gc was already exposed');
      collectYoung();
      collectYoung();
      process.stdout.write(String(hasCollector()));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('true');
  });

  it('uses the collector of a process started with --expose-gc, and leaves the flag on', () => {
    const script = `
      import { runInNewContext } from 'node:vm';
      import { collectYoung, hasCollector } from './dist/render/young-gc.js';
      collectYoung();
      // Turning it off would change V8's flag hash, and every code cache would be refused.
      process.stdout.write(JSON.stringify([hasCollector(), typeof runInNewContext('gc')]));`;
    const r = spawnSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual([true, 'function']);
  });
});
