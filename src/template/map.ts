/**
 * Which template layout each deckgen layout is built on: by what the layout holds (its type and
 * its placeholders' kinds, sizes and places), then by PowerPoint's English name, then as the
 * outline says (`theme.layouts`). Works on renamed, translated and many-master templates.
 */
import { LAYOUTS, type LayoutName } from '../load/schema.js';
import type { ReadLayout, ReadPlaceholder } from './read.js';

export interface Mapping {
  /** deckgen layout -> index into the template's layouts. */
  chosen: Record<LayoutName, number>;
  /** Why a choice is a poor one, per deckgen layout. */
  warnings: Partial<Record<LayoutName, string>>;
}

const isTitle = (p: ReadPlaceholder): boolean => p.type === 'title' || p.type === 'ctrTitle';
const isBody = (p: ReadPlaceholder): boolean => p.type === 'body' || p.type === 'obj';
const area = (p: ReadPlaceholder): number => p.box.w * p.box.h;

/** What a layout holds, in the terms the rules below use. */
function shape(l: ReadLayout, slideArea: number) {
  const title = l.placeholders.some(isTitle);
  const centred = l.placeholders.some((p) => p.type === 'ctrTitle');
  const subtitle = l.placeholders.some((p) => p.type === 'subTitle');
  const bodies = l.placeholders.filter(isBody).sort((a, b) => a.box.x - b.box.x);
  const big = bodies.filter((b) => area(b) > slideArea * 0.25);
  const sideBySide = bodies.length === 2 && Math.abs(bodies[0]!.box.y - bodies[1]!.box.y) < 0.5 && bodies[0]!.box.x + bodies[0]!.box.w <= bodies[1]!.box.x + 0.1 && bodies.every((b) => area(b) > slideArea * 0.12);
  const others = l.placeholders.filter((p) => !isTitle(p) && !['dt', 'ftr', 'sldNum', 'hdr'].includes(p.type)).length;
  return { title, centred, subtitle, bodies, big, sideBySide, others };
}

type Shape = ReturnType<typeof shape>;

/** Structural rules, best first: each returns a score (higher is better) or 0 for "does not fit". */
const RULES: Record<LayoutName, (l: ReadLayout, s: Shape) => number> = {
  title: (l, s) => (l.type === 'title' ? 3 : s.centred && s.subtitle ? 2 : s.centred ? 1 : 0),
  section: (l, s) => (l.type === 'secHead' ? 3 : s.title && s.bodies.length === 1 && s.big.length === 0 && !s.centred ? 1 : 0),
  bullets: (l, s) => (!s.title || s.centred ? 0 : l.type === 'obj' || l.type === 'tx' ? 3 : s.big.length === 1 && s.others === 1 ? 2 : 0),
  sources: (l, s) => RULES.bullets(l, s),
  'two-column': (l, s) => (!s.title ? 0 : l.type === 'twoObj' ? 3 : s.sideBySide ? 2 : 0),
  'chart-text': (l, s) => RULES['two-column'](l, s) || RULES.chart(l, s) / 2,
  chart: (l, s) => (!s.title || s.centred ? 0 : l.type === 'titleOnly' ? 3 : s.others === 0 && l.type !== 'blank' ? 2 : 0),
  table: (l, s) => RULES.chart(l, s),
  kpis: (l, s) => RULES.chart(l, s),
  image: (l, s) => RULES.chart(l, s),
  quote: (l, s) => RULES.chart(l, s),
  agenda: (l, s) => RULES.chart(l, s),
};

/** PowerPoint's own names, for templates whose layouts carry no useful type. */
/** The first is deckgen's own name for it (a deck deckgen built is a template too). */
const NAMES: Record<LayoutName, string[]> = {
  title: ['title slide'],
  section: ['section header'],
  bullets: ['title and content'],
  sources: ['sources', 'title and content'],
  'two-column': ['two content', 'comparison'],
  'chart-text': ['chart with text', 'two content', 'title only'],
  chart: ['title only'],
  table: ['table', 'title only'],
  kpis: ['kpis', 'title only'],
  image: ['picture', 'title only'],
  quote: ['quote', 'title only'],
  agenda: ['agenda', 'title only', 'title and content'],
};

/** Names weigh less than what a layout holds, except deckgen's own names, which say it all. */
function nameScore(name: LayoutName, layout: string): number {
  const i = NAMES[name].indexOf(norm(layout));
  return i < 0 ? 0 : i === 0 ? 2 : 0.5;
}

const norm = (s: string): string => s.trim().toLowerCase();

export function mapLayouts(layouts: readonly ReadLayout[], size: { w: number; h: number }, overrides: Partial<Record<LayoutName, string>> = {}): Mapping {
  const shapes = layouts.map((l) => shape(l, size.w * size.h));
  const titled = layouts.map((_, i) => i).filter((i) => shapes[i]!.title);
  const chosen = {} as Record<LayoutName, number>;
  const warnings: Mapping['warnings'] = {};
  for (const name of LAYOUTS) {
    const own = overrides[name];
    if (own !== undefined) {
      const i = layouts.findIndex((l) => norm(l.name) === norm(own));
      if (i >= 0) {
        chosen[name] = i;
        continue;
      }
    }
    const scored = titled
      .map((i) => ({ i, rule: RULES[name](layouts[i]!, shapes[i]!), score: RULES[name](layouts[i]!, shapes[i]!) + nameScore(name, layouts[i]!.name) - layouts[i]!.master * 0.01 }))
      .filter((c) => c.rule >= 1)
      .sort((a, b) => b.score - a.score || a.i - b.i);
    const byName = titled.find((i) => NAMES[name].includes(norm(layouts[i]!.name)));
    const best = scored[0]?.i ?? byName;
    if (best !== undefined) {
      chosen[name] = best;
      continue;
    }
    // Nothing fits well: the titled layout with the fewest other placeholders, which stay empty.
    const fallback = [...titled].sort((a, b) => shapes[a]!.others - shapes[b]!.others || a - b)[0]!;
    chosen[name] = fallback;
    warnings[name] = `no layout holds what a ${name} slide needs; using "${layouts[fallback]!.name}"`;
  }
  return { chosen, warnings };
}
