/**
 * The outline schema: the one source of truth for the outline's TypeScript types, its validation
 * and the JSON Schema editors use. Slides are one strict object with a layout that is inferred
 * when obvious, so an editor can complete every key and a typo is reported, never ignored.
 */
import { z } from 'zod';
import { FORMAT, MAX_DECIMALS } from '../figures/derive.js';
import { formatNumber } from '../figures/format.js';

export const LAYOUTS = [
  'title',
  'agenda',
  'section',
  'bullets',
  'kpis',
  'chart',
  'chart-text',
  'two-column',
  'table',
  'quote',
  'image',
  'sources',
] as const;
export type LayoutName = (typeof LAYOUTS)[number];

/** More points than a slide can show legibly; also keeps a huge series from stalling the renderer. */
export const MAX_POINTS = 500;
/** Series in one chart: a legend of more is unreadable, and each series costs a pass over the chart. */
export const MAX_SERIES = 50;
/** Points (labels x series) in one chart: 10 series of 500, or 50 of 100. */
export const MAX_CHART_POINTS = 5_000;
/** Points in all charts of a deck together, and charts in a deck: drawing is the costly stage. */
export const MAX_DECK_POINTS = 20_000;
export const MAX_CHARTS = 200;

/** Why a chart of `labels` categories and `series` series is too large to draw, if it is. */
export function chartSizeProblem(labels: number, series: number): string | undefined {
  if (series > MAX_SERIES) return `this chart has ${series} series; a chart shows at most ${MAX_SERIES}`;
  if (labels * series > MAX_CHART_POINTS) return `this chart has ${formatNumber(labels * series)} points (${labels} labels x ${series} series); a chart shows at most ${formatNumber(MAX_CHART_POINTS)}`;
  return undefined;
}

/**
 * Slides in a deck, counting continued lists and tables: PowerPoint slows to a crawl far below
 * this, and 5,000 slides of text build in about 10 s and 650 MB here (10,000 took over 1 GB).
 */
export const MAX_SLIDES = 5_000;

export const CHART_TYPES = ['bar', 'hbar', 'stacked-bar', 'line', 'pie', 'doughnut', 'combo'] as const;
export type ChartType = (typeof CHART_TYPES)[number];

/** A colour as the outline writes it; issues.ts recognises the pattern to hint at the nearest valid one. */
export const HEX_COLOUR = /^#?[0-9a-fA-F]{6}$/;
const hexColour = z
  .string()
  .regex(HEX_COLOUR, 'a colour is six hex digits, like "#0B5394"')
  .transform((c) => c.replace('#', '').toUpperCase());

/** A font family as PowerPoint names it; written into XML attributes, so nothing else is allowed. */
const fontName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9 ._-]{0,62}$/, 'a font name is letters, digits, spaces, ".", "-" or "_", like "Calibri" or "Source Sans 3"');

/** Numbers are welcome where text is expected (a bullet "2012" parses as a number in YAML). */
const text = z.union([z.string(), z.number().transform(String)]);

/**
 * `source: own` marks a figure as the presenter's own (a target, an estimate), not a source's:
 * the slide's source line says so, and `deckgen check` does not look it up.
 */
export const OWN_SOURCE = 'own';

export const SourceRef = z
  .union([
    z.string().min(1),
    z.strictObject({
      id: z.string().min(1).describe('The id of an entry in `sources`.'),
      para: z
        .union([z.number().int().positive(), z.array(z.number().int().positive()).min(1)])
        .optional()
        .describe('Paragraph (or paragraphs) of the source the figures are in.'),
    }),
  ])
  .describe('Where a figure comes from: a source id, or { id, para }; `own` for the presenter\'s own figures (targets, estimates).');
export type SourceRef = z.infer<typeof SourceRef>;

