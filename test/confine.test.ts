// What "inside the outline's folder" means, and reading only regular files of a bounded size.
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isInside, readConfined } from '../src/confine.js';
import { tempDir } from './support/cli.js';

describe('isInside', () => {
  it('accepts names that merely start with two dots, and refuses real escapes', () => {
    expect(isInside('/p', '/p/..logo.png')).toBe(true);
    expect(isInside('/p', '/p/assets/..x/..y.png')).toBe(true);
    expect(isInside('/p', '/p')).toBe(true);
    expect(isInside('/p', '/logo.png')).toBe(false);
    expect(isInside('/p', '/p2/logo.png')).toBe(false);
    expect(isInside('/p/a', '/p/b')).toBe(false);
  });
});

describe('readConfined', () => {
  it('reads "..logo.png" inside the folder, and refuses what is outside or not a regular file', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'p'));
    writeFileSync(path.join(dir, 'p/..logo.png'), 'x');
    writeFileSync(path.join(dir, 'out.txt'), 'x');
    expect(await readConfined(path.join(dir, 'p'), '..logo.png', 10)).toMatchObject({ data: Buffer.from('x') });
    expect(await readConfined(path.join(dir, 'p'), '../out.txt', 10)).toMatchObject({ problem: 'outside' });
    expect(await readConfined(path.join(dir, 'p'), 'nope', 10)).toEqual({ problem: 'missing' });
    expect(await readConfined(path.join(dir, 'p'), '.', 10)).toMatchObject({ problem: 'not-a-file' });
    writeFileSync(path.join(dir, 'p/big'), 'x'.repeat(11));
    expect(await readConfined(path.join(dir, 'p'), 'big', 10)).toMatchObject({ problem: 'too-large', size: 11 });
  });

  it('refuses a FIFO without blocking, and a link to a device', async (ctx) => {
    ctx.skip(process.platform === 'win32', 'needs POSIX links, FIFOs and devices (not Windows)');
    const dir = tempDir();
    execFileSync('mkfifo', [path.join(dir, 'fifo')]);
    expect(await readConfined(dir, 'fifo', 10)).toMatchObject({ problem: 'not-a-file' });
    symlinkSync('/dev/zero', path.join(dir, 'zero'));
    expect(await readConfined(dir, 'zero', 10)).toMatchObject({ problem: 'outside' });
  });
});
