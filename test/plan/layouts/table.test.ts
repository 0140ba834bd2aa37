// Tables use the slide: rows grow into the space, pages split evenly, and empty cells do not
// decide a column's alignment.
import { describe, expect, it } from 'vitest';
import { parseOutline } from '../../../src/load/load.js';
import type { TableShape } from '../../../src/plan/deck.js';
import { GRID } from '../../../src/plan/grid.js';
import { planDeck } from '../../../src/plan/plan.js';

const lines = (...ls: string[]): string => `${ls.join('\n')}\n`;

function tables(rows: string[][], columns = ['Month', 'Trips', 'Cost (£)']): TableShape[] {
  const yaml = lines('title: T', 'slides:', '  - title: A table', '    table:', `      columns: ${JSON.stringify(columns)}`, `      rows: ${JSON.stringify(rows)}`);
  const { deck, diagnostics } = planDeck(parseOutline(yaml, 'deck.yaml'));
  expect(diagnostics).toEqual([]);
  return deck.slides.flatMap((s) => s.shapes.filter((x): x is TableShape => x.kind === 'table'));
}

const height = (t: TableShape): number => t.rowHeights.reduce((a, b) => a + b, 0);
const row = (i: number): string[] => [`Month ${i}`, String(1000 + i), String(20 * i)];

describe('tablePages', () => {
  it('grows the rows of a short table to use the body, at the preferred size', () => {
    const [t] = tables([1, 2, 3, 4, 5].map(row));
    expect(t!.size).toBe(18);
    expect(height(t!)).toBeGreaterThan(GRID.body.h * 0.9);
    expect(height(t!)).toBeLessThanOrEqual(GRID.body.h);
    expect(t!.box.h).toBeCloseTo(height(t!), 6);
  });

  it('does not stretch a two-row table past twice its height', () => {
    const [t] = tables([row(1), row(2)]);
    expect(height(t!)).toBeLessThan(GRID.body.h * 0.6);
  });

  it('splits a long table evenly and fills the fullest page, with one row height for all', () => {
    const pages = tables(Array.from({ length: 25 }, (_, i) => row(i + 1)));
    expect(pages.map((t) => t.rows.length)).toEqual([13, 12]);
    expect(Math.max(...pages.map(height))).toBeGreaterThan(GRID.body.h * 0.93);
    expect(pages.every((t) => t.size === pages[0]!.size)).toBe(true);
    expect(pages[1]!.rowHeights[1]).toBeCloseTo(pages[0]!.rowHeights[1]!, 6);
  });

  it('keeps a number column right-aligned when a cell in it is empty', () => {
    const [t] = tables([row(1), row(2), ['Total', '2003', '']]);
    expect(t!.numeric).toEqual([false, true, true]);
  });

  it('does not call a column of empty cells numeric', () => {
    const [t] = tables([['a', '', '1'], ['b', '', '2']]);
    expect(t!.numeric).toEqual([false, false, true]);
  });
});
