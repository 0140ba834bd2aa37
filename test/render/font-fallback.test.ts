/**
 * The worker registers the font twins lazily (src/fonts.ts), but a chart must draw exactly as it
 * did when all six were registered at start: the canvas draws a glyph its family lacks from the
 * other registered faces, so which are registered, and in what order, can change the picture.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { twinCovers } from '../../src/fonts.js';
import { chartShapeOf } from '../support/chart.js';

describe('twinCovers', () => {
  it('knows what a twin draws by itself and what may come from another face', () => {
    expect(twinCovers('Carlito', 'North, South: 4.1% – €12')).toBe(true);
    expect(twinCovers('Carlito', 'שלום')).toBe(false);
    expect(twinCovers('Carlito', '两江新区')).toBe(false);
    expect(twinCovers('Arimo', 'Ωmega')).toBe(false);
  });
});

/** The PNG the compiled drawing code makes of a chart in a fresh process, with every twin registered first or not. */
function drawn(labels: string[], allFirst: boolean): string {
  const script = `
    import { createHash } from 'node:crypto';
    ${allFirst ? "const { registerFonts } = await import('./dist/fonts.js'); registerFonts();" : ''}
    const { drawChart } = await import('./dist/render/draw.js');
    const shape = ${JSON.stringify(chartShapeOf({ type: 'bar', labels, series: [{ name: 'Units', values: [3, 5] }], dataLabels: true }))};
    process.stdout.write(createHash('sha256').update(await drawChart(shape)).digest('hex'));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  return r.stdout;
}

describe('charts drawn with lazily registered twins', () => {
  it.each([
    ['Latin labels', ['North', 'South']],
    ['Hebrew labels, which Carlito lacks', ['שלום', 'עולם']],
  ])('%s: the same picture as with every twin registered first', (_, labels) => {
    expect(drawn(labels, false)).toBe(drawn(labels, true));
  });
});
