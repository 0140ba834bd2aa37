import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { finishEarly, finishPackage, packageDate, DEFAULT_DATE, type PackageDeck } from '../../src/emit/package.js';
import { briefingTemplate } from '../../src/template/briefing.js';
import { BRIEFING } from '../../src/theme/theme.js';
import { xmlSafe } from '../../src/emit/sanitize.js';
import { zip } from '../../src/emit/zip.js';
import { PartCollector, type Parts } from '../../src/emit/parts.js';

async function pkg(files: Record<string, string>): Promise<Parts> {
  // The parts as pptxgenjs hands them over: XML as strings, media as bytes.
  const z = new PartCollector();
  for (const [name, body] of Object.entries(files)) z.file(name, name.endsWith('.png') ? Buffer.from(body) : body);
  return z.generateAsync();
}

/** The package step's view of a one-slide deck on the briefing template. */
const DECK: PackageDeck = {
  template: briefingTemplate(BRIEFING, 'en-US'),
  textSizes: { title: 30, body: 24 },
  slides: [{ layout: 1, shapes: [] }],
  language: { lang: 'en-US' },
  info: { title: 'T', lang: 'en-US', titles: ['T'], sections: [], themeName: 'Briefing', fonts: ['Calibri'] },
};

const TYPES = '<Types><Default Extension="xml" ContentType="application/xml"/><Override PartName="/ppt/slideMasters/slideMaster1.xml" ContentType="m"/><Override PartName="/ppt/slideMasters/slideMaster2.xml" ContentType="m"/></Types>';

describe('finishPackage', () => {
  it('drops content-type overrides for parts that do not exist (PptxGenJS #1444)', async () => {
    const out = await JSZip.loadAsync(await finishPackage(await pkg({ '[Content_Types].xml': TYPES, 'ppt/slideMasters/slideMaster1.xml': '<a/>' }), { date: DEFAULT_DATE }, DECK));
    const types = await out.file('[Content_Types].xml')!.async('string');
    expect(types).toContain('slideMaster1.xml');
    expect(types).not.toContain('slideMaster2.xml');
  });

  it('keeps one paragraph-properties element per paragraph and the schema form of bullet size', async () => {
    const slide = '<p:sld><a:p><a:pPr marL="1"><a:buSzPct val="100000"/></a:pPr><a:r><a:t>a</a:t></a:r><a:pPr marL="1"/><a:r><a:t>b</a:t></a:r></a:p></p:sld>';
    const out = await JSZip.loadAsync(await finishPackage(await pkg({ '[Content_Types].xml': TYPES, 'ppt/slides/slide1.xml': slide }), { date: DEFAULT_DATE }, DECK));
    const xml = await out.file('ppt/slides/slide1.xml')!.async('string');
    expect(xml.match(/<a:pPr/g)).toHaveLength(1);
    expect(xml).toContain('<a:buSzTx/>');
  });

  it('stores an image shown on many slides once', async () => {
    const rels = (n: number): string => `<Relationships><Relationship Id="rId1" Target="../media/image-${n}-1.png"/></Relationships>`;
    const files = {
      '[Content_Types].xml': TYPES,
      'ppt/media/image-1-1.png': 'same bytes',
      'ppt/media/image-2-1.png': 'same bytes',
      'ppt/slides/_rels/slide1.xml.rels': rels(1),
      'ppt/slides/_rels/slide2.xml.rels': rels(2),
    };
    const out = await JSZip.loadAsync(await finishPackage(await pkg(files), { date: DEFAULT_DATE }, DECK));
    expect(Object.keys(out.files).filter((n) => n.startsWith('ppt/media/'))).toEqual(['ppt/media/image-1-1.png']);
    expect(await out.file('ppt/slides/_rels/slide2.xml.rels')!.async('string')).toContain('../media/image-1-1.png');
  });

  it('writes the same bytes for the same parts, whatever the time', async () => {
    // finishPackage consumes its parts, so each build gets its own.
    const input = (): Promise<Parts> => pkg({ '[Content_Types].xml': TYPES, 'docProps/core.xml': '<dcterms:created x="1">2026-01-01T10:00:00Z</dcterms:created>' });
    const a = await finishPackage(await input(), { date: new Date('2012-07-01T00:00:00Z') }, DECK);
    const b = await finishPackage(await input(), { date: new Date('2012-07-01T00:00:00Z') }, DECK);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const core = await (await JSZip.loadAsync(a)).file('docProps/core.xml')!.async('string');
    expect(core).toContain('2012-07-01T00:00:00Z');
  });

  it('lets go of every part once it is zipped, so a big deck is never held whole twice', async () => {
    const parts = await pkg({ '[Content_Types].xml': TYPES, 'ppt/slides/slide1.xml': '<p:sld/>', 'ppt/media/image-1-1.png': 'png' });
    const out = await JSZip.loadAsync(finishPackage(parts, { date: DEFAULT_DATE }, DECK));
    expect(parts.size).toBe(0);
    expect(await out.file('ppt/media/image-1-1.png')!.async('string')).toBe('png');
  });

  it('makes the same bytes of slides and notes finished early (as pptxgenjs writes them) as of their text', async () => {
    const files = {
      '[Content_Types].xml': TYPES,
      'ppt/slides/slide1.xml': '<p:sld><p:cSld><p:spTree><a:p><a:pPr marL="1"><a:buSzPct val="100000"/></a:pPr><a:r><a:t>a</a:t></a:r><a:pPr/></a:p></p:spTree></p:cSld></p:sld>',
      'ppt/notesSlides/notesSlide1.xml': '<p:notes><a:p><a:r><a:rPr lang="en-US" dirty="0"/><a:t>one\ntwo</a:t></a:r></a:p></p:notes>',
      'ppt/slides/_rels/slide1.xml.rels': '<Relationships><Relationship Id="rId1" Target="../slideLayouts/slideLayout1.xml"/></Relationships>',
    };
    const plain = finishPackage(await pkg(files), { date: DEFAULT_DATE, compressionLevel: 9 }, DECK);
    const early = finishEarly(DECK, { compressionLevel: 9 });
    const parts = await pkg(files);
    for (const [name, text] of parts) if (typeof text === 'string') parts.set(name, early(name, text) ?? text);
    expect(typeof parts.get('ppt/slides/slide1.xml')).not.toBe('string');
    expect(typeof parts.get('ppt/notesSlides/notesSlide1.xml')).not.toBe('string');
    expect(typeof parts.get('ppt/slides/_rels/slide1.xml.rels')).toBe('string');
    expect(Buffer.from(finishPackage(parts, { date: DEFAULT_DATE, compressionLevel: 9 }, DECK)).equals(Buffer.from(plain))).toBe(true);
  });
});

