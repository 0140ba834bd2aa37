/** A user's template file as the model the plan and emit use. */
import type { PlaceholderType } from '../plan/deck.js';
import type { Mapping } from './map.js';
import type { LayoutType, Template, TemplateLayout, TemplatePlaceholder } from './model.js';
import type { ReadTemplate } from './read.js';

const KINDS: Record<string, PlaceholderType> = { title: 'title', ctrTitle: 'ctrTitle', subTitle: 'subTitle', body: 'body', obj: 'body', dt: 'dt', ftr: 'ftr', sldNum: 'sldNum' };
const TYPES = new Set(['title', 'obj', 'secHead', 'twoObj', 'titleOnly', 'blank', 'tbl', 'cust']);

export function fromTemplateFile(read: ReadTemplate, mapping: Mapping, name: string): Template {
  const layouts: TemplateLayout[] = read.layouts.map((l) => ({
    name: l.name,
    type: (TYPES.has(l.type) ? l.type : 'cust') as LayoutType,
    // Placeholders deckgen does not fill (pictures, charts, media) are left to the layout.
    placeholders: l.placeholders.flatMap((p): TemplatePlaceholder[] => {
      const type = KINDS[p.type];
      return type ? [{ ...p, type }] : [];
    }),
  }));
  return {
    name,
    size: read.size,
    colours: read.colours,
    fonts: read.fonts,
    background: read.colours.lt1,
    layouts,
    map: mapping.chosen,
    chrome: false,
    file: { files: read.files, masters: read.masters.map((m) => m.part), layouts: read.layouts.map((l) => l.part), masterIds: read.masters.map((m) => m.id) },
  };
}
