import { describe, expect, it } from 'vitest';
import { finishSlide, rightToLeftXml, withLanguage } from '../../src/emit/slide-xml.js';

const TREE = '<p:sld><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr><a:xfrm/></p:grpSpPr>';
const text = (id: number, t: string): string =>
  `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="Text 0"></p:cNvPr><p:cNvSpPr/><p:nvPr></p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:p><a:r><a:rPr lang="en-US" sz="1100"><a:latin typeface="Calibri"/><a:ea typeface="Calibri" pitchFamily="34" charset="-122"/></a:rPr><a:t>${t}</a:t></a:r></a:p></p:txBody></p:sp>`;
const rect = (id: number): string => `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="Shape 1"></p:cNvPr><p:cNvSpPr/><p:nvPr></p:nvPr></p:nvSpPr><p:spPr/></p:sp>`;
const table = (id: number): string => `<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="${id}" name="Table 0"/></p:nvGraphicFramePr><a:graphic><a:graphicData><a:tbl><a:tblPr/></a:tbl></a:graphicData></a:graphic></p:graphicFrame>`;
const slide = (...shapes: string[]): string => `${TREE}${shapes.join('')}</p:spTree></p:cSld></p:sld>`;

describe('finishSlide', () => {
  it('puts titles, bodies, footers and numbers in their placeholders, the number as a field', () => {
    const xml = finishSlide(slide(text(2, 'Title'), text(3, 'Body'), text(4, 'Footer'), text(25, '7')), {
      layout: 2,
      shapes: [{ placeholder: { type: 'title' } }, { placeholder: { type: 'body', idx: 1 } }, { placeholder: { type: 'ftr', idx: 11 } }, { placeholder: { type: 'sldNum', idx: 12 } }],
    }, { lang: 'en-US' });
    expect(xml).toContain('<p:cNvPr id="2" name="Title 1"></p:cNvPr><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="title"/></p:nvPr>');
    expect(xml).toContain('<p:nvPr><p:ph idx="1"/></p:nvPr>');
    expect(xml).toContain('<p:ph type="ftr" sz="quarter" idx="11"/>');
    expect(xml).toMatch(/<p:ph type="sldNum" sz="quarter" idx="12"\/>.*<a:fld id="\{[0-9A-F-]+\}" type="slidenum"><a:rPr [^>]*>.*<\/a:rPr><a:t>7<\/a:t><\/a:fld>/s);
  });

  it('numbers shapes 2, 3, 4... whatever ids pptxgenjs gave them', () => {
    const xml = finishSlide(slide(text(2, 'a'), table(10), rect(10), text(25, 'b')), { layout: 1, shapes: [{}, {}, {}, {}] }, { lang: 'en-US' });
    expect([...xml.matchAll(/<p:cNvPr id="(\d+)"/g)].map((m) => m[1])).toEqual(['1', '2', '3', '4', '5']);
  });

  it('marks decoration decorative and gives tables a header row', () => {
    const xml = finishSlide(slide(rect(2), table(3)), { layout: 1, shapes: [{ decorative: true }, {}] }, { lang: 'en-US' });
    expect(xml).toContain('<p:cNvPr id="2" name="Shape 1"><a:extLst><a:ext uri="{C183D7F6-B498-43B3-948B-1728B52AA6E4}"><adec:decorative');
    expect(xml).toContain('<a:tblPr firstRow="1" bandRow="1"><a:tableStyleId>');
  });

  it('refuses a slide whose shapes do not match what emit made', () => {
    expect(() => finishSlide(slide(rect(2)), { layout: 1, shapes: [] }, { lang: 'en-US' })).toThrow(/1 shapes, emit made 0/);
  });
});

describe('withLanguage', () => {
  it('tags every run with the deck language and puts East Asian text in its typeface', () => {
    const xml = withLanguage(slide(text(2, '产量')), { lang: 'zh-CN', ea: 'Microsoft YaHei' });
    expect(xml).toContain('lang="zh-CN"');
    expect(xml).not.toContain('en-US');
    expect(xml).toContain('<a:ea typeface="Microsoft YaHei"/>');
  });
});

describe('right to left', () => {
  it('sets every paragraph and table right to left, swapping left and right alignment and keeping centred text', () => {
    const xml =
      '<a:p><a:pPr algn="l" marL="0"/><a:r><a:t>x</a:t></a:r></a:p>' +
      '<a:p><a:pPr algn="ctr" rtl="0"><a:buNone/></a:pPr></a:p>' +
      '<a:p><a:pPr marL="5"/></a:p>' +
      '<a:p><a:pPr algn="r"/><a:r><a:t>9</a:t></a:r></a:p>' +
      '<a:p><a:r><a:t>y</a:t></a:r></a:p>' +
      '<a:lstStyle><a:lvl1pPr marL="0" algn="l" rtl="0"><a:defRPr/></a:lvl1pPr></a:lstStyle><a:tblPr firstRow="1"/>';
    expect(rightToLeftXml(xml)).toBe(
      '<a:p><a:pPr algn="r" marL="0" rtl="1"/><a:r><a:t>x</a:t></a:r></a:p>' +
        '<a:p><a:pPr algn="ctr" rtl="1"><a:buNone/></a:pPr></a:p>' +
        '<a:p><a:pPr marL="5" algn="r" rtl="1"/></a:p>' +
        '<a:p><a:pPr algn="l" rtl="1"/><a:r><a:t>\u200e9</a:t></a:r></a:p>' +
        '<a:p><a:pPr rtl="1"/><a:r><a:t>y</a:t></a:r></a:p>' +
        '<a:lstStyle><a:lvl1pPr marL="0" algn="r" rtl="1"><a:defRPr/></a:lvl1pPr></a:lstStyle><a:tblPr rtl="1" firstRow="1"/>',
    );
    // Digits without a right-to-left letter keep their order; mixed text is left to the bidi algorithm.
    expect(rightToLeftXml('<a:t>/5</a:t><a:t>של 12.4</a:t><a:t>Enterprise</a:t>')).toBe('<a:t>\u200e/5</a:t><a:t>של 12.4</a:t><a:t>Enterprise</a:t>');
    // Twice is once.
    expect(rightToLeftXml(rightToLeftXml(xml))).toBe(rightToLeftXml(xml));
    // Only when the language asks, with its complex-script typeface.
    expect(withLanguage(xml, { lang: 'en-US' })).toBe(xml);
    expect(withLanguage('<a:cs typeface="Calibri" charset="-120"/>', { lang: 'ar-SA', cs: 'Arial', rtl: true })).toBe('<a:cs typeface="Arial"/>');
  });
});
