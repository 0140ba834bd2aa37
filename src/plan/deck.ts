/**
 * The Deck: what plan produces and emit consumes. Every position is in inches and every size
 * decided; emit makes no layout decisions of its own.
 */
import type { NumberStyle } from '../figures/format.js';
import type { Chart, LayoutName } from '../load/schema.js';
import type { AdvanceTable } from './metrics/ranges.js';
import type { Template } from '../template/model.js';
import type { AxisRange } from './chart-axis.js';
import type { Theme } from '../theme/theme.js';
import type { Paragraph } from './measure.js';
import type { Box } from './units.js';

export interface Insets {
  l: number;
  r: number;
  t: number;
  b: number;
}

/** The kinds of PowerPoint placeholder deckgen fills (ECMA-376 ST_PlaceholderType). */
export type PlaceholderType = 'title' | 'ctrTitle' | 'subTitle' | 'body' | 'dt' | 'ftr' | 'sldNum';

/** The slide layout's placeholder a text shape fills, by type and index, as PowerPoint matches them. */
export interface PlaceholderRef {
  type: PlaceholderType;
  idx?: number;
}

export interface TextShape {
  kind: 'text';
  box: Box;
  paragraphs: Paragraph[];
  font: string;
  size: number;
  colour: string;
  bold?: boolean;
  italic?: boolean;
  align: 'left' | 'center' | 'right';
  valign: 'top' | 'middle' | 'bottom';
  insets: Insets;
  lineSpacing: number;
  /** Fill behind the text, if any. */
  fill?: string;
  /** Marks the slide title so emit can make it the slide's title for screen readers and outlines. */
  role?: 'title';
  /** Fills this placeholder of the slide's layout (the title, the body, the footer...). */
  placeholder?: PlaceholderRef;
  /** Placed above the slide on purpose: a title for screen readers that no one should see. */
  hidden?: boolean;
}

export interface ImageShape {
  kind: 'image';
  box: Box;
  /** Absolute path of the image file. */
  path: string;
  alt: string;
  /** Branding such as a logo: marked decorative, so screen readers skip it. */
  decorative?: boolean;
}

/** A chart as the plan sees it: data, colours and fonts resolved; pixels come in render. */
export interface ChartShape {
  kind: 'chart';
  box: Box;
  spec: Chart;
  alt: string;
  colours: string[];
  font: string;
  textColour: string;
  gridColour: string;
  /** The slide colour behind the chart: charts are opaque, so every renderer shows the same pixels. */
  background: string;
  /** Chart text size in points at the placed size. */
  fontSize: number;
  /** Decimals of each series' numbers (one per series). */
  decimals: number[];
  /** The separators of the deck's language, when they are not English's (1.234,5; 1 234,5). */
  numbers?: NumberStyle;
  /** Value axis ranges: bars from zero, lines to fit their variation. */
  ranges: { left: AxisRange; right: AxisRange };
  /** Unit appended to data labels, to tick labels, and the value axis title (see chart-axis.ts). */
  labelUnit?: string;
  tickUnit?: string;
  valueTitle?: string;
  /** Written as a native PowerPoint chart rather than a picture. */
  native: boolean;
  /** When `font` comes from the outline's own files (theme.fonts): the files to draw with, and its widths. */
  ownFont?: { files: { path: string; sha256: string }[]; widths: AdvanceTable };
}

export interface TableShape {
  kind: 'table';
  box: Box;
  header: string[];
  rows: string[][];
  colWidths: number[];
  rowHeights: number[];
  /** Inner cell margin, inches, on every side. */
  cellMargin: number;
  font: string;
  size: number;
  headerFill: string;
  headerColour: string;
  stripe: string;
  colour: string;
  rule: string;
  /** Columns whose cells are all numbers are right-aligned. */
  numeric: boolean[];
}

/** Rules, bars and panels: decoration only, which screen readers skip. */
export interface RectShape {
  kind: 'rect';
  box: Box;
  fill: string;
  line?: string;
}

export type Shape = TextShape | ImageShape | ChartShape | TableShape | RectShape;

export interface PlannedSlide {
  layout: LayoutName;
  /** The template layout the slide is built on, by name. */
  templateLayout: string;
  title: string;
  shapes: Shape[];
  notes?: string;
  background: string;
  /** A live slide-number field, so numbers stay right if slides are reordered in PowerPoint. */
  slideNumber?: { box: Box; ref: PlaceholderRef; font: string; size: number; colour: string; align?: 'left' | 'right' };
}

export interface Deck {
  meta: { title: string; subtitle?: string; author?: string; date?: string; lang: string };
  size: { w: number; h: number };
  theme: Theme;
  /** The slide master, layouts and theme part the slides are built on. */
  template: Template;
  /** PowerPoint sections: a name and the index of the slide each starts at, in order. */
  sections: { name: string; start: number }[];
  slides: PlannedSlide[];
}

/** A chart after render: the plan's chart plus its pixels. */
export interface RenderedChart extends ChartShape {
  png: Uint8Array;
  pixelWidth: number;
  pixelHeight: number;
}

/** A chart written as a native PowerPoint chart: the viewer draws it, so render leaves it as planned. */
export type NativeChart = ChartShape & { native: true };

export type RenderedShape = Exclude<Shape, ChartShape> | RenderedChart | NativeChart;
export interface RenderedSlide extends Omit<PlannedSlide, 'shapes'> {
  shapes: RenderedShape[];
}
export interface RenderedDeck extends Omit<Deck, 'slides'> {
  slides: RenderedSlide[];
}
