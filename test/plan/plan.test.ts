import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseOutline } from '../../src/load/load.js';
import { CHART_TYPES } from '../../src/load/schema.js';
import type { ImageSizes } from '../../src/plan/context.js';
import type { ChartShape, PlannedSlide, Shape, TextShape } from '../../src/plan/deck.js';
import { plainText } from '../../src/plan/inline.js';
import { textHeight } from '../../src/plan/measure.js';
import { planDeck, type Plan } from '../../src/plan/plan.js';
import { inside, SLIDE } from '../../src/plan/units.js';

const FILE = 'deck.yaml';
const SLIDE_BOX = { x: 0, y: 0, w: SLIDE.w, h: SLIDE.h };
const lines = (...ls: string[]): string => `${ls.join('\n')}\n`;
const plan = (text: string, images?: ImageSizes): Plan => planDeck(parseOutline(text, FILE), images);

const textShapes = (slide: PlannedSlide): TextShape[] => slide.shapes.filter((s): s is TextShape => s.kind === 'text');
const texts = (slide: PlannedSlide): string[] => textShapes(slide).map((s) => s.paragraphs.map((p) => plainText(p.runs)).join('\n'));
const charts = (slide: PlannedSlide): ChartShape[] => slide.shapes.filter((s): s is ChartShape => s.kind === 'chart');
/** The shapes anyone sees: a title placed above the slide for screen readers is not one of them. */
const allShapes = (p: Plan): Shape[] => p.deck.slides.flatMap((s) => s.shapes.filter((x) => !(x.kind === 'text' && x.hidden)));

/** 1-based line of the first occurrence of `needle`. */
const lineOf = (text: string, needle: string): number => text.slice(0, text.indexOf(needle)).split('\n').length;

/** The text shape's content height at its planned size, against the room inside its insets. */
function overflow(shape: TextShape): { height: number; room: number } {
  const style = { font: shape.font, lineSpacing: shape.lineSpacing, ...(shape.bold ? { bold: true } : {}), ...(shape.italic ? { italic: true } : {}) };
  const { box, insets } = shape;
  return { height: textHeight(shape.paragraphs, style, shape.size, box.w - insets.l - insets.r), room: box.h - insets.t - insets.b };
}

const SOURCES = lines('sources:', '  - { id: article, title: Electronics booms in Liangjiang, author: Huang Xiqin, date: 2012-08-01 }');

/** One slide of every layout, a logo, a footer and sources. */
const EVERY_LAYOUT = lines(
  'title: Liangjiang New Area electronics',
  'subtitle: The first half of 2012',
  'author: Briefing',
  'date: H1 2012',
  'footer: Liangjiang electronics | H1 2012',
  'theme: { logo: logo.png }',
  SOURCES.trimEnd(),
  'slides:',
  '  - layout: agenda',
  '  - layout: section',
  '    title: The numbers',
  '    subtitle: What the report states',
  '  - title: Summary',
  '    bullets:',
  '      - { text: "**11.183 bn yuan** of output", source: { id: article, para: 1 } }',
  '      - [nested point, another nested point]',
  '      - { text: parent, bullets: [child, [grandchild]] }',
  '  - title: At a glance',
  '    kpis:',
  '      - { value: 11.183, unit: bn yuan, label: Output value }',
  '      - { derived: { formula: "4.1433 / 20", format: "0.0%" }, label: Share of target }',
  '      - { value: 57, unit: enterprises, label: Introduced }',
  '      - { value: "17.2x", label: Growth }',
  '  - title: Laptops',
  '    chart: { labels: [A, B], series: [{ name: Laptops, values: [4.1433, 20] }], source: article }',
  '  - title: Laptops with takeaways',
  '    chart: { type: line, labels: [Q1, Q2, Q3], series: [{ name: a, values: [1, 2, 3] }, { name: b, values: [3, 2, 1] }] }',
  '    bullets: [one, "{{ 4.1433 / 20 | 0.0% }} of the target"]',
  '  - title: Two zones',
  '    left: { heading: Bonded Port Area, bullets: [Acer, Asus] }',
  '    right: { bullets: [13 projects] }',
  '  - title: Sectors',
  '    table: { columns: [Sector, Projects], rows: [[Boards, 3], [Screens, 2]] }',
  '  - quote: { text: Electronics booms, by: Huang Xiqin }',
  '  - title: A quote with a title',
  '    quote: { text: Electronics booms }',
  '  - title: The port',
  '    image: { path: port.png, caption: The bonded port }',
  '  - layout: title',
  '    title: Thank you',
  '    subtitle: Questions',
);
const IMAGES: ImageSizes = new Map([
  ['logo.png', { width: 600, height: 200, path: '/abs/logo.png' }],
  ['port.png', { width: 1600, height: 900, path: '/abs/port.png' }],
]);

