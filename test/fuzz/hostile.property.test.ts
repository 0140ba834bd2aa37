// Generated hostile inputs for the checks issue 15 added (npm test runs a few hundred of each;
// npm run fuzz runs FUZZ_RUNS): damaged images are refused and never crash the check, CSV numbers
// are read only as plain decimals, impossible dates are refused, paths stay confined.
import path from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isInside } from '../../src/confine.js';
import { FormulaError, inlineDerivedProblems } from '../../src/figures/derive.js';
import { csvNumber } from '../../src/load/csv.js';
import { readDate } from '../../src/load/dates.js';
import { jpegProblem, pngProblem } from '../../src/render/image-check.js';
import { pngChunk, pngFrom, rgbRows } from './png.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const W = 23;
const H = 17;

const jpeg = (() => {
  const c = createCanvas(64, 48);
  const g = c.getContext('2d');
  for (let x = 0; x < 64; x += 4) (g.fillStyle = `rgb(${x * 4},${255 - x * 3},${(x * 9) % 255})`), g.fillRect(x, 0, 4, 48);
  return c.encodeSync('jpeg', 85);
})();

describe('image checks on damaged images', () => {
  it('refuse pixel data cut anywhere, plain or interlaced', async () => {
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fc.double({ min: 0, max: 0.999, noNaN: true }), async (interlace, share) => {
        const rows = rgbRows(W, H, interlace);
        const cut = rows.subarray(0, Math.floor(rows.length * share));
        expect(await pngProblem(pngFrom({ width: W, height: H, interlace: interlace ? 1 : 0 }, cut))).toMatch(/incomplete|no pixel data|damaged/);
      }),
      { numRuns: RUNS },
    );
  });

  it('refuse a filter type that does not exist in any row of any pass, and extra data', async () => {
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fc.nat(), fc.integer({ min: 5, max: 255 }), fc.integer({ min: 1, max: 5000 }), async (interlace, row, filter, extra) => {
        const rows = Buffer.from(rgbRows(W, H, interlace));
        // The offsets of the filter bytes: walk the rows as the check does.
        const starts: number[] = [];
        for (let at = 0; at < rows.length; ) {
          starts.push(at);
          // Rows are filter byte + 3 bytes a pixel; find the next by the stored zero filter bytes and fill 0x80.
          let next = at + 1;
          while (next < rows.length && rows[next] !== 0) next++;
          at = next;
        }
        const bad = Buffer.from(rows);
        bad[starts[row % starts.length]!] = filter;
        const h = { width: W, height: H, interlace: interlace ? 1 : 0 };
        expect(await pngProblem(pngFrom(h, bad))).toMatch(new RegExp(`filter type ${filter}`));
        expect(await pngProblem(pngFrom(h, Buffer.concat([rows, Buffer.alloc(extra)])))).toMatch(/larger than its size/);
      }),
      { numRuns: RUNS },
    );
  });

  it('never throw, whatever bytes of a PNG or JPEG are changed', async () => {
    const good = pngFrom({ width: W, height: H, interlace: 1 }, rgbRows(W, H, true), pngChunk('tEXt', Buffer.from('a\0b')));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }), fc.nat(), async (flips, cut) => {
        for (const base of [good, jpeg]) {
          const bytes = Buffer.from(base);
          for (const [at, value] of flips) bytes[at % bytes.length] = value;
          const damaged = cut % 3 === 0 ? bytes.subarray(0, cut % bytes.length) : bytes;
          const problem = base === good ? await pngProblem(damaged) : jpegProblem(damaged);
          expect(problem === undefined || typeof problem === 'string').toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('refuse a JPEG cut anywhere in its scan with an end marker appended', () => {
    const scan = jpeg.indexOf(Buffer.from([0xff, 0xda]));
    fc.assert(
      fc.property(fc.integer({ min: scan + 14, max: jpeg.length - 3 }), (at) => {
        expect(jpegProblem(Buffer.concat([jpeg.subarray(0, at), Buffer.from([0xff, 0xd9])]))).toBeDefined();
      }),
      { numRuns: RUNS },
    );
  });
});

describe('CSV numbers', () => {
  it('read every number as JavaScript writes it, and with thousands separators', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: -1e12, max: 1e12 }), (x, n) => {
        expect(csvNumber(String(x))).toBe(x === 0 ? 0 : x);
        const grouped = String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
        expect(csvNumber(`${n < 0 ? '-' : ''}${grouped}`)).toBe(n === 0 ? 0 : n);
      }),
      { numRuns: RUNS },
    );
  });

  it('accept nothing but plain decimals from any string of number-like characters', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...'0123456789,.-+eExXbBoO _'), { maxLength: 12 }), (chars) => {
        const text = chars.join('');
        const value = csvNumber(text);
        if (value === undefined) return;
        expect(text).not.toMatch(/[xXbBoO _]/);
        expect(value).toBe(Number(text.replace(/,/g, '')));
        // Commas only between groups of three digits, after a first group of one to three.
        const int = text.replace(/^[-+]/, '').split(/[.eE]/)[0]!;
        if (int.includes(',')) expect(int).toMatch(/^[1-9]\d{0,2}(,\d{3})+$/);
      }),
      { numRuns: RUNS * 5 },
    );
  });
});

describe('dates', () => {
  it('refuse exactly the days a month does not have', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 2200 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
        const real = new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;
        const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        expect(readDate(iso).error === undefined, iso).toBe(real);
      }),
      { numRuns: RUNS * 5 },
    );
  });
});

describe('confinement', () => {
  it('calls a path inside exactly when it resolves under the folder, names starting with ".." included', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('..', '.', 'a', '..a', 'a..', '...', 'b'), { maxLength: 6 }), (segments) => {
        const root = path.resolve('/p/q');
        const resolved = path.resolve(root, ...segments);
        expect(isInside(root, resolved)).toBe(resolved === root || resolved.startsWith(`${root}${path.sep}`));
      }),
      { numRuns: RUNS * 5 },
    );
  });
});

describe('inline derived figures', () => {
  it('report problems in any text without throwing anything but their own errors', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('{{', '}}', '{', '}', '|', ' ', '1', '/', '0', '(', ')', '-', '0.0', '%', 'x'), { maxLength: 40 }), (parts) => {
        try {
          inlineDerivedProblems(parts.join(''));
        } catch (e) {
          expect(e).toBeInstanceOf(FormulaError);
        }
      }),
      { numRuns: RUNS * 5 },
    );
  });
});
