/**
 * Structural checks that decoding alone misses: the canvas decoder shows a PNG whose pixel data
 * is garbage or cut short as a partly blank picture rather than failing. A PNG must have intact
 * chunks (CRCs), end with IEND and inflate to exactly its rows; a JPEG must have its scan and end
 * marker.
 */
import { crc32, inflateSync } from 'node:zlib';

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

export function pngProblem(bytes: Uint8Array): string | undefined {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 8;
  const idat: Buffer[] = [];
  let header: { width: number; height: number; depth: number; colour: number; interlace: number } | undefined;
  let ended = false;
  while (at + 12 <= buf.length) {
    const length = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    if (at + 12 + length > buf.length) return `the ${type} chunk is cut short`;
    const data = buf.subarray(at + 8, at + 8 + length);
    if (crc32(data, crc32(buf.subarray(at + 4, at + 8))) !== buf.readUInt32BE(at + 8 + length)) return `the ${type} chunk is damaged (bad checksum)`;
    if (type === 'IHDR') header = { width: data.readUInt32BE(0), height: data.readUInt32BE(4), depth: data[8]!, colour: data[9]!, interlace: data[12]! };
    if (type === 'IDAT') idat.push(data);
    at += 12 + length;
    if (type === 'IEND') {
      ended = true;
      break;
    }
  }
  if (!header) return 'it has no header';
  if (!ended) return 'it is cut short (no end marker)';
  let pixels: Buffer;
  try {
    pixels = inflateSync(Buffer.concat(idat));
  } catch {
    return 'its pixel data is damaged';
  }
  const channels = CHANNELS[header.colour];
  if (channels === undefined) return 'its colour type is invalid';
  // Interlaced images store seven passes; only a plain image's size is easy to know exactly.
  const expected = header.interlace ? undefined : header.height * (1 + Math.ceil((header.width * channels * header.depth) / 8));
  if (expected !== undefined && pixels.length !== expected) return 'its pixel data is incomplete';
  return undefined;
}

export function jpegProblem(bytes: Uint8Array): string | undefined {
  let hasScan = false;
  for (let i = 2; i + 1 < bytes.length; i++) {
    if (bytes[i] === 0xff && bytes[i + 1] === 0xda) {
      hasScan = true;
      break;
    }
  }
  if (!hasScan) return 'it has no image data';
  // Some cameras pad after the end marker; it must be there, near the end.
  const tail = bytes.subarray(Math.max(0, bytes.length - 4096));
  for (let i = tail.length - 2; i >= 0; i--) if (tail[i] === 0xff && tail[i + 1] === 0xd9) return undefined;
  return 'it is cut short (no end marker)';
}
