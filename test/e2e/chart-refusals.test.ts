/** Charts that would draw a wrong picture are refused at the value's line, as a user sees it. */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deckgen, tempDir } from '../support/cli.js';

function build(outline: string, csv?: string): { stderr: string; code: number | null; wrote: boolean } {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'deck.yaml'), outline);
  if (csv) writeFileSync(path.join(dir, 'shares.csv'), csv);
  const r = deckgen(['build', 'deck.yaml', '-o', 'out.pptx'], dir, { DECKGEN_CACHE_DIR: path.join(dir, 'cache') });
  return { stderr: r.stderr, code: r.code, wrote: existsSync(path.join(dir, 'out.pptx')) };
}

describe('deckgen build refuses', () => {
  it('a pie with a negative value, at the value, and writes nothing', () => {
    const r = build('title: T\nslides:\n  - title: Shares\n    chart:\n      type: pie\n      labels: [North, South]\n      series: [{ name: Share, values: [-1, 2] }]\n');
    expect(r.code).toBe(1);
    expect(r.wrote).toBe(false);
    expect(r.stderr).toContain('deck.yaml:7:40 error: a pie chart cannot show the negative value -1: a slice is a share of a whole');
    expect(r.stderr).toContain('hint: use a bar chart');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a doughnut of zeros read from CSV, at `data:`, naming the file', () => {
    const r = build('title: T\nslides:\n  - title: Shares\n    chart:\n      type: doughnut\n      data: shares.csv\n', 'Region,Share\nNorth,0\nSouth,0\n');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('deck.yaml:6:13 error: every value of this doughnut chart is zero, so there is no whole to share out (in shares.csv)');
  });

  it('a stacked bar mixing signs, and still builds a chart whose values span orders of magnitude, with a warning', () => {
    const mixed = build('title: T\nslides:\n  - title: Flows\n    chart:\n      type: stacked-bar\n      labels: [A, B]\n      series:\n        - { name: In, values: [3, 4] }\n        - { name: Out, values: [2, -5] }\n');
    expect(mixed.code).toBe(1);
    expect(mixed.stderr).toContain('deck.yaml:9:36 error: a stacked bar cannot mix negative (-5) and positive values');
    const wide = build('title: T\nslides:\n  - title: Sizes\n    chart:\n      type: bar\n      labels: [A, B]\n      series: [{ name: S, values: [25000, 3] }]\n');
    expect(wide.code).toBe(0);
    expect(wide.wrote).toBe(true);
    expect(wide.stderr).toContain('deck.yaml:7:43 warning: values on this axis span 3 orders of magnitude (3 to 25,000)');
    expect(wide.stderr).toContain('hint: use `type: hbar`');
  });
});
