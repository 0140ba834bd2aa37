/**
 * The package as pptxgenjs builds it, part by part, before anything is zipped.
 *
 * pptxgenjs writes every part into a JSZip object and then zips it; deckgen repairs parts and
 * zips them itself (package.ts), so JSZip would only be loaded (60 ms), filled, zipped and read
 * back for nothing. pptx.ts hands pptxgenjs this collector in JSZip's place: the few calls
 * pptxgenjs makes (folder, file, generateAsync) just record the parts.
 */
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

  /** pptxgenjs asks for its finished zip here; deckgen takes the parts instead. */
  async generateAsync(options?: { type?: string }): Promise<Parts> {
    // pptxgenjs zips an Excel workbook for each native chart; deckgen draws charts as images.
    if (options?.type === 'base64') throw new Error('native PowerPoint charts are not supported: deckgen draws charts as images');
    return this.parts;
  }
}