describe('planDeck: images', () => {
  it('warns, at the image\'s path, when a picture is stretched past 96 pixels per inch', () => {
    const text = lines('title: T', 'slides:', '  - title: The port', '    image: { path: port.png, caption: The bonded port }');
    const small: ImageSizes = new Map([['port.png', { width: 480, height: 160, path: '/abs/port.png' }]]);
    const [d, ...rest] = plan(text, small).diagnostics;
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ severity: 'warning', code: 'image-low-resolution', line: 4, column: 20 });
    expect(d!.message).toMatch(/^port\.png is 480 x 160 px, shown 1\d\.\d in wide: \d\d pixels per inch, so it will look soft$/);
    expect(d!.hint).toMatch(/^use a version at least 1,\d\d0 px wide \(96 pixels per inch at this size\)$/);
    expect(plan(text, new Map([['port.png', { width: 1600, height: 900, path: '/abs/port.png' }]])).diagnostics).toEqual([]);
  });
});

describe('planDeck: geometry', () => {
  it('places every shape of every layout inside the slide', () => {
    const p = plan(EVERY_LAYOUT, IMAGES);
    expect(p.diagnostics).toEqual([]);
    expect(p.deck.size).toEqual({ w: 13.333, h: 7.5 });
    const shapes = allShapes(p);
    expect(new Set(shapes.map((s) => s.kind))).toEqual(new Set(['text', 'rect', 'image', 'chart', 'table']));
    for (const s of shapes) expect(inside(s.box, SLIDE_BOX), `${s.kind} at ${JSON.stringify(s.box)}`).toBe(true);
    for (const s of p.deck.slides) if (s.slideNumber) expect(inside(s.slideNumber.box, SLIDE_BOX)).toBe(true);
  });

  it('sizes every text so it fits its box when nothing was reported', () => {
    const p = plan(EVERY_LAYOUT, IMAGES);
    for (const s of allShapes(p)) {
      if (s.kind !== 'text') continue;
      const { height, room } = overflow(s);
      expect(height).toBeLessThanOrEqual(room);
    }
  });

  it('gives every shape a positive size', () => {
    for (const s of allShapes(plan(EVERY_LAYOUT, IMAGES))) {
      expect(s.box.w).toBeGreaterThan(0);
      expect(s.box.h).toBeGreaterThan(0);
    }
  });

  it('keeps an image its aspect ratio', () => {
    const image = plan(EVERY_LAYOUT, IMAGES).deck.slides.flatMap((s) => s.shapes).find((s) => s.kind === 'image' && s.path === '/abs/port.png');
    expect(image!.box.w / image!.box.h).toBeCloseTo(1600 / 900, 6);
  });
});

