/**
 * load releases the outline's parsed document once it is done (src/load/positions.ts): a
 * position asked for later must be the same as one asked for while the document was held.
 */
import { describe, expect, it } from 'vitest';
import { locator, parseWithPositions } from '../../src/load/positions.js';

const text = ['title: Deck', 'slides:', '  - title: First', '    bullets:', '      - one', '      - two', '  - title: Second', '    chart: { type: bar, labels: [a, b] }', ''].join('\n');
const paths: [readonly PropertyKey[], boolean][] = [
  [['title'], false],
  [['slides', 0, 'bullets', 1], false],
  [['slides', 1, 'chart', 'labels'], false],
  [['slides', 1, 'chart', 'type'], true],
  [['slides', 1, 'missing', 'deeper'], false],
];

describe('locator', () => {
  it('gives the same positions after the document is released as before', () => {
    const held = locator(text, parseWithPositions(text));
    const before = paths.map(([p, key]) => held.locate(p, key));
    held.release();
    const after = paths.map(([p, key]) => held.locate(p, key));
    expect(after).toEqual(before);
    expect(before[1]).toEqual({ line: 6, column: 9 });
    expect(before[3]).toEqual({ line: 8, column: 14 });
  });
});
