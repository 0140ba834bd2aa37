/**
 * The template as package parts: the theme (colours and fonts), one slide master and its named
 * layouts with placeholders, in the XML PowerPoint writes for its own templates.
 */
import { inToEmu } from '../plan/units.js';
import { SCHEME_SLOTS, type Template, type TemplateLayout, type TemplatePlaceholder } from '../template/model.js';
import { escapeXml } from './sanitize.js';

const NS = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const LAYOUT_TYPE = 'application/vnd.openxmlformats-officedocument.presentationml.slideLayout+xml';
export const SLIDE_NUMBER_FIELD = '{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}';

/** A colour as the theme names it where it is one of the theme's, so "Change colors" follows it. */
function colour(hex: string, t: Template): string {
  const scheme = ([
    ['tx1', t.colours.dk1],
    ['bg1', t.colours.lt1],
    ['tx2', t.colours.dk2],
    ['bg2', t.colours.lt2],
  ] as const).find(([, c]) => c === hex)?.[0];
  return scheme ? `<a:schemeClr val="${scheme}"/>` : `<a:srgbClr val="${hex}"/>`;
}

const xfrm = (b: { x: number; y: number; w: number; h: number }): string =>
  `<a:xfrm><a:off x="${inToEmu(b.x)}" y="${inToEmu(b.y)}"/><a:ext cx="${inToEmu(b.w)}" cy="${inToEmu(b.h)}"/></a:xfrm>`;

const PROMPTS: Record<TemplatePlaceholder['type'], string> = {
  title: 'Click to edit Master title style',
  ctrTitle: 'Click to edit Master title style',
  subTitle: 'Click to edit Master subtitle style',
  body: 'Click to edit Master text styles',
  dt: '',
  ftr: '',
  sldNum: '',
};

export const phXml = (type: TemplatePlaceholder['type'], idx: number | undefined): string =>
  `<p:ph${type === 'body' ? '' : ` type="${type}"`}${type === 'dt' || type === 'ftr' || type === 'sldNum' ? ' sz="quarter"' : ''}${idx !== undefined ? ` idx="${idx}"` : ''}/>`;

function placeholder(p: TemplatePlaceholder, id: number, t: Template): string {
  const anchor = p.anchor ? ` anchor="${p.anchor}"` : '';
  const rPr = `${p.size ? ` sz="${Math.round(p.size * 100)}"` : ''}${p.bold ? ' b="1"' : ''}`;
  const fill = p.colour ? `<a:solidFill>${colour(p.colour, t)}</a:solidFill>` : '';
  const lvl1 = `<a:lvl1pPr${p.align ? ` algn="${p.align}"` : ''}>${p.type === 'body' ? '' : '<a:buNone/>'}<a:defRPr${rPr}>${fill}</a:defRPr></a:lvl1pPr>`;
  const prompt = PROMPTS[p.type];
  const text =
    p.type === 'sldNum'
      ? `<a:p><a:fld id="${SLIDE_NUMBER_FIELD}" type="slidenum"><a:rPr lang="en-US"/><a:t>‹#›</a:t></a:fld><a:endParaRPr lang="en-US"/></a:p>`
      : prompt
        ? `<a:p><a:r><a:rPr lang="en-US"/><a:t>${prompt}</a:t></a:r></a:p>`
        : '<a:p><a:endParaRPr lang="en-US"/></a:p>';
  return (
    `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="${escapeXml(p.name)} ${id - 1}"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr>${phXml(p.type, p.idx)}</p:nvPr></p:nvSpPr>` +
    `<p:spPr>${xfrm(p.box)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr>` +
    `<p:txBody><a:bodyPr vert="horz" lIns="91440" tIns="45720" rIns="91440" bIns="45720" rtlCol="0"${anchor}><a:noAutofit/></a:bodyPr><a:lstStyle>${lvl1}</a:lstStyle>${text}</p:txBody></p:sp>`
  );
}

const TREE_START = '<p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>';
const background = (hex: string, t: Template): string => `<p:bg><p:bgPr><a:solidFill>${colour(hex, t)}</a:solidFill><a:effectLst/></p:bgPr></p:bg>`;

export function layoutXml(layout: TemplateLayout, t: Template): string {
  const shapes = layout.placeholders.map((p, i) => placeholder(p, i + 2, t)).join('');
  const bg = layout.background ? background(layout.background, t) : '';
  return `${HEAD}<p:sldLayout ${NS} type="${layout.type}" preserve="1"><p:cSld name="${escapeXml(layout.name)}">${bg}${TREE_START}${shapes}</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>`;
}

