import { describe, expect, it } from 'vitest';
import { citedOn, extractFigures, unitMeaning, type Figure } from '../../src/figures/extract.js';
import { parseOutline } from '../../src/load/load.js';

const lines = (...ls: string[]): string => `${ls.join('\n')}\n`;
const figures = (...ls: string[]): Figure[] => extractFigures(parseOutline(lines(...ls), 'deck.yaml'));
const SOURCES = ['sources:', '  - { id: a, title: A }', '  - { id: b, title: B }'];
/** "text @ path" for each figure, for compact expectations. */
const where = (fs: Figure[]): string[] => fs.map((f) => `${f.text} @ ${f.path.join('.')}`);

describe('unitMeaning', () => {
  it('reads the scale, percent or multiple a unit gives its values', () => {
    expect(unitMeaning('million laptops')).toEqual({ scale: 1e6, word: 'million', kind: 'plain' });
    expect(unitMeaning('bn yuan')).toEqual({ scale: 1e9, word: 'bn', kind: 'plain' });
    expect(unitMeaning('Laptops (million)')).toMatchObject({ scale: 1e6 });
    expect(unitMeaning('thousand TEU')).toMatchObject({ scale: 1e3 });
    expect(unitMeaning('%')).toEqual({ word: '%', kind: 'percent' });
    expect(unitMeaning('per cent')).toMatchObject({ kind: 'percent' });
    expect(unitMeaning('times')).toEqual({ word: 'times', kind: 'multiple' });
    expect(unitMeaning('x')).toMatchObject({ kind: 'multiple' });
    expect(unitMeaning('enterprises')).toEqual({ kind: 'plain' });
    expect(unitMeaning('km')).toEqual({ kind: 'plain' });
    expect(unitMeaning('亿元')).toEqual({ scale: 1e8, word: '亿', kind: 'plain' });
    expect(unitMeaning('万亿元')).toMatchObject({ scale: 1e12 });
    expect(unitMeaning(undefined)).toEqual({ kind: 'plain' });
  });
});

describe('extractFigures: what counts', () => {
  it('finds figures in every text the deck shows, with the path of the value holding each', () => {
    const fs = figures(
      'title: Deck 2021',
      'subtitle: Sub 2022',
      'author: Team 7',
      'date: 2023',
      'footer: Foot 24',
      ...SOURCES,
      'slides:',
      '  - { title: Title 1, subtitle: Sub 2, layout: section, notes: Notes 3 }',
      '  - title: K',
      '    kpis:',
      '      - { value: 4.1433, unit: million laptops, label: Label 5 }',
      '      - { value: "12.6", unit: "%", label: Growth }',
      '      - { value: 17.2, unit: times, label: Up }',
      '      - { derived: { formula: "50 / 20 * 1000" }, label: Yuan }',
      '  - title: C',
      '    chart:',
      '      labels: [L 6, 2019]',
      '      series: [{ name: S 8, values: [0.64, 11183] }]',
      '      unit: bn yuan',
      '      xTitle: X 9',
      '      yTitle: Y 10',
      '      alt: Alt 11',
      '  - title: T',
      '    table: { columns: [H 12], rows: [[C 13], [14]] }',
      '  - quote: { text: Q 15, by: B 16 }',
      '  - title: I',
      '    image: { path: p.png, caption: Cap 17, alt: Alt 18 }',
      '  - title: Two',
      '    left: { heading: Left 19, bullets: [L 20] }',
      '    right: { heading: Right 21, bullets: [[R 22]] }',
    );
    expect(where(fs)).toEqual([
      '2021 @ title', '2022 @ subtitle', '7 @ author', '24 @ footer',
      '1 @ slides.0.title', '2 @ slides.0.subtitle', '3 @ slides.0.notes',
      '4.1433 million @ slides.1.kpis.0.value', '5 @ slides.1.kpis.0.label',
      '12.6% @ slides.1.kpis.1.value',
      '17.2 times @ slides.1.kpis.2.value',
      '50 @ slides.1.kpis.3.derived.formula', '20 @ slides.1.kpis.3.derived.formula', '1000 @ slides.1.kpis.3.derived.formula',
      '6 @ slides.2.chart.labels.0', '2019 @ slides.2.chart.labels.1', '8 @ slides.2.chart.series.0.name',
      '0.64 bn @ slides.2.chart.series.0.values.0', '11,183 bn @ slides.2.chart.series.0.values.1',
      '9 @ slides.2.chart.xTitle', '10 @ slides.2.chart.yTitle', '11 @ slides.2.chart.alt',
      '12 @ slides.3.table.columns.0', '13 @ slides.3.table.rows.0.0', '14 @ slides.3.table.rows.1.0',
      '15 @ slides.4.quote.text', '16 @ slides.4.quote.by',
      '17 @ slides.5.image.caption', '18 @ slides.5.image.alt',
      '19 @ slides.6.left.heading', '20 @ slides.6.left.bullets.0', '21 @ slides.6.right.heading', '22 @ slides.6.right.bullets.0.0',
    ]);
    const [kpi, pct, times] = fs.filter((f) => f.path[4] === 'value');
    expect(kpi).toMatchObject({ value: 4.1433, decimals: 4, scale: 1e6, kind: 'plain' });
    expect(pct).toMatchObject({ value: 12.6, decimals: 1, kind: 'percent' });
    expect(times).toMatchObject({ value: 17.2, kind: 'multiple' });
    expect(fs.find((f) => f.text === '0.64 bn')).toMatchObject({ scale: 1e9, decimals: 2 });
  });

  it('reads bullets in string, object and nested-list forms, at any depth', () => {
    const fs = figures('title: T', 'slides:', '  - title: B', '    bullets:', '      - one 1', '      - { text: two 2, bullets: [three 3, [four 4]] }', '      - [five 5, [six 6]]');
    expect(where(fs)).toEqual([
      '1 @ slides.0.bullets.0', '2 @ slides.0.bullets.1.text', '3 @ slides.0.bullets.1.bullets.0',
      '4 @ slides.0.bullets.1.bullets.1.0', '5 @ slides.0.bullets.2.0', '6 @ slides.0.bullets.2.1.0',
    ]);
  });

  it('reads a derived figure as its operands only, and the text around it as usual', () => {
    const [a, b, c, d] = figures('title: T', 'slides:', '  - { title: B, bullets: ["In 2012 {{ 4.1433 / 20 | 0.0% }} of 50 bn"] }');
    expect([a, b, c, d].map((f) => [f!.text, f!.formula, f!.columnInLine])).toEqual([
      ['4.1433', '4.1433 / 20', 11],
      ['20', '4.1433 / 20', 20],
      ['2012', undefined, 3],
      ['50 bn', undefined, 36],
    ]);
  });

  it('places a figure in a multi-line text by its line and column there', () => {
    const [f] = figures('title: T', 'slides:', '  - title: B', '    bullets: [a]', '    notes: |', '      First line.', '      Then 57 firms.');
    expect(f).toMatchObject({ text: '57', multiline: true, lineInText: 1, columnInLine: 5 });
  });
});

