/**
 * Decks as PowerPoint sees them: named layouts, titles in title placeholders (what the Outline
 * view, "Go to slide" and screen readers list), sections matching the agenda, a clean
 * Accessibility Checker (alt text, decorative shapes, table headers, unique ids, reading order,
 * contrast), the outline's language on every run, and document properties.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileDeck } from '../../src/build.js';
import { openPptx, type Pptx } from '../support/ooxml.js';
import { powerPointProblems, slidesInPowerPoint, type SlideInPowerPoint } from '../support/powerpoint.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function build(file: string): Promise<{ pptx: Pptx; slides: SlideInPowerPoint[] }> {
  const pptx = await openPptx((await compileDeck(file)).bytes);
  return { pptx, slides: await slidesInPowerPoint(pptx) };
}

function outlineFile(yaml: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'deckgen-ppt-'));
  dirs.push(dir);
  const file = path.join(dir, 'deck.yaml');
  writeFileSync(file, yaml);
  return file;
}

describe('the default deck in PowerPoint', () => {
  it('builds every slide on a named layout with its title in the title placeholder', async () => {
    const { slides } = await build('deck.yaml');
    expect(slides.map((s) => s.layout)).toEqual([
      'Title Slide',
      'Title and Content',
      'KPIs',
      'Chart with Text',
      'Two Content',
      'Title Only',
      'Title and Content',
      'Chart with Text',
      'Table',
      'Chart with Text',
      'Title and Content',
      'Sources',
    ]);
    expect(slides[0]!.shapes[0]!.ph).toEqual({ type: 'ctrTitle' });
    expect(slides[1]!.title).toBe('Executive summary: laptops turned the New Area into an electronics base within a year');
    expect(slides.every((s) => s.title && s.title.length > 0)).toBe(true);
  });

  it('puts bullets in the body placeholder and footers and numbers in theirs, the number as a field', async () => {
    const { pptx, slides } = await build('deck.yaml');
    const bullets = slides[1]!;
    expect(bullets.shapes.find((s) => s.ph?.type === 'body')?.text).toContain('11.183 bn yuan');
    expect(bullets.shapes.find((s) => s.ph?.type === 'ftr')?.text).toBe('Liangjiang New Area electronics | H1 2012 briefing');
    const number = bullets.shapes.find((s) => s.ph?.type === 'sldNum')!;
    expect(number.xml).toMatch(/<a:fld [^>]*type="slidenum"/);
    // The layout has the placeholders the slide fills.
    const layout = await pptx.text('ppt/slideLayouts/slideLayout2.xml');
    for (const ph of ['<p:ph type="title"/>', '<p:ph idx="1"/>', '<p:ph type="ftr" sz="quarter" idx="11"/>', '<p:ph type="sldNum" sz="quarter" idx="12"/>', '<p:ph type="dt" sz="quarter" idx="10"/>']) expect(layout).toContain(ph);
  });

  it('passes the Accessibility Checker: titles read first, alt text, decorative shapes, table headers, ids, contrast, language', async () => {
    const { slides } = await build('deck.yaml');
    expect(powerPointProblems(slides, 'en-US')).toEqual([]);
    const rules = slides.flatMap((s) => s.shapes.filter((x) => x.kind === 'sp' && !x.text));
    expect(rules.length).toBeGreaterThan(10);
    expect(rules.every((r) => r.decorative)).toBe(true);
  });

  it('carries the deck colours and fonts in its theme, and its title, author, language and slide titles in the properties', async () => {
    const { pptx, slides } = await build('deck.yaml');
    const theme = await pptx.text('ppt/theme/theme1.xml');
    expect(theme).toContain('<a:dk2><a:srgbClr val="0B3C5D"/></a:dk2>');
    expect(theme).toMatch(/<a:majorFont><a:latin typeface="Calibri"\/>/);
    const core = await pptx.text('docProps/core.xml');
    expect(core).toContain('<dc:title>Liangjiang New Area electronics: the first half of 2012</dc:title>');
    expect(core).toContain('<dc:creator>Stakeholder briefing</dc:creator>');
    expect(core).toContain('<dc:language>en-US</dc:language>');
    const app = await pptx.text('docProps/app.xml');
    for (const s of slides) expect(app).toContain(`<vt:lpstr>${s.title!.replace(/&/g, '&amp;').replace(/'/g, '&apos;')}</vt:lpstr>`);
    expect(app).not.toMatch(/<vt:lpstr>Slide \d+<\/vt:lpstr>/);
  });
});

describe('the example deck in PowerPoint', () => {
  it('starts a section at each section slide, named as the agenda names them', async () => {
    const { pptx, slides } = await build('examples/all-layouts.yaml');
    const presentation = await pptx.text('ppt/presentation.xml');
    const sections = [...presentation.matchAll(/<p14:section name="([^"]*)"[^>]*><p14:sldIdLst>(.*?)<\/p14:sldIdLst>/g)].map((m) => ({ name: m[1], slides: [...m[2]!.matchAll(/id="(\d+)"/g)].length }));
    expect(sections.map((s) => s.name)).toEqual(['Introduction', 'Ridership', 'Operations', 'Recommendation']);
    expect(sections.reduce((n, s) => n + s.slides, 0)).toBe(slides.length);
    expect(slides.find((s) => s.layout === 'Agenda')!.shapes.map((s) => s.text)).toEqual(expect.arrayContaining(['Ridership', 'Operations', 'Recommendation']));
    expect(slides.filter((s) => s.layout === 'Section Header').map((s) => s.title)).toEqual(['Ridership', 'Operations', 'Recommendation']);
  });

  it('passes the Accessibility Checker on every slide, the untitled quote slide included', async () => {
    const { slides } = await build('examples/all-layouts.yaml');
    expect(powerPointProblems(slides, 'en-US')).toEqual([]);
    const quote = slides.find((s) => s.layout === 'Quote')!;
    expect(quote.title).toMatch(/^Quote: /);
    const title = quote.shapes.find((s) => s.ph?.type === 'title')!;
    expect(title.frame.y + title.frame.h).toBeLessThanOrEqual(0);
    expect(new Set(slides.map((s) => s.layout)).size).toBeGreaterThanOrEqual(10);
  });
});

describe('a deck in another language', () => {
  const CHINESE = `
title: 两江新区电子产业
lang: zh-CN
footer: 内部简报
sources:
  - { id: a, title: 报告, author: 作者, date: 2012 }
slides:
  - layout: agenda
  - layout: section
    title: 产量
  - title: 笔记本电脑
    bullets: ["产量 {{ 4 / 2 | 0.0 }} 百万台", 第二点]
    source: a
  - title: 很长的清单
    bullets: [${Array.from({ length: 40 }, (_, i) => `第${i + 1}点内容较长需要换行的一句话`).join(', ')}]
`;

  it('tags every run with the outline language, uses its East Asian typeface and writes its own words in it', async () => {
    const { pptx, slides } = await build(outlineFile(CHINESE));
    expect(powerPointProblems(slides, 'zh-CN')).toEqual([]);
    const xml = await pptx.text('ppt/slides/slide4.xml');
    expect(xml).toContain('<a:ea typeface="Microsoft YaHei"/>');
    const text = slides.flatMap((s) => s.shapes.map((x) => x.text)).join('\n');
    expect(text).toContain('来源：作者，2012。');
    expect(text).toContain('2.0 (推算: 4 ÷ 2)');
    expect(text).toContain('标注“推算”的数字由所引数字计算得出。');
    expect(slides[1]!.title).toBe('议程');
    expect(slides.map((s) => s.title)).toContain('很长的清单 (续 2/4)');
    expect(slides.at(-1)!.title).toBe('资料来源');
    expect(await pptx.text('docProps/core.xml')).toContain('<dc:language>zh-CN</dc:language>');
    expect(await pptx.text('ppt/theme/theme1.xml')).toContain('<a:ea typeface="Microsoft YaHei"/>');
    expect(await pptx.text('ppt/presentation.xml')).toContain('<p14:section name="引言"');
  });

  it('takes the words deckgen writes from `labels:` over the language defaults', async () => {
    const { slides } = await build(outlineFile(`title: Pilot\nlang: de-DE\nlabels: { sources: Literatur, source: "Nach {list}." }\nsources: [{ id: a, title: Bericht, author: Amt }]\nslides:\n  - title: Eins\n    bullets: [a]\n    source: a\n`));
    const text = slides.flatMap((s) => s.shapes.map((x) => x.text));
    expect(text).toContain('Nach Amt.');
    expect(slides.at(-1)!.title).toBe('Literatur');
    expect(powerPointProblems(slides, 'de-DE')).toEqual([]);
  });

  it('reads right to left in Arabic and Hebrew: paragraphs, tables, a mirrored layout, Arial for the script, no italics', async () => {
    const HEBREW = `
title: סקירה רבעונית
lang: he-IL
sources:
  - { id: a, title: דוח מכירות, author: מחלקת המכירות, date: 2024 }
slides:
  - title: הכנסות עלו ב-18%
    bullets: ["**הכנסות** של 12.4 מיליון", [פירוט ראשון]]
    source: a
  - layout: two-column
    title: מה עבד
    left: { heading: עבד, bullets: [א] }
    right: { heading: לא עבד, bullets: [ב] }
  - layout: table
    title: לקוחות
    table: { columns: [לקוח, הכנסה], rows: [[בנק, "1,240"], [חברה, "980"]] }
  - layout: quote
    quote: { text: הצוות הבין אותנו, by: מנהל רכש }
`;
    const { pptx, slides } = await build(outlineFile(HEBREW));
    expect(powerPointProblems(slides, 'he-IL')).toEqual([]);
    for (let n = 1; n <= slides.length; n++) {
      const xml = await pptx.text(`ppt/slides/slide${n}.xml`);
      // Every paragraph right to left; left-aligned only the slide number, mirrored to the left.
      const paragraphs = xml.match(/<a:p>/g)?.length ?? 0;
      expect(xml.match(/<a:pPr\b[^>]*\brtl="1"/g)?.length ?? 0, `slide ${n}`).toBe(paragraphs);
      // (A table's number column, right-aligned left to right, is left-aligned: mirrored with its table.)
      for (const shape of slides[n - 1]!.shapes.filter((x) => x.kind !== 'graphicFrame')) {
        const sides = [...shape.xml.matchAll(/<a:pPr\b[^>]*\balgn="([lr])"/g)].map((m) => m[1]);
        expect(sides.every((a) => a === (shape.ph?.type === 'sldNum' ? 'l' : 'r')), `slide ${n} ${shape.ph?.type ?? shape.kind}: ${sides.join()}`).toBe(true);
      }
      expect(xml, `slide ${n}`).not.toMatch(/ i="1"/);
      expect(xml, `slide ${n}`).not.toMatch(/<a:cs typeface="(?!Arial")/);
    }
    expect(await pptx.text('ppt/slides/slide4.xml')).toMatch(/<a:tblPr rtl="1"/);
    expect(await pptx.text('ppt/slideMasters/slideMaster1.xml')).not.toMatch(/ rtl="0"/);
    expect(await pptx.text('ppt/theme/theme1.xml')).toContain('<a:cs typeface="Arial"/>');
    // Mirrored: the first column, and the slide number, on the other side.
    const columns = slides[2]!.shapes.filter((s) => s.text === 'עבד' || s.text === 'לא עבד');
    expect(columns.find((s) => s.text === 'עבד')!.frame.x).toBeGreaterThan(columns.find((s) => s.text === 'לא עבד')!.frame.x);
    const number = slides[1]!.shapes.find((s) => s.ph?.type === 'sldNum')!;
    expect(number.frame.x).toBeLessThan(2 * 914400);
    // Its own words, in Hebrew.
    expect(slides.at(-1)!.title).toBe('מקורות');
    expect(slides[1]!.shapes.map((s) => s.text)).toContain('מקור: מחלקת המכירות, 2024.');
  });
});