describe('planDeck: slides', () => {
  const two = lines('title: Deck', 'slides:', '  - title: A', '    bullets: [x]', '  - title: B', '    bullets: [y]');

  it('adds a title slide before the outline slides', () => {
    const p = plan(two);
    expect(p.deck.slides.map((s) => [s.layout, s.title])).toEqual([
      ['title', 'Deck'],
      ['bullets', 'A'],
      ['bullets', 'B'],
    ]);
  });

  it('adds a Sources slide at the end when the outline has sources', () => {
    const p = plan(SOURCES + two);
    expect(p.deck.slides).toHaveLength(1 + 2 + 1);
    expect(p.deck.slides.at(-1)).toMatchObject({ layout: 'sources', title: 'Sources' });
    expect(texts(p.deck.slides.at(-1)!)).toContain('1. Huang Xiqin, Electronics booms in Liangjiang, 2012-08-01.');
  });

  it('adds no Sources slide when `sourcesSlide: false`', () => {
    const p = plan(`sourcesSlide: false\n${SOURCES}${two}`);
    expect(p.deck.slides).toHaveLength(3);
    expect(p.deck.slides.some((s) => s.layout === 'sources')).toBe(false);
  });

  it('does not duplicate an explicit sources slide', () => {
    const p = plan(`${SOURCES}${two}  - layout: sources\n  - title: After\n    bullets: [z]\n`);
    expect(p.deck.slides.map((s) => s.layout)).toEqual(['title', 'bullets', 'bullets', 'sources', 'bullets']);
  });

  it('adds no title slide when the first slide is `layout: title`', () => {
    const p = plan(lines('title: Deck', 'slides:', '  - layout: title', '    title: Welcome', '    subtitle: Sub', '  - title: A', '    bullets: [x]'));
    expect(p.deck.slides.map((s) => [s.layout, s.title])).toEqual([
      ['title', 'Welcome'],
      ['bullets', 'A'],
    ]);
    expect(texts(p.deck.slides[0]!)).toEqual(['Welcome', 'Sub']);
  });

  it('numbers every slide except the title slide', () => {
    const p = plan(EVERY_LAYOUT, IMAGES);
    const [first, ...rest] = p.deck.slides;
    expect(first!.layout).toBe('title');
    expect(first!.slideNumber).toBeUndefined();
    for (const s of rest.filter((x) => x.layout !== 'title')) expect(s.slideNumber, `${s.layout} "${s.title}"`).toBeDefined();
  });

  it('marks the slide title for screen readers', () => {
    for (const s of plan(EVERY_LAYOUT, IMAGES).deck.slides) {
      const titled = textShapes(s).filter((t) => t.role === 'title');
      if (s.title) expect(titled.length, `${s.layout} "${s.title}"`).toBe(1);
    }
  });

  it('puts the author and date on the generated title slide', () => {
    expect(texts(plan(EVERY_LAYOUT, IMAGES).deck.slides[0]!)).toEqual(['Liangjiang New Area electronics', 'The first half of 2012', 'Briefing  |  H1 2012']);
  });

  it('keeps speaker notes, with their derived figures computed', () => {
    const p = plan(lines('title: T', 'slides:', '  - title: A', '    bullets: [x]', '    notes: "Share {{ 4.1433 / 20 | 0.0% }}"'));
    expect(p.deck.slides[1]!.notes).toBe('Share 20.7% (derived: 4.1433 ÷ 20)');
  });

  it('computes the derived figures in the notes of section and title slides too', () => {
    const p = plan(
      lines('title: T', 'slides:', '  - layout: title', '    title: Hi', '    notes: "{{ 1 / 4 | 0% }}"', '  - layout: section', '    title: One', '    notes: "{{ 1 / 4 | 0% }}"'),
    );
    expect(p.deck.slides.map((s) => s.notes)).toEqual(['25% (derived: 1 ÷ 4)', '25% (derived: 1 ÷ 4)']);
  });
});

describe('planDeck: notes', () => {
  it('does not mark a slide as showing derived figures when only its notes compute one', () => {
    const p = plan(lines('title: T', 'slides:', '  - title: A', '    bullets: [x]', '    notes: "{{ 1 / 4 | 0% }}"'));
    expect(texts(p.deck.slides[1]!).some((t) => t.includes('derived'))).toBe(false);
  });
});

