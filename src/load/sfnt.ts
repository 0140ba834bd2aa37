/**
 * Advance widths straight from a font file's own tables: TrueType or OpenType (CFF), bare or in a
 * WOFF (zlib) or WOFF2 (Brotli) wrapper. Only `head` (units per em), `hhea` and `maxp` (how many
 * metrics), `hmtx` (the advances) and `cmap` (character to glyph) are read; node:zlib decompresses
 * both wrappers, so no font library is needed. Pure: bytes in, widths out.
 */
import { brotliDecompressSync, inflateSync } from 'node:zlib';

/** Thrown for a file that is not a font deckgen can read; the message says why. */
export class FontFileError extends Error {}

type Tables = Map<string, Uint8Array>;

const view = (b: Uint8Array): DataView => new DataView(b.buffer, b.byteOffset, b.byteLength);
const tag = (d: DataView, at: number): string => String.fromCharCode(d.getUint8(at), d.getUint8(at + 1), d.getUint8(at + 2), d.getUint8(at + 3));

/** A bare font's tables; `start` is where its directory begins (a collection's first font, or 0). */
function sfntTables(b: Uint8Array, start = 0): Tables {
  const d = view(b);
  const n = d.getUint16(start + 4);
  const out: Tables = new Map();
  for (let i = 0; i < n; i++) {
    const at = start + 12 + 16 * i;
    const off = d.getUint32(at + 8);
    const len = d.getUint32(at + 12);
    if (off + len > b.length) throw new FontFileError(`its table directory points past the end of the file`);
    out.set(tag(d, at), b.subarray(off, off + len));
  }
  return out;
}

function woffTables(b: Uint8Array): Tables {
  const d = view(b);
  const n = d.getUint16(12);
  const out: Tables = new Map();
  for (let i = 0; i < n; i++) {
    const at = 44 + 20 * i;
    const off = d.getUint32(at + 4);
    const comp = d.getUint32(at + 8);
    const orig = d.getUint32(at + 12);
    if (off + comp > b.length) throw new FontFileError(`its table directory points past the end of the file`);
    const raw = b.subarray(off, off + comp);
    out.set(tag(d, at), comp < orig ? new Uint8Array(inflateSync(raw)) : raw);
  }
  return out;
}

/** WOFF2's known-table tags, by the index its directory uses for them. */
const WOFF2_TAGS = (
  'cmap head hhea hmtx maxp name OS/2 post cvt_ fpgm glyf loca prep CFF_ VORG EBDT EBLC gasp hdmx kern LTSH PCLT VDMX vhea vmtx BASE GDEF GPOS GSUB ' +
  'EBSC JSTF MATH CBDT CBLC COLR CPAL SVG_ sbix acnt avar bdat bloc bsln cvar fdsc feat fmtx fvar gvar hsty just lcar mort morx opbd prop trak Zapf Silf Glat Gloc Feat Sill'
)
  .split(' ')
  .map((t) => t.replace('_', ' '));

function woff2Tables(b: Uint8Array): Tables {
  const d = view(b);
  if (tag(d, 4) === 'ttcf') throw new FontFileError('it is a font collection; give one font of it as its own file');
  const n = d.getUint16(12);
  let at = 48;
  const base128 = (): number => {
    let v = 0;
    for (let i = 0; i < 5; i++) {
      const byte = d.getUint8(at++);
      v = v * 128 + (byte & 0x7f);
      if (!(byte & 0x80)) return v;
    }
    throw new FontFileError('its WOFF2 table directory is damaged');
  };
  const entries: { tag: string; length: number; transform: number }[] = [];
  for (let i = 0; i < n; i++) {
    const flags = d.getUint8(at++);
    const known = flags & 0x3f;
    const name = known === 0x3f ? tag(d, (at += 4) - 4) : WOFF2_TAGS[known];
    if (!name) throw new FontFileError('its WOFF2 table directory is damaged');
    const orig = base128();
    const transform = (flags >> 6) & 3;
    // glyf and loca are transformed at version 0; every other table at any version but 0.
    const transformed = name === 'glyf' || name === 'loca' ? transform === 0 : transform !== 0;
    entries.push({ tag: name, length: transformed ? base128() : orig, transform: transformed ? transform : -1 });
  }
  const compressed = d.getUint32(20);
  const data = new Uint8Array(brotliDecompressSync(b.subarray(at, at + compressed)));
  const out: Tables = new Map();
  let off = 0;
  for (const e of entries) {
    out.set(e.tag, data.subarray(off, off + e.length));
    // A transformed hmtx keeps its advances first, after one flags byte: store them as plain hmtx.
    if (e.tag === 'hmtx' && e.transform > 0) out.set('hmtx', transformedHmtx(data.subarray(off + 1, off + e.length)));
    off += e.length;
  }
  return out;
}

