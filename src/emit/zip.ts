/**
 * A minimal ZIP writer on Node's native zlib: deflates with the C library (JSZip's pure-JS
 * deflate was a fifth of a build) and gives every entry the same timestamp, so the same parts
 * always make the same bytes. Writes exactly what OPC packages need: no folders, no extras.
 *
 * Entries are deflated as they are added, and only their compressed bytes are kept, packed into
 * large blocks (zip-blocks.ts): a caller that adds parts one by one and drops each after adding it
 * never holds the whole uncompressed package. The finished zip is one exact-size buffer.
 */
import { crc32, deflateRawSync } from 'node:zlib';
import { Blocks } from './zip-blocks.js';

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

/** What the central directory needs of an entry once its local header and body are written. */
interface Written {
  name: Buffer;
  method: number;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

/**
 * zlib's sync API returns a slice of its output chunk (16 KiB by default), which keeps the whole
 * chunk alive as long as the slice: 16 KiB for every small part, 313 MiB at 5,000 slides. The
 * chunk is sized here to hold the whole output in one pass (deflate's worst case: stored blocks,
 * 5 bytes per 16 KiB; the 64 bytes also cover empty input and zlib's minimum chunk), and the
 * body is copied out at once, so the chunk is garbage as soon as the entry is added. The size
 * of the chunk never changes the compressed bytes: zlib gives the same stream however its
 * output is split.
 */
const chunkFor = (size: number): number => size + (size >> 10) + 64;

export class ZipWriter {
  private readonly blocks = new Blocks();
  private readonly written: Written[] = [];
  private readonly time: number;
  private readonly day: number;
  /** UTF-8 of the part being added, and its local header: reused from part to part. */
  private scratch = Buffer.alloc(0);
  private readonly local = Buffer.alloc(30);

  constructor(
    date: Date,
    private readonly level = 6,
  ) {
    ({ time: this.time, day: this.day } = dosDateTime(date));
  }

  /** Adds one entry; text is written as UTF-8. Neither `data` nor anything made from it is kept. */
  add(name: string, data: string | Uint8Array, store = false): void {
    // A plain zip holds 65,535 entries; the outline's slide limit keeps decks well below that.
    if (this.written.length === 0xffff) throw new Error('a package of more than 65,535 parts needs ZIP64, which deckgen does not write');
    const bytes = typeof data === 'string' ? this.utf8(data) : data;
    const body = store ? bytes : deflateRawSync(bytes, { level: this.level, chunkSize: chunkFor(bytes.length) });
    const entry: Written = { name: Buffer.from(name, 'utf8'), method: store ? 0 : 8, crc: crc32(bytes), compressed: body.length, size: bytes.length, offset: this.blocks.length };
    const { local } = this;
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0
    local.writeUInt16LE(0x0800, 6); // names are UTF-8
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt16LE(this.time, 10);
    local.writeUInt16LE(this.day, 12);
    local.writeUInt32LE(entry.crc, 14);
    local.writeUInt32LE(entry.compressed, 18);
    local.writeUInt32LE(entry.size, 22);
    local.writeUInt16LE(entry.name.length, 26);
    local.writeUInt16LE(0, 28);
    this.blocks.append(local);
    this.blocks.append(entry.name);
    this.blocks.append(body);
    this.written.push(entry);
  }

  /** The whole zip, in one buffer of exactly its size. The writer is spent. */
  finish(): Uint8Array {
    const start = this.blocks.length;
    const directory = this.written.reduce((n, e) => n + 46 + e.name.length, 0);
    const out = this.blocks.drain(start + directory + 22);
    let at = start;
    for (const e of this.written) {
      out.writeUInt32LE(0x02014b50, at);
      out.writeUInt16LE(20, at + 4); // made by: MS-DOS, 2.0
      out.writeUInt16LE(20, at + 6);
      out.writeUInt16LE(0x0800, at + 8);
      out.writeUInt16LE(e.method, at + 10);
      out.writeUInt16LE(this.time, at + 12);
      out.writeUInt16LE(this.day, at + 14);
      out.writeUInt32LE(e.crc, at + 16);
      out.writeUInt32LE(e.compressed, at + 20);
      out.writeUInt32LE(e.size, at + 24);
      out.writeUInt16LE(e.name.length, at + 28);
      out.writeUInt32LE(e.offset, at + 42);
      e.name.copy(out, at + 46);
      at += 46 + e.name.length;
    }
    out.writeUInt32LE(0x06054b50, at);
    out.writeUInt16LE(this.written.length, at + 8);
    out.writeUInt16LE(this.written.length, at + 10);
    out.writeUInt32LE(directory, at + 12);
    out.writeUInt32LE(start, at + 16);
    this.written.length = 0;
    return new Uint8Array(out.buffer, out.byteOffset, out.length);
  }

  private utf8(text: string): Buffer {
    // A UTF-16 code unit is at most 3 bytes of UTF-8.
    if (this.scratch.length < text.length * 3) this.scratch = Buffer.allocUnsafeSlow(Math.max(text.length * 3, 64 * 1024));
    return this.scratch.subarray(0, this.scratch.write(text, 'utf8'));
  }
}

export function zip(entries: readonly ZipEntry[], date: Date, level = 6): Uint8Array {
  if (entries.length > 0xffff) throw new Error(`a package of ${entries.length} parts needs ZIP64, which deckgen does not write`);
  const writer = new ZipWriter(date, level);
  for (const entry of entries) writer.add(entry.name, entry.data, entry.store);
  return writer.finish();
}
