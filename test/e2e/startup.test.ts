/**
 * What a build loads: a text deck's start-up cost is mostly loading, so the bundled CLI must not
 * load what that build does not use (see README "Speed"). Read from the process itself.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { isAscii } from 'node:buffer';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, tempDir } from '../support/cli.js';

interface Loaded {
  builtins: string[];
  files: string[];
}

function loadedBy(args: string[], env: NodeJS.ProcessEnv = {}): Loaded {
  const r = spawnSync(process.execPath, ['--require', path.resolve('test/support/load-probe.cjs'), CLI, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(/^load-probe=(.*)$/m.exec(r.stderr)![1]!) as Loaded;
}

describe('what a text-only build loads', () => {
  const dir = tempDir();
  const outline = path.join(dir, 'deck.yaml');
  writeFileSync(outline, 'title: Loading\nslides:\n  - title: One slide\n    bullets: [a point]\n');
  const loaded = loadedBy(['build', outline, '--out', path.join(dir, 'deck.pptx'), '-q'], { DECKGEN_CACHE_DIR: path.join(dir, 'cache') });

  it('compiles pptxgenjs into the bundle instead of loading it from node_modules', () => {
    expect(loaded.files.filter((f) => f.includes('node_modules'))).toEqual([]);
  });

  it('does not load what only preview, watch or charts use', () => {
    for (const unused of ['child_process', 'dgram']) expect(loaded.builtins).not.toContain(unused);
  });

  it('starts as CommonJS and loads nothing it does not use: no ESM loader, worker, timer or terminal stream', () => {
    // An ES module entry sets up Node's ESM loader (~8 ms); worker_threads is for charts;
    // perf_hooks only for DECKGEN_TIMINGS; net comes with stderr, which a quiet build never touches.
    for (const esm of ['internal/modules/esm/module_job', 'internal/modules/esm/translators']) expect(loaded.builtins).not.toContain(esm);
    for (const unused of ['worker_threads', 'perf_hooks', 'net', 'tty']) expect(loaded.builtins).not.toContain(unused);
  });

  it('does not load node:https (pptxgenjs fetches no images: deckgen gives it every one as data)', () => {
    expect(loaded.builtins).not.toContain('https');
    expect(loaded.builtins).not.toContain('tls');
  });
});

describe('the bundled CLI', () => {
  it('also runs as node dist/cli.js, the ES module that requires dist/cli.cjs', () => {
    const run = (file: string) => spawnSync(process.execPath, [file, '--version'], { encoding: 'utf8' });
    const [esm, cjs] = [run('dist/cli.js'), run('dist/cli.cjs')];
    expect(esm.status, esm.stderr).toBe(0);
    expect(esm.stdout).toBe(cjs.stdout);
    expect(esm.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('is ASCII-only, so the launcher reads it without UTF-8 decoding', () => {
    expect(isAscii(readFileSync('dist/deckgen.cjs'))).toBe(true);
  });
});
