import { beforeAll, describe, expect, it } from 'vitest';
import { compileDeck } from '../../src/build.js';
import { openPptx, packageProblems, xsdProblems, type Pptx } from '../support/ooxml.js';
import { slides, type SlideView } from '../support/deck.js';

let pptx: Pptx;
let views: SlideView[];
let bytes: Uint8Array;

beforeAll(async () => {
  bytes = (await compileDeck('deck.yaml')).bytes;
  pptx = await openPptx(bytes);
  views = await slides(pptx);
});

describe('the default deck (deck.yaml)', () => {
  it('has a title slide, ten content slides and a generated Sources slide', () => {
    expect(views).toHaveLength(12);
    expect(views[0]!.texts[0]).toBe('Liangjiang New Area electronics: the first half of 2012');
    expect(views[11]!.texts[0]).toBe('Sources');
    expect(views[11]!.texts.join(' ')).toContain('Huang Xiqin');
  });

  it('puts the outline titles on the slides in order', () => {
    expect(views.map((v) => v.texts[0])).toEqual([
      'Liangjiang New Area electronics: the first half of 2012',
      'Executive summary: laptops turned the New Area into an electronics base within a year',
      'H1 2012 at a glance',
      'Laptops: an H1 count for the New Area, a 2012 goal for the Bonded Port Area',
      'Who settled where: brands in the Bonded Port Area, projects in the Development Zone',
      'The Bonded Port Area is building a supplier ring around the laptop brands',
      "Five sectors make up the Development Zone's electronics base",
      'The Development Zone expects more output value than it has invested',
      'The 2012 goals and expectations, each with its own scope',
      'Output value in three scopes: an H1 actual, an expectation and a 2012 target',
      'What to watch in the second half of 2012',
      'Sources',
    ]);
  });

  it('carries speaker notes on every content slide, split into paragraphs', () => {
    for (const v of views.slice(1, -1)) expect(v.notes.length, v.texts[0]).toBeGreaterThan(80);
    expect(views[1]!.notes.split('\n').length).toBeGreaterThan(1);
  });

  it('has four charts, each a picture with alt text generated from its data', () => {
    const charts = views.flatMap((v) => v.pictures).filter((p) => /chart/i.test(p.descr));
    expect(charts).toHaveLength(4);
    expect(charts[0]!.descr).toBe('Bar chart, Laptops (million): New Area, H1 2012 (actual) 4.1433 million laptops; Bonded Port Area, 2012 (target) 20 million laptops');
  });

  it('gives every picture, logos included, alt text', () => {
    const pictures = views.flatMap((v) => v.pictures);
    expect(pictures.length).toBeGreaterThan(10);
    for (const p of pictures) expect(p.descr.trim(), p.name).not.toBe('');
  });

  it('labels derived figures and shows how they were derived', () => {
    const zone = views[7]!.texts.join(' ');
    expect(zone).toContain('1.36x (derived: 30.42 ÷ 22.34)');
    expect(zone).toContain('Figures marked "derived" are computed from the cited figures.');
  });

  it('never divides a figure of one scope by a figure of another', () => {
    // New Area H1 laptops (4.1433) against the Bonded Port Area's 2012 goal (20) would mix scopes.
    const all = views.map((v) => v.texts.join(' ')).join(' ');
    expect(all).not.toMatch(/4\.1433 ÷ 20|11\.183 ÷ (50|30\.42)/);
  });

  it('cites its source on every content slide', () => {
    for (const v of views.slice(1, -2)) expect(v.texts.join(' '), v.texts[0]).toMatch(/Source: Huang Xiqin/);
  });

  it('numbers every slide but the title slide', async () => {
    const numbered = await Promise.all(views.map(async (v) => (await pptx.text(v.part)).includes('type="slidenum"')));
    expect(numbered).toEqual([false, ...Array(11).fill(true)]);
  });

  it('is a well-formed package: XML, relationships and content types', async () => {
    expect(await packageProblems(pptx)).toEqual([]);
  });

  it('validates against the ECMA-376 schemas', async (ctx) => {
    ctx.skip(!process.env.OOXML_XSD_DIR, 'needs the ECMA-376 schemas: set OOXML_XSD_DIR (CI uses ../shared/ooxml-xsd)');
    expect(await xsdProblems(pptx, process.env.OOXML_XSD_DIR!)).toEqual([]);
  });

  it('is byte-identical when built again', async () => {
    const again = (await compileDeck('deck.yaml')).bytes;
    expect(Buffer.compare(Buffer.from(again), Buffer.from(bytes))).toBe(0);
  });

  it('stays under 1 MB', () => {
    expect(bytes.length).toBeLessThan(1024 * 1024);
  });
});

describe('progress reporting', () => {
  it('tells a long build what it is doing, chart by chart', async () => {
    const seen: string[] = [];
    await compileDeck('deck.yaml', { progress: (stage, done, total) => void seen.push(total ? `${stage} ${done}/${total}` : stage) });
    expect(seen).toEqual(['plan', 'render', 'render 1/4', 'render 2/4', 'render 3/4', 'render 4/4', 'emit']);
  });
});
