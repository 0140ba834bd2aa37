import { randomBytes } from 'node:crypto';
import { crc32, deflateRawSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { zip, ZipWriter, type ZipEntry } from '../../src/emit/zip.js';

const DATE = new Date('2012-07-31T10:20:30Z');

/**
 * The writer as it was before it streamed (one buffer per header, zlib's default chunks, one
 * concat at the end): the bytes every deck was checked against. The streaming writer must match it.
 */
function reference(entries: readonly ZipEntry[], level = 6): Buffer {
  const time = (10 << 11) | (20 << 5) | 15;
  const day = ((2012 - 1980) << 9) | (7 << 5) | 31;
  const pieces: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const body = entry.store ? Buffer.from(entry.data) : deflateRawSync(entry.data, { level });
    const head = (size: number, sig: number, at: number): Buffer => {
      const b = Buffer.alloc(size);
      b.writeUInt32LE(sig, 0);
      b.writeUInt16LE(20, 4);
      if (at === 8) b.writeUInt16LE(20, 6); // made by, then version needed
      b.writeUInt16LE(0x0800, at);
      b.writeUInt16LE(entry.store ? 0 : 8, at + 2);
      b.writeUInt16LE(time, at + 4);
      b.writeUInt16LE(day, at + 6);
      b.writeUInt32LE(crc32(entry.data), at + 8);
      b.writeUInt32LE(body.length, at + 12);
      b.writeUInt32LE(entry.data.length, at + 16);
      b.writeUInt16LE(name.length, at + 20);
      return b;
    };
    pieces.push(head(30, 0x04034b50, 6), name, body);
    const central = head(46, 0x02014b50, 8);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...pieces, directory, end]);
}

const xml = (n: number): Buffer => Buffer.from(Array.from({ length: n }, (_, i) => `<a:p><a:r><a:t>line ${i} of ${n}</a:t></a:r></a:p>`).join(''));

describe('zip', () => {
  it('writes the same bytes as the plain writer, for parts smaller and larger than zlib chunks', () => {
    const entries: ZipEntry[] = [
      { name: '[Content_Types].xml', data: xml(3) },
      { name: 'empty.xml', data: new Uint8Array(0) },
      { name: 'empty.png', data: new Uint8Array(0), store: true },
      // Larger than zlib's 16 KiB output chunk once deflated, compressible and not.
      { name: 'big.xml', data: xml(20_000) },
      { name: 'noise.bin', data: randomBytes(100_000) },
      { name: 'ppt/media/image1.png', data: randomBytes(3_000_000), store: true },
      { name: 'ünïcödé/名前.xml', data: Buffer.from('<a>中文 😀</a>') },
    ];
    const bytes = zip(entries, DATE);
    expect(Buffer.from(bytes).equals(reference(entries))).toBe(true);
    expect(Buffer.from(zip(entries, DATE, 1)).equals(reference(entries, 1))).toBe(true);
    const back = unzipSync(bytes);
    for (const e of entries) expect(Buffer.from(back[e.name]!).equals(Buffer.from(e.data))).toBe(true);
  });

  it('writes many parts across its blocks, in order, the same as the plain writer', () => {
    // ~5 MB of stored and deflated parts: several 1 MiB blocks, parts split across their edges.
    const entries: ZipEntry[] = Array.from({ length: 3_000 }, (_, i) => (i % 3 ? { name: `ppt/slides/slide${i}.xml`, data: xml(i % 50) } : { name: `ppt/media/m${i}.png`, data: randomBytes(4_000 + i), store: true }));
    const bytes = zip(entries, DATE);
    expect(Buffer.from(bytes).equals(reference(entries))).toBe(true);
    expect(Object.keys(unzipSync(bytes))).toEqual(entries.map((e) => e.name));
  });

  it('takes text as UTF-8, as Buffer.from does, whatever the order of long and short parts', () => {
    const texts = ['x'.repeat(200_000), '<a>é</a>', 'lone \uD800 surrogate', '😀'.repeat(30_000), ''];
    const writer = new ZipWriter(DATE);
    for (const [i, t] of texts.entries()) writer.add(`t${i}.xml`, t);
    const bytes = writer.finish();
    expect(Buffer.from(bytes).equals(reference(texts.map((t, i) => ({ name: `t${i}.xml`, data: Buffer.from(t, 'utf8') }))))).toBe(true);
  });

  it('returns a buffer of exactly the zip, holding nothing else', () => {
    const bytes = zip([{ name: 'a.xml', data: xml(10) }], DATE);
    expect(bytes.constructor).toBe(Uint8Array);
    expect(bytes.byteOffset).toBe(0);
    expect(bytes.buffer.byteLength).toBe(bytes.length);
    expect(zip([], DATE)).toHaveLength(22);
  });
});
