import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDiagnostic, InputError, type Diagnostic } from '../../src/diagnostics.js';
import type { LayoutName } from '../../src/load/schema.js';
import { loadOutline, parseOutline, readOutlineText } from '../../src/load/load.js';

const FILE = 'deck.yaml';

/** The diagnostics parseOutline throws for `text`; fails the test if it throws anything else, or nothing. */
function problems(text: string): Diagnostic[] {
  try {
    parseOutline(text, FILE);
  } catch (e) {
    if (e instanceof InputError) return e.diagnostics;
    throw e;
  }
  throw new Error('expected the outline to be rejected');
}

/** 1-based line and column of the first character of `needle` in `text` (its `nth` occurrence). */
function posOf(text: string, needle: string, nth = 1): { line: number; column: number } {
  let at = -1;
  for (let i = 0; i < nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" not in the text`);
  }
  const before = text.slice(0, at).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

const lines = (...ls: string[]): string => `${ls.join('\n')}\n`;

describe('parseOutline: a valid outline', () => {
  const text = lines(
    'title: Liangjiang electronics',
    'subtitle: H1 2012',
    'author: Briefing',
    'date: 2012',
    'footer: Footer text',
    'sources:',
    '  - { id: article, title: Electronics booms, author: Huang Xiqin }',
    'slides:',
    '  - title: Summary',
    '    bullets:',
    '      - { text: "11.183 bn yuan", source: { id: article, para: 1 } }',
    '      - plain',
  );

  it('keeps the meta, sources and slides, with each slide knowing its index', () => {
    const o = parseOutline(text, FILE);
    expect(o.file).toBe(FILE);
    expect(o.dir).toBe(path.resolve('.'));
    expect(o.meta).toEqual({ title: 'Liangjiang electronics', subtitle: 'H1 2012', author: 'Briefing', date: '2012', footer: 'Footer text', lang: 'en-US' });
    expect(o.sources).toEqual([{ id: 'article', title: 'Electronics booms', author: 'Huang Xiqin' }]);
    expect(o.sourcesSlide).toBe(true);
    expect(o.slides).toHaveLength(1);
    expect(o.slides[0]).toMatchObject({ index: 0, layout: 'bullets', title: 'Summary' });
  });

  it('locates any path in the outline at its line and column, for later stages', () => {
    const o = parseOutline(text, FILE);
    expect(o.locate(['slides', 0, 'bullets', 1])).toEqual(posOf(text, 'plain'));
    expect(o.locate(['footer'])).toEqual(posOf(text, 'Footer text'));
    // A path that does not exist resolves to its deepest existing ancestor.
    expect(o.locate(['slides', 0, 'nothing', 'here'])).toEqual(posOf(text, 'title: Summary'));
  });

  it('accepts a byte order mark at the start of the file', () => {
    const o = parseOutline(`\uFEFF${text}`, FILE);
    expect(o.meta.title).toBe('Liangjiang electronics');
  });

  it('reads numbers where text is expected as text', () => {
    const o = parseOutline(lines('title: T', 'date: 2012', 'slides:', '  - title: A', '    bullets: [2012, 3.5]'), FILE);
    expect(o.meta.date).toBe('2012');
    expect(o.slides[0]).toMatchObject({ bullets: ['2012', '3.5'] });
  });
});

describe('parseOutline: line and column', () => {
  it('reports an unknown key at the key, with a did-you-mean and the keys allowed there', () => {
    const text = lines('title: T', 'slides:', '  - title: A', '    bulets:', '      - x');
    const [d, ...rest] = problems(text);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ code: 'schema', severity: 'error', file: FILE, ...posOf(text, 'bulets') });
    expect(d!.message).toBe('unknown key "bulets" (did you mean "bullets"?)');
    expect(d!.hint).toMatch(/^allowed here: layout, title, .*bullets/);
  });

  it('reports an unknown key with no close match without a did-you-mean', () => {
    const text = lines('title: T', 'zzzzzzzz: 1', 'slides:', '  - title: A', '    bullets: [x]');
    const [d] = problems(text);
    expect(d).toMatchObject(posOf(text, 'zzzzzzzz'));
    expect(d!.message).toBe('unknown key "zzzzzzzz"');
    expect(d!.hint).toMatch(/allowed here: title, subtitle, author/);
  });

  it('suggests keys known in the mapping the unknown key is in', () => {
    const text = lines('title: T', 'slides:', '  - title: A', '    chart:', '      labels: [a]', '      series: [{ name: s, valus: [1] }]');
    const d = problems(text).find((x) => x.message.startsWith('unknown key'));
    expect(d!.message).toBe('unknown key "valus" (did you mean "values"?)');
    expect(d).toMatchObject(posOf(text, 'valus'));
    expect(d!.hint).toBe('allowed here: name, values, type, axis');
  });

  it('reports an unknown layout at its value, with a did-you-mean and every layout in the hint', () => {
    const text = lines('title: T', 'slides:', '  - layout: bulets', '    title: A');
    const [d] = problems(text);
    expect(d).toMatchObject(posOf(text, 'bulets'));
    expect(d!.message).toBe('"bulets" is not one of the allowed values (did you mean "bullets"?)');
    for (const layout of ['title', 'agenda', 'section', 'bullets', 'kpis', 'chart', 'chart-text', 'two-column', 'table', 'quote', 'image', 'sources']) {
      expect(d!.hint).toContain(layout);
    }
  });

  it('reports an unknown chart type with a did-you-mean', () => {
    const text = lines('title: T', 'slides:', '  - title: A', '    chart: { type: hbra, labels: [a], series: [{ name: s, values: [1] }] }');
    const [d] = problems(text);
    expect(d).toMatchObject(posOf(text, 'hbra'));
    expect(d!.message).toContain('did you mean "hbar"?');
    expect(d!.hint).toContain('stacked-bar');
  });

  it('tells how to write labels given as one string, not to aggregate them', () => {
    const text = lines('title: T', 'slides:', '  - title: A', '    chart:', '      type: bar', '      labels: July, August', '      series: [{ name: s, values: [1, 2] }]');
    const [d] = problems(text);
    expect(d).toMatchObject({ ...posOf(text, 'July'), message: 'expected a list (YAML "- item" lines) for "labels", got string "July, August"' });
    expect(d!.hint).toBe('write the category labels as a list, one per value, e.g. [July, August, September]');
  });

  it('says where a key written at the wrong level belongs', () => {
    const series = problems(lines('title: T', 'slides:', '  - title: A', '    chart:', '      type: bar', '      labels: [a]', '    series: [{ name: s, values: [1] }]')).find((d) => d.message.includes('"series"'));
    expect(series).toMatchObject({ line: 7, column: 5, message: 'unknown key "series" here: it belongs under `chart:`: indent it below that key' });
    const [top] = problems(lines('title: T', 'slides:', '  - title: A', '    sourcesSlide: false', '    bullets: [a]'));
    expect(top).toMatchObject({ line: 4, column: 5, message: 'unknown key "sourcesSlide" here: it belongs at the top of the outline, with `title` and `slides`' });
  });

  it('reports a misspelt key once, at the key, not also as the key it meant going missing', () => {
    const found = problems(lines('title: T', 'slides:', '  - title: A', '    bullets:', '      - { txt: hello }'));
    expect(found.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual(['5:11 unknown key "txt" (did you mean "text"?)']);
  });

  it('gives the tag for a language written as a name', () => {
    const [d] = problems(lines('title: T', 'lang: German', 'slides:', '  - title: A', '    bullets: [a]'));
    expect(d).toMatchObject({ line: 2, column: 7, hint: "write the language's tag: lang: de-DE" });
  });

  it('keeps lines and columns with Windows line endings', () => {
    const text = lines('title: T', 'slides:', '  - title: A', '    bulets: [x]').replace(/\n/g, '\r\n');
    const [d] = problems(text);
    expect(d).toMatchObject({ line: 4, column: 5 });
  });

  it('keeps lines and columns after a byte order mark', () => {
    const text = lines('title: T', 'slides:', '  - title: A', '    bulets: [x]');
    expect(problems(`\uFEFF${text}`)[0]).toMatchObject(posOf(text, 'bulets'));
  });

  it('formats a problem as file:line:column with its hint on the next line', () => {
    const text = lines('title: T', 'slides:', '  - title: A', '    bulets: [x]');
    const [d] = problems(text);
    expect(formatDiagnostic(d!)).toMatch(/^deck\.yaml:4:5 error: unknown key "bulets" \(did you mean "bullets"\?\)\n  hint: allowed here: /);
  });
});

