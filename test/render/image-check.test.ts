// Every image is decoded completely before it is accepted: all rows of every pass, valid filters,
// complete JPEG entropy data; and a PNG is inflated no further than its header's size.
import { readFileSync } from 'node:fs';
import { createCanvas, type Canvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { jpegProblem, pngProblem, pngRows } from '../../src/render/image-check.js';
import { png, pngChunk, pngFrom, rgbRows } from '../fuzz/png.js';

function photo(width: number, height: number): Canvas {
  const c = createCanvas(width, height);
  const g = c.getContext('2d');
  for (let x = 0; x < width; x += 5) {
    g.fillStyle = `rgb(${(x * 7) % 255}, ${(x * 3) % 255}, ${255 - (x % 255)})`;
    g.fillRect(x, 0, 5, height);
  }
  return c;
}

describe('pngProblem', () => {
  it('accepts plain and interlaced PNGs whose rows are all there', async () => {
    expect(await pngProblem(png(37, 21))).toBeUndefined();
    expect(await pngProblem(pngFrom({ width: 37, height: 21, interlace: 1 }, rgbRows(37, 21, true)))).toBeUndefined();
    expect(await pngProblem(pngFrom({ width: 1, height: 1, interlace: 1 }, rgbRows(1, 1, true)))).toBeUndefined();
    expect(await pngProblem(await photo(64, 40).encode('png'))).toBeUndefined();
  });

  it('counts the Adam7 passes as the spec lays them out', () => {
    // 8 x 8: passes of 1x1, 1x1, 2x1, 2x2, 4x2, 4x4 and 8x4 pixels.
    const rows = pngRows({ width: 8, height: 8, depth: 8, colour: 2, interlace: 1 });
    expect(rows).toEqual([
      { rows: 1, length: 4 },
      { rows: 1, length: 4 },
      { rows: 1, length: 7 },
      { rows: 2, length: 7 },
      { rows: 2, length: 13 },
      { rows: 4, length: 13 },
      { rows: 4, length: 25 },
    ]);
    // A 1 x 1 image has only the first pass: the empty ones have no filter bytes either.
    expect(pngRows({ width: 1, height: 1, depth: 8, colour: 2, interlace: 1 })).toEqual([{ rows: 1, length: 4 }]);
  });

  it('refuses an interlaced PNG with a third of its pixel data', async () => {
    const rows = rgbRows(60, 45, true);
    expect(await pngProblem(pngFrom({ width: 60, height: 45, interlace: 1 }, rows.subarray(0, Math.floor(rows.length / 3))))).toMatch(/incomplete/);
  });

  it('refuses rows with filter types that do not exist, in any row and any pass', async () => {
    for (const interlace of [false, true]) {
      const rows = rgbRows(20, 10, interlace);
      const last = Buffer.from(rows);
      // The last row's filter byte: the final row of the final pass.
      last[last.length - (1 + 20 * 3)] = 9;
      expect(await pngProblem(pngFrom({ width: 20, height: 10, interlace: interlace ? 1 : 0 }, last))).toMatch(/filter type 9/);
      const first = Buffer.from(rows);
      first[0] = 5;
      expect(await pngProblem(pngFrom({ width: 20, height: 10, interlace: interlace ? 1 : 0 }, first))).toMatch(/filter type 5/);
    }
  });

  it('stops inflating at the size the header declares (a decompression bomb)', async () => {
    // 100 x 100 declared; 64 MB of zeros deflate to about 64 KB.
    const bomb = pngFrom({ width: 100, height: 100 }, Buffer.alloc(64 * 1024 * 1024));
    const before = process.memoryUsage().arrayBuffers;
    expect(await pngProblem(bomb)).toMatch(/larger than its size/);
    // Nothing near the inflated size was held at once (zlib's chunks are 16 KB).
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(16 * 1024 * 1024);
  });

  it('refuses bit depths and colour types the spec does not allow, and a palette image without PLTE', async () => {
    expect(await pngProblem(pngFrom({ width: 4, height: 4, depth: 4 }, rgbRows(4, 4)))).toMatch(/bit depth 4/);
    expect(await pngProblem(pngFrom({ width: 4, height: 4, colour: 5 }, rgbRows(4, 4)))).toMatch(/colour type/);
    expect(await pngProblem(pngFrom({ width: 4, height: 4, colour: 3 }, Buffer.alloc(4 * 5)))).toMatch(/palette/);
    expect(await pngProblem(pngFrom({ width: 4, height: 4, colour: 3 }, Buffer.alloc(4 * 5), pngChunk('PLTE', Buffer.alloc(3))))).toBeUndefined();
  });

  it('refuses extra rows after the declared ones', async () => {
    expect(await pngProblem(pngFrom({ width: 10, height: 10 }, rgbRows(10, 11)))).toMatch(/larger than its size/);
  });
});

describe('jpegProblem', () => {
  it('accepts a complete JPEG', async () => {
    expect(jpegProblem(await photo(320, 200).encode('jpeg', 90))).toBeUndefined();
  });

  it('refuses a JPEG cut in the middle with an end marker appended, wherever it is cut', async () => {
    const whole = await photo(320, 200).encode('jpeg', 90);
    const scan = whole.indexOf(Buffer.from([0xff, 0xda]));
    for (const share of [0.99, 0.9, 0.6, 0.3]) {
      const at = Math.max(scan + 20, Math.floor(whole.length * share));
      const cut = Buffer.concat([whole.subarray(0, at), Buffer.from([0xff, 0xd9])]);
      expect(jpegProblem(cut), `cut at ${share}`).toMatch(/incomplete or damaged/);
    }
  });

  it('refuses a JPEG without its end marker or its scan', async () => {
    const whole = await photo(64, 64).encode('jpeg', 80);
    expect(jpegProblem(whole.subarray(0, whole.length - 200))).toMatch(/no end marker/);
    const scan = whole.indexOf(Buffer.from([0xff, 0xda]));
    expect(jpegProblem(Buffer.concat([whole.subarray(0, scan), Buffer.from([0xff, 0xd9])]))).toMatch(/no image data/);
  });

  // Made by ImageMagick (libjpeg): progressive colour and grey, restart markers, 4:4:4 sampling.
  const FILES = ['progressive.jpg', 'progressive-gray.jpg', 'restart-interval.jpg', 'sampling-444.jpg'];

  it.each(FILES)('walks every scan of %s to its end', (name) => {
    expect(jpegProblem(readFileSync(`test/fixtures/images/${name}`))).toBeUndefined();
  });

  it.each(FILES)('refuses %s cut anywhere after its first scan starts, with an end marker appended', (name) => {
    const whole = readFileSync(`test/fixtures/images/${name}`);
    const scan = whole.indexOf(Buffer.from([0xff, 0xda]));
    for (let at = scan + 12; at < whole.length - 2; at += 7) {
      expect(jpegProblem(Buffer.concat([whole.subarray(0, at), Buffer.from([0xff, 0xd9])])), `cut at ${at} of ${whole.length}`).toBeDefined();
    }
  });

  it('refuses arithmetic, lossless and hierarchical coding it cannot walk', async () => {
    const whole = Buffer.from(await photo(32, 32).encode('jpeg', 80));
    const sof = whole.indexOf(Buffer.from([0xff, 0xc0]));
    whole[sof + 1] = 0xc9;
    expect(jpegProblem(whole)).toMatch(/cannot check/);
  });
});
