/**
 * The last step of emit: repair what pptxgenjs 4.0.1 gets wrong in the package, and make the
 * bytes deterministic (same outline, same bytes) so decks can be diffed, cached and checked.
 */
import { createHash } from 'node:crypto';
import { renumberCharts, repairChartXml } from './chart-xml.js';
import type { Parts } from './parts.js';
import { zip, type ZipEntry } from './zip.js';

export interface PackageOptions {
  /** Written as the document's created/modified date (docProps/core.xml) and every zip entry's date. */
  date: Date;
  /** Deflate level, 1 (fast) to 9 (small). */
  compressionLevel?: number;
}

/** Fixed when neither the outline nor SOURCE_DATE_EPOCH gives one. */
export const DEFAULT_DATE = new Date('2000-01-01T00:00:00Z');

/** The deck's date: SOURCE_DATE_EPOCH (reproducible builds) wins, then the outline's date. */
export function packageDate(outlineDate: string | undefined, env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  const parsed = outlineDate ? Date.parse(outlineDate) : NaN;
  if (!Number.isNaN(parsed)) return new Date(parsed);
  const year = outlineDate?.match(/\b(19|20)\d{2}\b/)?.[0];
  return year ? new Date(`${year}-01-01T00:00:00Z`) : DEFAULT_DATE;
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

function coreDates(xml: string, date: Date): string {
  const iso = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return xml
    .replace(/(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${iso}$3`)
    .replace(/<dc:creator>PptxGenJS<\/dc:creator>/, '<dc:creator>deckgen</dc:creator>')
    .replace(/<cp:lastModifiedBy>PptxGenJS<\/cp:lastModifiedBy>/, '<cp:lastModifiedBy>deckgen</cp:lastModifiedBy>');
}

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

/** One part, repaired: a string for XML, bytes for media. */
function repair(name: string, data: string | Uint8Array, parts: ReadonlySet<string>, duplicates: ReadonlyMap<string, string>, date: Date): string | Uint8Array {
  if (typeof data !== 'string') return data;
  if (name === '[Content_Types].xml') return pruneContentTypes(data, parts);
  if (name === 'docProps/core.xml') return coreDates(data, date);
  if (name === 'ppt/presentation.xml') return orderPresentation(data);
  if (name.endsWith('.rels') && duplicates.size) return retarget(data, duplicates);
  if (/^ppt\/slides\/slide\d+\.xml$/.test(name)) return repairParagraphs(data);
  if (/^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(name)) return repairParagraphs(notesParagraphs(data));
  if (/^ppt\/charts\/chart\d+\.xml$/.test(name)) return repairChartXml(data);
  return data;
}

export function finishPackage(collected: Parts, options: PackageOptions): Uint8Array {
  const parts = renumberCharts(collected);
  const duplicates = duplicateMedia(parts);
  const names = [...parts.keys()].filter((n) => !duplicates.has(n));
  const kept = new Set(names);
  // [Content_Types].xml first: some readers stream the package and expect it there.
  const ordered = ['[Content_Types].xml', ...names.filter((n) => n !== '[Content_Types].xml').sort()];
  const entries: ZipEntry[] = ordered.map((name) => {
    const data = repair(name, parts.get(name)!, kept, duplicates, options.date);
    // PNG and JPEG are compressed already; deflating them again costs time and saves nothing.
    return { name, data: typeof data === 'string' ? Buffer.from(data, 'utf8') : data, store: /\.(png|jpe?g)$/i.test(name) };
  });
  return zip(entries, options.date, options.compressionLevel ?? 6);
}
