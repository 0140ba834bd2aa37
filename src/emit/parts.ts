/**
 * The package as pptxgenjs builds it, part by part, before anything is zipped.
 *
 * pptxgenjs writes every part into a JSZip object and then zips it; deckgen repairs parts and
 * zips them itself (package.ts), so JSZip would only be loaded (60 ms), filled, zipped and read
 * back for nothing. pptx.ts hands pptxgenjs this collector in JSZip's place: the few calls
 * pptxgenjs makes (folder, file, generateAsync) just record the parts.
 *
 * A native chart is the one place pptxgenjs wants a real zip: it builds the chart's Excel
 * workbook in its own "JSZip" and asks for it as base64. That one is zipped here, with the same
 * deterministic writer as the deck (zip.ts), so the workbook's bytes never change either.
 *
 * A build can hand the collector an `early` hook (collectParts) that finishes a part the moment
 * pptxgenjs writes it: slides and notes are repaired and deflated there (package.ts), so their
 * text, most of a big deck, is garbage at once instead of waiting in the map for the package step.
 */
import { ZipWriter } from './zip.js';

/** Every workbook entry gets this date: the same chart data, the same bytes. */
const WORKBOOK_DATE = new Date('2000-01-01T00:00:00Z');
/** Text or bytes as pptxgenjs wrote them, or a part finished early (a DeflatedPart, zip.ts). */
export type Parts = Map<string, string | Uint8Array>;

/** Finishes a part of text as it is written (its bytes, for the package step), or leaves it (undefined). */
export type EarlyFinish = (name: string, text: string) => Uint8Array | undefined;

export class PartCollector {
  /** For the next collector made with no arguments: set by collectParts only while write() runs synchronously. */
  private static waiting: EarlyFinish | undefined;
  private readonly early: EarlyFinish | null;

  constructor(
    readonly parts: Parts = new Map(),
    private readonly prefix = '',
    early?: EarlyFinish | null,
  ) {
    // pptxgenjs makes its collectors with no arguments; the package's is the first.
    this.early = early === undefined ? (PartCollector.waiting ?? null) : early;
    PartCollector.waiting = undefined;
  }

  folder(name: string): PartCollector {
    return new PartCollector(this.parts, `${this.prefix}${name.replace(/\/?$/, '/')}`, this.early);
  }

  file(name: string, data: string | Uint8Array, options?: { base64?: boolean }): this {
    const part = this.prefix + name;
    const value = options?.base64 && typeof data === 'string' ? Buffer.from(data, 'base64') : data;
    this.parts.set(part, (typeof value === 'string' && this.early?.(part, value)) || value);
    return this;
  }

  /**
   * Runs pptxgenjs's write(), whose first, synchronous step makes the package's collector: that
   * one, and no other (a chart's workbook), gets `early`. Were pptxgenjs to make it later, no part
   * would be finished early and the package step would finish them all: the same bytes either way.
   */
  static async collectParts(write: () => Promise<unknown>, early: EarlyFinish): Promise<Parts> {
    PartCollector.waiting = early;
    let written: Promise<unknown>;
    try {
      written = write();
    } finally {
      PartCollector.waiting = undefined;
    }
    return (await written) as Parts;
  }

  /** pptxgenjs asks for its finished zip here; deckgen takes the parts instead, except for a chart's workbook. */
  generateAsync(options: { type: 'base64' }): Promise<string>;
  generateAsync(options?: { type?: string }): Promise<Parts>;
  async generateAsync(options?: { type?: string }): Promise<Parts | string> {
    if (options?.type !== 'base64') return this.parts;
    const names = [...this.parts.keys()].sort((a, b) => (a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : a < b ? -1 : 1));
    const writer = new ZipWriter(WORKBOOK_DATE);
    for (const name of names) {
      let data = this.parts.get(name)!;
      // The workbook's own creation date would change its bytes on every build.
      if (name === 'docProps/core.xml' && typeof data === 'string') {
        data = data.replace(/(<dcterms:(created|modified)[^>]*>)[^<]*/g, `$1${WORKBOOK_DATE.toISOString().replace(/\.\d{3}Z$/, 'Z')}`).replaceAll('PptxGenJS', 'deckgen');
      }
      writer.add(name, data);
    }
    const zipped = writer.finish();
    return Buffer.from(zipped.buffer, zipped.byteOffset, zipped.length).toString('base64');
  }
}