describe('parseOutline: every problem at once', () => {
  it('reports three schema problems in one outline as three diagnostics, in order', () => {
    const text = lines(
      'title: T',
      'slides:',
      '  - title: A',
      '    bulets: [x]',
      '  - layout: chrt',
      '    title: B',
      '  - title: C',
      '    kpis:',
      '      - { value: 1, label: a }',
      '      - { value: 2, label: b, colour: red }',
    );
    const ds = problems(text);
    expect(ds.map((d) => d.message)).toEqual([
      'unknown key "bulets" (did you mean "bullets"?)',
      '"chrt" is not one of the allowed values (did you mean "chart"?)',
      'unknown key "colour"',
    ]);
    expect(ds.map((d) => d.line)).toEqual([4, 5, 10]);
  });

  it('reports every layout and reference problem together', () => {
    const text = lines(
      'title: T',
      'sources: [{ id: article, title: A }]',
      'slides:',
      '  - layout: bullets',
      '    title: A',
      '  - layout: chart',
      '    bullets: [x]',
      '  - title: C',
      '    bullets: [{ text: x, source: nope }]',
    );
    const ds = problems(text);
    expect(ds).toHaveLength(5);
    expect(ds.map((d) => d.line)).toEqual([4, 6, 6, 7, 9]);
  });

  it('puts every problem in the InputError message', () => {
    try {
      parseOutline(lines('title: T', 'slides:', '  - title: A', '    bulets: [x]', '    nots: y'), FILE);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).message).toContain('deck.yaml:4:5');
      expect((e as InputError).message).toContain('deck.yaml:5:5');
    }
  });
});

