#!/usr/bin/env node
// npm run fuzz: the build property, FUZZ_RUNS times (default 10,000), against the compiled dist/,
// and the hostile-input properties of test/fuzz/hostile.property.test.ts, FUZZ_RUNS times each.
// Compiles src first (set FUZZ_NO_COMPILE=1 to skip), then runs test/fuzz/fuzz.long.ts in vitest,
// which prints progress, a summary (built / rejected by reason / failures, each failure shrunk to
// a small counterexample) and exits non-zero on any failure.
//
//   npm run fuzz                      10,000 cases, random seed
//   FUZZ_RUNS=2000 npm run fuzz       fewer
//   FUZZ_SEED=123 npm run fuzz        replay a run
//   FUZZ_KNOWN_BUGS=include           also generate the inputs of bugs already reported
//   FUZZ_REPORT=fuzz.json             also write the summary as JSON
//   OOXML_XSD_DIR=../shared/ooxml-xsd also validate every deck against the ECMA-376 schemas
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const run = (args) => spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env: process.env }).status ?? 1;

if (!process.env.FUZZ_NO_COMPILE) {
  const code = run([require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json']);
  if (code !== 0) process.exit(code);
}
const vitest = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
process.exit(run([vitest, 'run', '--config', 'test/fuzz/vitest.fuzz.config.ts', '--reporter', 'dot']));