export const Derived = z
  .strictObject({
    formula: z
      .string()
      .min(1)
      .describe('Arithmetic on figures the source states: numbers, + - * / and parentheses, e.g. "4.1433 / 20".'),
    format: z
      .string()
      .regex(FORMAT, `format is like "0", "0.0", "0%", "0.0%" or "0.0x", with at most ${MAX_DECIMALS} decimals`)
      .default('0.0')
      .describe('How to show the result: "0.0" one decimal, "0%" as a percentage, "0.0x" as a multiple.'),
  })
  .describe('A figure deckgen computes from stated figures; it is marked "derived" on the slide.');
export type Derived = z.infer<typeof Derived>;

export type BulletInput = string | { text: string; source?: SourceRef; bullets?: BulletInput[] } | BulletInput[];
export const Bullet: z.ZodType<BulletInput, unknown> = z.lazy(() =>
  z.union([
    text,
    z.strictObject({
      text: text.describe('The bullet text; **bold** and _italic_ are allowed.'),
      source: SourceRef.optional(),
      bullets: z.array(Bullet).optional().describe('Sub-points, one level deeper.'),
    }),
    z.array(Bullet).describe('A nested list: sub-points of the bullet before it.'),
  ]),
);

export const Kpi = z
  .strictObject({
    value: z.union([z.number(), z.string().min(1)]).optional().describe('The figure as the source states it.'),
    derived: Derived.optional(),
    unit: z.string().optional().describe('Unit shown after the value, e.g. "bn yuan".'),
    label: z.string().min(1).describe('What the figure measures, with its scope.'),
    source: SourceRef.optional(),
  })
  .refine((k) => (k.value === undefined) !== (k.derived === undefined), {
    message: 'a KPI needs exactly one of `value` or `derived`',
  });
export type Kpi = z.infer<typeof Kpi>;

export const Series = z.strictObject({
  name: z.string().min(1).describe('Series name, shown in the legend.'),
  values: z.array(z.number()).min(1).max(MAX_POINTS, `a chart shows at most ${MAX_POINTS} points per series; aggregate the data`).describe('One number per label.'),
  type: z.enum(['bar', 'line']).optional().describe('For combo charts: draw this series as bars or a line.'),
  axis: z.enum(['left', 'right']).optional().describe('For combo charts: which value axis.'),
});

export const Chart = z
  .strictObject({
    type: z.enum(CHART_TYPES).default('bar').describe('bar, hbar (horizontal), stacked-bar, line, pie, doughnut or combo (bars + line).'),
    data: z.string().optional().describe('A CSV file (relative to the outline) instead of labels and series: the first column holds the labels, the header names the series.'),
    labels: z.array(text).min(1).max(MAX_POINTS, `a chart shows at most ${MAX_POINTS} categories; aggregate the data`).optional().describe('Category labels.'),
    series: z.array(Series).min(1).max(MAX_SERIES, `a chart shows at most ${MAX_SERIES} series; split them over several charts`).optional().describe('The data series, each with one value per label.'),
    unit: z.string().optional().describe('Unit of the values. It titles the value axis (a `yTitle` of your own that does not mention it gets it in brackets); data labels carry "%", and any unit on pie and doughnut charts, which have no axis.').meta({ examples: ['million laptops', 'bn yuan', '%'] }),
    dataLabels: z.boolean().default(true).describe('Print each value on the chart.'),
    decimals: z.number().int().min(0).max(4).optional().describe('Decimals in data labels; default: per series, the most any of its values is written with (7.1, 7, 6.9 -> "7.0"), up to four significant digits of its largest value.'),
    xTitle: z.string().optional().describe('Title of the horizontal axis (the value axis of an hbar chart).'),
    yTitle: z.string().optional().describe('Title of the vertical axis (defaults to `unit` on the value axis).'),
    y2Title: z.string().optional().describe('Right value axis title (combo charts).'),
    source: SourceRef.optional(),
    alt: z.string().optional().describe('Alt text; generated from the data when absent.'),
    yMin: z.number().optional().describe('Lowest value on the value axis (line charts start where the data does; bars always start at zero).'),
    yMax: z.number().optional().describe('Highest value on the value axis.'),
    native: z.boolean().optional().describe('Write a native, editable PowerPoint chart instead of an image (default: the top-level `charts`).'),
  })
  .describe('A chart, drawn as a sharp image or, with `native: true`, as an editable PowerPoint chart: type, data (inline or CSV), units, axis titles and source.')
  .superRefine((c, ctx) => {
    if (c.data !== undefined && (c.labels || c.series)) {
      ctx.addIssue({ code: 'custom', path: ['data'], message: 'a chart takes its data from `data` or from `labels` and `series`, not both', params: { hint: 'remove `labels` and `series`, or remove `data`' } });
    }
    if (c.data === undefined && (!c.labels || !c.series)) {
      ctx.addIssue({ code: 'custom', path: [], message: 'a chart needs `labels` and `series`, or `data` naming a CSV file', params: { hint: 'e.g. data: assets/figures.csv' } });
    }
    const labels = c.labels ?? [];
    (c.series ?? []).forEach((s, i) => {
      if (c.labels && s.values.length !== labels.length) {
        ctx.addIssue({
          code: 'custom',
          path: ['series', i, 'values'],
          message: `series "${s.name}" has ${s.values.length} values but there are ${labels.length} labels`,
          params: { hint: 'give one value per label, in the same order' },
        });
      }
    });
    const size = c.labels && c.series ? chartSizeProblem(c.labels.length, c.series.length) : undefined;
    if (size && c.series!.length <= MAX_SERIES) ctx.addIssue({ code: 'custom', path: ['series'], message: size, params: { hint: 'aggregate the data, or split it over several charts' } });
    if ((c.type === 'pie' || c.type === 'doughnut') && c.series && c.series.length !== 1) {
      ctx.addIssue({ code: 'custom', path: ['series'], message: `a ${c.type} chart takes exactly one series`, params: { hint: 'use a bar or stacked-bar chart to compare several series' } });
    }
  });
