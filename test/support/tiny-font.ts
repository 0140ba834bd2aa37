/**
 * A tiny TrueType font written from scratch for tests: only the tables deckgen reads (head, hhea,
 * maxp, hmtx, cmap format 4), with advances the test chooses, so the reader is checked against
 * numbers that do not come from the reader.
 */
const u16 = (v: number): number[] => [(v >> 8) & 0xff, v & 0xff];
const u32 = (v: number): number[] => [...u16(v >>> 16), ...u16(v & 0xffff)];

/** `advances`: characters and their advance in font units; glyph 0 is .notdef. */
export function tinyFont(advances: ReadonlyMap<string, number>, unitsPerEm = 2048): Uint8Array {
  const chars = [...advances.keys()].map((c) => c.codePointAt(0)!).sort((a, b) => a - b);
  const glyphs = chars.length + 1;
  const head = [...u32(0x10000), ...u32(0), ...u32(0), ...u32(0x5f0f3cf5), ...u16(0), ...u16(unitsPerEm), ...new Array(54 - 20).fill(0)];
  const hhea = [...u32(0x10000), ...new Array(30).fill(0), ...u16(glyphs)];
  const maxp = [...u32(0x5000), ...u16(glyphs)];
  const hmtx = [0, 0, 0, 0, ...chars.flatMap((cp) => [...u16(advances.get(String.fromCodePoint(cp))!), 0, 0])];
  // cmap format 4: one segment per character (delta maps it to its glyph), then the 0xFFFF end segment.
  const segs = chars.length + 1;
  const ends = [...chars, 0xffff];
  const starts = [...chars, 0xffff];
  const deltas = [...chars.map((cp, i) => (i + 1 - cp) & 0xffff), 1];
  const sub = [...u16(4), ...u16(16 + 8 * segs), ...u16(0), ...u16(segs * 2), 0, 0, 0, 0, 0, 0, ...ends.flatMap(u16), 0, 0, ...starts.flatMap(u16), ...deltas.flatMap(u16), ...new Array(segs).fill(0).flatMap(() => u16(0))];
  const cmap = [...u16(0), ...u16(1), ...u16(3), ...u16(1), ...u32(12), ...sub];
  const tables: [string, number[]][] = [
    ['cmap', cmap],
    ['head', head],
    ['hhea', hhea],
    ['hmtx', hmtx],
    ['maxp', maxp],
  ];
  const out: number[] = [...u32(0x10000), ...u16(tables.length), 0, 0, 0, 0, 0, 0];
  let offset = 12 + 16 * tables.length;
  const body: number[] = [];
  for (const [tag, data] of tables) {
    out.push(...[...tag].map((c) => c.charCodeAt(0)), ...u32(0), ...u32(offset), ...u32(data.length));
    const padded = [...data, ...new Array((4 - (data.length % 4)) % 4).fill(0)];
    body.push(...padded);
    offset += padded.length;
  }
  return new Uint8Array([...out, ...body]);
}
