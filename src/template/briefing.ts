/**
 * The built-in "briefing" template: a slide master whose layouts carry PowerPoint's own names
 * where one exists (Title Slide, Title and Content, Section Header, Two Content, Title Only,
 * Blank) and descriptive ones otherwise, with placeholders where the plan puts titles, text,
 * footers and numbers. Built from the deck's theme, so the theme part carries its colours and fonts.
 */
import type { LayoutName } from '../load/schema.js';
import { CHART_TEXT, COVER, GRID, HEADING_H, pad, TWO_COLUMNS } from '../plan/grid.js';
import { primaryLanguage, rightToLeft } from '../plan/labels.js';
import { SLIDE, type Box } from '../plan/units.js';
import type { Theme } from '../theme/theme.js';
import type { Template, TemplateLayout, TemplatePlaceholder } from './model.js';

/** Typefaces PowerPoint users of each script expect for East Asian text, by primary language. */
const EAST_ASIAN: Record<string, string> = {
  zh: 'Microsoft YaHei',
  ja: 'Yu Gothic',
  ko: 'Malgun Gothic',
};

/** The complex-script typeface of a right-to-left language: Arial, as Office's own theme has for Arabic and Hebrew. */
export function complexScriptFont(lang: string): string | undefined {
  return rightToLeft(lang) ? 'Arial' : undefined;
}

/** Traditional Chinese is written in Microsoft JhengHei. */
export function eastAsianFont(lang: string): string | undefined {
  if (/^zh-(TW|HK|MO|Hant)/i.test(lang)) return 'Microsoft JhengHei';
  return EAST_ASIAN[primaryLanguage(lang)];
}

const DATE_BOX: Box = { x: GRID.number.x - 2.5, y: GRID.number.y, w: 2.4, h: GRID.number.h };
const FOOTER_BOX: Box = { ...GRID.footer, w: DATE_BOX.x - GRID.footer.x - 0.1 };

export function briefingTemplate(theme: Theme, lang: string): Template {
  const c = theme.colours;
  const s = theme.sizes;
  const palette = [...theme.palette, ...BASE_ACCENTS].slice(0, 6);
  const foot = (dark: boolean): TemplatePlaceholder[] => {
    const colour = dark ? c.onPrimary : c.muted;
    const size = s.footnote.max;
    return [
      { type: 'dt', idx: 10, name: 'Date Placeholder', box: DATE_BOX, anchor: 'ctr', align: 'r', size, colour },
      { type: 'ftr', idx: 11, name: 'Footer Placeholder', box: FOOTER_BOX, anchor: 'ctr', size, colour },
      { type: 'sldNum', idx: 12, name: 'Slide Number Placeholder', box: GRID.number, anchor: 'ctr', align: 'r', size, colour },
    ];
  };
  const title: TemplatePlaceholder = { type: 'title', name: 'Title', box: GRID.title, anchor: 'b', size: s.title.max, colour: c.primary, bold: true };
  const body = (idx: number, box: Box, size = s.body.max): TemplatePlaceholder => ({ type: 'body', idx, name: idx === 1 ? 'Content Placeholder' : `Content Placeholder ${idx}`, box, size, colour: c.text });
  const content = (name: string, type: TemplateLayout['type'], ...more: TemplatePlaceholder[]): TemplateLayout => ({ name, type, placeholders: [title, ...more, ...foot(false)] });
  const [left, right] = TWO_COLUMNS.map((col) => {
    const inner = pad(col, 0.2);
    return { ...inner, y: inner.y + HEADING_H, h: inner.h - HEADING_H };
  }) as [Box, Box];

  const layouts: TemplateLayout[] = [
    {
      name: 'Title Slide',
      type: 'title',
      background: c.primary,
      placeholders: [
        { type: 'ctrTitle', name: 'Title', box: COVER.title, anchor: 't', size: s.section.max, colour: c.onPrimary, bold: true },
        { type: 'subTitle', idx: 1, name: 'Subtitle', box: COVER.subtitle, size: 24, colour: c.onPrimary },
        ...foot(true),
      ],
    },
    content('Title and Content', 'obj', body(1, GRID.body)),
    {
      name: 'Section Header',
      type: 'secHead',
      background: c.primary,
      placeholders: [
        { type: 'title', name: 'Title', box: COVER.sectionTitle, anchor: 'ctr', size: s.section.max, colour: c.onPrimary, bold: true },
        { type: 'body', idx: 1, name: 'Text Placeholder', box: COVER.sectionSubtitle, size: s.subtitle.max, colour: c.onPrimary },
        ...foot(true),
      ],
    },
    content('Two Content', 'twoObj', body(1, left), body(2, right)),
    content('Title Only', 'titleOnly'),
    content('Chart with Text', 'cust', body(1, pad(CHART_TEXT[1], 0.25))),
    content('KPIs', 'cust'),
    content('Table', 'tbl'),
    content('Picture', 'cust'),
    content('Quote', 'cust'),
    content('Agenda', 'cust'),
    content('Sources', 'cust', body(1, GRID.body, 18)),
    { name: 'Blank', type: 'blank', placeholders: foot(false) },
  ];

  const names: Record<LayoutName, string> = {
    title: 'Title Slide',
    agenda: 'Agenda',
    section: 'Section Header',
    bullets: 'Title and Content',
    kpis: 'KPIs',
    chart: 'Title Only',
    'chart-text': 'Chart with Text',
    'two-column': 'Two Content',
    table: 'Table',
    quote: 'Quote',
    image: 'Picture',
    sources: 'Sources',
  };

  const ea = eastAsianFont(lang);
  const cs = complexScriptFont(lang);
  return {
    name: 'Briefing',
    size: { ...SLIDE },
    colours: {
      dk1: c.text,
      lt1: c.background,
      dk2: c.primary,
      lt2: c.panel,
      accent1: palette[0]!,
      accent2: palette[1]!,
      accent3: palette[2]!,
      accent4: palette[3]!,
      accent5: palette[4]!,
      accent6: palette[5]!,
      hlink: c.primary,
      folHlink: c.muted,
    },
    fonts: { major: theme.headingFont, minor: theme.font, ...(ea ? { ea } : {}), ...(cs ? { cs } : {}) },
    background: c.background,
    layouts,
    map: Object.fromEntries(Object.entries(names).map(([k, name]) => [k, layouts.findIndex((l) => l.name === name)])) as Record<LayoutName, number>,
    chrome: true,
  };
}

/** Accents for a palette of fewer than six colours. */
const BASE_ACCENTS = ['0B3C5D', 'B4651B', '3E8E9E', '8A9BA8', '6B4E9B', 'B5483B'];
