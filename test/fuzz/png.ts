// Tiny PNG writer for tests: real images for the fuzzer, and crafted headers for hostile-input tests.
import { deflateSync } from 'node:zlib';

const SIGNATURE = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** One PNG chunk: length, type, data, CRC over type and data. */
export function pngChunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** IHDR for 8-bit RGB (colour type 2) of the given size: only the header, no pixels. */
export function ihdr(width: number, height: number): Buffer {
  const data = Buffer.alloc(13);
  data.writeUInt32BE(width, 0);
  data.writeUInt32BE(height, 4);
  data[8] = 8; // bit depth
  data[9] = 2; // colour type: RGB
  return pngChunk('IHDR', data);
}

/** A complete, valid RGB PNG filled with one colour. Only for small sizes. */
export function png(width: number, height: number, rgb: [number, number, number] = [0x1d, 0x4e, 0x5f]): Buffer {
  const row = Buffer.alloc(1 + width * 3);
  for (let x = 0; x < width; x++) row.set(rgb, 1 + x * 3);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([SIGNATURE, ihdr(width, height), pngChunk('IDAT', deflateSync(raw)), pngChunk('IEND', new Uint8Array(0))]);
}

/** A PNG signature and an IHDR claiming width x height, followed by the given chunks (no pixels allocated). */
export function pngWithHeader(width: number, height: number, ...chunks: Buffer[]): Buffer {
  return Buffer.concat([SIGNATURE, ihdr(width, height), ...chunks]);
}

/** A PNG from a raw IHDR and already-filtered pixel data (rows with their filter bytes), deflated. */
export function pngFrom(h: { width: number; height: number; depth?: number; colour?: number; interlace?: number }, raw: Uint8Array, ...extra: Buffer[]): Buffer {
  const data = Buffer.alloc(13);
  data.writeUInt32BE(h.width, 0);
  data.writeUInt32BE(h.height, 4);
  data[8] = h.depth ?? 8;
  data[9] = h.colour ?? 2;
  data[12] = h.interlace ?? 0;
  return Buffer.concat([SIGNATURE, pngChunk('IHDR', data), ...extra, pngChunk('IDAT', deflateSync(raw)), pngChunk('IEND', new Uint8Array(0))]);
}

/** Filtered rows (filter byte 0, pixels of `fill`) for an RGB image, every Adam7 pass when interlaced. */
export function rgbRows(width: number, height: number, interlace = false, fill = 0x80): Buffer {
  const passes = interlace
    ? [
        [0, 0, 8, 8],
        [4, 0, 8, 8],
        [0, 4, 4, 8],
        [2, 0, 4, 4],
        [0, 2, 2, 4],
        [1, 0, 2, 2],
        [0, 1, 1, 2],
      ]
    : [[0, 0, 1, 1]];
  const rows: Buffer[] = [];
  for (const [x0, y0, dx, dy] of passes) {
    const w = Math.ceil((width - x0!) / dx!);
    const h = Math.ceil((height - y0!) / dy!);
    if (w <= 0 || h <= 0) continue;
    for (let y = 0; y < h; y++) rows.push(Buffer.concat([Buffer.from([0]), Buffer.alloc(w * 3, fill)]));
  }
  return Buffer.concat(rows);
}