/** A chart as the planner sees it: CSV data already read into labels and series. */
export type Chart = Omit<z.infer<typeof Chart>, 'labels' | 'series' | 'data'> & { labels: string[]; series: z.infer<typeof Series>[] };
export type ChartInput = z.infer<typeof Chart>;

export const Table = z
  .strictObject({
    columns: z.array(text).min(1).describe('Header row.'),
    rows: z.array(z.array(text)).min(1).describe('Body rows, one cell per column.'),
    source: SourceRef.optional(),
  })
  .describe('A native table: a header row and body rows; continues on further slides when long.')
  .superRefine((t, ctx) => {
    t.rows.forEach((r, i) => {
      if (r.length !== t.columns.length) {
        ctx.addIssue({
          code: 'custom',
          path: ['rows', i],
          message: `this row has ${r.length} cells but the table has ${t.columns.length} columns`,
          params: { hint: 'give every row one cell per column (use "" for an empty cell)' },
        });
      }
    });
  });

export const Column = z
  .strictObject({
    heading: z.string().optional().describe('Column heading, e.g. "Worked" / "Needs fixing".'),
    bullets: z.array(Bullet).min(1).describe('The column\'s bullets.'),
  })
  .describe('One column of a two-column slide.');

export const Quote = z
  .strictObject({
  text: z.string().min(1).describe('The quotation, without quotation marks.'),
  by: z.string().optional().describe('Who said or wrote it.'),
  source: SourceRef.optional(),
  })
  .describe('A pull quote with its attribution.');

export const Image = z
  .strictObject({
  path: z.string().min(1).describe('Image file (PNG or JPEG), relative to the outline.'),
  alt: z.string().optional().describe('Alt text for screen readers.'),
  caption: z.string().optional().describe('Shown under the image.'),
  source: SourceRef.optional(),
  })
  .describe('An image (PNG or JPEG) fitted to the slide, aspect ratio kept.');

export const SlideTheme = z
  .strictObject({
    primary: hexColour.optional().describe('Title and first series colour on this slide.'),
    accent: hexColour.optional().describe('Rule and second series colour on this slide.'),
    text: hexColour.optional().describe('Body text colour on this slide.'),
    background: hexColour.optional().describe('Background colour of this slide.'),
  })
  .describe("Colours for this slide only, over the deck's theme.");

