/**
 * A user's .potx or .pptx, read into the template model: slide size, theme colours and fonts,
 * every master's layouts with their placeholders (frames inherited from the master where the
 * layout leaves them out), and the parts to copy into the deck. The only place that reads
 * template XML.
 */
import { DOMParser, type Element } from '@xmldom/xmldom';
import { unzipSync } from 'fflate';
import path from 'node:path/posix';
import { EMU_PER_IN, type Box } from '../plan/units.js';
import { SCHEME_SLOTS, type ColourScheme, type TemplateLayout, type TemplatePlaceholder } from './model.js';
import type { PlaceholderType } from '../plan/deck.js';

/** Limits that keep a hostile file from costing minutes or gigabytes. */
export const TEMPLATE_LIMITS = { bytes: 50 * 1024 * 1024, unpacked: 200 * 1024 * 1024, parts: 5000, layouts: 200 } as const;

export class TemplateError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}

/** A placeholder as the file has it: any type, frame possibly inherited. */
export interface ReadPlaceholder extends Omit<TemplatePlaceholder, 'type'> {
  type: string;
}

export interface ReadLayout extends Omit<TemplateLayout, 'placeholders' | 'type'> {
  /** ST_SlideLayoutType as written ("cust" when absent). */
  type: string;
  placeholders: ReadPlaceholder[];
  master: number;
  part: string;
}

export interface ReadTemplate {
  size: { w: number; h: number };
  colours: ColourScheme;
  fonts: { major: string; minor: string };
  masters: { part: string; name: string; id: number }[];
  layouts: ReadLayout[];
  /** Every part of the file, for copying the masters, layouts, themes and their media. */
  files: Record<string, Uint8Array>;
}

const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const text = (files: Record<string, Uint8Array>, name: string): string | undefined => {
  const bytes = files[name];
  return bytes ? new TextDecoder().decode(bytes) : undefined;
};

function parse(xml: string, name: string): Element {
  let failed = '';
  const doc = new DOMParser({ onError: (level, msg) => void (level !== 'warning' && (failed ||= msg)) }).parseFromString(xml, 'text/xml');
  if (failed || !doc.documentElement) throw new TemplateError(`its part ${name} is not well-formed XML`, 'open the template in PowerPoint and save it again');
  return doc.documentElement as unknown as Element;
}

const all = (el: Element, tag: string): Element[] => Array.from(el.getElementsByTagName(tag)) as unknown as Element[];
const first = (el: Element, tag: string): Element | undefined => all(el, tag)[0];

