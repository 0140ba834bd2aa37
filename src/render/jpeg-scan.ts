/**
 * Walks a JPEG's entropy-coded data to the last block without decoding pixels: every Huffman code
 * of every block of every scan must be there and valid, with no marker where data should be, and
 * every component must have its DC and all 63 AC coefficients coded. A file cut mid-scan with an
 * end marker appended fails here, while the canvas decoder shows it as a grey band. Memory is one
 * bit per AC coefficient slot of a progressive image (64 bytes a block; none for a baseline one)
 * and time follows the file's size: a 40-megapixel photo is walked in well under a second.
 */

class Bad extends Error {}

interface Table {
  maxcode: Int32Array;
  valptr: Int32Array;
  mincode: Int32Array;
  values: Uint8Array;
}

interface Component {
  id: number;
  h: number;
  v: number;
  /** Blocks of the component alone (non-interleaved scans), and its coefficient bookkeeping. */
  cols: number;
  rows: number;
  nonzero?: Uint8Array;
  /** The finest successive-approximation bit coded so far for each coefficient (0: exact; 255: never). */
  precision: Uint8Array;
}

function huffman(counts: Uint8Array, values: Uint8Array): Table {
  const maxcode = new Int32Array(18).fill(-1);
  const valptr = new Int32Array(17);
  const mincode = new Int32Array(17);
  let code = 0;
  let k = 0;
  for (let l = 1; l <= 16; l++) {
    valptr[l] = k;
    mincode[l] = code;
    code += counts[l - 1]!;
    k += counts[l - 1]!;
    if (counts[l - 1]) maxcode[l] = code - 1;
    code <<= 1;
  }
  maxcode[17] = 0x7fffffff;
  if (k > values.length) throw new Bad();
  return { maxcode, valptr, mincode, values };
}

/** Bits of the entropy-coded data of one scan, from `at`; a marker or the end of file is an error. */
class Bits {
  private byte = 0;
  private left = 0;
  constructor(
    private readonly data: Uint8Array,
    public at: number,
  ) {}

  bit(): number {
    if (this.left === 0) {
      if (this.at >= this.data.length) throw new Bad();
      this.byte = this.data[this.at++]!;
      if (this.byte === 0xff) {
        if (this.data[this.at] !== 0x00) throw new Bad();
        this.at++;
      }
      this.left = 8;
    }
    return (this.byte >> --this.left) & 1;
  }

  bits(n: number): number {
    let v = 0;
    for (let i = 0; i < n; i++) v = (v << 1) | this.bit();
    return v;
  }

  decode(t: Table | undefined): number {
    if (!t) throw new Bad();
    let code = this.bit();
    let l = 1;
    while (code > t.maxcode[l]!) {
      code = (code << 1) | this.bit();
      if (++l > 16) throw new Bad();
    }
    const i = t.valptr[l]! + code - t.mincode[l]!;
    if (i >= t.values.length) throw new Bad();
    return t.values[i]!;
  }

  /** At a restart: drop the rest of the byte, then RSTn must follow. */
  restart(): void {
    this.left = 0;
    if (this.data[this.at] !== 0xff || (this.data[this.at + 1]! & 0xf8) !== 0xd0) throw new Bad();
    this.at += 2;
  }
}

interface Scan {
  comps: { c: Component; dc?: Table; ac?: Table }[];
  ss: number;
  se: number;
  ah: number;
  al: number;
}

function walkScan(bits: Bits, scan: Scan, frame: { mcusX: number; mcusY: number; progressive: boolean }, restart: number): void {
  const { comps, ss, se, ah } = scan;
  let eobrun = 0;
  const block = (c: Scan['comps'][number], index: number): void => {
    if (!frame.progressive) {
      const s = bits.decode(c.dc);
      if (s > 16) throw new Bad();
      bits.bits(s);
      for (let k = 1; k < 64; k++) {
        const rs = bits.decode(c.ac);
        const r = rs >> 4;
        const size = rs & 15;
        if (size === 0) {
          if (r !== 15) return;
          k += 15;
        } else {
          k += r;
          bits.bits(size);
        }
        if (k > 63) throw new Bad();
      }
      return;
    }
    if (ss === 0) {
      if (ah === 0) bits.bits(bits.decode(c.dc));
      else bits.bit();
      return;
    }
    const nz = c.c.nonzero!;
    const base = index * 64;
    let k = ss;
    if (ah === 0) {
      if (eobrun > 0) return void eobrun--;
      for (; k <= se; k++) {
        const rs = bits.decode(c.ac);
        const r = rs >> 4;
        const size = rs & 15;
        if (size === 0) {
          if (r < 15) {
            eobrun = (1 << r) - 1 + (r ? bits.bits(r) : 0);
            return;
          }
          k += 15;
        } else {
          k += r;
          if (k > se) throw new Bad();
          bits.bits(size);
          nz[base + k] = 1;
        }
      }
      return;
    }
    // Refinement: a correction bit for every coefficient already non-zero, as libjpeg reads them.
    if (eobrun === 0) {
      for (; k <= se; k++) {
        const rs = bits.decode(c.ac);
        let r = rs >> 4;
        const size = rs & 15;
        if (size === 0 && r < 15) {
          eobrun = (1 << r) + (r ? bits.bits(r) : 0);
          break;
        }
        if (size !== 0) {
          if (size !== 1) throw new Bad();
          bits.bit();
        }
        for (; k <= se; k++) {
          if (nz[base + k]) bits.bit();
          else if (--r < 0) break;
        }
        if (size !== 0) {
          if (k > se) throw new Bad();
          nz[base + k] = 1;
        }
      }
    }
    if (eobrun > 0) {
      for (; k <= se; k++) if (nz[base + k]) bits.bit();
      eobrun--;
    }
  };
  const single = comps.length === 1;
  const units = single ? comps[0]!.c.cols * comps[0]!.c.rows : frame.mcusX * frame.mcusY;
  for (let u = 0; u < units; u++) {
    if (restart && u > 0 && u % restart === 0) {
      bits.restart();
      eobrun = 0;
    }
    if (single) block(comps[0]!, u);
    else for (const c of comps) for (let i = 0; i < c.c.h * c.c.v; i++) block(c, 0);
  }
}