describe('PartCollector', () => {
  it('records what pptxgenjs writes into JSZip: folders, text and base64 media', async () => {
    const z = new PartCollector();
    z.folder('ppt').folder('_rels');
    z.folder('ppt/slides').file('slide1.xml', '<p:sld/>');
    z.file('ppt/media/image-1-1.png', Buffer.from([137, 80, 78, 71]).toString('base64'), { base64: true });
    const parts = await z.generateAsync({ type: 'uint8array' });
    expect([...parts.keys()]).toEqual(['ppt/slides/slide1.xml', 'ppt/media/image-1-1.png']);
    expect([...(parts.get('ppt/media/image-1-1.png') as Uint8Array)]).toEqual([137, 80, 78, 71]);
  });

  it('gives the early hook to the collector pptxgenjs makes as write() starts, and to no later one', async () => {
    const seen: string[] = [];
    let workbook: PartCollector | undefined;
    const parts = await PartCollector.collectParts(
      async () => {
        const z = new PartCollector();
        await Promise.resolve();
        z.folder('ppt/slides').file('slide1.xml', '<p:sld/>');
        z.file('ppt/media/image1.png', 'AAAA', { base64: true });
        workbook = new PartCollector();
        workbook.file('xl/workbook.xml', '<workbook/>');
        return z.generateAsync();
      },
      (name, text) => (seen.push(name), Buffer.from(text.toUpperCase())),
    );
    expect(seen).toEqual(['ppt/slides/slide1.xml']);
    expect(Buffer.from(parts.get('ppt/slides/slide1.xml') as Uint8Array).toString()).toBe('<P:SLD/>');
    expect(workbook!.parts.get('xl/workbook.xml')).toBe('<workbook/>');
    // Made outside collectParts: no hook.
    expect(new PartCollector().file('a.xml', '<a/>').parts.get('a.xml')).toBe('<a/>');
  });

  it('zips the nested workbook of a native chart, [Content_Types].xml first, with fixed dates', async () => {
    const book = new PartCollector();
    book.folder('xl').file('workbook.xml', '<workbook/>');
    book.file('[Content_Types].xml', '<Types/>');
    book.file('docProps/core.xml', '<cp:coreProperties><dcterms:created xsi:type="dcterms:W3CDTF">2026-12-02T22:07:41.388Z</dcterms:created><dc:creator>PptxGenJS</dc:creator></cp:coreProperties>');
    const base64 = await book.generateAsync({ type: 'base64' });
    const zipped = await JSZip.loadAsync(Buffer.from(base64, 'base64'));
    expect(Object.keys(zipped.files)).toEqual(['[Content_Types].xml', 'docProps/core.xml', 'xl/workbook.xml']);
    expect(await zipped.file('xl/workbook.xml')!.async('string')).toBe('<workbook/>');
    expect(await zipped.file('docProps/core.xml')!.async('string')).toBe('<cp:coreProperties><dcterms:created xsi:type="dcterms:W3CDTF">2000-01-01T00:00:00Z</dcterms:created><dc:creator>deckgen</dc:creator></cp:coreProperties>');
  });
});

describe('packageDate', () => {
  it('prefers SOURCE_DATE_EPOCH, then the outline date, then a fixed date', () => {
    expect(packageDate('2012-07-31', { SOURCE_DATE_EPOCH: '0' }).toISOString()).toBe('1970-01-01T00:00:00.000Z');
    expect(packageDate('2012-07-31', {}).toISOString()).toBe('2012-07-31T00:00:00.000Z');
    expect(packageDate('H1 2012', {}).toISOString()).toBe('2012-01-01T00:00:00.000Z');
    expect(packageDate(undefined, {})).toEqual(DEFAULT_DATE);
  });
});

describe('zip', () => {
  it('writes entries any unzip tool reads back, deflated or stored', async () => {
    const bytes = zip([{ name: 'a.xml', data: Buffer.from('<a>hello hello hello</a>') }, { name: 'm/b.png', data: Buffer.from([1, 2, 3]), store: true }], DEFAULT_DATE);
    const back = await JSZip.loadAsync(bytes);
    expect(await back.file('a.xml')!.async('string')).toBe('<a>hello hello hello</a>');
    expect([...(await back.file('m/b.png')!.async('uint8array'))]).toEqual([1, 2, 3]);
    expect(back.file('a.xml')!.date.toISOString()).toBe('2000-01-01T00:00:00.000Z');
  });
});

describe('xmlSafe', () => {
  it('removes exactly the characters XML 1.0 forbids', () => {
    expect(xmlSafe('a\u000Bb\u0001c\u0000d\uFFFEe\uD800f')).toBe('abcdef');
    expect(xmlSafe('tab\tnew\nline\r中文 😀')).toBe('tab\tnew\nline\r中文 😀');
  });
});
