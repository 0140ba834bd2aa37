// A full disk while keeping a chart leaves no temp file in the cache folder.
import { existsSync, readdirSync, utimesSync, writeFileSync as realWrite } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../support/cli.js';

let full = false;
vi.mock('node:fs', async (original) => {
  const fs = await original<typeof import('node:fs')>();
  const writeFileSync = (file: Parameters<typeof fs.writeFileSync>[0], data: Parameters<typeof fs.writeFileSync>[1]): void => {
    if (!full) return fs.writeFileSync(file, data);
    // What a full disk does: the file is created, then the write fails part-way.
    fs.writeFileSync(file, '');
    throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
  };
  return { ...fs, default: { ...fs, writeFileSync }, writeFileSync };
});

afterEach(() => {
  full = false;
});

describe('the chart cache on a full disk', () => {
  it('keeps nothing and leaves no temp file behind', async () => {
    const { writeQuietly } = await import('../../src/render/disk-cache.js');
    const dir = tempDir();
    full = true;
    writeQuietly(path.join(dir, 'charts', 'a.png'), Buffer.from('png'));
    expect(readdirSync(path.join(dir, 'charts'))).toEqual([]);
  });

  it('removes temp files left by a build killed mid-write, once they are stale', async () => {
    const { removeStaleTemps } = await import('../../src/render/disk-cache.js');
    const dir = tempDir();
    realWrite(path.join(dir, 'old.png.1-ab.tmp'), '');
    realWrite(path.join(dir, 'new.png.2-cd.tmp'), '');
    realWrite(path.join(dir, 'kept.png'), '');
    const hourAgo = new Date(Date.now() - 60 * 60 * 1000);
    utimesSync(path.join(dir, 'old.png.1-ab.tmp'), hourAgo, hourAgo);
    removeStaleTemps(dir);
    expect(existsSync(path.join(dir, 'old.png.1-ab.tmp'))).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['kept.png', 'new.png.2-cd.tmp']);
  });
});