describe('planDeck: text that does not fit', () => {
  it('continues bullets that do not fit one slide onto "(cont.)" slides, each fitting at one size', () => {
    const bullets = Array.from({ length: 40 }, (_, i) => `      - "bullet ${i} has quite a lot of words in it so that it wraps across the whole width of the slide"`);
    const text = lines('title: T', 'slides:', '  - title: Fine', '    bullets: [x]', '  - title: Too much', '    bullets:', ...bullets, '    notes: Say it.');
    const p = plan(text);
    expect(p.diagnostics).toEqual([]);
    const pages = p.deck.slides.filter((s) => s.title.startsWith('Too much'));
    expect(pages.length).toBeGreaterThan(2);
    // Past two pages each continuation is numbered, so no two slides share a title.
    expect(pages.map((s) => s.title)).toEqual(['Too much', ...pages.slice(1).map((_, i) => `Too much (cont. ${i + 2}/${pages.length})`)]);
    const bodies = pages.map((s) => s.shapes.filter((x): x is TextShape => x.kind === 'text' && x.paragraphs.some((q) => q.bullet))[0]!);
    expect(new Set(bodies.map((b) => b.size)).size).toBe(1);
    expect(bodies.flatMap((b) => b.paragraphs.map((q) => plainText(q.runs)))).toHaveLength(40);
    for (const b of bodies) expect(textHeight(b.paragraphs, { font: b.font, lineSpacing: b.lineSpacing }, b.size, b.box.w - 0.2)).toBeLessThanOrEqual(b.box.h - 0.1);
    expect(pages[0]!.notes).toBe('Say it.');
    expect(pages[1]!.notes).toBe('Continued from the previous slide, "Too much".');
  });

  it('reports a single bullet too long for a whole slide, with how much to cut', () => {
    const words = Array.from({ length: 700 }, (_, i) => `w${i}`).join(' ');
    const text = lines('title: T', 'slides:', '  - title: Too much', '    bullets:', `      - ${words}`);
    const [d, ...rest] = plan(text).diagnostics;
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ code: 'does-not-fit', severity: 'error', file: FILE, line: 5, column: 7 });
    expect(d!.message).toMatch(/^text does not fit its box even at 14 pt: cut about \d+ of its 700 words/);
    const cut = Number(/cut about (\d+)/.exec(d!.message)![1]);
    expect(cut).toBeGreaterThan(100);
    expect(cut).toBeLessThan(600);
  });

  it('reports a title too long for the title box, at the title', () => {
    const title = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');
    const text = lines('title: T', 'slides:', '  - title: Fine', '    bullets: [x]', `  - title: ${title}`, '    bullets: [x]');
    const [d, ...rest] = plan(text).diagnostics;
    expect(rest).toEqual([]);
    expect(lineOf(text, 'word0')).toBe(5);
    expect(d).toMatchObject({ code: 'does-not-fit', line: 5, column: 12 });
    expect(d!.message).toContain('22 pt');
  });

  it('reports a KPI label too long for its card, at the label', () => {
    const label = Array.from({ length: 200 }, () => 'word').join(' ');
    const text = lines('title: T', 'slides:', '  - title: K', '    kpis:', '      - { value: 1, label: short }', `      - { value: 2, label: ${label} }`);
    const [d] = plan(text).diagnostics;
    expect(d).toMatchObject({ code: 'does-not-fit', line: 6, column: text.split('\n')[5]!.indexOf('word') + 1 });
  });

  it('reports sources too many for the Sources slide, at `sources`', () => {
    const sources = Array.from({ length: 40 }, (_, i) => `  - { id: s${i}, title: A rather long source title number ${i} with many words, author: Some Author }`);
    const text = lines('title: T', 'sources:', ...sources, 'slides:', '  - title: A', '    bullets: [x]');
    const [d, ...rest] = plan(text).diagnostics;
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ code: 'does-not-fit', line: 3, column: 3 });
  });

  it('shrinks a long text rather than reporting it when the minimum size fits', () => {
    const bullets = Array.from({ length: 9 }, (_, i) => `      - "point ${i} with a few more words than usual in it"`);
    const p = plan(lines('title: T', 'slides:', '  - title: A', '    bullets:', ...bullets));
    expect(p.diagnostics).toEqual([]);
    const body = textShapes(p.deck.slides[1]!).find((s) => s.paragraphs.length === 9)!;
    expect(body.size).toBeLessThan(24);
    expect(body.size).toBeGreaterThanOrEqual(14);
  });
});

