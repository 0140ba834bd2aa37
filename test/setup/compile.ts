import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

/**
 * Compiles and bundles src/ into dist/ once per test run, so CLI tests never run a stale build,
 * and gives the run a chart cache of its own (never the user's ~/.cache/deckgen).
 *
 * Every temporary folder of the run (the tests', and those of the CLIs they start) goes into one
 * folder of the run's own, which is removed at the end even when tests fail. A test that leaves a
 * folder of its own behind fails the run, so the leak is fixed where it is.
 */
export default function setup(): () => void {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
  execFileSync(process.execPath, ['scripts/bundle.mjs'], { stdio: 'inherit' });
  const run = mkdtempSync(path.join(os.tmpdir(), 'deckgen-test-run-'));
  for (const key of ['TMPDIR', 'TMP', 'TEMP']) process.env[key] = run;
  const cache = mkdtempSync(path.join(run, 'chart-cache-'));
  process.env.DECKGEN_CACHE_DIR = cache;
  return () => {
    const left = readdirSync(run).filter((name) => path.join(run, name) !== cache);
    rmSync(run, { recursive: true, force: true, maxRetries: 5 });
    if (left.length) {
      // Vitest reports an error thrown here but still exits 0: fail the run itself.
      process.stderr.write(`\nerror: the tests left ${left.length} temporary folder(s) behind: ${left.join(', ')}; remove them in the test (tempDir() in test/support/cli.ts does)\n`);
      process.exitCode = 1;
    }
  };
}
