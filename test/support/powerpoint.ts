// Reading a deck in PowerPoint's terms: each slide's layout, its placeholders and title, shape
// ids, table headers, alt text, the language of every run and the contrast of every run against
// what lies behind it. What the Accessibility Checker and the Outline view would complain about.
import { contrastRatio, minContrast } from '../../src/theme/contrast.js';
import type { Pptx } from './ooxml.js';

export interface ShapeView {
  id: number;
  kind: 'sp' | 'pic' | 'graphicFrame';
  ph?: { type: string; idx?: number };
  decorative: boolean;
  descr: string;
  text: string;
  frame: { x: number; y: number; w: number; h: number };
  fill?: string;
  runs: { colour?: string; size: number; bold: boolean; lang?: string }[];
  xml: string;
}

export interface SlideInPowerPoint {
  n: number;
  layout: string;
  layoutType: string;
  background?: string;
  shapes: ShapeView[];
  title?: string;
}

const unescape = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const num = (xml: string, attr: string): number => Number(new RegExp(`\\b${attr}="(-?\\d+)"`).exec(xml)?.[1] ?? 0);

/** Theme colours by the names slides use (tx1, bg1, tx2, accent1...), as the default clrMap maps them. */
function schemeColours(theme: string): Record<string, string> {
  const get = (slot: string): string => new RegExp(`<a:${slot}>.*?val="([0-9A-Fa-f]{6})"`, 's').exec(theme)?.[1] ?? '000000';
  const out: Record<string, string> = { tx1: get('dk1'), bg1: get('lt1'), tx2: get('dk2'), bg2: get('lt2') };
  for (const s of ['dk1', 'lt1', 'dk2', 'lt2', 'accent1', 'accent2', 'accent3', 'accent4', 'accent5', 'accent6']) out[s] = get(s);
  return out;
}

function colourOf(xml: string | undefined, scheme: Record<string, string>): string | undefined {
  if (!xml) return undefined;
  const rgb = /<a:srgbClr val="([0-9A-Fa-f]{6})"/.exec(xml)?.[1];
  if (rgb) return rgb.toUpperCase();
  const named = /<a:schemeClr val="(\w+)"/.exec(xml)?.[1];
  return named ? scheme[named] : undefined;
}

const background = (xml: string, scheme: Record<string, string>): string | undefined => colourOf(/<p:bg>(.*?)<\/p:bg>/s.exec(xml)?.[1], scheme);

function shapesOf(xml: string, scheme: Record<string, string>): ShapeView[] {
  const tree = xml.slice(xml.indexOf('</p:grpSpPr>'), xml.lastIndexOf('</p:spTree>'));
  return tree
    .split(/(?=<p:(?:sp|pic|graphicFrame)>)/)
    .filter((s) => /^<p:(sp|pic|graphicFrame)>/.test(s))
    .map((s) => {
      const kind = /^<p:(sp|pic|graphicFrame)>/.exec(s)![1] as ShapeView['kind'];
      const cNvPr = /<p:cNvPr\b[^>]*>/.exec(s)![0];
      const ph = /<p:ph\b([^>]*)\/>/.exec(s);
      const spPr = /<p:spPr>(.*?)<\/p:spPr>/s.exec(s)?.[1] ?? '';
      const xfrm = /<a:off x="(-?\d+)" y="(-?\d+)"\/>\s*<a:ext cx="(\d+)" cy="(\d+)"/.exec(s);
      const fill = /^\s*<a:xfrm.*?<\/a:xfrm>\s*<a:prstGeom.*?<\/a:prstGeom>\s*<a:solidFill>(.*?)<\/a:solidFill>/s.exec(spPr)?.[1];
      const runs = [...s.matchAll(/<a:(?:r|fld)\b[^>]*>\s*<a:rPr\b([^>]*?)(?:\/>|>(.*?)<\/a:rPr>)/gs)].map((r) => ({
        colour: colourOf(r[2], scheme),
        size: num(r[1]!, 'sz') / 100,
        bold: /\bb="1"/.test(r[1]!),
        lang: /\blang="([^"]+)"/.exec(r[1]!)?.[1],
      }));
      const view: ShapeView = {
        id: num(cNvPr, 'id'),
        kind,
        decorative: s.includes('decorative') && /adec:decorative[^>]*val="1"/.test(s),
        descr: unescape(/descr="([^"]*)"/.exec(cNvPr)?.[1] ?? ''),
        text: [...s.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((t) => unescape(t[1]!)).join(''),
        frame: xfrm ? { x: +xfrm[1]!, y: +xfrm[2]!, w: +xfrm[3]!, h: +xfrm[4]! } : { x: 0, y: 0, w: 0, h: 0 },
        runs,
        xml: s,
      };
      if (ph) view.ph = { type: /type="(\w+)"/.exec(ph[1]!)?.[1] ?? 'body', ...(/idx="(\d+)"/.test(ph[1]!) ? { idx: num(ph[1]!, 'idx') } : {}) };
      const f = colourOf(fill, scheme);
      if (f) view.fill = f;
      return view;
    });
}