describe('parseOutline: YAML syntax', () => {
  it('says plainly that a list item is indented unlike the one above it, at its dash', () => {
    const [d, ...rest] = problems(lines('title: Indent', 'slides:', '  - title: One', '    bullets:', '      - a', '     - b', '  - title: Two', '    bullets: [c]'));
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ line: 6, column: 6, message: 'this list item is indented 5 spaces, the item above it (line 5) 6', hint: 'line the "- " up with the one on line 5: 6 spaces before it' });
  });

  it('reports a quote never closed where it opens, not at the end of the file', () => {
    const [d] = problems(lines('title: quote', 'slides:', '  - title: "Unclosed', '    bullets: [a]', '  - title: Two', '    bullets: [b]'));
    expect(d).toMatchObject({ line: 3, column: 12, message: 'this double-quoted text is never closed', hint: 'end it with " on the same line' });
  });

  it('reports a bad indentation at its line, as an InputError', () => {
    const text = lines('title: T', 'slides:', '  - title: A', '   bullets: [x]');
    const ds = problems(text);
    expect(ds.length).toBeGreaterThanOrEqual(1);
    expect(ds[0]).toMatchObject({ code: expect.stringMatching(/^yaml-/), severity: 'error', line: 4 });
    expect(ds[0]!.hint).toMatch(/indentation/);
  });

  it('reports an unclosed quote, with a position inside or just after the text', () => {
    const text = lines('title: T', 'slides:', '  - title: "A', '    bullets: [x]');
    const [d] = problems(text);
    expect(d!.code).toMatch(/^yaml-/);
    expect(d!.line).toBeGreaterThanOrEqual(3);
    expect(d!.line).toBeLessThanOrEqual(5);
    expect(d!.column).toBeGreaterThanOrEqual(1);
  });

  it('reports only the first YAML problem of a line, and later lines still', () => {
    // "bullets: - x" gives the parser two complaints about line 4; the first says what is wrong.
    const ds = problems(lines('title: T', 'slides:', '  - title: A', '    bullets: - x', '  - title: B', '   bullets: [y]'));
    expect(ds.map((d) => d.line)).toEqual([4, 6]);
    expect(ds[0]!.code).toBe('yaml-unexpected_token');
  });

  it('reports a tab used as indentation, with a hint to use spaces', () => {
    const [d] = problems('title: T\nslides:\n\t- title: A\n');
    expect(d).toMatchObject({ code: 'yaml-tab_as_indent', line: 3, column: 1, hint: 'indent with spaces, not tabs' });
  });

  it('reports a second YAML document', () => {
    const text = lines('title: T', 'slides:', '  - title: A', '    bullets: [x]', '---', 'title: U');
    expect(problems(text)[0]).toMatchObject({ code: 'yaml-multiple_docs', line: 5 });
  });

  it('reports a duplicate key at the repeated key', () => {
    const text = lines('title: T', 'title: U', 'slides:', '  - title: A', '    bullets: [x]');
    const [d] = problems(text);
    expect(d).toMatchObject({ code: 'yaml-duplicate_key', line: 2, column: 1 });
    expect(d!.hint).toMatch(/each key may appear once/);
  });

  it('reports a duplicate key inside a slide at the repeated key', () => {
    const text = lines('title: T', 'slides:', '  - title: A', '    bullets: [x]', '    title: B');
    expect(problems(text)[0]).toMatchObject({ code: 'yaml-duplicate_key', ...posOf(text, 'title: B') });
  });

  it.each([
    ['an empty document', ''],
    ['a comment only', '# nothing yet\n'],
    ['a list', '- a\n- b\n'],
    ['a plain scalar', 'just some text\n'],
  ])('rejects %s: the outline must be a mapping', (_name, text) => {
    expect(problems(text)).toEqual([expect.objectContaining({ code: 'not-a-mapping', line: 1, column: 1 })]);
  });

  it('reports an alias to an undefined anchor as a diagnostic, not a crash', () => {
    const text = lines('title: T', 'slides:', '  - title: A', '    bullets: [*nope]');
    expect(problems(text)[0]).toMatchObject({ line: 4, column: 15, code: 'yaml-alias' });
  });

  it('reports an alias bomb as a diagnostic at its first alias, not a crash', () => {
    const text = lines(
      'title: T',
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
      'slides: [{ title: A, bullets: [x] }]',
    );
    expect(problems(text)).toEqual([expect.objectContaining({ line: 3, column: 8, code: 'yaml-alias-bomb' })]);
  });
});

