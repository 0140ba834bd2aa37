/**
 * The last step of emit: repair what pptxgenjs 4.0.1 gets wrong in the package, and make the
 * bytes deterministic (same outline, same bytes) so decks can be diffed, cached and checked.
 */
import { createHash } from 'node:crypto';
import type { Template } from '../template/model.js';
import { copyTemplate } from './template-parts.js';
import { LAYOUT_TYPE, layoutRels, layoutXml, masterRels, masterXml, themeXml } from './master.js';
import { diagnostic, InputError } from '../diagnostics.js';
import { readDate, readEpoch } from '../load/dates.js';
import { chartLanguage, renumberCharts, repairChartXml } from './chart-xml.js';
import type { EarlyFinish, Parts } from './parts.js';
import { appProperties, coreProperties, withSections, type DocumentInfo } from './props.js';
import { finishSlide, rightToLeftXml, withLanguage, type SlideNote, type TextLanguage } from './slide-xml.js';
import { Deflater, ZipWriter } from './zip.js';

/** What emit knows that the package needs: the template, each slide's layout and shapes, the document. */
export interface PackageDeck {
  template: Template;
  /** Sizes (pt) of the master's title and body text styles. */
  textSizes: { title: number; body: number };
  slides: SlideNote[];
  language: TextLanguage;
  info: DocumentInfo;
}

export interface PackageOptions {
  /** Written as the document's created/modified date (docProps/core.xml) and every zip entry's date. */
  date: Date;
  /** Deflate level, 1 (fast) to 9 (small). */
  compressionLevel?: number;
}

/** Fixed when neither the outline nor SOURCE_DATE_EPOCH gives one. */
export const DEFAULT_DATE = new Date('2000-01-01T00:00:00Z');

/**
 * The deck's date: SOURCE_DATE_EPOCH (reproducible builds) wins, then the outline's date (checked
 * when the outline was loaded). A SOURCE_DATE_EPOCH that is not a date the file can hold is an
 * input error, reported against the variable.
 */
export function packageDate(outlineDate: string | undefined, env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch) {
    const reading = readEpoch(epoch);
    if (reading.error) throw new InputError([diagnostic('SOURCE_DATE_EPOCH', 'source-date-epoch', reading.error, { hint: 'set it to whole seconds since 1970-01-01, e.g. SOURCE_DATE_EPOCH=$(git log -1 --format=%ct), or unset it' })]);
    return reading.date!;
  }
  return (outlineDate === undefined ? undefined : readDate(outlineDate).date) ?? DEFAULT_DATE;
}

/** PptxGenJS #1444: an Override per slide for slideMaster parts that were never written. */
function pruneContentTypes(xml: string, parts: ReadonlySet<string>): string {
  return xml.replace(/<Override [^>]*PartName="\/([^"]+)"[^>]*\/>/g, (tag, name: string) => (parts.has(name) ? tag : ''));
}

/** CT_Presentation wants notesMasterIdLst right after sldMasterIdLst; pptxgenjs writes it later. */
function orderPresentation(xml: string): string {
  const notes = /<p:notesMasterIdLst>.*?<\/p:notesMasterIdLst>/s.exec(xml)?.[0];
  if (!notes) return xml;
  return xml.replace(notes, '').replace('</p:sldMasterIdLst>', `</p:sldMasterIdLst>${notes}`);
}

/**
 * Two schema defects in every slide with bullets or styled runs: buSzPct="100000" (the schema
 * wants "100%"; buSzTx means the same), and an a:pPr before every run where one, first, is allowed.
 */
function repairParagraphs(xml: string): string {
  return xml
    .replaceAll('<a:buSzPct val="100000"/>', '<a:buSzTx/>')
    .replace(/<a:p>(.*?)<\/a:p>/gs, (_p, body: string) => `<a:p>${body.replace(/<a:pPr\b[^>]*?(?:\/>|>.*?<\/a:pPr>)/gs, (pPr, at: number) => (at === 0 ? pPr : ''))}</a:p>`);
}

/** Notes are written as one run; split them at line breaks into real paragraphs. */
function notesParagraphs(xml: string): string {
  return xml.replace(/<a:t>([^<]*\n[^<]*)<\/a:t>/g, (_m, text: string) =>
    text
      .split(/\r?\n/)
      .map((line) => `<a:t>${line}</a:t>`)
      .join('</a:r></a:p><a:p><a:r><a:rPr lang="en-US" dirty="0"/>'),
  );
}

/**
 * pptxgenjs writes one master with one empty layout ("DEFAULT") and an Office theme; the deck's
 * template replaces them: its theme, its master, one part per layout, and each slide pointing at
 * the layout it is built on.
 */
function replaceTemplate(parts: Parts, deck: PackageDeck): void {
  const { template } = deck;
  if (template.file) return copyTemplate(parts, template.file, template.file.masterIds);
  for (const name of [...parts.keys()]) if (name.startsWith('ppt/slideLayouts/')) parts.delete(name);
  const theme = parts.get('ppt/theme/theme1.xml');
  if (typeof theme === 'string') parts.set('ppt/theme/theme1.xml', themeXml(template, theme));
  // A right-to-left deck's master and layouts too: a slide added in PowerPoint reads the same way.
  const direction = (xml: string): string => (deck.language.rtl ? rightToLeftXml(xml) : xml);
  parts.set('ppt/slideMasters/slideMaster1.xml', direction(masterXml(template, deck.textSizes.title, deck.textSizes.body)));
  parts.set('ppt/slideMasters/_rels/slideMaster1.xml.rels', masterRels(template));
  template.layouts.forEach((layout, i) => {
    parts.set(`ppt/slideLayouts/slideLayout${i + 1}.xml`, direction(layoutXml(layout, template)));
    parts.set(`ppt/slideLayouts/_rels/slideLayout${i + 1}.xml.rels`, layoutRels());
  });
  const types = parts.get('[Content_Types].xml');
  if (typeof types === 'string') {
    const overrides = template.layouts.map((_, i) => `<Override PartName="/ppt/slideLayouts/slideLayout${i + 1}.xml" ContentType="${LAYOUT_TYPE}"/>`).join('');
    parts.set('[Content_Types].xml', types.replace(/<Override PartName="\/ppt\/slideLayouts\/[^"]+" ContentType="[^"]+"\/>/g, '').replace('</Types>', `${overrides}</Types>`));
  }
}

