// Templates made here, as PowerPoint would save them, to test `theme.template` on: Office's names
// in 16:9, a 4:3 one with German names, custom layout types and two masters, and a Georgia/Cambria
// one. Written with deckgen's own master/layout/theme writer and zip, from template models.
import { layoutRels, layoutXml, masterRels, masterXml, themeXml } from '../../src/emit/master.js';
import { zip } from '../../src/emit/zip.js';
import type { LayoutType, Template, TemplateLayout, TemplatePlaceholder } from '../../src/template/model.js';

const CT = 'application/vnd.openxmlformats-officedocument.presentationml';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

type Box = TemplatePlaceholder['box'];
const ph = (type: TemplatePlaceholder['type'], box: Box, idx?: number): TemplatePlaceholder => ({ type, name: type, box, ...(idx !== undefined ? { idx } : {}) });

/** Layouts of a w x h slide with Office's geometry: title on top, content below, footers at the foot. */
function layouts(w: number, h: number, names: Record<string, string>, types: Record<string, LayoutType>): TemplateLayout[] {
  const m = w * 0.07;
  const title: Box = { x: m, y: h * 0.05, w: w - 2 * m, h: h * 0.16 };
  const body: Box = { x: m, y: h * 0.24, w: w - 2 * m, h: h * 0.62 };
  const half = (i: number): Box => ({ x: m + i * ((w - 2 * m) / 2 + 0.15), y: body.y, w: (w - 2 * m) / 2 - 0.15, h: body.h });
  const foot = [ph('dt', { x: m, y: h * 0.92, w: w * 0.22, h: h * 0.05 }, 10), ph('ftr', { x: w * 0.33, y: h * 0.92, w: w * 0.34, h: h * 0.05 }, 11), ph('sldNum', { x: w * 0.71, y: h * 0.92, w: w * 0.22, h: h * 0.05 }, 12)];
  const l = (key: string, placeholders: TemplatePlaceholder[]): TemplateLayout => ({ name: names[key]!, type: types[key]!, placeholders: [...placeholders, ...foot] });
  return [
    l('title', [ph('ctrTitle', { x: w * 0.125, y: h * 0.16, w: w * 0.75, h: h * 0.35 }), ph('subTitle', { x: w * 0.125, y: h * 0.53, w: w * 0.75, h: h * 0.24 }, 1)]),
    l('content', [ph('title', title), ph('body', body, 1)]),
    l('section', [ph('title', { x: m, y: h * 0.25, w: w - 2 * m, h: h * 0.4 }), ph('body', { x: m, y: h * 0.67, w: w - 2 * m, h: h * 0.15 }, 1)]),
    l('two', [ph('title', title), ph('body', half(0), 1), ph('body', half(1), 2)]),
    l('titleOnly', [ph('title', title)]),
    l('blank', []),
  ];
}

export interface TemplateSpec {
  w: number;
  h: number;
  fonts: { major: string; minor: string };
  names: Record<string, string>;
  types: Record<string, LayoutType>;
  /** Layout keys on a second master, if any. */
  second?: string[];
}

const OFFICE = { title: 'title', content: 'obj', section: 'secHead', two: 'twoObj', titleOnly: 'titleOnly', blank: 'blank' } as Record<string, LayoutType>;

export const SPECS: Record<string, TemplateSpec> = {
  office: { w: 13.333, h: 7.5, fonts: { major: 'Calibri', minor: 'Calibri' }, names: { title: 'Title Slide', content: 'Title and Content', section: 'Section Header', two: 'Two Content', titleOnly: 'Title Only', blank: 'Blank' }, types: OFFICE },
  german: {
    w: 10,
    h: 7.5,
    fonts: { major: 'Arial', minor: 'Arial' },
    names: { title: 'Titelfolie', content: 'Titel und Inhalt', section: 'Abschnittsüberschrift', two: 'Zwei Inhalte', titleOnly: 'Nur Titel', blank: 'Leer' },
    // Nothing but the placeholders tells these layouts apart.
    types: Object.fromEntries(Object.keys(OFFICE).map((k) => [k, 'cust'])) as Record<string, LayoutType>,
    second: ['two', 'titleOnly', 'blank'],
  },
  serif: { w: 13.333, h: 7.5, fonts: { major: 'Cambria', minor: 'Georgia' }, names: { title: 'Cover', content: 'Text', section: 'Chapter', two: 'Side by side', titleOnly: 'Heading only', blank: 'Empty' }, types: OFFICE },
};

