import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';

/** Compiles src/ to dist/ once per test run, so CLI tests never run a stale build. */
export default function setup(): void {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
}