/** Relationship id -> target part, resolved against the part's folder. */
function rels(files: Record<string, Uint8Array>, part: string): Map<string, { target: string; type: string }> {
  const relPart = path.join(path.dirname(part), '_rels', `${path.basename(part)}.rels`);
  const xml = text(files, relPart);
  const out = new Map<string, { target: string; type: string }>();
  if (!xml) return out;
  for (const r of all(parse(xml, relPart), 'Relationship')) {
    if (r.getAttribute('TargetMode') === 'External') continue;
    const target = path.normalize(path.join(path.dirname(part), r.getAttribute('Target') ?? '')).replace(/^\//, '');
    out.set(r.getAttribute('Id') ?? '', { target, type: (r.getAttribute('Type') ?? '').split('/').pop() ?? '' });
  }
  return out;
}

const emuBox = (xfrm: Element | undefined): Box | undefined => {
  const off = xfrm && first(xfrm, 'a:off');
  const ext = xfrm && first(xfrm, 'a:ext');
  if (!off || !ext) return undefined;
  const n = (e: Element, a: string): number => Number(e.getAttribute(a) ?? 0) / EMU_PER_IN;
  return { x: n(off, 'x'), y: n(off, 'y'), w: n(ext, 'cx'), h: n(ext, 'cy') };
};

/** The placeholders of a slide master or layout, in tree order. */
function placeholders(tree: Element): ReadPlaceholder[] {
  return all(tree, 'p:sp').flatMap((sp) => {
    const ph = first(sp, 'p:ph');
    if (!ph) return [];
    const type = ph.getAttribute('type') || 'body';
    const idx = ph.getAttribute('idx');
    const out: ReadPlaceholder = { type, name: first(sp, 'p:cNvPr')?.getAttribute('name') ?? type, box: emuBox(first(sp, 'a:xfrm')) ?? { x: 0, y: 0, w: 0, h: 0 } };
    if (idx !== null && idx !== '') out.idx = Number(idx);
    if (!emuBox(first(sp, 'a:xfrm'))) (out as { inherit?: boolean }).inherit = true;
    return [out];
  });
}

/** Layouts leave a placeholder's frame to the master's placeholder of the same kind. */
function inherit(layout: ReadPlaceholder[], master: ReadPlaceholder[]): ReadPlaceholder[] {
  const kind = (t: string): string => (t === 'ctrTitle' ? 'title' : t === 'subTitle' || t === 'obj' ? 'body' : t);
  return layout.map((p) => {
    const own = p as ReadPlaceholder & { inherit?: boolean };
    if (!own.inherit) return p;
    const from = master.find((m) => kind(m.type) === kind(p.type)) ?? master.find((m) => m.idx !== undefined && m.idx === p.idx);
    const { inherit: _drop, ...rest } = own;
    return from ? { ...rest, box: from.box } : rest;
  });
}

function colourOf(el: Element | undefined): string {
  const c = el && (first(el, 'a:srgbClr') ?? first(el, 'a:sysClr'));
  return (c?.getAttribute('val') === 'windowText' ? '000000' : c?.getAttribute('val') === 'window' ? 'FFFFFF' : c?.getAttribute('lastClr') ?? c?.getAttribute('val') ?? '000000').toUpperCase();
}

function theme(files: Record<string, Uint8Array>, part: string | undefined): Pick<ReadTemplate, 'colours' | 'fonts'> {
  const xml = part && text(files, part);
  if (!xml) throw new TemplateError('it has no theme', 'save it from PowerPoint as a .potx, which always has one');
  const root = parse(xml, part);
  const scheme = first(root, 'a:clrScheme');
  const colours = Object.fromEntries(SCHEME_SLOTS.map((s) => [s, colourOf(scheme && first(scheme, `a:${s}`))])) as unknown as ColourScheme;
  const face = (tag: string): string => {
    const f = first(root, tag);
    return (f && first(f, 'a:latin')?.getAttribute('typeface')) || 'Calibri';
  };
  return { colours, fonts: { major: face('a:majorFont'), minor: face('a:minorFont') } };
}

export function readTemplate(bytes: Uint8Array): ReadTemplate {
  if (bytes.length > TEMPLATE_LIMITS.bytes) throw new TemplateError(`it is ${(bytes.length / 1048576).toFixed(0)} MB, over the 50 MB deckgen reads`, 'remove unused layouts and large pictures from it in PowerPoint');
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf) throw new TemplateError('it is encrypted (password-protected) or in the old binary format', 'save it from PowerPoint without a password, as .potx');
  let count = 0;
  let unpacked = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        count++;
        unpacked += f.originalSize;
        if (count > TEMPLATE_LIMITS.parts || unpacked > TEMPLATE_LIMITS.unpacked) throw new TemplateError('it unpacks to more than 5,000 parts or 200 MB', 'remove unused layouts and pictures from it');
        return true;
      },
    });
  } catch (e) {
    if (e instanceof TemplateError) throw e;
    throw new TemplateError('it is not a PowerPoint file (not a zip package)', 'give a .potx or .pptx saved by PowerPoint, Keynote or LibreOffice');
  }
  const presXml = text(files, 'ppt/presentation.xml');
  if (!presXml) throw new TemplateError('it is not a presentation (no ppt/presentation.xml)', 'give a .potx or .pptx, not a Word or Excel file');
  const pres = parse(presXml, 'ppt/presentation.xml');
  const sz = first(pres, 'p:sldSz');
  const size = { w: Number(sz?.getAttribute('cx') ?? 12192000) / EMU_PER_IN, h: Number(sz?.getAttribute('cy') ?? 6858000) / EMU_PER_IN };
  const presRels = rels(files, 'ppt/presentation.xml');
  const masterIds = new Map<string, number>();
  const masters = all(pres, 'p:sldMasterId')
    .map((m) => {
      const target = presRels.get(m.getAttributeNS(REL_NS, 'id') ?? m.getAttribute('r:id') ?? '')?.target;
      if (target) masterIds.set(target, Number(m.getAttribute('id') ?? 0));
      return target;
    })
    .filter((t): t is string => !!t && !!files[t]);
  if (!masters.length) throw new TemplateError('it has no slide master', 'save it from PowerPoint, which always writes one');
  const layouts: ReadLayout[] = [];
  let themePart: string | undefined;
  masters.forEach((part, m) => {
    const root = parse(text(files, part)!, part);
    const masterRels = rels(files, part);
    themePart ??= [...masterRels.values()].find((r) => r.type === 'theme')?.target;
    const masterPh = placeholders(first(root, 'p:spTree') ?? root);
    for (const id of all(root, 'p:sldLayoutId')) {
      const target = masterRels.get(id.getAttributeNS(REL_NS, 'id') ?? id.getAttribute('r:id') ?? '')?.target;
      if (!target || !files[target]) continue;
      const layout = parse(text(files, target)!, target);
      const type = layout.getAttribute('type') || 'cust';
      layouts.push({
        name: first(layout, 'p:cSld')?.getAttribute('name') || path.basename(target, '.xml'),
        type,
        placeholders: inherit(placeholders(first(layout, 'p:spTree') ?? layout), masterPh),
        master: m,
        part: target,
      });
      if (layouts.length > TEMPLATE_LIMITS.layouts) throw new TemplateError('it has more than 200 layouts', 'remove the layouts you do not use');
    }
  });
  if (!layouts.some((l) => l.placeholders.some((p) => p.type === 'title' || p.type === 'ctrTitle'))) {
    throw new TemplateError('none of its layouts has a title placeholder', 'add a title placeholder to its layouts in PowerPoint (View > Slide Master)');
  }
  return { size, ...theme(files, themePart), masters: masters.map((part) => ({ part, name: path.basename(part, '.xml'), id: masterIds.get(part) ?? 0 })), layouts, files };
}

/** Placeholder types deckgen fills; the rest (pictures, charts, tables, media) it leaves empty. */
export const FILLED: ReadonlySet<string> = new Set<PlaceholderType>(['title', 'ctrTitle', 'subTitle', 'body', 'dt', 'ftr', 'sldNum']);