export const SlideInput = z.strictObject({
  layout: z.enum(LAYOUTS).optional().describe('Inferred from the content when absent.'),
  skip: z.boolean().optional().describe('Leave the slide out of the deck without deleting it.'),
  theme: SlideTheme.optional(),
  title: z.string().optional().describe('Slide title; make it the takeaway.').meta({ examples: ['Laptops made by mid-year were about a fifth of the 2012 goal'] }),
  subtitle: z.string().optional().describe('Subtitle of a title or section slide.'),
  bullets: z.array(Bullet).min(1).optional().describe('Bullet points: text, { text, source, bullets }, or a nested list for sub-points.'),
  kpis: z.array(Kpi).min(2).max(4).optional().describe('Two to four headline figures.'),
  chart: Chart.optional(),
  table: Table.optional(),
  quote: Quote.optional(),
  image: Image.optional(),
  left: Column.optional(),
  right: Column.optional(),
  source: SourceRef.optional().describe('Source of the slide as a whole.'),
  notes: z.string().optional().describe('Speaker notes.'),
});
export type SlideInput = z.infer<typeof SlideInput>;

export const Source = z.strictObject({
  id: z.string().min(1).regex(/^[\w.-]+$/, 'an id is letters, digits, ".", "-" or "_"').describe('Short name that slides cite, e.g. "article".'),
  title: z.string().min(1).describe('Title of the source.'),
  author: z.string().optional().describe('Author; used in the short citation under slides.'),
  publisher: z.string().optional().describe('Publisher or outlet.'),
  date: text.optional().describe('Publication date or year, e.g. 2012 or "2012-07-15".'),
  url: z.string().optional().describe('Where to find it; shown on the Sources slide.'),
  file: z.string().optional().describe('A local plain-text copy of the source.'),
});
export type Source = z.infer<typeof Source>;

const fontFile = z.string().min(1).describe('A .ttf, .otf, .woff or .woff2 file, relative to the outline.');
/** One file (the regular face; bold and italic are synthesized), or a file per face. */
const fontFiles = z.union([
  fontFile,
  z.strictObject({
    regular: fontFile,
    bold: fontFile.optional(),
    italic: fontFile.optional(),
    boldItalic: fontFile.optional(),
  }),
]);
export type FontFiles = z.infer<typeof fontFiles>;

export const ThemeInput = z.strictObject({
  preset: z.enum(['briefing']).default('briefing').describe('The built-in theme to start from: "briefing" (navy and amber, 16:9).'),
  primary: hexColour.optional().describe('Titles, bars and the accent band.').meta({ examples: ['#0B3C5D'] }),
  accent: hexColour.optional().describe('Highlights and the second series.'),
  text: hexColour.optional().describe('Body text colour.'),
  muted: hexColour.optional().describe('Footers, source lines, secondary text.'),
  background: hexColour.optional().describe('Background of content slides.'),
  palette: z.array(hexColour).min(2).optional().describe('Chart series colours, in order.'),
  font: fontName.optional().describe('Body and chart font (default Calibri). Calibri, Arial, Cambria, Times New Roman, Courier New and Georgia are measured through their twins; give the file of any other font in `fonts`.'),
  headingFont: fontName.optional().describe('Font for titles (default: the body font).'),
  logo: z.string().optional().describe('Logo image, relative to the outline, shown on every slide.').meta({ examples: ['assets/logo.png'] }),
  template: z.string().min(1).optional().describe("Your organization's PowerPoint template (.potx or .pptx), relative to the outline: the deck takes its slide size, masters, layouts, colours and fonts.").meta({ examples: ['brand/template.potx'] }),
  layouts: z
    .partialRecord(z.enum(LAYOUTS), z.string().min(1))
    .optional()
    .describe('With a template: the template layout (by name) to build a kind of slide on, over deckgen\'s choice, e.g. { chart: "Title Only" }. `deckgen template FILE` lists the names.'),
  fonts: z
    .record(fontName, fontFiles)
    .optional()
    .describe('Font files for fonts deckgen has no twin for, by font name: measured from their own widths and drawn in charts.')
    .meta({ examples: [{ 'Brand Sans': 'assets/BrandSans.ttf' }] }),
});
export type ThemeInput = z.infer<typeof ThemeInput>;