export const layoutRels = (): string =>
  `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/slideMaster" Target="../slideMasters/slideMaster1.xml"/></Relationships>`;

/** Text styles of every level: the theme's fonts, sizes stepping down, bullets for body text. */
function levels(size: number, bullets: boolean, major: boolean, fillXml: string, bold = false): string {
  const font = major ? '+mj' : '+mn';
  return Array.from({ length: 9 }, (_, i) => {
    const marL = bullets ? 228600 + i * 457200 : 0;
    const sz = Math.round(Math.max(size - i * 2, 10) * 100);
    const bullet = bullets ? `<a:spcBef><a:spcPts val="1000"/></a:spcBef><a:buFont typeface="Arial"/><a:buChar char="•"/>` : '<a:buNone/>';
    return `<a:lvl${i + 1}pPr marL="${marL}" indent="${bullets ? -228600 : 0}" algn="l" defTabSz="914400" rtl="0" eaLnBrk="1" latinLnBrk="0" hangingPunct="1">${bullet}<a:defRPr sz="${sz}"${bold ? ' b="1"' : ''} kern="1200">${fillXml}<a:latin typeface="${font}-lt"/><a:ea typeface="${font}-ea"/><a:cs typeface="${font}-cs"/></a:defRPr></a:lvl${i + 1}pPr>`;
  }).join('');
}

export function masterXml(t: Template, titleSize: number, bodySize: number): string {
  const master = t.layouts[t.map.bullets] ?? t.layouts[0]!;
  const shapes = master.placeholders.map((p, i) => placeholder(p, i + 2, t)).join('');
  const ids = t.layouts.map((_, i) => `<p:sldLayoutId id="${2147483649 + i}" r:id="rId${i + 1}"/>`).join('');
  const clrMap = '<p:clrMap bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" accent3="accent3" accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink"/>';
  const styles =
    `<p:txStyles><p:titleStyle>${levels(titleSize, false, true, '<a:solidFill><a:schemeClr val="tx2"/></a:solidFill>', true).replace(/<a:lvl[2-9]pPr.*$/, '')}</p:titleStyle>` +
    `<p:bodyStyle>${levels(bodySize, true, false, '<a:solidFill><a:schemeClr val="tx1"/></a:solidFill>')}</p:bodyStyle>` +
    `<p:otherStyle>${levels(18, false, false, '<a:solidFill><a:schemeClr val="tx1"/></a:solidFill>')}</p:otherStyle></p:txStyles>`;
  return `${HEAD}<p:sldMaster ${NS}><p:cSld>${background(t.background, t)}${TREE_START}${shapes}</p:spTree></p:cSld>${clrMap}<p:sldLayoutIdLst>${ids}</p:sldLayoutIdLst>${styles}</p:sldMaster>`;
}

export function masterRels(t: Template): string {
  const layouts = t.layouts.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/slideLayout" Target="../slideLayouts/slideLayout${i + 1}.xml"/>`).join('');
  return `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${layouts}<Relationship Id="rId${t.layouts.length + 1}" Type="${REL}/theme" Target="../theme/theme1.xml"/></Relationships>`;
}

/** The theme part with the template's colours and fonts, over the effects and fills of `base`. */
export function themeXml(t: Template, base: string): string {
  const c = t.colours;
  const slot = (name: keyof typeof c): string => `<a:${name}><a:srgbClr val="${c[name]}"/></a:${name}>`;
  const name = escapeXml(t.name);
  const scheme = `<a:clrScheme name="${name}">${SCHEME_SLOTS.map(slot).join('')}</a:clrScheme>`;
  const ea = escapeXml(t.fonts.ea ?? '');
  const cs = escapeXml(t.fonts.cs ?? '');
  const font = (tag: string, latin: string): string => `<a:${tag}><a:latin typeface="${escapeXml(latin)}"/><a:ea typeface="${ea}"/><a:cs typeface="${cs}"/></a:${tag}>`;
  const fonts = `<a:fontScheme name="${name}">${font('majorFont', t.fonts.major)}${font('minorFont', t.fonts.minor)}</a:fontScheme>`;
  return base
    .replace(/<a:theme ([^>]*?)name="[^"]*"/, `<a:theme $1name="${name}"`)
    .replace(/<a:clrScheme\b.*?<\/a:clrScheme>/s, scheme)
    .replace(/<a:fontScheme\b.*?<\/a:fontScheme>/s, fonts)
    .replace(/<a:extLst>.*?<\/a:extLst><\/a:theme>/s, '</a:theme>');
}
