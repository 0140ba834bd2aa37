/**
 * Complete decoding checks that the canvas decoder alone misses: it shows a PNG whose pixel data
 * is garbage or cut short, or a JPEG cut in the middle, as a partly blank picture rather than
 * failing. A PNG must have intact chunks (CRCs), a valid header, end with IEND, and inflate to
 * exactly the rows its header declares (all seven passes when interlaced), each with a valid
 * filter type. Inflating stops as soon as the data passes that size, so a small file that
 * inflates to gigabytes costs no more than a real image of its declared size. A JPEG's entropy
 * data is walked completely (jpeg-scan.ts): every block of every scan, and no marker where data
 * should be.
 */
import { crc32, createInflate } from 'node:zlib';
import { jpegScanProblem } from './jpeg-scan.js';

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
/** Bit depths each colour type allows (PNG spec, table 11.1). */
const DEPTHS: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };
/** Adam7 passes: first column, first row, column step, row step. */
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

export interface PngHeader {
  width: number;
  height: number;
  depth: number;
  colour: number;
  interlace: number;
}

/** Rows of pixel data as (count, bytes per row including the filter byte), pass by pass. */
export function pngRows(h: PngHeader): { rows: number; length: number }[] {
  const bitsPerPixel = CHANNELS[h.colour]! * h.depth;
  const passes = h.interlace ? ADAM7 : ([[0, 0, 1, 1]] as const);
  const out: { rows: number; length: number }[] = [];
  for (const [x0, y0, dx, dy] of passes) {
    const w = Math.ceil((h.width - x0) / dx);
    const rows = Math.ceil((h.height - y0) / dy);
    // An empty pass has no rows at all, not even filter bytes.
    if (w > 0 && rows > 0) out.push({ rows, length: 1 + Math.ceil((w * bitsPerPixel) / 8) });
  }
  return out;
}

/** Chunks, CRCs and header; the IDAT data and header when the structure is sound. */
function pngStructure(buf: Buffer): string | { header: PngHeader; idat: Buffer[] } {
  let at = 8;
  const idat: Buffer[] = [];
  let header: PngHeader | undefined;
  let palette = false;
  while (at + 12 <= buf.length) {
    const length = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    if (at + 12 + length > buf.length) return `the ${type} chunk is cut short`;
    const data = buf.subarray(at + 8, at + 8 + length);
    if (crc32(data, crc32(buf.subarray(at + 4, at + 8))) !== buf.readUInt32BE(at + 8 + length)) return `the ${type} chunk is damaged (bad checksum)`;
    if (type === 'IHDR') {
      if (length !== 13) return 'its header is damaged';
      header = { width: data.readUInt32BE(0), height: data.readUInt32BE(4), depth: data[8]!, colour: data[9]!, interlace: data[12]! };
      if (data[10] !== 0 || data[11] !== 0 || header.interlace > 1) return 'its header names an unknown compression, filter or interlace method';
    }
    if (type === 'PLTE') palette = true;
    if (type === 'IDAT') idat.push(data);
    at += 12 + length;
    if (type === 'IEND') {
      if (!header) return 'it has no header';
      if (!DEPTHS[header.colour]) return 'its colour type is invalid';
      if (!DEPTHS[header.colour]!.includes(header.depth)) return `its bit depth ${header.depth} is invalid for its colour type`;
      if (header.colour === 3 && !palette) return 'it has no palette';
      if (!idat.length) return 'it has no pixel data';
      return { header, idat };
    }
  }
  return header ? 'it is cut short (no end marker)' : 'it has no header';
}

/**
 * Inflates the pixel data as a stream, checking each row's filter type as it arrives, and stops
 * at the first byte past the size the header declares: memory stays at zlib's window.
 */
function pngPixels(header: PngHeader, idat: Buffer[]): Promise<string | undefined> {
  const rows = pngRows(header);
  const expected = rows.reduce((n, r) => n + r.rows * r.length, 0);
  return new Promise((resolve) => {
    const inflate = createInflate();
    let seen = 0;
    let pass = 0;
    let left = rows[0]!.rows;
    let nextFilter = 0;
    let done = false;
    const finish = (problem: string | undefined): void => {
      if (done) return;
      done = true;
      inflate.destroy();
      resolve(problem);
    };
    inflate.on('data', (chunk: Buffer) => {
      if (done) return;
      if (seen + chunk.length > expected) return finish('its pixel data is larger than its size (a decompression bomb?)');
      while (nextFilter < seen + chunk.length) {
        const filter = chunk[nextFilter - seen]!;
        if (filter > 4) return finish(`a row uses filter type ${filter}, which does not exist`);
        nextFilter += rows[pass]!.length;
        if (--left === 0 && ++pass < rows.length) left = rows[pass]!.rows;
      }
      seen += chunk.length;
    });
    inflate.on('error', () => finish('its pixel data is damaged'));
    inflate.on('end', () => finish(seen === expected ? undefined : 'its pixel data is incomplete'));
    for (const part of idat) inflate.write(part);
    inflate.end();
  });
}

export async function pngProblem(bytes: Uint8Array): Promise<string | undefined> {
  const structure = pngStructure(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  if (typeof structure === 'string') return structure;
  if (!structure.header.width || !structure.header.height) return 'its width or height is zero';
  return pngPixels(structure.header, structure.idat);
}

export function jpegProblem(bytes: Uint8Array): string | undefined {
  let hasScan = false;
  for (let i = 2; i + 1 < bytes.length; i++) {
    if (bytes[i] === 0xff && bytes[i + 1] === 0xda) {
      hasScan = true;
      break;
    }
  }
  if (!hasScan) return 'it has no image data';
  // Some cameras pad after the end marker; it must be there, near the end.
  const tail = bytes.subarray(Math.max(0, bytes.length - 4096));
  let ended = false;
  for (let i = tail.length - 2; i >= 0 && !ended; i--) ended = tail[i] === 0xff && tail[i + 1] === 0xd9;
  if (!ended) return 'it is cut short (no end marker)';
  // Every block of every scan walked: a file cut mid-scan meets a marker where data should be.
  return jpegScanProblem(bytes);
}
