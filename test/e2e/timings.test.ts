/** DECKGEN_TIMINGS=1 prints each stage's time when a command ends; unset, nothing extra is printed. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deckgen, tempDir } from '../support/cli.js';

const STAGES = ['start-up', 'modules', 'load', 'images', 'template', 'plan', 'render', 'emit', 'package', 'write', 'total'];

describe('DECKGEN_TIMINGS', () => {
  it('prints every stage of a build, in order, with the peak memory', () => {
    const out = path.join(tempDir(), 'deck.pptx');
    const r = deckgen(['build', 'deck.yaml', '--out', out, '-q'], process.cwd(), { DECKGEN_TIMINGS: '1', DECKGEN_CACHE_DIR: tempDir() });
    expect(r.code).toBe(0);
    const rows = [...r.stderr.matchAll(/^ {2}(\S+) +(\d+\.\d) ms$/gm)].map((m) => [m[1], Number(m[2])] as const);
    expect(rows.map(([stage]) => stage)).toEqual(STAGES);
    const total = rows.at(-1)![1];
    const sum = rows.slice(0, -1).reduce((t, [, ms]) => t + ms, 0);
    // The stages are parts of the process's life: they cannot add up to more than it.
    expect(sum).toBeLessThanOrEqual(total);
    expect(rows.find(([s]) => s === 'render')![1]).toBeGreaterThan(0);
    expect(r.stderr).toMatch(/^ {2}peak RSS +\d+ MiB$/m);
  });

  it('prints nothing when unset or 0', () => {
    for (const value of [undefined, '0']) {
      const r = deckgen(['build', 'deck.yaml', '--out', path.join(tempDir(), 'deck.pptx'), '-q'], process.cwd(), { DECKGEN_TIMINGS: value });
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
    }
  });

  it('reports the stages of a validate that finds problems, after the problems', () => {
    const file = path.join(tempDir(), 'deck.yaml');
    writeFileSync(file, 'title: T\nslides:\n  - title: A slide\n    bulets: [one]\n');
    const r = deckgen(['validate', file], process.cwd(), { DECKGEN_TIMINGS: '1' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bulets[\s\S]*deckgen timings/);
    expect(r.stderr).toMatch(/^ {2}load +\d+\.\d ms$/m);
  });
});