describe('extractFigures: which source a figure must come from', () => {
  const scopes = (...slide: string[]): Record<string, unknown> =>
    Object.fromEntries(figures('title: T', ...SOURCES, 'slides:', ...slide).map((f) => [f.text, f.scopes]));

  it('takes the nearest enclosing source, down to the bullet and its sub-points', () => {
    const s = scopes(
      '  - title: Heading 1',
      '    source: { id: a, para: 9 }',
      '    bullets:',
      '      - { text: "own 2", source: { id: b, para: [3, 4] }, bullets: ["child 3"] }',
      '      - ["after 4"]',
      '      - "plain 5"',
    );
    expect(s).toEqual({
      '1': [{ id: 'a', paras: [9] }],
      '2': [{ id: 'b', paras: [3, 4] }],
      '3': [{ id: 'b', paras: [3, 4] }],
      '4': [{ id: 'b', paras: [3, 4] }],
      '5': [{ id: 'a', paras: [9] }],
    });
  });

  it("uses the KPI's, chart's, table's, quote's or image's own source before the slide's", () => {
    expect(scopes('  - title: K', '    kpis: [{ value: 1, label: x, source: b }, { value: 2, label: y }]')).toEqual({ '1': [{ id: 'b' }], '2': [{ id: 'b' }] });
    expect(scopes('  - title: C', '    source: a', '    chart: { labels: [x], series: [{ name: s, values: [3] }], source: { id: b, para: 2 } }')).toEqual({ '3': [{ id: 'b', paras: [2] }] });
    expect(scopes('  - quote: { text: "4 quoted", source: b }')).toEqual({ '4': [{ id: 'b' }] });
  });

  it('falls back to everything the slide cites, then to every source', () => {
    const s = scopes(
      '  - title: "Title 1"',
      '    bullets:',
      '      - { text: x, source: { id: a, para: 2 } }',
      '      - { text: y, source: { id: a, para: 5 } }',
      '      - { text: z, source: { id: b, para: 1 } }',
      '      - { text: w, source: b }',
      '  - { title: "Other 2", bullets: [q] }',
    );
    expect(s).toEqual({ '1': [{ id: 'a', paras: [2, 5] }, { id: 'b' }], '2': [{ id: 'a' }, { id: 'b' }] });
  });

  it('lists nothing a slide without citations could cite in an outline without sources', () => {
    expect(figures('title: T', 'slides:', '  - { title: "13", bullets: [a] }')[0]!.scopes).toEqual([]);
  });

  it('citedOn merges the citations of a slide per source', () => {
    const o = parseOutline(lines('title: T', ...SOURCES, 'slides:', '  - { title: x, bullets: [{ text: a, source: { id: a, para: [3, 1] } }, { text: b, source: { id: a, para: 1 } }] }'), 'd.yaml');
    expect(citedOn(o.slides[0]!)).toEqual([{ id: 'a', paras: [1, 3] }]);
    expect(citedOn(parseOutline(lines('title: T', 'slides:', '  - { title: x, bullets: [a] }'), 'd.yaml').slides[0]!)).toBeUndefined();
  });
});