describe('parseOutline: layouts', () => {
  const chart = '{ labels: [a, b], series: [{ name: s, values: [1, 2] }] }';
  it.each<[LayoutName, string[]]>([
    ['section', ['  - title: S']],
    ['bullets', ['  - title: B', '    bullets: [x]']],
    ['kpis', ['  - title: K', '    kpis: [{ value: 1, label: a }, { value: 2, label: b }]']],
    ['chart', ['  - title: C', `    chart: ${chart}`]],
    ['chart-text', ['  - title: CT', `    chart: ${chart}`, '    bullets: [x, y]']],
    ['table', ['  - title: Tb', '    table: { columns: [a, b], rows: [[1, 2]] }']],
    ['quote', ['  - quote: { text: Hi, by: Me }']],
    ['image', ['  - title: I', '    image: { path: a.png }']],
    ['two-column', ['  - title: TC', '    left: { bullets: [x] }', '    right: { bullets: [y] }']],
  ])('infers layout "%s" from the content', (layout, slide) => {
    const o = parseOutline(lines('title: T', 'slides:', ...slide), FILE);
    expect(o.slides[0]!.layout).toBe(layout);
  });

  it('lets an explicit layout win over inference', () => {
    const o = parseOutline(lines('title: T', 'slides:', '  - layout: title', '    title: Welcome', '    subtitle: Sub'), FILE);
    expect(o.slides[0]).toMatchObject({ layout: 'title', title: 'Welcome', subtitle: 'Sub' });
  });

  it('accepts the layouts that need no content', () => {
    const o = parseOutline(lines('title: T', 'slides:', '  - layout: agenda', '  - layout: section', '    title: S', '  - layout: sources'), FILE);
    expect(o.slides.map((s) => s.layout)).toEqual(['agenda', 'section', 'sources']);
  });

  it('reports a key the explicit layout does not show, instead of dropping it', () => {
    const text = lines('title: T', 'slides:', '  - layout: bullets', '    title: A', '    bullets: [x]', `    chart: ${chart}`);
    const ds = problems(text);
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject(posOf(text, chart));
    expect(ds[0]!.message).toBe('`chart` is not used by layout "bullets", so it would be lost');
    expect(ds[0]!.hint).toBe('remove `chart`, or choose a layout that shows it: chart, chart-text');
  });

  it('reports a key the inferred layout does not show', () => {
    const text = lines('title: T', 'slides:', '  - title: A', '    subtitle: Sub', '    bullets: [x]');
    const [d] = problems(text);
    expect(d).toMatchObject(posOf(text, 'Sub'));
    expect(d!.message).toBe('`subtitle` is not used by this slide (inferred layout "bullets"), so it would be lost');
  });

  it('reports content on a sources slide, which shows only the sources', () => {
    const text = lines('title: T', 'slides:', '  - layout: sources', '    bullets: [x]');
    expect(problems(text)[0]!.message).toMatch(/`bullets` is not used by layout "sources"/);
  });

  it('reports a missing key for an explicit layout at the slide', () => {
    const text = lines('title: T', 'slides:', '  - layout: chart', '    title: A');
    const ds = problems(text);
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject(posOf(text, 'layout: chart'));
    expect(ds[0]!.message).toBe('layout "chart" needs `chart`');
    expect(ds[0]!.hint).toBe('add `chart:` or pick another layout');
  });

  it('reports every missing key, the title included', () => {
    const text = lines('title: T', 'slides:', '  - layout: chart-text');
    expect(problems(text).map((d) => d.message)).toEqual(['layout "chart-text" needs a `title`', 'layout "chart-text" needs `chart`', 'layout "chart-text" needs `bullets`']);
  });

  it('reports the missing half of an inferred two-column slide', () => {
    const text = lines('title: T', 'slides:', '  - title: TC', '    left: { bullets: [x] }');
    expect(problems(text)[0]!.message).toBe('this slide (inferred layout "two-column") needs `right`');
  });

  it('reports a chart with more than four takeaways', () => {
    const text = lines('title: T', 'slides:', '  - title: C', `    chart: ${chart}`, '    bullets: [a, b, c, d, e]');
    const [d] = problems(text);
    expect(d!.message).toBe('a chart with takeaways shows 1 to 4 bullets; this one has 5');
    expect(d).toMatchObject(posOf(text, 'bullets: [a'));
  });

  it('accepts a chart with one takeaway, as the message and the README say', () => {
    const text = lines('title: T', 'slides:', '  - title: C', `    chart: ${chart}`, '    bullets: [a]');
    expect(parseOutline(text, FILE).slides[0]!.layout).toBe('chart-text');
  });

  it('reports a KPI slide with one figure', () => {
    const text = lines('title: T', 'slides:', '  - title: K', '    kpis: [{ value: 1, label: a }]');
    const [d] = problems(text);
    expect(d).toMatchObject(posOf(text, 'kpis:'));
    expect(d!.message).toBe('a kpis slide shows 2 to 4 figures; this one has 1');
    expect(d!.hint).toMatch(/add a second figure/);
  });

  it('reports a KPI slide with five figures at the list, saying to split it', () => {
    const kpi = '      - { value: 1, label: a }';
    const text = lines('title: T', 'slides:', '  - title: K', '    kpis:', kpi, kpi, kpi, kpi, kpi);
    const ds = problems(text);
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ ...posOf(text, 'kpis:'), message: 'a kpis slide shows 2 to 4 figures; this one has 5' });
    expect(ds[0]!.hint).toMatch(/^split the figures over two kpis slides/);
  });

  it('suggests the supported name for common chart and layout synonyms', () => {
    const at = (value: string, key = 'type'): string => {
      const text = key === 'type' ? lines('title: T', 'slides:', '  - title: C', `    chart: { type: ${value}, labels: [a], series: [{ name: s, values: [1] }] }`) : lines('title: T', 'slides:', `  - layout: ${value}`, '    title: C');
      return problems(text)[0]!.message;
    };
    expect(at('donut')).toBe('"donut" is not one of the allowed values (did you mean "doughnut"?)');
    expect(at('column')).toBe('"column" is not one of the allowed values (did you mean "bar"?)');
    expect(at('area')).toBe('"area" is not one of the allowed values (area charts are not supported; did you mean "line"?)');
    expect(at('Horizontal Bar')).toMatch(/did you mean "hbar"/);
    expect(at('divider', 'layout')).toMatch(/did you mean "section"/);
  });

  it('hints at the accepted colour forms and the nearest valid colour', () => {
    const hint = (value: string): string | undefined => problems(lines('title: T', `theme: { primary: ${value} }`, 'slides:', '  - title: A', '    bullets: [x]'))[0]!.hint;
    expect(hint('"#FFF"')).toMatch(/six hex digits.*nearest valid: "#FFFFFF"$/);
    expect(hint('red')).toMatch(/nearest valid: "#FF0000"$/);
    expect(hint('"#0B5394FF"')).toMatch(/nearest valid: "#0B5394"$/);
    expect(hint('"rgb(11, 83, 148)"')).toMatch(/nearest valid: "#0B5394"$/);
    expect(hint('"#zzzzzz"')).toBe('a colour is six hex digits, with or without "#": "#0B5394" or "0B5394" (quote it, since # starts a YAML comment)');
    // Unquoted, # starts a comment and the value is empty: the hint says to quote it.
    const [bare] = problems(lines('title: T', 'theme:', '  primary: #0B5394', 'slides:', '  - title: A', '    bullets: [x]'));
    expect(bare!.hint).toMatch(/quote it/);
  });

  it('hints at how to name a font', () => {
    const [d] = problems(lines('title: T', 'theme: { font: "Bad<Font>" }', 'slides:', '  - title: A', '    bullets: [x]'));
    expect(d!.hint).toMatch(/"Calibri"/);
  });

  it('says a required key is missing, rather than "expected text, got nothing"', () => {
    const [d] = problems(lines('title: T', 'sources: [{ id: ops }]', 'slides:', '  - title: A', '    bullets: [x]'));
    expect(d!.message).toBe('`title` is missing');
  });

  it('reports a KPI with both a value and a derived figure', () => {
    const text = lines('title: T', 'slides:', '  - title: K', '    kpis:', '      - { value: 1, label: a }', '      - { value: 2, derived: { formula: "1 + 1" }, label: b }');
    const [d] = problems(text);
    expect(d!.message).toBe('a KPI needs exactly one of `value` or `derived`');
    expect(d!.line).toBe(6);
  });
});