export async function slidesInPowerPoint(pptx: Pptx): Promise<SlideInPowerPoint[]> {
  const scheme = schemeColours(await pptx.text('ppt/theme/theme1.xml'));
  const masterBg = background(await pptx.text('ppt/slideMasters/slideMaster1.xml'), scheme);
  const parts = pptx.partNames.filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).sort((a, b) => Number(a.match(/\d+/)![0]) - Number(b.match(/\d+/)![0]));
  return Promise.all(
    parts.map(async (part) => {
      const n = Number(part.match(/\d+/)![0]);
      const xml = await pptx.text(part);
      const rels = await pptx.text(`ppt/slides/_rels/slide${n}.xml.rels`);
      const layoutPart = `ppt/slideLayouts/${/slideLayouts\/(slideLayout\d+\.xml)/.exec(rels)![1]}`;
      const layoutXml = await pptx.text(layoutPart);
      const shapes = shapesOf(xml, scheme);
      const title = shapes.find((s) => s.ph?.type === 'title' || s.ph?.type === 'ctrTitle');
      const view: SlideInPowerPoint = {
        n,
        layout: unescape(/<p:cSld name="([^"]*)"/.exec(layoutXml)?.[1] ?? ''),
        layoutType: /<p:sldLayout\b[^>]*\btype="(\w+)"/.exec(layoutXml)?.[1] ?? '',
        shapes,
      };
      const bg = background(xml, scheme) ?? background(layoutXml, scheme) ?? masterBg;
      if (bg) view.background = bg;
      if (title) view.title = title.text;
      return view;
    }),
  );
}

/** What lies behind a text shape: its own fill, the nearest filled shape under its top, else the slide. */
function behind(slide: SlideInPowerPoint, index: number): string | undefined {
  const shape = slide.shapes[index]!;
  if (shape.fill) return shape.fill;
  const x = shape.frame.x + shape.frame.w / 2;
  const y = shape.frame.y + Math.min(shape.frame.h / 2, 0.3 * 914400);
  for (let i = index - 1; i >= 0; i--) {
    const s = slide.shapes[i]!;
    if (s.fill && x >= s.frame.x && x <= s.frame.x + s.frame.w && y >= s.frame.y && y <= s.frame.y + s.frame.h) return s.fill;
  }
  return slide.background;
}

/** Everything PowerPoint's Accessibility Checker and Outline view would find wrong, as messages. */
export function powerPointProblems(slides: readonly SlideInPowerPoint[], lang: string, check = { contrast: true }): string[] {
  const problems: string[] = [];
  for (const slide of slides) {
    const at = `slide ${slide.n}`;
    if (!slide.layout || slide.layout === 'DEFAULT') problems.push(`${at}: built on an unnamed layout "${slide.layout}"`);
    if (!slide.title?.trim()) problems.push(`${at}: no title placeholder with text`);
    const content = slide.shapes.filter((s) => !s.decorative && (s.text || s.kind !== 'sp') && !['sldNum', 'dt', 'ftr'].includes(s.ph?.type ?? ''));
    if (content[0] && content[0].ph?.type !== 'title' && content[0].ph?.type !== 'ctrTitle') problems.push(`${at}: the title is not read first ("${content[0].text.slice(0, 30)}" is)`);
    const ids = slide.shapes.map((s) => s.id);
    if (new Set(ids).size !== ids.length) problems.push(`${at}: shape ids repeat: ${ids.join(', ')}`);
    slide.shapes.forEach((s, i) => {
      if (s.kind === 'pic' && !s.decorative && !s.descr.trim()) problems.push(`${at}: picture ${s.id} has no alt text`);
      if (s.kind === 'sp' && !s.text && !s.decorative) problems.push(`${at}: shape ${s.id} is neither text nor marked decorative`);
      if (s.xml.includes('<a:tbl>') && !/<a:tblPr\b[^>]*firstRow="1"/.test(s.xml)) problems.push(`${at}: table ${s.id} has no header row`);
      const bg = behind(slide, i);
      for (const r of s.runs) {
        if (r.lang !== undefined && r.lang !== lang) problems.push(`${at}: shape ${s.id} has a run in ${r.lang}, not ${lang}`);
        if (!check.contrast || !r.colour || !bg || s.xml.includes('<a:tbl>')) continue;
        const ratio = contrastRatio(r.colour, bg);
        if (ratio < minContrast(r.size, r.bold)) problems.push(`${at}: shape ${s.id} "${s.text.slice(0, 30)}": ${r.colour} on ${bg} is ${ratio.toFixed(2)}:1 at ${r.size} pt${r.bold ? ' bold' : ''}`);
      }
    });
  }
  return [...new Set(problems)];
}
