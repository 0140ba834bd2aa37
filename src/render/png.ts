/**
 * PNG encoding for opaque chart images, deflated by Node's zlib in the thread pool so charts
 * encode in parallel. Charts are flat colours plus their anti-aliasing, a few hundred colours at
 * most: up to 256 they are written as an indexed (palette) PNG, lossless and a quarter of the
 * data to compress; beyond that, as RGBA rows. @napi-rs/canvas's own encoder took twice as long.
 */
import { crc32, deflate } from 'node:zlib';
import { promisify } from 'node:util';

const deflateAsync = promisify(deflate);
const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(data, crc32(head.subarray(4))), 0);
  return Buffer.concat([head, data, crc]);
}

function header(width: number, height: number, colourType: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = colourType;
  return ihdr;
}

/** Rows of palette indices (filter None), or undefined when the image has more than 256 colours. */
function indexed(rgba: Buffer, width: number, height: number): { rows: Buffer; palette: Buffer } | undefined {
  const pixels = new Uint32Array(rgba.buffer, rgba.byteOffset, width * height);
  const index = new Map<number, number>();
  const rows = Buffer.alloc((width + 1) * height);
  let last = -1;
  let lastIndex = 0;
  for (let y = 0, i = 0; y < height; y++) {
    let o = y * (width + 1) + 1;
    for (let x = 0; x < width; x++, i++, o++) {
      const c = pixels[i]!;
      if (c !== last) {
        let k = index.get(c);
        if (k === undefined) {
          if (index.size === 256) return undefined;
          k = index.size;
          index.set(c, k);
        }
        last = c;
        lastIndex = k;
      }
      rows[o] = lastIndex;
    }
  }
  const palette = Buffer.alloc(index.size * 3);
  for (const [c, k] of index) {
    // Little-endian RGBA bytes read as one number: red is the low byte.
    palette[k * 3] = c & 0xff;
    palette[k * 3 + 1] = (c >>> 8) & 0xff;
    palette[k * 3 + 2] = (c >>> 16) & 0xff;
  }
  return { rows, palette };
}

/**
 * `rgba` is `width * height * 4` bytes. The canvas stores premultiplied colour, which equals
 * straight colour only for opaque pixels: chart backgrounds are filled, so every pixel is.
 */
export async function encodePng(rgba: Buffer, width: number, height: number, level = 6): Promise<Buffer> {
  const small = indexed(rgba, width, height);
  if (small) {
    const idat = await deflateAsync(small.rows, { level });
    return Buffer.concat([SIGNATURE, chunk('IHDR', header(width, height, 3)), chunk('PLTE', small.palette), chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0))]);
  }
  const row = width * 4;
  const raw = Buffer.alloc((row + 1) * height);
  for (let y = 0; y < height; y++) rgba.copy(raw, y * (row + 1) + 1, y * row, (y + 1) * row);
  const idat = await deflateAsync(raw, { level });
  return Buffer.concat([SIGNATURE, chunk('IHDR', header(width, height, 6)), chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0))]);
}
