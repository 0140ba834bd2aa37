/**
 * A render worker that dies while it owes charts must fail the build (exit 2, a message, nothing
 * written), never let the process end quietly with exit 0 and no deck.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/cli.js';

// Inside the repository, so the copy's require('@napi-rs/canvas') finds node_modules.
const copy = mkdtempSync(path.join(process.cwd(), '.worker-death-'));
afterAll(() => rmSync(copy, { recursive: true, force: true }));

describe('a render worker that dies', () => {
  cpSync('dist', path.join(copy, 'dist'), { recursive: true });
  // This worker dies on its first request.
  writeFileSync(path.join(copy, 'dist', 'render', 'worker-entry.cjs'), "const { parentPort } = require('node:worker_threads');\nparentPort.on('message', () => process.exit(3));\n");

  it.each([
    ['the default deck (charts and a logo)', 'deck.yaml', ''],
    ['an outline whose only request is one image', 'one.yaml', 'title: One picture\nslides:\n  - title: One\n    image: { path: photo.png, alt: a photo }\n'],
  ])('fails the build of %s with an internal error and writes nothing', (_, name, text) => {
    let outline = name;
    if (text) {
      const dir = tempDir();
      cpSync('examples/assets/photo.png', path.join(dir, 'photo.png'));
      outline = path.join(dir, name);
      writeFileSync(outline, text);
    }
    const out = path.join(tempDir(), 'deck.pptx');
    const r = spawnSync(process.execPath, [path.join(copy, 'dist', 'cli.cjs'), 'build', outline, '--out', out, '--no-cache'], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } });
    expect(r.stderr).toMatch(/internal error: the render worker stopped/);
    expect(r.status).toBe(2);
    expect(existsSync(out)).toBe(false);
  });
});