describe('planDeck: charts', () => {
  const chartSlide = (chart: string): string => lines('title: T', 'slides:', '  - title: C', `    chart: ${chart}`);
  const altOf = (chart: string): string => charts(plan(chartSlide(chart)).deck.slides[1]!)[0]!.alt;

  it('describes the chart from its data for screen readers', () => {
    expect(altOf('{ labels: [A, B], series: [{ name: Laptops (million), values: [4.1433, 20] }] }')).toBe('Bar chart, Laptops (million): A 4.1433; B 20');
  });

  it('names the unit, the chart type and every series', () => {
    expect(altOf('{ type: hbar, unit: million, labels: [A, B], series: [{ name: Made, values: [1, 2] }, { name: Planned, values: [3, 4] }] }')).toBe(
      'Horizontal bar chart, Made: A 1 million; B 2 million. Planned: A 3 million; B 4 million',
    );
    expect(altOf('{ type: pie, unit: "%", labels: [A, B], series: [{ name: Share, values: [40, 60] }] }')).toBe('Pie chart, Share: A 40%; B 60%');
    expect(altOf('{ type: combo, labels: [A], series: [{ name: s, values: [1] }] }')).toMatch(/^Bar and line chart, /);
    expect(altOf('{ type: doughnut, labels: [A], series: [{ name: s, values: [1] }] }')).toMatch(/^Doughnut chart, /);
  });

  it('shows values with thousands separators, and with the chart decimals when given', () => {
    expect(altOf('{ labels: [A], series: [{ name: s, values: [1234567] }] }')).toBe('Bar chart, s: A 1,234,567');
    expect(altOf('{ decimals: 1, labels: [A, B], series: [{ name: s, values: [4.1433, 20] }] }')).toBe('Bar chart, s: A 4.1; B 20.0');
  });

  it('uses the alt text the outline gives over the generated one', () => {
    expect(altOf('{ alt: Laptop output against target, labels: [A], series: [{ name: s, values: [1] }] }')).toBe('Laptop output against target');
  });

  it('passes the chart data and theme palette on to render', () => {
    const [chart] = charts(plan(chartSlide('{ type: line, labels: [A, B], series: [{ name: s, values: [1, 2] }] }')).deck.slides[1]!);
    expect(chart!.spec).toMatchObject({ type: 'line', labels: ['A', 'B'], series: [{ name: 's', values: [1, 2] }] });
    // One colour per series, the palette's first.
    expect(chart!.colours).toEqual(['0B3C5D']);
  });
});

