// Every skip says why: tests skip only with ctx.skip(condition, reason), which the run's summary
// prints (test/support/skip-reporter.ts). A bare .skip or .skipIf would skip in silence.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

describe('skipped tests', () => {
  it('are skipped only with a reason the summary prints', () => {
    const silent = files('test').flatMap((f) => {
      const text = readFileSync(f, 'utf8');
      const bare = [...text.matchAll(/\b(?:it|test|describe)\.(?:skip|skipIf|runIf|todo)\b/g)].map((m) => `${f}: ${m[0]}`);
      // A call's note is a string, or a case's own `skip` reason.
      const noReason = text.split('\n').filter((l) => /\bctx\.skip\(/.test(l) && !/\bctx\.skip\(.*(['`"]|c\.skip\))/.test(l)).map((l) => `${f}: ${l.trim()}`);
      return f.endsWith('skips.test.ts') ? [] : [...bare, ...noReason];
    });
    expect(silent).toEqual([]);
  });

  it('are listed with their reasons after the run', () => {
    const config = readFileSync('vitest.config.ts', 'utf8');
    expect(config).toContain('test/support/skip-reporter.ts');
  });
});
