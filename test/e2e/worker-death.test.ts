/**
 * A render worker that dies while it owes charts must fail the build (exit 2, a message, nothing
 * written), never let the process end quietly with exit 0 and no deck: whether it dies at its
 * first request, while the canvas's font scan runs (src/render/font-scan.ts), or as it loads.
 * (A worker that dies mid-scan also makes the canvas print a line about an unreleased reference:
 * a crashed worker is a bug in deckgen, and the exit code and message are what count here.)
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/cli.js';

// Inside the repository, so the copy's require('@napi-rs/canvas') finds node_modules.
const copies: string[] = [];
afterAll(() => copies.forEach((c) => rmSync(c, { recursive: true, force: true })));

/** A copy of dist with one of the worker's files replaced. */
function distWith(file: string, code: string): string {
  const copy = mkdtempSync(path.join(process.cwd(), '.worker-death-'));
  copies.push(copy);
  cpSync('dist', path.join(copy, 'dist'), { recursive: true });
  writeFileSync(path.join(copy, 'dist', 'render', file), code);
  return copy;
}

const WORKERS = [
  // The entry itself dies on its first request: no font scan ever starts.
  ['an entry that dies on its first request', distWith('worker-entry.cjs', "const { parentPort } = require('node:worker_threads');\nparentPort.on('message', () => process.exit(3));\n")],
  // The real entry (the scan starts), with drawing code that dies on its first request.
  ['drawing code that dies on its first request, font scan started', distWith('worker.cjs', "require('node:worker_threads').parentPort.on('message', () => process.exit(3));\n")],
  // The real entry, with drawing code that throws as it loads: requests go to a worker already gone.
  ['drawing code that throws as it loads', distWith('worker.cjs', "throw new Error('the drawing code is broken');\n")],
] as const;

const OUTLINES = [
  ['the default deck (charts and a logo)', 'deck.yaml', ''],
  ['an outline whose only request is one image', 'one.yaml', 'title: One picture\nslides:\n  - title: One\n    image: { path: photo.png, alt: a photo }\n'],
] as const;

describe('a render worker that dies', () => {
  it.each(WORKERS.flatMap(([worker, copy]) => OUTLINES.map(([what, name, text]) => [worker, what, copy, name, text] as const)))('%s fails the build of %s with an internal error and writes nothing', (_, __, copy, name, text) => {
    let outline: string = name;
    if (text) {
      const dir = tempDir();
      cpSync('examples/assets/photo.png', path.join(dir, 'photo.png'));
      outline = path.join(dir, name);
      writeFileSync(outline, text);
    }
    const out = path.join(tempDir(), 'deck.pptx');
    const r = spawnSync(process.execPath, [path.join(copy, 'dist', 'cli.cjs'), 'build', outline, '--out', out, '--no-cache'], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } });
    expect(r.stderr).toMatch(/internal error: (the render worker stopped|the drawing code is broken)/);
    expect(r.status).toBe(2);
    expect(existsSync(out)).toBe(false);
  });
});