describe('parseOutline: references and figures', () => {
  it('reports an unknown source id at the reference, listing the ids defined', () => {
    const text = lines('title: T', 'sources:', '  - { id: article, title: A }', '  - { id: report, title: R }', 'slides:', '  - title: A', '    bullets:', '      - { text: x, source: atricle }');
    const [d] = problems(text);
    expect(d).toMatchObject(posOf(text, 'atricle'));
    expect(d!.message).toBe('unknown source "atricle"');
    expect(d!.hint).toBe('sources defined: article, report; or `source: own` for your own figures');
  });

  it('reports an unknown source id in { id, para } form and on a chart', () => {
    const text = lines(
      'title: T',
      'slides:',
      '  - title: A',
      '    source: { id: ghost, para: 2 }',
      '    chart: { labels: [a], series: [{ name: s, values: [1] }], source: phantom }',
    );
    const ds = problems(text);
    const ghost = ds.find((d) => d.message === 'unknown source "ghost"');
    const phantom = ds.find((d) => d.message === 'unknown source "phantom"');
    expect(ds).toHaveLength(2);
    expect(ghost).toMatchObject({ ...posOf(text, '{ id: ghost'), hint: 'add it under `sources:` at the top of the outline, or write `source: own` for your own figures' });
    expect(phantom).toMatchObject(posOf(text, 'phantom'));
  });

  it('reports a source id used twice', () => {
    const text = lines('title: T', 'sources:', '  - { id: a, title: A }', '  - { id: a, title: B }', 'slides:', '  - title: A', '    bullets: [x]');
    const [d] = problems(text);
    expect(d!.message).toBe('source id "a" is used twice');
    expect(d).toMatchObject(posOf(text, 'a, title: B'));
  });

  it('reports a KPI formula that divides by zero, at the formula', () => {
    const text = lines('title: T', 'slides:', '  - title: K', '    kpis:', '      - { derived: { formula: "1 / 0" }, label: a }', '      - { value: 2, label: b }');
    const [d] = problems(text);
    expect(d!.message).toBe('formula does not compute: division by zero');
    expect(d).toMatchObject(posOf(text, '"1 / 0"'));
  });

  it('reports a KPI formula with letters in it', () => {
    const text = lines('title: T', 'slides:', '  - title: K', '    kpis:', '      - { value: 1, label: a }', '      - { derived: { formula: "revenue / 2" }, label: b }');
    const [d] = problems(text);
    expect(d!.message).toMatch(/^formula does not compute: "r" is not allowed/);
    expect(d).toMatchObject(posOf(text, '"revenue / 2"'));
  });

  it('reports a KPI format that is not a known shape', () => {
    const text = lines('title: T', 'slides:', '  - title: K', '    kpis:', '      - { value: 1, label: a }', '      - { derived: { formula: "1 / 2", format: "0.0y" }, label: b }');
    expect(problems(text)[0]).toMatchObject(posOf(text, '"0.0y"'));
  });

  it('reports inline figures that do not compute, each at its text', () => {
    const text = lines('title: T', 'slides:', '  - title: A', '    bullets:', '      - "x {{ 1 / 0 | 0% }}"', '      - "y {{ abc | 0.0 }}"', '      - { text: "z {{ 2 * }}" }');
    const ds = problems(text);
    expect(ds.map((d) => d.message)).toEqual([
      'formula "1 / 0" does not compute: division by zero',
      'formula "abc" does not compute: "a" is not allowed: use numbers, + - * / and parentheses',
      'formula "2 *" does not compute: the formula ends too early',
    ]);
    expect(ds.map((d) => d.line)).toEqual([5, 6, 7]);
    expect(ds[0]!.hint).toMatch(/\{\{ 4\.1433 \/ 20 \| 0\.0% \}\}/);
  });

  it('reports inline figures in titles, notes and table cells too', () => {
    const text = lines(
      'title: T',
      'slides:',
      '  - title: "Share {{ 1 / 0 }}"',
      '    table: { columns: [a], rows: [["{{ x }}"]] }',
      '    notes: "{{ 1 | 0.0q }}"',
    );
    expect(problems(text).map((d) => d.line)).toEqual([3, 4, 5]);
  });

  // load checks formulas only under `slides`, but plan expands {{ }} in the deck title, subtitle,
  // footer and the sources too, and there a bad formula escapes as a FormulaError (an internal error).
  it('reports a formula that does not compute in the deck title, footer or a source', () => {
    const text = lines('title: "Growth {{ 1 / 0 }}"', 'footer: "{{ x }}"', 'sources: [{ id: a, title: "{{ 2 * }}" }]', 'slides:', '  - title: A', '    bullets: [x]');
    expect(problems(text).map((d) => d.line).sort()).toEqual([1, 2, 3]);
  });

  it('reports a series with fewer values than labels, at the values', () => {
    const text = lines('title: T', 'slides:', '  - title: A', '    chart:', '      labels: [a, b, c]', '      series:', '        - { name: s, values: [1, 2] }');
    const [d] = problems(text);
    expect(d!.message).toBe('series "s" has 2 values but there are 3 labels');
    expect(d).toMatchObject(posOf(text, '[1, 2]'));
    expect(d!.hint).toMatch(/one value per label/);
  });

  it('reports a series with more values than labels', () => {
    const text = lines('title: T', 'slides:', '  - title: A', '    chart: { labels: [a], series: [{ name: s, values: [1, 2] }, { name: t, values: [3] }] }');
    expect(problems(text).map((d) => d.message)).toEqual(['series "s" has 2 values but there are 1 labels']);
  });

  it('reports a pie chart with two series', () => {
    const text = lines('title: T', 'slides:', '  - title: A', '    chart: { type: pie, labels: [a], series: [{ name: s, values: [1] }, { name: t, values: [3] }] }');
    expect(problems(text)[0]!.message).toBe('a pie chart takes exactly one series');
  });

  it.each([
    ['a quoted number', '"2"', 'string "2"'],
    ['a number with a unit', '4.1 m', 'string "4.1 m"'],
    ['NaN', '.nan', 'NaN'],
    ['infinity', '.inf', 'Infinity'],
    ['an empty value', '~', 'an empty value'],
  ])('reports %s in chart values, at the value, with a hint to write plain numbers', (_name, value, got) => {
    const text = lines('title: T', 'slides:', '  - title: A', `    chart: { labels: [a, b], series: [{ name: s, values: [1, ${value}] }] }`);
    const [d] = problems(text);
    expect(d!.message).toBe(`expected a number, got ${got}`);
    expect(d).toMatchObject(posOf(text, `${value}]`));
    expect(d!.hint).toBe('write plain numbers, like [4.1433, 20]; no units or quotes');
  });
});