/** The advances of a transformed hmtx, laid out as a plain one (with zero side bearings). */
function transformedHmtx(advances: Uint8Array): Uint8Array {
  const out = new Uint8Array(advances.length * 2);
  for (let i = 0; i + 1 < advances.length; i += 2) out.set(advances.subarray(i, i + 2), i * 2);
  return out;
}

function tablesOf(b: Uint8Array): Tables {
  if (b.length < 12) throw new FontFileError('it is too short to be a font');
  const sig = tag(view(b), 0);
  if (sig === 'wOFF') return woffTables(b);
  if (sig === 'wOF2') return woff2Tables(b);
  // A collection (.ttc, such as msyh.ttc): the first font, the one its name is for.
  if (sig === 'ttcf') return sfntTables(b, view(b).getUint32(12));
  if (sig === 'OTTO' || sig === 'true' || sig === '\0\u0001\0\0') return sfntTables(b);
  throw new FontFileError('it is not a TrueType, OpenType, WOFF or WOFF2 font');
}

/** Character to glyph, from the best Unicode cmap subtable (format 12, else format 4). */
function glyphLookup(cmap: Uint8Array): (cp: number) => number {
  const d = view(cmap);
  const subtables: { platform: number; encoding: number; offset: number; format: number }[] = [];
  for (let i = 0; i < d.getUint16(2); i++) {
    const at = 4 + 8 * i;
    const offset = d.getUint32(at + 4);
    subtables.push({ platform: d.getUint16(at), encoding: d.getUint16(at + 2), offset, format: d.getUint16(offset) });
  }
  const unicode = (s: (typeof subtables)[number]): boolean => s.platform === 0 || (s.platform === 3 && (s.encoding === 1 || s.encoding === 10));
  const best = subtables.find((s) => unicode(s) && s.format === 12) ?? subtables.find((s) => unicode(s) && s.format === 4);
  if (!best) throw new FontFileError('it has no Unicode character map');
  const o = best.offset;
  if (best.format === 12) {
    const groups = d.getUint32(o + 12);
    return (cp) => {
      for (let g = 0; g < groups; g++) {
        const at = o + 16 + 12 * g;
        const start = d.getUint32(at);
        if (cp >= start && cp <= d.getUint32(at + 4)) return d.getUint32(at + 8) + cp - start;
      }
      return 0;
    };
  }
  const segs = d.getUint16(o + 6) / 2;
  const ends = o + 14;
  const starts = ends + 2 * segs + 2;
  const deltas = starts + 2 * segs;
  const ranges = deltas + 2 * segs;
  return (cp) => {
    if (cp > 0xffff) return 0;
    for (let s = 0; s < segs; s++) {
      if (cp > d.getUint16(ends + 2 * s)) continue;
      const start = d.getUint16(starts + 2 * s);
      if (cp < start) return 0;
      const delta = d.getUint16(deltas + 2 * s);
      const range = d.getUint16(ranges + 2 * s);
      if (range === 0) return (cp + delta) & 0xffff;
      const gid = d.getUint16(ranges + 2 * s + range + 2 * (cp - start));
      return gid === 0 ? 0 : (gid + delta) & 0xffff;
    }
    return 0;
  };
}

export interface FontWidths {
  /** Advance of a character in thousandths of an em; undefined when the font has no glyph for it. */
  width(cp: number): number | undefined;
}

/** Reads a font file's advance widths. Throws FontFileError for anything that is not a usable font. */
export function fontWidths(bytes: Uint8Array): FontWidths {
  let tables: Tables;
  try {
    tables = tablesOf(bytes);
  } catch (e) {
    if (e instanceof FontFileError) throw e;
    throw new FontFileError(`it is damaged (${e instanceof Error ? e.message : String(e)})`);
  }
  const need = (name: string, min: number): DataView => {
    const t = tables.get(name);
    if (!t || t.length < min) throw new FontFileError(`it has no usable "${name.trim()}" table`);
    return view(t);
  };
  try {
    const unitsPerEm = need('head', 54).getUint16(18);
    const metrics = need('hhea', 36).getUint16(34);
    const hmtx = need('hmtx', 4 * Math.max(1, metrics));
    const glyphs = need('maxp', 6).getUint16(4);
    if (!unitsPerEm || !metrics) throw new FontFileError('its metrics are empty');
    const lookup = glyphLookup(tables.get('cmap') ?? new Uint8Array(0));
    return {
      width(cp) {
        const gid = lookup(cp);
        if (gid === 0 || gid >= glyphs) return undefined;
        const adv = hmtx.getUint16(4 * Math.min(gid, metrics - 1));
        return Math.round((adv * 1000) / unitsPerEm);
      },
    };
  } catch (e) {
    if (e instanceof FontFileError) throw e;
    throw new FontFileError(`it is damaged (${e instanceof Error ? e.message : String(e)})`);
  }
}
