/**
 * A minimal ZIP writer on Node's native zlib: deflates with the C library (JSZip's pure-JS
 * deflate was a fifth of a build) and gives every entry the same timestamp, so the same parts
 * always make the same bytes. Writes exactly what OPC packages need: no folders, no extras.
 *
 * Parts are deflated as they are added (or before, by a Deflater), and only their compressed
 * bytes are kept, packed into large blocks (zip-blocks.ts): a caller that adds parts one by one
 * and drops each never holds the whole uncompressed package. The zip is one exact-size buffer.
 */
import { crc32, deflateRawSync } from 'node:zlib';
import { Arena } from './zip-blocks.js';

export interface ZipEntry {
  name: string;
  data: Uint8Array;
  /** Store rather than deflate (for PNG and JPEG, which are compressed already). */
  store?: boolean;
}

/** MS-DOS date and time fields, from UTC so the bytes do not depend on the machine's time zone. */
function dosDateTime(given: Date): { time: number; day: number } {
  // MS-DOS dates run from 1980 to 2107: a date outside is clamped to the nearest end, whole.
  const date = new Date(Math.min(Math.max(given.getTime(), Date.UTC(1980, 0, 1)), Date.UTC(2107, 11, 31, 23, 59, 58)));
  const year = date.getUTCFullYear();
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2),
    day: ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

/**
 * zlib's sync API returns a slice of its output chunk (16 KiB by default), which keeps the whole
 * chunk alive as long as the slice: 16 KiB for every small part, 313 MiB at 5,000 slides. The
 * chunk is sized here to hold the whole output in one pass (deflate's worst case: stored blocks,
 * 5 bytes per 16 KiB; the 64 bytes also cover empty input and zlib's minimum chunk), and the
 * body is copied out at once, so the chunk is garbage as soon as the part is deflated. The size
 * of the chunk never changes the compressed bytes: zlib gives the same stream however its
 * output is split.
 */
const chunkFor = (size: number): number => size + (size >> 10) + 64;

/**
 * A part already deflated: its compressed bytes, with the checksum and size of what it holds.
 * It is a Uint8Array so it can wait in the parts map (parts.ts) beside parts not yet zipped.
 */
export class DeflatedPart extends Uint8Array {
  crc = 0;
  size = 0;
}

/** Deflates parts one at a time, keeping only their compressed bytes. */
export class Deflater {
  private readonly arena = new Arena();
  /** UTF-8 of the part being deflated, reused from part to part instead of one buffer each. */
  private scratch = Buffer.alloc(0);

  constructor(readonly level = 6) {}

  /** Text is deflated as UTF-8. Neither `data` nor anything made from it is kept. */
  deflate(data: string | Uint8Array): DeflatedPart {
    const bytes = typeof data === 'string' ? this.utf8(data) : data;
    const body = this.arena.keep(deflateRawSync(bytes, { level: this.level, chunkSize: chunkFor(bytes.length) }));
    // The arena's blocks are plain ArrayBuffers, never shared ones.
    const part = new DeflatedPart(body.buffer as ArrayBuffer, body.byteOffset, body.length);
    part.crc = crc32(bytes);
    part.size = bytes.length;
    return part;
  }

  private utf8(text: string): Buffer {
    // A UTF-16 code unit is at most 3 bytes of UTF-8.
    if (this.scratch.length < text.length * 3) this.scratch = Buffer.allocUnsafeSlow(Math.max(text.length * 3, 64 * 1024));
    return this.scratch.subarray(0, this.scratch.write(text, 'utf8'));
  }
}

interface Entry {
  name: Buffer;
  method: number;
  crc: number;
  size: number;
  body: Uint8Array;
}

/** Entries in the order they are added; the zip itself is made once, by finish(). */
export class ZipWriter {
  private readonly entries: Entry[] = [];
  private readonly deflater: Deflater;
  private readonly time: number;
  private readonly day: number;

  /** `level` deflates what is added as text or bytes; a DeflatedPart is taken as it is. */
  constructor(date: Date, level = 6) {
    ({ time: this.time, day: this.day } = dosDateTime(date));
    this.deflater = new Deflater(level);
  }

  add(name: string, data: string | Uint8Array, store = false): void {
    // A plain zip holds 65,535 entries; the outline's slide limit keeps decks well below that.
    if (this.entries.length === 0xffff) throw new Error('a package of more than 65,535 parts needs ZIP64, which deckgen does not write');
    const entry = { name: Buffer.from(name, 'utf8') };
    if (store && !(data instanceof DeflatedPart)) {
      const body = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      this.entries.push({ ...entry, method: 0, crc: crc32(body), size: body.length, body });
    } else {
      const part = data instanceof DeflatedPart ? data : this.deflater.deflate(data);
      this.entries.push({ ...entry, method: 8, crc: part.crc, size: part.size, body: part });
    }
  }

  /** The whole zip, in one buffer of exactly its size. The writer is spent. */
  finish(): Uint8Array {
    const { entries } = this;
    const start = entries.reduce((n, e) => n + 30 + e.name.length + e.body.length, 0);
    const directory = entries.reduce((n, e) => n + 46 + e.name.length, 0);
    // Zero-filled: the fields not written below (extra and comment lengths, attributes) are 0.
    const out = Buffer.alloc(start + directory + 22);
    let at = 0;
    let central = start;
    for (const e of entries) {
      out.writeUInt32LE(0x04034b50, at);
      out.writeUInt16LE(20, at + 4); // version needed: 2.0
      this.fields(out, at + 6, e);
      e.name.copy(out, at + 30);
      out.set(e.body, at + 30 + e.name.length);

      out.writeUInt32LE(0x02014b50, central);
      out.writeUInt16LE(20, central + 4); // made by: MS-DOS, 2.0
      out.writeUInt16LE(20, central + 6);
      this.fields(out, central + 8, e);
      out.writeUInt32LE(at, central + 42);
      e.name.copy(out, central + 46);
      at += 30 + e.name.length + e.body.length;
      central += 46 + e.name.length;
    }
    out.writeUInt32LE(0x06054b50, central);
    out.writeUInt16LE(entries.length, central + 8);
    out.writeUInt16LE(entries.length, central + 10);
    out.writeUInt32LE(directory, central + 12);
    out.writeUInt32LE(start, central + 16);
    entries.length = 0;
    return new Uint8Array(out.buffer, out.byteOffset, out.length);
  }

  /** The fields local and central headers share, from the flags to the name's length. */
  private fields(out: Buffer, at: number, e: Entry): void {
    out.writeUInt16LE(0x0800, at); // names are UTF-8
    out.writeUInt16LE(e.method, at + 2);
    out.writeUInt16LE(this.time, at + 4);
    out.writeUInt16LE(this.day, at + 6);
    out.writeUInt32LE(e.crc, at + 8);
    out.writeUInt32LE(e.body.length, at + 12);
    out.writeUInt32LE(e.size, at + 16);
    out.writeUInt16LE(e.name.length, at + 20);
  }
}

export function zip(entries: readonly ZipEntry[], date: Date, level = 6): Uint8Array {
  if (entries.length > 0xffff) throw new Error(`a package of ${entries.length} parts needs ZIP64, which deckgen does not write`);
  const writer = new ZipWriter(date, level);
  for (const entry of entries) writer.add(entry.name, entry.data, entry.store);
  return writer.finish();
}