describe('readOutlineText and loadOutline', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'deckgen-load-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function rejection(p: Promise<unknown>): Promise<Diagnostic[]> {
    const e = await p.then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(InputError);
    return (e as InputError).diagnostics;
  }

  it('loads an outline file, BOM and all', async () => {
    const file = path.join(dir, 'bom.yaml');
    await writeFile(file, `\uFEFF${lines('title: T', 'slides:', '  - title: A', '    bullets: [x]')}`);
    const o = await loadOutline(file);
    expect(o.meta.title).toBe('T');
    expect(o.file).toBe(file);
    expect(o.dir).toBe(dir);
  });

  it('reports a missing file', async () => {
    const file = path.join(dir, 'nope.yaml');
    expect(await rejection(readOutlineText(file))).toEqual([expect.objectContaining({ code: 'file-missing', file, line: 1, column: 1 })]);
    expect(await rejection(loadOutline(file))).toEqual([expect.objectContaining({ code: 'file-missing' })]);
  });

  it('reports a folder given as the outline, suggesting the file inside it', async () => {
    const folder = path.join(dir, 'folder');
    await mkdir(folder);
    const [d, ...rest] = await rejection(readOutlineText(folder));
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ code: 'file-is-directory', file: folder });
    expect(d!.hint).toContain(path.join(folder, 'deck.yaml'));
  });

  it.each([
    ['empty', ''],
    ['blank', ' \n\n\t\n'],
  ])('reports an %s file', async (name, content) => {
    const file = path.join(dir, `${name}.yaml`);
    await writeFile(file, content);
    expect(await rejection(readOutlineText(file))).toEqual([expect.objectContaining({ code: 'file-empty' })]);
  });

  it('reports a file that is not UTF-8', async () => {
    const file = path.join(dir, 'latin1.yaml');
    await writeFile(file, Buffer.from([0x74, 0x69, 0x74, 0x6c, 0x65, 0x3a, 0x20, 0xe9, 0x0a]));
    expect(await rejection(readOutlineText(file))).toEqual([expect.objectContaining({ code: 'not-utf8' })]);
  });

  it('reports problems in a loaded file under the path it was given', async () => {
    const file = path.join(dir, 'bad.yaml');
    await writeFile(file, lines('title: T', 'slides:', '  - title: A', '    bulets: [x]'));
    expect(await rejection(loadOutline(file))).toEqual([expect.objectContaining({ file, line: 4, column: 5 })]);
  });
});