describe('planDeck: figures and sources', () => {
  const kpis = lines(
    'title: T',
    SOURCES.trimEnd(),
    'slides:',
    '  - title: K',
    '    kpis:',
    '      - { derived: { formula: "4.1433 / 20", format: "0.0%" }, label: Share of target, source: { id: article, para: 1 } }',
    '      - { value: 1234567, unit: laptops, label: Made }',
  );

  it('computes a derived KPI, shows it, and labels it with its formula', () => {
    const t = texts(plan(kpis).deck.slides[1]!);
    expect(t).toContain('20.7%');
    expect(t).toContain('Derived: 4.1433 ÷ 20');
    expect(t).toContain('Share of target');
  });

  it('shows a stated KPI with thousands separators and its unit', () => {
    const t = texts(plan(kpis).deck.slides[1]!);
    expect(t).toContain('1,234,567');
    expect(t).toContain('laptops');
  });

  it('sets the cards\' labels, like their values, at one size: the one the longest fits at', () => {
    const text = lines('title: T', 'slides:', '  - title: K', '    kpis:', '      - { value: 1, unit: "€ Tsd.", label: Umsatz }', '      - { value: 2, unit: "%", label: Bruttomarge nach Energiebeschaffungskosten }', '      - { value: 3, unit: FTE, label: Beschäftigte }', '      - { value: 4, unit: Stück, label: Verträge }');
    const shapes = textShapes(plan(text).deck.slides[1]!);
    const sizeOf = (t: string): number => shapes.find((s) => s.paragraphs.some((p) => p.runs.map((r) => r.text).join('') === t))!.size;
    const labels = ['Umsatz', 'Bruttomarge nach Energiebeschaffungskosten', 'Beschäftigte', 'Verträge'].map(sizeOf);
    expect(new Set(labels).size).toBe(1);
    expect(labels[0]).toBeLessThan(18);
    expect(new Set(['€ Tsd.', 'FTE', 'Stück'].map(sizeOf)).size).toBe(1);
  });

  it('says in the source line that derived figures are computed', () => {
    const t = texts(plan(kpis).deck.slides[1]!);
    expect(t).toContain('Source: Huang Xiqin, 2012 (para. 1). Figures marked "derived" are computed from the cited figures.');
  });

  it('says so only on slides that show a derived figure, not on their continuation', () => {
    const many = Array.from({ length: 24 }, (_, i) => `      - Point number ${i + 1} about the pilot, with enough words to fill most of a line`);
    const p = plan(lines('title: T', 'slides:', '  - title: Long', '    bullets:', '      - "Share {{ 1 / 4 | 0% }}"', ...many));
    const pages = p.deck.slides.filter((s) => s.title.startsWith('Long'));
    expect(pages.length).toBeGreaterThan(1);
    const note = (s: PlannedSlide): boolean => texts(s).some((t) => t.includes('Figures marked "derived"'));
    expect(pages.map(note)).toEqual([true, ...pages.slice(1).map(() => false)]);
  });

  it('puts the subtitle right under the title on the title slide, whether the title takes one line or two', () => {
    for (const title of ['Short title', 'A much longer deck title that certainly wraps onto a second line on the title slide']) {
      const slide = plan(lines(`title: ${title}`, 'subtitle: The subtitle', 'slides:', '  - title: A', '    bullets: [x]')).deck.slides[0]!;
      const [heading, sub] = textShapes(slide);
      const bottom = heading!.box.y + heading!.insets.t + overflow(heading!).height;
      expect(sub!.box.y - bottom).toBeGreaterThan(0.1);
      expect(sub!.box.y - bottom).toBeLessThan(0.45);
      expect(overflow(sub!).height).toBeLessThanOrEqual(overflow(sub!).room);
    }
  });

  it("names the presenter's own figures on the source line", () => {
    const p = plan(lines('title: T', SOURCES.trimEnd(), 'slides:', '  - title: A', '    bullets: [{ text: "Reach 95% by 2030", source: own }, { text: b, source: article }]'));
    expect(texts(p.deck.slides[1]!)).toContain("Source: presenter's own figures; Huang Xiqin, 2012.");
  });

  it('expands an inline derived figure in a bullet', () => {
    const p = plan(lines('title: T', 'slides:', '  - title: A', '    bullets: ["H1 equals {{ 4.1433 / 20 | 0.0% }} of the target"]'));
    expect(texts(p.deck.slides[1]!)).toContain('H1 equals 20.7% (derived: 4.1433 ÷ 20) of the target');
  });

  it('names the author and the paragraphs cited, each paragraph once and in order', () => {
    const p = plan(
      lines(
        'title: T',
        SOURCES.trimEnd(),
        'slides:',
        '  - title: A',
        '    bullets:',
        '      - { text: x, source: { id: article, para: 5 } }',
        '      - { text: y, source: { id: article, para: [1, 5] } }',
        '      - { text: z, source: article }',
      ),
    );
    expect(texts(p.deck.slides[1]!)).toContain('Source: Huang Xiqin, 2012 (para. 1, 5).');
  });

  it('cites several sources in one line, by publisher or title when there is no author', () => {
    const p = plan(
      lines(
        'title: T',
        'sources:',
        '  - { id: a, title: Article, author: Huang Xiqin, date: "2012" }',
        '  - { id: b, title: Yearbook, publisher: Statistics Bureau }',
        '  - { id: c, title: Untitled notes }',
        'slides:',
        '  - title: A',
        '    source: c',
        '    chart: { labels: [x], series: [{ name: s, values: [1] }], source: { id: b, para: 2 } }',
      ),
    );
    // The order follows the slide's keys as the schema lists them, not the file; either is fine here.
    const line = texts(p.deck.slides[1]!).find((t) => t.startsWith('Source:'));
    expect(line).toMatch(/^Source: (Statistics Bureau \(para\. 2\); Untitled notes|Untitled notes; Statistics Bureau \(para\. 2\))\.$/);
  });

  it('tells apart two sources with the same author and year by their titles', () => {
    const p = plan(
      lines(
        'title: T',
        'sources:',
        '  - { id: a, title: Spring report, author: Town Office, date: "2024" }',
        '  - { id: b, title: Autumn report, author: Town Office, date: "2024" }',
        '  - { id: c, title: Yearbook, author: Bureau, date: "2024" }',
        'slides:',
        '  - title: A',
        '    bullets: [{ text: x, source: a }, { text: y, source: b }, { text: z, source: c }]',
      ),
    );
    expect(texts(p.deck.slides[1]!)).toContain('Source: Town Office, 2024, Spring report; Town Office, 2024, Autumn report; Bureau, 2024.');
  });

  it('has no source line on a slide that cites nothing', () => {
    const p = plan(lines('title: T', SOURCES.trimEnd(), 'slides:', '  - title: A', '    bullets: [x]'));
    expect(texts(p.deck.slides[1]!).some((t) => t.startsWith('Source'))).toBe(false);
  });
});

