import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodePng } from '../../src/render/png.js';

/** Decodes the PNGs encodePng writes (8-bit, filter None, palette or RGBA) back to RGBA words. */
function decode(png: Buffer): { colourType: number; pixels: Uint32Array } {
  let at = 8;
  let width = 0;
  let height = 0;
  let colourType = 0;
  let palette = Buffer.alloc(0);
  const idat: Buffer[] = [];
  while (at < png.length) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') [width, height, colourType] = [data.readUInt32BE(0), data.readUInt32BE(4), data[9]!];
    if (type === 'PLTE') palette = Buffer.from(data);
    if (type === 'IDAT') idat.push(data);
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const pixels = new Uint32Array(width * height);
  const bytes = colourType === 3 ? 1 : 4;
  for (let y = 0; y < height; y++) {
    expect(raw[y * (width * bytes + 1)]).toBe(0);
    for (let x = 0; x < width; x++) {
      const o = y * (width * bytes + 1) + 1 + x * bytes;
      const [r, g, b, a] = colourType === 3 ? [palette[raw[o]! * 3]!, palette[raw[o]! * 3 + 1]!, palette[raw[o]! * 3 + 2]!, 255] : [raw[o]!, raw[o + 1]!, raw[o + 2]!, raw[o + 3]!];
      pixels[y * width + x] = (r | (g << 8) | (b << 16) | (a << 24)) >>> 0;
    }
  }
  return { colourType, pixels };
}

const rgba = (r: number, g: number, b: number): number => (r | (g << 8) | (b << 16) | (255 << 24)) >>> 0;

/** A width x height opaque image from a colour function. */
function image(width: number, height: number, colour: (x: number, y: number) => number): Buffer {
  const pixels = new Uint32Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) pixels[y * width + x] = colour(x, y);
  return Buffer.from(pixels.buffer);
}

const distance = (a: number, b: number): number => Math.hypot((a & 0xff) - (b & 0xff), ((a >>> 8) & 0xff) - ((b >>> 8) & 0xff), ((a >>> 16) & 0xff) - ((b >>> 16) & 0xff));

describe('encodePng', () => {
  it('writes a chart of 256 colours or fewer as a lossless indexed PNG', async () => {
    const src = image(300, 200, (x, y) => rgba(x % 16 * 16, y % 16 * 16, 40));
    const out = decode(await encodePng(src, 300, 200));
    expect(out.colourType).toBe(3);
    expect(Buffer.from(out.pixels.buffer).equals(src)).toBe(true);
  });

  it('maps a chart\'s few rare edge colours to their nearest kept colour, and nothing else', async () => {
    const width = 1000;
    const height = 600;
    // 250 common colours, and 60 rare ones (two pixels each) just off a common colour.
    const rare = new Map<number, number>();
    const src = image(width, height, (x, y) => {
      const i = y * width + x;
      if (i % 5000 === 0 && i / 5000 < 120) {
        const k = Math.floor(i / 10000);
        const colour = rgba(100 + (k % 3), 95 + Math.floor(k / 3), 90);
        rare.set(i, colour);
        return colour;
      }
      return rgba((x >> 2) % 250, 90, 90);
    });
    const out = decode(await encodePng(src, width, height));
    expect(out.colourType).toBe(3);
    const before = new Uint32Array(src.buffer, src.byteOffset, width * height);
    let changed = 0;
    for (let i = 0; i < before.length; i++) {
      if (out.pixels[i] === before[i]) continue;
      changed++;
      expect(rare.has(i), `pixel ${i} changed`).toBe(true);
      expect(distance(out.pixels[i]!, before[i]!)).toBeLessThanOrEqual(32);
    }
    expect(changed).toBeGreaterThan(0);
    expect(changed).toBeLessThanOrEqual(120);
  });

  it('keeps an image with many colours lossless, as RGBA', async () => {
    const src = image(256, 256, (x, y) => rgba(x, y, (x * y) & 0xff));
    const out = decode(await encodePng(src, 256, 256));
    expect(out.colourType).toBe(6);
    expect(Buffer.from(out.pixels.buffer).equals(src)).toBe(true);
  });

  it('keeps RGBA when more than 256 colours are each used a lot', async () => {
    // 400 colours in equal bands: dropping any would change a visible area.
    const src = image(400, 100, (x) => rgba(x % 200, x < 200 ? 0 : 120, 50));
    expect(decode(await encodePng(src, 400, 100)).colourType).toBe(6);
  });

  it('gives the same bytes for the same pixels', async () => {
    const src = image(500, 300, (x, y) => rgba((x * 7 + y) % 300 < 280 ? 10 : 250, (x ^ y) & 0x3f, 9));
    expect((await encodePng(src, 500, 300)).equals(await encodePng(Buffer.from(src), 500, 300))).toBe(true);
  });
});

describe('encodePng, one image after another', () => {
  const busy = (width: number, height: number): Buffer =>
    // Two-pixel stripes that change every third row: more runs than the first run arrays hold, and repeated rows among them.
    image(width, height, (x, y) => rgba(((x >> 1) & 1) * 200 + (Math.floor(y / 3) % 7), 30, 60));

  it('gives each image the bytes it gets alone, whatever was encoded before', async () => {
    const chart = image(900, 500, (x, y) => (y % 50 < 30 && x % 100 < 60 ? rgba(11, 60, 93) : x % 97 === 0 ? rgba(200, 200, 200) : rgba(255, 255, 255)));
    const alone = await encodePng(chart, 900, 500);
    // A busy palette image, a true-colour one, a palette that would move too many pixels, then again.
    await encodePng(busy(1200, 400), 1200, 400);
    await encodePng(image(256, 256, (x, y) => rgba(x, y, (x * y) & 0xff)), 256, 256);
    await encodePng(image(400, 100, (x) => rgba(x % 200, x < 200 ? 0 : 120, 50)), 400, 100);
    expect((await encodePng(chart, 900, 500)).equals(alone)).toBe(true);
    // Several in flight at once share nothing either.
    const both = await Promise.all([encodePng(chart, 900, 500), encodePng(busy(1200, 400), 1200, 400)]);
    expect(both[0].equals(alone)).toBe(true);
  });

  it('reads repeated rows and grown run arrays back to the same pixels', async () => {
    const src = busy(1200, 400);
    const out = decode(await encodePng(src, 1200, 400));
    expect(out.colourType).toBe(3);
    expect(Buffer.from(out.pixels.buffer).equals(src)).toBe(true);
  });
});
