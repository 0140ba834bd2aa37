/**
 * Prints, after the run, each skipped test and why: the note given to `ctx.skip(condition, note)`.
 * Tests skip only that way (test/support/skips.test.ts holds them to it), so no skip goes unexplained.
 */
import path from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

export default class SkipReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const lines: string[] = [];
    for (const m of modules) {
      for (const test of m.children.allTests()) {
        const result = test.result();
        // Tests left out by -t or .only are not skips that need explaining.
        if (result.state !== 'skipped' || test.options.mode !== 'run') continue;
        lines.push(`  ↓ ${path.relative(process.cwd(), m.moduleId)} > ${test.fullName}: ${result.note ?? 'skipped without a reason'}`);
      }
    }
    if (lines.length) process.stdout.write(`\nSkipped tests, and why:\n${lines.join('\n')}\n`);
  }
}