describe('planDeck: agenda', () => {
  it('lists the section slides, numbered, in order', () => {
    const p = plan(
      lines('title: T', 'slides:', '  - layout: agenda', '  - layout: section', '    title: Numbers', '  - title: A', '    bullets: [x]', '  - layout: section', '    title: Outlook'),
    );
    expect(p.diagnostics).toEqual([]);
    const agenda = p.deck.slides[1]!;
    expect(agenda).toMatchObject({ layout: 'agenda', title: 'Agenda' });
    expect(texts(agenda)).toEqual(['Agenda', '01', 'Numbers', '02', 'Outlook']);
    // Section slides carry the same numbers.
    expect(texts(p.deck.slides[2]!)).toContain('01');
    expect(texts(p.deck.slides[4]!)).toContain('02');
  });

  it('keeps its own title when it has one', () => {
    const p = plan(lines('title: T', 'slides:', '  - layout: agenda', '    title: Today', '  - layout: section', '    title: S'));
    expect(p.deck.slides[1]!.title).toBe('Today');
  });

  it('reports an agenda in an outline without sections, at the agenda', () => {
    const text = lines('title: T', 'slides:', '  - title: A', '    bullets: [x]', '  - layout: agenda');
    const p = plan(text);
    expect(p.diagnostics).toHaveLength(1);
    expect(p.diagnostics[0]).toMatchObject({ severity: 'error', line: 5, column: 13 });
    expect(p.diagnostics[0]!.message).toMatch(/section slides/);
  });
});

// ---------------------------------------------------------------------------------------------
// Property: random valid outlines stay inside the slide and, when nothing is reported, every text
// measures no taller than the room in its box.

const word = fc.oneof(
  { weight: 8, arbitrary: fc.stringMatching(/^[a-z]{1,9}$/) },
  { weight: 1, arbitrary: fc.stringMatching(/^[A-Z][a-z]{2,11}$/) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 99999 }).map((n) => n.toLocaleString('en-US')) },
  { weight: 1, arbitrary: fc.stringMatching(/^[a-z]{2,8}$/).map((w) => `**${w}**`) },
);
const phrase = (min: number, max: number): fc.Arbitrary<string> => fc.array(word, { minLength: min, maxLength: max }).map((ws) => ws.join(' '));
const bullet = phrase(1, 25);
const bulletItem = fc.oneof(
  { weight: 4, arbitrary: bullet },
  { weight: 1, arbitrary: fc.record({ text: bullet, bullets: fc.array(fc.oneof(bullet, fc.array(bullet, { minLength: 1, maxLength: 2 })), { minLength: 1, maxLength: 3 }) }) },
  { weight: 1, arbitrary: fc.array(bullet, { minLength: 1, maxLength: 3 }) },
);
const bullets = fc.array(bulletItem, { minLength: 1, maxLength: 8 });
const title = phrase(1, 20);
const value = fc.oneof(fc.integer({ min: -1000, max: 1_000_000 }), fc.double({ min: 0, max: 1000, noNaN: true }).map((v) => Math.round(v * 100) / 100));

const chart = fc
  .record({
    type: fc.constantFrom(...CHART_TYPES),
    labels: fc.array(phrase(1, 3), { minLength: 1, maxLength: 6 }),
    seriesCount: fc.integer({ min: 1, max: 3 }),
    unit: fc.option(phrase(1, 2), { nil: undefined }),
  })
  .chain(({ type, labels, seriesCount, unit }) => {
    const n = type === 'pie' || type === 'doughnut' ? 1 : seriesCount;
    return fc.array(fc.record({ name: phrase(1, 3), values: fc.array(value, { minLength: labels.length, maxLength: labels.length }) }), { minLength: n, maxLength: n }).map((series) => ({
      type,
      labels,
      series,
      ...(unit ? { unit } : {}),
    }));
  });