/** Undefined when every block of every scan is there; else what is wrong, for the message. */
export function jpegScanProblem(data: Uint8Array): string | undefined {
  try {
    return walk(data);
  } catch (e) {
    if (e instanceof Bad || e instanceof RangeError) return 'its image data is incomplete or damaged';
    throw e;
  }
}

function walk(d: Uint8Array): string | undefined {
  const u16 = (i: number): number => (d[i]! << 8) | d[i + 1]!;
  const dcTables: (Table | undefined)[] = [];
  const acTables: (Table | undefined)[] = [];
  let comps: Component[] = [];
  let frame: { mcusX: number; mcusY: number; progressive: boolean } | undefined;
  let restart = 0;
  let at = 2;
  for (;;) {
    while (d[at] === 0xff && d[at + 1] === 0xff) at++;
    if (at + 1 >= d.length || d[at] !== 0xff) throw new Bad();
    const marker = d[at + 1]!;
    if (marker === 0xd9) break;
    if (marker >= 0xd0 && marker <= 0xd7) throw new Bad();
    const length = u16(at + 2);
    const body = d.subarray(at + 4, at + 2 + length);
    if (length < 2 || body.length !== length - 2) throw new Bad();
    if (marker === 0xc4) {
      for (let i = 0; i < body.length; ) {
        const counts = body.subarray(i + 1, i + 17);
        const n = counts.reduce((a, b) => a + b, 0);
        const table = huffman(counts, body.subarray(i + 17, i + 17 + n));
        (body[i]! >> 4 ? acTables : dcTables)[body[i]! & 15] = table;
        i += 17 + n;
      }
    } else if (marker === 0xdd) restart = u16(at + 4);
    else if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (marker !== 0xc0 && marker !== 0xc1 && marker !== 0xc2) return 'it uses a JPEG coding deckgen cannot check (lossless, hierarchical or arithmetic); save it as a baseline or progressive JPEG';
      const height = u16(at + 5);
      const width = u16(at + 7);
      const n = body[5]!;
      const raw = Array.from({ length: n }, (_, i) => ({ id: body[6 + i * 3]!, h: body[7 + i * 3]! >> 4, v: body[7 + i * 3]! & 15 }));
      const hmax = Math.max(...raw.map((c) => c.h));
      const vmax = Math.max(...raw.map((c) => c.v));
      if (!width || !height || !n || raw.some((c) => c.h < 1 || c.v < 1 || c.h > 4 || c.v > 4)) throw new Bad();
      const progressive = marker === 0xc2;
      comps = raw.map((c) => {
        const cols = Math.ceil(Math.ceil((width * c.h) / hmax) / 8);
        const rows = Math.ceil(Math.ceil((height * c.v) / vmax) / 8);
        return { ...c, cols, rows, precision: new Uint8Array(64).fill(255), ...(progressive ? { nonzero: new Uint8Array(cols * rows * 64) } : {}) };
      });
      frame = { mcusX: Math.ceil(width / (8 * hmax)), mcusY: Math.ceil(height / (8 * vmax)), progressive };
    } else if (marker === 0xda) {
      if (!frame) throw new Bad();
      const n = body[0]!;
      const scan: Scan = {
        comps: Array.from({ length: n }, (_, i) => {
          const c = comps.find((x) => x.id === body[1 + i * 2]);
          if (!c) throw new Bad();
          return { c, dc: dcTables[body[2 + i * 2]! >> 4], ac: acTables[body[2 + i * 2]! & 15] };
        }),
        ss: body[1 + n * 2]!,
        se: body[2 + n * 2]!,
        ah: body[3 + n * 2]! >> 4,
        al: body[3 + n * 2]! & 15,
      };
      if (scan.se > 63 || scan.ss > scan.se || (frame.progressive && scan.ss > 0 && n !== 1)) throw new Bad();
      const bits = new Bits(d, at + 2 + length);
      walkScan(bits, scan, frame, restart);
      // A sequential scan codes every coefficient exactly; a progressive one a band, to bit `al`.
      const [from, to] = frame.progressive ? [scan.ss, scan.se] : [0, 63];
      for (const { c } of scan.comps) for (let k = from; k <= to; k++) c.precision[k] = Math.min(c.precision[k]!, frame.progressive ? scan.al : 0);
      at = bits.at;
      // Padding bits end the byte; fill bytes (0xFF) may come before the next marker.
      while (at < d.length && !(d[at] === 0xff && d[at + 1] !== 0x00 && d[at + 1] !== 0xff)) {
        if (d[at] !== 0xff) throw new Bad();
        at++;
      }
      continue;
    }
    at += 2 + length;
  }
  if (!frame) return 'it has no frame header';
  // A progressive file cut between scans, with an end marker appended, lacks bands or their last bits.
  if (comps.some((c) => c.precision.some((p) => p !== 0))) return 'its image data is incomplete (some scans are missing)';
  return undefined;
}