const SLIDE = /^ppt\/slides\/slide(\d+)\.xml$/;
const SLIDE_RELS = /^ppt\/slides\/_rels\/slide(\d+)\.xml\.rels$/;
const NOTES = /^ppt\/notesSlides\/notesSlide\d+\.xml$/;

/**
 * pptxgenjs stores an image once per slide that shows it (a logo: once per slide). Map every
 * copy to the first one with the same bytes, so the deck carries each image once.
 */
function duplicateMedia(parts: Parts): Map<string, string> {
  const first = new Map<string, string>();
  const duplicates = new Map<string, string>();
  for (const [name, data] of parts) {
    if (!name.startsWith('ppt/media/')) continue;
    const hash = createHash('sha256').update(data).digest('hex');
    const canonical = first.get(hash);
    if (canonical) duplicates.set(name, canonical);
    else first.set(hash, name);
  }
  return duplicates;
}

function retarget(rels: string, duplicates: ReadonlyMap<string, string>): string {
  return rels.replace(/Target="\.\.\/media\/([^"]+)"/g, (attr, file: string) => {
    const canonical = duplicates.get(`ppt/media/${file}`);
    return canonical ? `Target="../media/${canonical.slice('ppt/media/'.length)}"` : attr;
  });
}

/** One part, repaired: a string for XML, bytes for media (and parts finished early, as they are). */
function repair(name: string, data: string | Uint8Array, parts: ReadonlySet<string>, duplicates: ReadonlyMap<string, string>, date: Date, deck: PackageDeck): string | Uint8Array {
  if (typeof data !== 'string') return data;
  if (name === '[Content_Types].xml') return pruneContentTypes(data, parts);
  if (name === 'docProps/core.xml') return coreProperties(data, deck.info, date.toISOString().replace(/\.\d{3}Z$/, 'Z'));
  if (name === 'docProps/app.xml') return appProperties(data, deck.info);
  if (name === 'ppt/presentation.xml') return withSections(orderPresentation(data), deck.info);
  const rels = SLIDE_RELS.exec(name);
  if (rels) {
    const layout = deck.slides[Number(rels[1]) - 1]?.layout ?? 1;
    return retarget(data, duplicates).replace(/\.\.\/slideLayouts\/slideLayout\d+\.xml/, `../slideLayouts/slideLayout${layout}.xml`);
  }
  if (name.endsWith('.rels') && duplicates.size) return retarget(data, duplicates);
  if (/^ppt\/charts\/chart\d+\.xml$/.test(name)) return chartLanguage(repairChartXml(data), deck.language);
  return repairOwn(name, data, deck) ?? data;
}

/** Slides and notes: repaired from their own text and what emit noted of their slide, or undefined. */
function repairOwn(name: string, xml: string, deck: Pick<PackageDeck, 'slides' | 'language'>): string | undefined {
  const slide = SLIDE.exec(name);
  if (slide) return repairParagraphs(finishSlide(xml, deck.slides[Number(slide[1]) - 1]!, deck.language));
  if (NOTES.test(name)) return withLanguage(repairParagraphs(notesParagraphs(xml)), deck.language);
  return undefined;
}

/**
 * Slides and notes, most of a big deck's text, are finished as pptxgenjs writes them (see
 * parts.ts): repaired and deflated at once, so their text never waits for the package step
 * (~90 MiB of heap at 5,000 slides). `deck.slides` may still be filling while the hook is made.
 * The bytes are what finishPackage would make of the same text, with the same level.
 */
export function finishEarly(deck: Pick<PackageDeck, 'slides' | 'language'>, options: Pick<PackageOptions, 'compressionLevel'>): EarlyFinish {
  const deflater = new Deflater(options.compressionLevel ?? 6);
  return (name, text) => {
    const repaired = repairOwn(name, text, deck);
    return repaired === undefined ? undefined : deflater.deflate(repaired);
  };
}

/**
 * The parts, repaired, as a zip. Each part is deflated as soon as it is repaired and dropped from
 * `collected`, so only one part's text is ever held twice: at 5,000 slides, holding the repaired
 * text and its UTF-8 for every part at once cost ~150 MiB. `collected` is empty afterwards.
 */
export function finishPackage(collected: Parts, options: PackageOptions, deck: PackageDeck): Uint8Array {
  const parts = renumberCharts(collected);
  replaceTemplate(parts, deck);
  const duplicates = duplicateMedia(parts);
  const names = [...parts.keys()].filter((n) => !duplicates.has(n));
  const kept = new Set(names);
  // [Content_Types].xml first: some readers stream the package and expect it there.
  const ordered = ['[Content_Types].xml', ...names.filter((n) => n !== '[Content_Types].xml').sort()];
  const writer = new ZipWriter(options.date, options.compressionLevel ?? 6);
  for (const name of ordered) {
    const data = repair(name, parts.get(name)!, kept, duplicates, options.date, deck);
    parts.delete(name);
    // PNG and JPEG are compressed already; deflating them again costs time and saves nothing.
    writer.add(name, data, /\.(png|jpe?g)$/i.test(name));
  }
  parts.clear();
  collected.clear();
  return writer.finish();
}
