/**
 * What can still be checked in an outline that does not match the schema: the slides that are
 * valid on their own, the top-level values that are, and every file the outline names. So one
 * pass reports every problem: the schema's, the files', and the references' and fit of each
 * valid slide, skipping only what is broken.
 */
import type { z } from 'zod';
import { OutlineInput, SlideInput } from './schema.js';

/** A file the build reads, named in the outline, whether or not the rest of its slide is valid. */
export interface FileRef {
  kind: 'image' | 'csv' | 'template';
  ref: string;
  /** Where the path sits in the outline. */
  at: (string | number)[];
  /** The outline index of the slide that names it (absent for the theme's logo). */
  slide?: number;
}

export interface SlideEntry {
  input: SlideInput;
  index: number;
}

export interface Salvaged {
  top: Omit<OutlineInput, 'slides'>;
  slides: SlideEntry[];
  /** Ids of every source entry that has one, valid or not, so citing a broken entry is not "unknown". */
  sourceIds: string[];
  /** False when the theme's fonts are broken: text cannot be measured as it will be set. */
  measurable: boolean;
}

type Issue = z.core.$ZodIssue;
type Json = Record<string, unknown>;

const isMap = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);

const TopInput = OutlineInput.omit({ slides: true }).partial({ title: true });

/** The outline as data -> its valid parts. `issues` are the whole outline's schema problems. */
export function salvage(data: Json, issues: readonly Issue[]): Salvaged {
  const top: Json = { ...data };
  delete top.slides;
  if (isMap(top.theme)) top.theme = { ...top.theme };
  const badSources = new Set<number>();
  let measurable = true;
  for (const issue of issues) {
    const [first, second] = issue.path;
    if (first === 'slides') continue;
    if (issue.code === 'unrecognized_keys') {
      const holder = issue.path.length === 0 ? top : first === 'theme' && isMap(top.theme) ? top.theme : undefined;
      for (const key of issue.keys) if (holder) delete holder[key];
      if (first === 'sources' && typeof second === 'number') badSources.add(second);
      continue;
    }
    if (first === 'theme' && isMap(top.theme) && typeof second === 'string') {
      delete top.theme[second];
      if (second === 'font' || second === 'headingFont') measurable = false;
    } else if (first === 'sources' && typeof second === 'number') badSources.add(second);
    else if (typeof first === 'string') delete top[first];
  }
  const rawSources = Array.isArray(data.sources) ? data.sources : [];
  if (Array.isArray(top.sources)) top.sources = top.sources.filter((_, i) => !badSources.has(i));
  const parsed = TopInput.safeParse(top);
  const fallback: z.infer<typeof TopInput> = { theme: { preset: 'briefing' }, sources: [], sourcesSlide: true, lang: 'en-US', charts: 'image' };
  const { title = '', ...rest } = parsed.success ? parsed.data : fallback;
  if (!parsed.success) measurable = false;
  const slides: SlideEntry[] = [];
  if (Array.isArray(data.slides)) {
    data.slides.forEach((raw, index) => {
      const slide = SlideInput.safeParse(raw);
      if (slide.success) slides.push({ input: slide.data, index });
    });
  }
  const sourceIds = rawSources.flatMap((s) => (isMap(s) && typeof s.id === 'string' ? [s.id] : []));
  return { top: { title, ...rest }, slides, sourceIds, measurable };
}

/** Every image and CSV file the outline names, read from the data as written (skipped slides aside). */
export function fileRefs(data: unknown): FileRef[] {
  if (!isMap(data)) return [];
  const refs: FileRef[] = [];
  if (isMap(data.theme) && typeof data.theme.logo === 'string') refs.push({ kind: 'image', ref: data.theme.logo, at: ['theme', 'logo'] });
  if (isMap(data.theme) && typeof data.theme.template === 'string' && data.theme.template) refs.push({ kind: 'template', ref: data.theme.template, at: ['theme', 'template'] });
  if (!Array.isArray(data.slides)) return refs;
  data.slides.forEach((s, slide) => {
    if (!isMap(s) || s.skip === true) return;
    if (isMap(s.image) && typeof s.image.path === 'string' && s.image.path) refs.push({ kind: 'image', ref: s.image.path, at: ['slides', slide, 'image', 'path'], slide });
    if (isMap(s.chart) && typeof s.chart.data === 'string' && s.chart.data) refs.push({ kind: 'csv', ref: s.chart.data, at: ['slides', slide, 'chart', 'data'], slide });
  });
  return refs;
}
