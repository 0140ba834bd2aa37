/** deckgen as a library: each pipeline stage, and the build that runs them in order. */
import './no-system-fonts.js';
export { buildDeck, compileDeck, defaultOutput, type BuildResult, type Compiled, type CompileOptions } from './build.js';
export { formatDiagnostic, InputError, EXIT, type Diagnostic } from './diagnostics.js';
export { loadOutline, parseOutline, type Outline } from './load/load.js';
export { OutlineInput, LAYOUTS, CHART_TYPES } from './load/schema.js';
export { planDeck, type Plan } from './plan/plan.js';
export type { Deck, PlannedSlide, Shape } from './plan/deck.js';
export { renderDeck } from './render/render.js';
export { createChartCache, type ChartCache } from './render/charts.js';
export { readImages } from './render/images.js';
export { startRenderer, type Renderer } from './render/renderer.js';
export { emitDeck, mediaFrom } from './emit/emit.js';
export { writeDeck } from './write/write.js';
