/**
 * A template as data: slide size, the theme's colours and fonts, and the slide master's layouts
 * with their placeholders. The plan maps each deckgen layout to one of these layouts and fills its
 * placeholders; emit writes the master, layout and theme parts from it. Nothing else needs to know
 * what a template looks like in XML.
 */
import type { LayoutName } from '../load/schema.js';
import type { PlaceholderType } from '../plan/deck.js';
import type { Box } from '../plan/units.js';

/** ECMA-376 ST_SlideLayoutType values deckgen's layouts use. */
export type LayoutType = 'title' | 'obj' | 'secHead' | 'twoObj' | 'titleOnly' | 'blank' | 'tbl' | 'cust';

export interface TemplatePlaceholder {
  type: PlaceholderType;
  /** PowerPoint's index; the title placeholders have none. */
  idx?: number;
  /** Shown in the layout, as PowerPoint's own layouts do ("Click to edit Master title style"). */
  name: string;
  box: Box;
  /** Text anchor and alignment the layout gives it. */
  anchor?: 't' | 'ctr' | 'b';
  align?: 'l' | 'ctr' | 'r';
  /** Text size (pt) and colour (hex) the layout gives it. */
  size?: number;
  colour?: string;
  bold?: boolean;
}

export interface TemplateLayout {
  name: string;
  type: LayoutType;
  placeholders: TemplatePlaceholder[];
  /** Background colour (hex); the master's when absent. */
  background?: string;
}

/** The twelve slots of a DrawingML colour scheme, in CT_ColorScheme's order. */
export const SCHEME_SLOTS = ['dk1', 'lt1', 'dk2', 'lt2', 'accent1', 'accent2', 'accent3', 'accent4', 'accent5', 'accent6', 'hlink', 'folHlink'] as const;

/** The twelve colours of a DrawingML colour scheme, as hex. */
export interface ColourScheme {
  dk1: string;
  lt1: string;
  dk2: string;
  lt2: string;
  accent1: string;
  accent2: string;
  accent3: string;
  accent4: string;
  accent5: string;
  accent6: string;
  hlink: string;
  folHlink: string;
}

export interface Template {
  name: string;
  size: { w: number; h: number };
  colours: ColourScheme;
  /** Heading (major) and body (minor) typefaces, and the East Asian one for CJK decks. */
  fonts: { major: string; minor: string; ea?: string; cs?: string };
  /** Background of the master (hex). */
  background: string;
  layouts: TemplateLayout[];
  /** The template layout each deckgen layout is built on, by index into `layouts`. */
  map: Record<LayoutName, number>;
  /**
   * deckgen's own chrome (title and footer rules, the logo, panels behind columns) belongs to its
   * built-in template; a user's template brings its own.
   */
  chrome: boolean;
  /** A user's template: its parts, copied into the deck in place of generated ones. */
  file?: TemplateFile;
}

export interface TemplateFile {
  files: Record<string, Uint8Array>;
  /** Part names of the masters, and of each layout in `layouts` order. */
  masters: string[];
  layouts: string[];
  /** The masters' ids in the template's presentation.xml (its layouts' ids are above them). */
  masterIds: number[];
}

/** The layout a deckgen layout maps to; a template always maps every deckgen layout. */
export function layoutFor(template: Template, layout: LayoutName): TemplateLayout {
  const found = template.layouts[template.map[layout]];
  if (!found) throw new Error(`template "${template.name}" maps ${layout} to layout ${template.map[layout]}, which it does not have`);
  return found;
}
