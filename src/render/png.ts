/**
 * PNG encoding for opaque chart images, deflated by Node's zlib in the thread pool so charts
 * encode in parallel. Charts are flat colours plus their anti-aliasing, a few hundred colours at
 * most, so they are written as indexed (palette) PNGs, a quarter of the data to compress (see
 * MAX_MOVED_SHARE); anything else as RGBA rows. @napi-rs/canvas's own encoder took twice as long.
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

/**
 * How far an indexed PNG may depart from the drawing. Charts are flat colours plus anti-aliased
 * edges, and a chart drawn at slide size has 250 to 350 colours; past the 256 a palette holds,
 * the extra ones are edge pixels seen a few dozen times (about 0.003% of the image), each within
 * a colour distance of 15 (of 441) of a kept colour. Mapping those to their nearest kept colour
 * is invisible and makes the PNG less than half the size and three times faster to deflate.
 * Anything beyond these bounds (a photo-like gradient) stays lossless RGBA.
 */
const MAX_MOVED_SHARE = 0.001;
const MAX_COLOUR_SHIFT = 32;

/** Squared distance between two colours held as little-endian RGB(A) words (red the low byte). */
function distance2(a: number, b: number): number {
  const r = (a & 0xff) - (b & 0xff);
  const g = ((a >>> 8) & 0xff) - ((b >>> 8) & 0xff);
  const bl = ((a >>> 16) & 0xff) - ((b >>> 16) & 0xff);
  return r * r + g * g + bl * bl;
}

/** Distinct colours looked at before giving up on a palette: far more than any chart has. */
const MAX_DISTINCT = 4096;

/**
 * Colour -> slot, open addressing on typed arrays. A pixel loop does a lookup at every colour
 * change (a few hundred thousand per chart, along anti-aliased edges), and a Map took 15 ms a
 * chart for them. Colours are keyed without their (always opaque) alpha byte.
 */
class ColourTable {
  private static readonly BITS = 14;
  readonly keys = new Int32Array(1 << ColourTable.BITS).fill(-1);
  readonly counts = new Float64Array(1 << ColourTable.BITS);
  readonly index = new Uint8Array(1 << ColourTable.BITS);
  size = 0;

  /** Empties the table for the next image (a worker encodes one image's pixels at a time). */
  clear(): void {
    this.keys.fill(-1);
    this.counts.fill(0);
    this.index.fill(0);
    this.size = 0;
  }

  /** The slot of colour `c` (24-bit), added if new; -1 when the table is full. */
  slot(c: number): number {
    const mask = (1 << ColourTable.BITS) - 1;
    for (let s = Math.imul(c, 0x9e3779b1) >>> (32 - ColourTable.BITS); ; s = (s + 1) & mask) {
      const k = this.keys[s]!;
      if (k === c) return s;
      if (k === -1) {
        if (this.size === MAX_DISTINCT) return -1;
        this.keys[s] = c;
        this.size++;
        return s;
      }
    }
  }
}

/**
 * The image as runs of one colour within a row: where each starts and its colour's slot in the
 * table, which also counts each colour's pixels. Undefined past MAX_DISTINCT colours.
 */
interface Runs {
  table: ColourTable;
  start: Int32Array;
  slot: Int32Array;
  count: number;
}

/**
 * Scratch space kept from image to image: the colour table and the run arrays are used only
 * while an image's pixels are read, which is synchronous, so one set serves every image. A chart
 * has about one run per ten pixels; busier images grow the arrays, and they stay grown.
 */
const scratch = { table: new ColourTable(), start: new Int32Array(1 << 16), slot: new Int32Array(1 << 16) };

/** Makes room in the run arrays for `size` runs, keeping the first `count`. */
function growRuns(size: number, count: number): void {
  const grown = new Int32Array(Math.max(scratch.start.length * 2, size));
  grown.set(scratch.start.subarray(0, count));
  const grownSlots = new Int32Array(grown.length);
  grownSlots.set(scratch.slot.subarray(0, count));
  scratch.start = grown;
  scratch.slot = grownSlots;
}

function runsOf(rgba: Buffer, width: number, height: number): Runs | undefined {
  const pixels = new Int32Array(rgba.buffer, rgba.byteOffset, width * height);
  const table = scratch.table;
  table.clear();
  let { start, slot } = scratch;
  let count = 0;
  // The runs of the row above: from this run to the current count.
  let above = 0;
  const row = width * 4;
  for (let y = 0; y < height; y++) {
    const first = count;
    const end = (y + 1) * width;
    // Most rows of a chart repeat the row above (plot background, bars, gaps between labels):
    // compared natively, such a row takes the runs above, one row on, with the same counts.
    if (y > 0 && rgba.compare(rgba, (y - 1) * row, y * row, y * row, (y + 1) * row) === 0) {
      if (count + first - above > start.length) {
        growRuns(count + first - above, count);
        ({ start, slot } = scratch);
      }
      for (let r = above; r < first; r++) {
        const from = start[r]! + width;
        const to = r + 1 < first ? start[r + 1]! + width : end;
        table.counts[slot[r]!]! += to - from;
        start[count] = from;
        slot[count++] = slot[r]!;
      }
      above = first;
      continue;
    }
    let from = y * width;
    let last = pixels[from]!;
    for (let i = from + 1; i <= end; i++) {
      const c = i < end ? pixels[i]! : ~last;
      if (c === last) continue;
      // Compared as whole pixels; keyed without the (always opaque) alpha byte.
      const s = table.slot(last & 0xffffff);
      if (s < 0) return undefined;
      if (count === start.length) {
        growRuns(count + 1, count);
        ({ start, slot } = scratch);
      }
      table.counts[s]! += i - from;
      start[count] = from;
      slot[count++] = s;
      from = i;
      last = c;
    }
    above = first;
  }
  return { table, start, slot, count };
}

