/**
 * Where a slide's parts go on its template layout: the title, the content area, the source line,
 * the footer and the number. The built-in template uses the briefing grid; a user's template its
 * own placeholders, with content below the title and above the footers within its margins.
 */
import type { LayoutName } from '../load/schema.js';
import { layoutFor, type Template, type TemplatePlaceholder } from '../template/model.js';
import type { PlaceholderRef } from './deck.js';
import { GRID } from './grid.js';
import type { Box } from './units.js';

export interface Placed {
  box: Box;
  ref: PlaceholderRef;
}

export interface Frame {
  title: Placed;
  /** Where the content goes: the body placeholder(s), or the room under the title. */
  body: Box;
  /** The layout's body placeholders, left to right. */
  bodies: Placed[];
  /** The subtitle of a title slide (or the text of a section slide). */
  subtitle?: Placed;
  source: Box;
  footer?: Placed;
  number?: Placed;
}

const ref = (p: TemplatePlaceholder): PlaceholderRef => (p.idx === undefined ? { type: p.type } : { type: p.type, idx: p.idx });
const placed = (p: TemplatePlaceholder | undefined): Placed | undefined => (p ? { box: p.box, ref: ref(p) } : undefined);

const SOURCE_H = 0.38;
const FOOTER_H = 0.5;

export function frameOf(template: Template, layout: LayoutName): Frame {
  const l = layoutFor(template, layout);
  const find = (...types: TemplatePlaceholder['type'][]): TemplatePlaceholder | undefined => l.placeholders.find((p) => types.includes(p.type));
  const bodies = l.placeholders.filter((p) => p.type === 'body').sort((a, b) => a.box.x - b.box.x);
  const footer = placed(find('ftr'));
  const number = placed(find('sldNum'));
  // Template footers are often one short line; deckgen's footer may need two, so its frame grows
  // upwards to hold them (the content area stops above it).
  if (footer && !template.chrome && footer.box.h < FOOTER_H) footer.box = { ...footer.box, y: footer.box.y + footer.box.h - FOOTER_H, h: FOOTER_H };
  const subtitle = placed(find('subTitle') ?? bodies[0]);
  const title = placed(find('title', 'ctrTitle')) ?? { box: GRID.title, ref: { type: 'title' } };
  if (template.chrome) {
    return {
      title,
      body: GRID.body,
      bodies: bodies.map((b) => placed(b)!),
      source: GRID.source,
      ...(subtitle ? { subtitle } : {}),
      // deckgen's footer runs the width of the grid; the layout's leaves room for a date.
      ...(footer ? { footer: { ...footer, box: GRID.footer } } : {}),
      ...(number ? { number } : {}),
    };
  }
  // A user's template: content fills its body placeholders, or the room between title and footers.
  const t = title.box;
  const feet = [...l.placeholders.filter((p) => ['dt', 'sldNum'].includes(p.type)).map((p) => p.box), ...(footer ? [footer.box] : [])].filter((b) => b.y > t.y + t.h).map((b) => b.y);
  const floor = Math.min(template.size.h - 0.35, ...feet) - 0.1;
  const top = t.y + t.h + 0.15;
  const area: Box = bodies.length
    ? union(bodies.map((b) => b.box))
    : { x: t.x, y: top, w: t.w, h: Math.max(floor - top, 1) };
  const source = { x: area.x, y: area.y + area.h - SOURCE_H, w: area.w, h: SOURCE_H };
  const body = { ...area, h: area.h - SOURCE_H - 0.07 };
  const shrink = (b: Box): Box => ({ ...b, h: Math.min(b.h, body.y + body.h - b.y) });
  return {
    title,
    body,
    bodies: bodies.map((b) => ({ box: shrink(b.box), ref: ref(b) })),
    source,
    ...(subtitle ? { subtitle } : {}),
    ...(footer ? { footer } : {}),
    ...(number ? { number } : {}),
  };
}

function union(boxes: Box[]): Box {
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  const r = Math.max(...boxes.map((b) => b.x + b.w));
  const bottom = Math.max(...boxes.map((b) => b.y + b.h));
  return { x, y, w: r - x, h: bottom - y };
}