/** BCP 47 language tags as PowerPoint writes them: "en-US", "zh-CN", "de", "sr-Latn-RS". */
const langTag = z
  .string()
  .regex(/^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|\d{3}))?$/, 'a language is a BCP 47 tag like "en-US", "zh-CN", "fr" or "de-DE"');

export const LABEL_KEYS = ['source', 'sources', 'agenda', 'cont', 'continued', 'derived', 'derivedNote', 'paras', 'introduction', 'quote', 'noSources', 'own'] as const;
export type LabelKey = (typeof LABEL_KEYS)[number];

export const LabelsInput = z
  .strictObject({
    source: z.string().min(1).optional().describe('Source line under a slide; {list} is replaced by the citations. Default "Source: {list}."'),
    sources: z.string().min(1).optional().describe('Title of the closing Sources slide. Default "Sources".'),
    agenda: z.string().min(1).optional().describe('Title of an agenda slide without one. Default "Agenda".'),
    cont: z.string().min(1).optional().describe('Marks continuation slides: "{title} (cont.)". Default "cont.".'),
    continued: z.string().min(1).optional().describe('Speaker note of a continuation slide; {title} is the first slide\'s title.'),
    derived: z.string().min(1).optional().describe('Word that marks a computed figure: "20.7% (derived: 4.1433 ÷ 20)". Default "derived".'),
    derivedNote: z.string().min(1).optional().describe('Note in the source line of slides with computed figures.'),
    paras: z.string().min(1).optional().describe('Paragraphs cited, after a source: "(para. {n})".'),
    introduction: z.string().min(1).optional().describe('Name of the PowerPoint section holding the slides before the first section slide.'),
    quote: z.string().min(1).optional().describe('Title for screen readers of a quote slide without a title.'),
    noSources: z.string().min(1).optional().describe('Shown on a Sources slide when the outline lists no sources.'),
    own: z.string().min(1).optional().describe("Names `source: own` figures in a source line. Default \"presenter's own figures\"."),
  })
  .describe("The words deckgen writes itself, over the defaults for the deck's language.");
export type LabelsInput = z.infer<typeof LabelsInput>;

export const OutlineInput = z.strictObject({
  title: z.string().min(1).describe('Deck title, shown on the title slide.').meta({ examples: ['Liangjiang New Area electronics: the first half of 2012'] }),
  subtitle: z.string().optional().describe('Shown under the title on the title slide.'),
  author: z.string().optional().describe('Presenter or author.'),
  date: text.optional().describe('Date of the deck, shown on the title slide; also the date written into the file.'),
  footer: z.string().optional().describe('Footer text on every slide but the title.'),
  lang: langTag.default('en-US').describe('Language of the deck (BCP 47): tags every text run for spelling and screen readers, and picks the language of the words deckgen writes ("Source", "Agenda"...).').meta({ examples: ['en-US', 'zh-CN', 'fr-FR', 'de-DE', 'es-ES', 'ja-JP'] }),
  labels: LabelsInput.optional(),
  theme: ThemeInput.default({ preset: 'briefing' }).describe('Colours, fonts and logo.'),
  sources: z.array(Source).default([]).describe('What the slides cite; listed on the closing Sources slide.'),
  sourcesSlide: z.boolean().default(true).describe('Append a Sources slide listing every source.'),
  charts: z.enum(['image', 'native']).default('image').describe('How charts are written: "image" (a picture that looks the same everywhere) or "native" (editable PowerPoint charts).'),
  slides: z
    .array(SlideInput)
    .min(1, 'an outline needs at least one slide')
    .max(MAX_SLIDES, `an outline has at most ${formatNumber(MAX_SLIDES)} slides; split it into several decks`)
    .describe('The slides, in order. A title slide is added first unless the first slide is `layout: title`.'),
});
export type OutlineInput = z.infer<typeof OutlineInput>;