/**
 * A palette of at most 256 colours, with every colour's palette index set in the table: the most
 * used colours, the rest mapped to their nearest kept colour; undefined when that would be visible.
 */
function paletteFor(table: ColourTable, pixelCount: number): number[] | undefined {
  const slots: number[] = [];
  table.keys.forEach((k, s) => k >= 0 && slots.push(s));
  // Most used first; ties by colour value, so the same pixels always give the same file.
  slots.sort((a, b) => table.counts[b]! - table.counts[a]! || table.keys[a]! - table.keys[b]!);
  const palette = slots.slice(0, 256).map((s) => table.keys[s]!);
  palette.forEach((_, k) => (table.index[slots[k]!] = k));
  let moved = 0;
  for (const s of slots.slice(256)) {
    moved += table.counts[s]!;
    let best = 0;
    let bestDistance = Infinity;
    for (let k = 0; k < palette.length; k++) {
      const d = distance2(table.keys[s]!, palette[k]!);
      if (d < bestDistance) [best, bestDistance] = [k, d];
    }
    if (bestDistance > MAX_COLOUR_SHIFT ** 2 || moved > pixelCount * MAX_MOVED_SHARE) return undefined;
    table.index[s] = best;
  }
  return palette;
}

/**
 * Row buffers whose deflate has finished, kept for the next image: each is the size of a chart's
 * rows (2 MB at slide width), which a worker would otherwise allocate and drop for every chart.
 */
const spareRows: Buffer[] = [];
const SPARE_ROWS = 2;

function takeRows(size: number): Buffer {
  const i = spareRows.findIndex((b) => b.length >= size);
  return (i >= 0 ? spareRows.splice(i, 1)[0]! : Buffer.allocUnsafeSlow(size)).subarray(0, size);
}

function giveBackRows(rows: Buffer): void {
  if (spareRows.length < SPARE_ROWS) spareRows.push(Buffer.from(rows.buffer, 0, rows.buffer.byteLength));
}

/**
 * Rows of palette indices (filter None), or undefined when the image needs true colour. Every
 * byte is written (the runs cover every pixel), so the buffer may come dirty from takeRows.
 */
function indexed(rgba: Buffer, width: number, height: number): { rows: Buffer; palette: Buffer } | undefined {
  const n = width * height;
  const runs = runsOf(rgba, width, height);
  if (!runs) return undefined;
  const colours = paletteFor(runs.table, n);
  if (!colours) return undefined;
  // Each row is a filter byte (0, None) and then its pixels, so pixel i lands at i + row + 1.
  const rows = takeRows((width + 1) * height);
  // Filled through a plain Uint8Array: Buffer's own fill() checks its arguments at every call.
  const bytes = new Uint8Array(rows.buffer, rows.byteOffset, rows.length);
  for (let y = 0; y < height; y++) bytes[y * (width + 1)] = 0;
  const { start, slot, count, table } = runs;
  for (let r = 0, row = 0, rowEnd = width; r < count; r++) {
    const from = start[r]!;
    while (from >= rowEnd) {
      row++;
      rowEnd += width;
    }
    const to = r + 1 < count ? start[r + 1]! : n;
    const at = from + row + 1;
    const index = table.index[slot[r]!]!;
    if (to - from > 32) bytes.fill(index, at, at + to - from);
    else for (let o = at, end = at + to - from; o < end; o++) bytes[o] = index;
  }
  const palette = Buffer.alloc(colours.length * 3);
  colours.forEach((c, k) => {
    palette[k * 3] = c & 0xff;
    palette[k * 3 + 1] = (c >>> 8) & 0xff;
    palette[k * 3 + 2] = (c >>> 16) & 0xff;
  });
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
    giveBackRows(small.rows);
    return Buffer.concat([SIGNATURE, chunk('IHDR', header(width, height, 3)), chunk('PLTE', small.palette), chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0))]);
  }
  const row = width * 4;
  const raw = Buffer.alloc((row + 1) * height);
  for (let y = 0; y < height; y++) rgba.copy(raw, y * (row + 1) + 1, y * row, (y + 1) * row);
  const idat = await deflateAsync(raw, { level });
  return Buffer.concat([SIGNATURE, chunk('IHDR', header(width, height, 6)), chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0))]);
}
