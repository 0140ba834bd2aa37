import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

/**
 * Compiles and bundles src/ into dist/ once per test run, so CLI tests never run a stale build,
 * and gives the run a chart cache of its own (never the user's ~/.cache/deckgen).
 */
export default function setup(): () => void {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
  execFileSync(process.execPath, ['scripts/bundle.mjs'], { stdio: 'inherit' });
  const cache = mkdtempSync(path.join(os.tmpdir(), 'deckgen-test-cache-'));
  process.env.DECKGEN_CACHE_DIR = cache;
  return () => rmSync(cache, { recursive: true, force: true });
}
