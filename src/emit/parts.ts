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
 */
import { zip } from './zip.js';

/** Every workbook entry gets this date: the same chart data, the same bytes. */
const WORKBOOK_DATE = new Date('2000-01-01T00:00:00Z');
export type Parts = Map<string, string | Uint8Array>;

export class PartCollector {
  constructor(
    readonly parts: Parts = new Map(),
    private readonly prefix = '',
  ) {}

  folder(name: string): PartCollector {
    return new PartCollector(this.parts, `${this.prefix}${name.replace(/\/?$/, '/')}`);
  }

  file(name: string, data: string | Uint8Array, options?: { base64?: boolean }): this {
    this.parts.set(this.prefix + name, options?.base64 && typeof data === 'string' ? Buffer.from(data, 'base64') : data);
    return this;
  }

  /** pptxgenjs asks for its finished zip here; deckgen takes the parts instead, except for a chart's workbook. */
  generateAsync(options: { type: 'base64' }): Promise<string>;
  generateAsync(options?: { type?: string }): Promise<Parts>;
  async generateAsync(options?: { type?: string }): Promise<Parts | string> {
    if (options?.type !== 'base64') return this.parts;
    const names = [...this.parts.keys()].sort((a, b) => (a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : a < b ? -1 : 1));
    const entries = names.map((name) => {
      let data = this.parts.get(name)!;
      // The workbook's own creation date would change its bytes on every build.
      if (name === 'docProps/core.xml' && typeof data === 'string') {
        data = data.replace(/(<dcterms:(created|modified)[^>]*>)[^<]*/g, `$1${WORKBOOK_DATE.toISOString().replace(/\.\d{3}Z$/, 'Z')}`).replaceAll('PptxGenJS', 'deckgen');
      }
      return { name, data: typeof data === 'string' ? Buffer.from(data, 'utf8') : data };
    });
    return Buffer.from(zip(entries, WORKBOOK_DATE)).toString('base64');
  }
}