const kpi = fc.oneof(
  fc.record({ value, label: phrase(1, 10), unit: fc.option(phrase(1, 2), { nil: undefined }) }),
  fc.record({ derived: fc.record({ formula: fc.constantFrom('4.1433 / 20', '(1 + 2) * 3', '22.34 / 13'), format: fc.constantFrom('0', '0.0', '0%', '0.0%', '0.00x') }), label: phrase(1, 10) }),
);
const column = fc.record({ heading: fc.option(phrase(1, 4), { nil: undefined }), bullets: fc.array(bullet, { minLength: 1, maxLength: 4 }) });

const slide = fc.oneof(
  { weight: 4, arbitrary: fc.record({ title, bullets }) },
  { weight: 2, arbitrary: fc.record({ title, kpis: fc.array(kpi, { minLength: 2, maxLength: 4 }) }) },
  { weight: 2, arbitrary: fc.record({ title, chart }) },
  { weight: 2, arbitrary: fc.record({ title, chart, bullets: fc.array(bullet, { minLength: 2, maxLength: 4 }) }) },
  { weight: 1, arbitrary: fc.record({ layout: fc.constant('section'), title: phrase(1, 6), subtitle: fc.option(phrase(1, 10), { nil: undefined }) }) },
  { weight: 1, arbitrary: fc.record({ title, left: column, right: column }) },
  { weight: 1, arbitrary: fc.record({ title: fc.option(title, { nil: undefined }), quote: fc.record({ text: phrase(1, 40), by: fc.option(phrase(1, 4), { nil: undefined }) }) }) },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 1, max: 4 }).chain((cols) =>
      fc.record({ title, table: fc.record({ columns: fc.array(phrase(1, 3), { minLength: cols, maxLength: cols }), rows: fc.array(fc.array(phrase(1, 4), { minLength: cols, maxLength: cols }), { minLength: 1, maxLength: 6 }) }) }),
    ),
  },
);

const outline = fc.record({
  title: phrase(1, 12),
  subtitle: fc.option(phrase(1, 12), { nil: undefined }),
  author: fc.option(phrase(1, 4), { nil: undefined }),
  footer: fc.option(phrase(1, 8), { nil: undefined }),
  sources: fc.array(fc.record({ title: phrase(1, 12), author: fc.option(phrase(1, 3), { nil: undefined }) }), { maxLength: 3 }),
  slides: fc.array(slide, { minLength: 1, maxLength: 5 }),
});

/** Drops undefined values so the YAML has no `key: null` lines the schema would reject. */
const clean = (v: unknown): unknown =>
  Array.isArray(v) ? v.map(clean) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined).map(([k, x]) => [k, clean(x)])) : v;

describe('planDeck: property', () => {
  it('keeps every box inside the slide, and every text inside its box when nothing is reported', () => {
    let clear = 0;
    fc.assert(
      fc.property(outline, (o) => {
        const data = clean({ ...o, sources: o.sources.map((s, i) => ({ id: `s${i}`, ...s })) });
        const p = planDeck(parseOutline(stringify(data), FILE));
        for (const s of allShapes(p)) expect(inside(s.box, SLIDE_BOX), `${s.kind} at ${JSON.stringify(s.box)}`).toBe(true);
        // Warnings (a colour pair below WCAG's contrast) do not stop a deck; errors do.
        if (p.diagnostics.some((d) => d.severity === 'error')) return;
        clear++;
        for (const s of allShapes(p)) {
          if (s.kind !== 'text') continue;
          const { height, room } = overflow(s);
          expect(height, plainText(s.paragraphs[0]!.runs)).toBeLessThanOrEqual(room);
        }
      }),
      { numRuns: 50 },
    );
    // The property is only meaningful if most random outlines plan cleanly.
    if (process.env.PLAN_PROPERTY_STATS) console.log(`clear: ${clear} of 50`);
    expect(clear).toBeGreaterThan(25);
  });
});
