// deckgen watch survives its outline being replaced by a folder and then by a file again.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI, tempDir } from '../support/cli.js';

const OUTLINE = (title: string): string => `title: ${title}\nslides:\n  - { title: One point, bullets: [a] }\n`;

let child: ChildProcess | undefined;
afterEach(() => child?.kill('SIGINT'));

async function until(read: () => string, pattern: RegExp, from: number): Promise<void> {
  const start = Date.now();
  while (!pattern.test(read().slice(from))) {
    if (Date.now() - start > 20_000) throw new Error(`never saw ${pattern} in:\n${read()}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('deckgen watch', () => {
  for (const run of [1, 2, 3, 4]) it(`rebuilds after the outline is replaced by a folder and then by a file again (run ${run})`, async (ctx) => {
    ctx.skip(process.platform === 'win32', 'needs POSIX links, FIFOs and devices (not Windows)');
    const dir = tempDir();
    const outline = path.join(dir, 'deck.yaml');
    writeFileSync(outline, OUTLINE('First'));
    let out = '';
    let err = '';
    child = spawn(process.execPath, [CLI, 'watch'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    await until(() => out, /✓ output\/deck\.pptx/, 0);
    await until(() => err, /watching/, 0);

    // As an editor or a script would: some time after the start, and the folder there a while
    // (chokidar misses the folder going in most runs when it stays long enough to be watched).
    await new Promise((r) => setTimeout(r, 1000));
    let errMark = err.length;
    // Through a shell, as the report did: the gap between the two steps is what chokidar misses.
    spawnSync('/bin/sh', ['-c', 'rm deck.yaml; mkdir deck.yaml'], { cwd: dir });
    await until(() => err, /deck\.yaml:1:1 error: this is a folder, not an outline file/, errMark);

    await new Promise((r) => setTimeout(r, 1500));
    let mark = out.length;
    spawnSync('/bin/sh', ['-c', `rmdir deck.yaml; printf '%s' '${OUTLINE('Second')}' > deck.yaml`], { cwd: dir });
    await until(() => out, /✓ output\/deck\.pptx: 2 slides/, mark);

    // And it keeps watching the file it now is.
    await new Promise((r) => setTimeout(r, 500));
    mark = out.length;
    errMark = err.length;
    writeFileSync(outline, `${OUTLINE('Third')}  - titel: broken\n`);
    await until(() => err, /unknown key "titel"/, errMark);
    writeFileSync(outline, OUTLINE('Fourth'));
    await until(() => out, /✓ output\/deck\.pptx: 2 slides/, mark);
    expect(child.exitCode).toBeNull();
  }, 90_000);
});