export function makeTemplate(spec: TemplateSpec, baseTheme: string): Uint8Array {
  const all = layouts(spec.w, spec.h, spec.names, spec.types);
  const keys = Object.keys(spec.names);
  const groups = spec.second ? [all.filter((_, i) => !spec.second!.includes(keys[i]!)), all.filter((_, i) => spec.second!.includes(keys[i]!))] : [all];
  const colours = { dk1: '000000', lt1: 'FFFFFF', dk2: '44546A', lt2: 'E7E6E6', accent1: '4472C4', accent2: 'ED7D31', accent3: 'A5A5A5', accent4: 'FFC000', accent5: '5B9BD5', accent6: '70AD47', hlink: '0563C1', folHlink: '954F72' };
  const files: { name: string; data: string }[] = [];
  let n = 0;
  const masterIds: number[] = [];
  groups.forEach((group, m) => {
    const t: Template = { name: `Test ${m + 1}`, size: { w: spec.w, h: spec.h }, colours, fonts: spec.fonts, background: 'FFFFFF', layouts: group, map: {} as Template['map'], chrome: true };
    // Layout ids are unique across masters: each master's block starts 100 above the last.
    const base = 2147483648 + m * 100;
    masterIds.push(base);
    const master = masterXml(t, 32, 24).replace(/<p:sldLayoutId id="(\d+)" r:id="rId(\d+)"\/>/g, (_x, _id, r: string) => `<p:sldLayoutId id="${base + Number(r)}" r:id="rId${r}"/>`);
    files.push({ name: `ppt/slideMasters/slideMaster${m + 1}.xml`, data: master });
    files.push({ name: `ppt/slideMasters/_rels/slideMaster${m + 1}.xml.rels`, data: masterRels(t).replace(/slideLayout(\d+)\.xml/g, (_x, i: string) => `slideLayout${n + Number(i)}.xml`).replace('theme1.xml', `theme${m + 1}.xml`) });
    files.push({ name: `ppt/theme/theme${m + 1}.xml`, data: themeXml(t, baseTheme) });
    group.forEach((layout) => {
      n++;
      files.push({ name: `ppt/slideLayouts/slideLayout${n}.xml`, data: layoutXml(layout, t) });
      files.push({ name: `ppt/slideLayouts/_rels/slideLayout${n}.xml.rels`, data: layoutRels().replace('slideMaster1.xml', `slideMaster${m + 1}.xml`) });
    });
  });
  const presRels = groups.map((_, m) => `<Relationship Id="rId${m + 1}" Type="${REL}/slideMaster" Target="slideMasters/slideMaster${m + 1}.xml"/>`).join('');
  files.push({ name: 'ppt/_rels/presentation.xml.rels', data: `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${presRels}</Relationships>` });
  const emu = (i: number): number => Math.round(i * 914400);
  files.push({
    name: 'ppt/presentation.xml',
    data: `${HEAD}<p:presentation xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL}" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"><p:sldMasterIdLst>${masterIds.map((id, m) => `<p:sldMasterId id="${id}" r:id="rId${m + 1}"/>`).join('')}</p:sldMasterIdLst><p:sldSz cx="${emu(spec.w)}" cy="${emu(spec.h)}"/><p:notesSz cx="6858000" cy="9144000"/></p:presentation>`,
  });
  files.push({ name: '_rels/.rels', data: `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="ppt/presentation.xml"/></Relationships>` });
  const overrides = files
    .filter((f) => !f.name.endsWith('.rels'))
    .map((f) => {
      const type = f.name.includes('slideMaster') ? `${CT}.slideMaster+xml` : f.name.includes('slideLayout') ? `${CT}.slideLayout+xml` : f.name.includes('theme') ? 'application/vnd.openxmlformats-officedocument.theme+xml' : `${CT}.template.main+xml`;
      return `<Override PartName="/${f.name}" ContentType="${type}"/>`;
    });
  files.unshift({ name: '[Content_Types].xml', data: `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides.join('')}</Types>` });
  return zip(files.map((f) => ({ name: f.name, data: Buffer.from(f.data) })), new Date('2024-01-01T00:00:00Z'));
}
