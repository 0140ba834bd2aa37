/**
 * Layout inference and per-layout requirements. Kept apart from the zod schema so the schema
 * stays one flat object editors can complete, while the planner gets a closed union.
 */
import type { z } from 'zod';
import type { BulletInput, Chart, Column, Image, Kpi, LayoutName, Quote, SlideInput, Table } from './schema.js';

type ColumnT = z.infer<typeof Column>;
type TableT = z.infer<typeof Table>;
type QuoteT = z.infer<typeof Quote>;
type ImageT = z.infer<typeof Image>;

interface Common {
  /** Position of the slide in the outline's `slides`, for error messages. */
  index: number;
  title?: string;
  subtitle?: string;
  notes?: string;
  source?: SlideInput['source'];
  /** Colours for this slide only. */
  theme?: SlideInput['theme'];
}

export type Slide = Common &
  (
    | { layout: 'title' | 'agenda' | 'section' | 'sources' }
    | { layout: 'bullets'; bullets: BulletInput[] }
    | { layout: 'kpis'; kpis: Kpi[] }
    | { layout: 'chart'; chart: Chart }
    | { layout: 'chart-text'; chart: Chart; bullets: BulletInput[] }
    | { layout: 'two-column'; left: ColumnT; right: ColumnT }
    | { layout: 'table'; table: TableT }
    | { layout: 'quote'; quote: QuoteT }
    | { layout: 'image'; image: ImageT }
  );

/** The slide of one layout, for the layout's planner. */
export type SlideOf<L extends Slide['layout']> = Extract<Slide, { layout: L }>;

type ContentKey = 'bullets' | 'kpis' | 'chart' | 'table' | 'quote' | 'image' | 'left' | 'right';

/** What each layout needs, and which content keys it may carry. */
export const LAYOUT_KEYS: Record<LayoutName, { needs: ContentKey[]; needsTitle: boolean; allows: string[] }> = {
  title: { needs: [], needsTitle: true, allows: ['subtitle'] },
  agenda: { needs: [], needsTitle: false, allows: [] },
  section: { needs: [], needsTitle: true, allows: ['subtitle'] },
  bullets: { needs: ['bullets'], needsTitle: true, allows: [] },
  kpis: { needs: ['kpis'], needsTitle: true, allows: [] },
  chart: { needs: ['chart'], needsTitle: true, allows: [] },
  'chart-text': { needs: ['chart', 'bullets'], needsTitle: true, allows: [] },
  'two-column': { needs: ['left', 'right'], needsTitle: true, allows: [] },
  table: { needs: ['table'], needsTitle: true, allows: [] },
  quote: { needs: ['quote'], needsTitle: false, allows: [] },
  image: { needs: ['image'], needsTitle: true, allows: [] },
  sources: { needs: [], needsTitle: false, allows: [] },
};

const CONTENT_KEYS: ContentKey[] = ['bullets', 'kpis', 'chart', 'table', 'quote', 'image', 'left', 'right'];

/** The layout a slide without `layout:` gets: the one its content makes obvious. */
export function inferLayout(s: SlideInput): LayoutName {
  if (s.layout) return s.layout;
  if (s.chart && s.bullets) return 'chart-text';
  if (s.chart) return 'chart';
  if (s.kpis) return 'kpis';
  if (s.table) return 'table';
  if (s.quote) return 'quote';
  if (s.image) return 'image';
  if (s.left || s.right) return 'two-column';
  if (s.bullets) return 'bullets';
  return 'section';
}

export interface LayoutProblem {
  path: (string | number)[];
  message: string;
  hint?: string;
  atKey?: boolean;
}

/** Every mismatch between a slide's content and its layout; empty when the slide is usable. */
export function layoutProblems(s: SlideInput, index: number): LayoutProblem[] {
  const layout = inferLayout(s);
  const rule = LAYOUT_KEYS[layout];
  const at = (key: string): (string | number)[] => ['slides', index, key];
  const problems: LayoutProblem[] = [];
  const how = s.layout ? `layout "${layout}"` : `this slide (inferred layout "${layout}")`;
  if (rule.needsTitle && !s.title) {
    problems.push({ path: ['slides', index], message: `${how} needs a \`title\``, hint: 'add `title: ...` to the slide' });
  }
  for (const key of rule.needs) {
    if (s[key] === undefined) {
      problems.push({ path: ['slides', index], message: `${how} needs \`${key}\``, hint: `add \`${key}:\` or pick another layout` });
    }
  }
  for (const key of [...CONTENT_KEYS, 'subtitle' as const]) {
    if (s[key] !== undefined && !rule.needs.includes(key as ContentKey) && !rule.allows.includes(key)) {
      problems.push({
        path: at(key),
        message: `\`${key}\` is not used by ${how}, so it would be lost`,
        hint: `remove \`${key}\`, or choose a layout that shows it: ${layoutsShowing(key).join(', ')}`,
      });
    }
  }
  if (s.bullets) problems.push(...tooDeep(s.bullets, at('bullets')));
  for (const side of ['left', 'right'] as const) {
    const col = s[side];
    if (col) problems.push(...tooDeep(col.bullets, ['slides', index, side, 'bullets']));
  }
  if (layout === 'chart-text' && s.bullets && s.bullets.length > MAX_TAKEAWAYS) {
    problems.push({ path: at('bullets'), atKey: true, message: `a chart with takeaways shows 1 to ${MAX_TAKEAWAYS} bullets; this one has ${s.bullets.length}`, hint: 'keep the strongest four, or move the rest to the notes' });
  }
  return problems;
}

/** A chart's takeaways panel holds one to four bullets (the README's "1 to 4"). */
export const MAX_TAKEAWAYS = 4;

/** PowerPoint has nine outline levels (0 to 8); a deeper bullet has nowhere to go. */
const MAX_DEPTH = 9;

function tooDeep(items: readonly BulletInput[], path: (string | number)[], depth = 1): LayoutProblem[] {
  return items.flatMap((item, i) => {
    const here = [...path, i];
    const children = Array.isArray(item) ? item : typeof item === 'object' && item.bullets ? item.bullets : undefined;
    if (!children) return [];
    if (depth >= MAX_DEPTH) return [{ path: here, message: `bullets nest at most ${MAX_DEPTH} levels deep`, hint: 'flatten the list, or move the detail into `notes`' }];
    return tooDeep(children, Array.isArray(item) ? here : [...here, 'bullets'], depth + 1);
  });
}

function layoutsShowing(key: string): string[] {
  return (Object.keys(LAYOUT_KEYS) as LayoutName[]).filter((l) => {
    const r = LAYOUT_KEYS[l];
    return r.needs.includes(key as ContentKey) || r.allows.includes(key);
  });
}

export function toSlide(s: SlideInput, index: number): Slide {
  const { layout: _explicit, skip: _skip, ...rest } = s;
  return { ...rest, index, layout: inferLayout(s) } as Slide;
}
