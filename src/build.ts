/**
 * The whole pipeline, in order, in one place:
 * load -> read images -> plan -> render -> emit -> write.
 */
import path from 'node:path';
import { hasErrors, InputError, sortDiagnostics, type Diagnostic } from './diagnostics.js';
import { emitDeck, mediaFrom } from './emit/emit.js';
import { packageDate } from './emit/package.js';
import { loadParts, type Outline } from './load/load.js';
import type { Deck, RenderedDeck } from './plan/deck.js';
import { planDeck } from './plan/plan.js';
import { createChartCache, type ChartCache } from './render/charts.js';
import { readImagesEarly, type ImageAssets } from './render/images.js';
import { startRenderer, type Renderer } from './render/renderer.js';
import { renderDeck } from './render/render.js';
import { writeDeck } from './write/write.js';
import { loadTemplate } from './template/file.js';
import { now, timed, timedSync } from './timings.js';

export interface CompileOptions {
  /** Reuse rendered charts across builds (watch mode). */
  cache?: ChartCache;
  /** Told what the build is doing, for progress on long builds: a stage, and charts done of total. */
  progress?: (stage: 'plan' | 'render' | 'emit', done?: number, total?: number) => void;
  /** Reuse a render worker across builds (watch mode); by default each build starts and stops one. */
  renderer?: Renderer;
  /**
   * Close `renderer` as soon as the charts are drawn (a one-off build that passes its own): the
   * workers' memory (~130 MB each) is returned before emit, the build's other peak.
   */
  closeRendererAfterDrawing?: boolean;
  env?: NodeJS.ProcessEnv;
  /** Write every chart this way, as if the outline said `charts:` so (a chart's own `native:` still wins). */
  charts?: 'image' | 'native';
}

export interface Compiled {
  outline: Outline;
  deck: RenderedDeck;
  bytes: Uint8Array;
  warnings: Diagnostic[];
}

export interface Planned {
  outline: Outline;
  images: ImageAssets;
  deck: Deck;
  warnings: Diagnostic[];
}

/**
 * The stages that can find problems in the input (load, images, plan), short of drawing and
 * writing: what `validate` runs, and the first half of every build. Throws InputError.
 */
export async function planFile(file: string, renderer: Renderer, progress?: CompileOptions['progress'], charts?: CompileOptions['charts']): Promise<Planned> {
  // Every problem in one pass: the outline's, every file it names (also on broken slides), and
  // the fit of every slide that is valid, skipping only the slides that are not.
  const { outline, problems } = await timed('load', () => loadParts(file));
  if (charts) outline.charts = charts;
  // The canvas's decode of each image runs in the render worker while this thread plans.
  const assets = await timed('images', () => readImagesEarly(outline, renderer));
  const template = await timed('template', () => loadTemplate(outline));
  progress?.('plan');
  // Fit is measured on the template's layouts: a template that cannot be read leaves nothing to measure in.
  const plan = outline.measurable && !hasErrors(template.diagnostics) ? timedSync('plan', () => planDeck(outline, assets.images, template.template)) : undefined;
  // An image that fails to decode stops the build like any other problem (its slide was planned in vain).
  const undecodable = await timed('images', () => assets.decoding);
  // Warnings travel with errors, so a failed build or validate shows everything it found.
  const found = [...outline.warnings, ...sortDiagnostics([...problems, ...assets.diagnostics, ...undecodable, ...template.diagnostics, ...(plan?.diagnostics ?? [])], outline.file)];
  if (hasErrors(found) || !plan) throw new InputError(found);
  return { outline, images: assets.images, deck: plan.deck, warnings: found };
}

/** Outline file -> .pptx bytes, writing nothing. Throws InputError with every problem found. */
export async function compileDeck(file: string, options: CompileOptions = {}): Promise<Compiled> {
  // Started first, so the worker loads Chart.js and the canvas while this thread loads and plans.
  const renderer = options.renderer ?? startRenderer();
  try {
    const { outline, images, deck: planned, warnings } = await planFile(file, renderer, options.progress, options.charts);
    // Checked before drawing: a SOURCE_DATE_EPOCH the file cannot hold is refused at once.
    const date = packageDate(outline.meta.date, options.env);
    options.progress?.('render', 0);
    const deck = await timed('render', () => renderDeck(planned, options.cache ?? createChartCache(), renderer, (done, total) => options.progress?.('render', done, total)));
    if (!options.renderer || options.closeRendererAfterDrawing) await renderer.close();
    options.progress?.('emit');
    const bytes = await emitDeck(deck, mediaFrom(images), { date });
    return { outline, deck, bytes, warnings };
  } finally {
    if (!options.renderer) await renderer.close();
  }
}

/** deck.yaml -> output/deck.pptx, relative to the working folder. */
export function defaultOutput(file: string): string {
  return path.join('output', `${path.basename(file, path.extname(file))}.pptx`);
}

export interface BuildResult extends Compiled {
  out: string;
  charts: number;
  ms: number;
}

/** The files a build reads, which its deck must never replace: the outline, images and CSV data. */
export function inputsOf(file: string, outline: Outline): string[] {
  const refs = [outline.theme.logo, ...outline.slides.map((s) => (s.layout === 'image' ? s.image.path : 'chart' in s ? (s.chart as { data?: string }).data : undefined))];
  return [file, ...refs.filter((r): r is string => r !== undefined).map((r) => path.resolve(outline.dir, r))];
}

export async function buildDeck(file: string, out = defaultOutput(file), options: CompileOptions = {}): Promise<BuildResult> {
  const start = now();
  const compiled = await compileDeck(file, options);
  await timed('write', () => writeDeck(out, compiled.bytes, inputsOf(file, compiled.outline)));
  const charts = compiled.deck.slides.reduce((n, s) => n + s.shapes.filter((x) => x.kind === 'chart').length, 0);
  return { ...compiled, out, charts, ms: now() - start };
}
