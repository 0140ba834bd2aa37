/**
 * Images the outline names (the theme logo, image slides): read once, checked to be real PNG or
 * JPEG files inside the outline's folder, and measured so the plan can keep their aspect ratio.
 */
import { readConfined } from '../confine.js';
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import type { Outline } from '../load/load.js';
import { jpegProblem, pngProblem } from './image-check.js';
import type { Renderer } from './renderer.js';

export interface ImageAsset {
  width: number;
  height: number;
  /** Absolute path of the file. */
  path: string;
  data: Uint8Array;
  mime: 'image/png' | 'image/jpeg';
}

export type ImageAssets = Map<string, ImageAsset>;

const MAX_SIDE = 10_000;
const MAX_PIXELS = 40_000_000;
const MAX_BYTES = 50 * 1024 * 1024;

/** Every image the outline names, with where it sits in the outline, also on slides with other problems. */
function references(outline: Outline): { ref: string; at: PropertyKey[] }[] {
  return outline.files.filter((f) => f.kind === 'image');
}

/** Type and pixel size from the file's header: PNG's IHDR, or JPEG's first start-of-frame. */
export function sniff(bytes: Uint8Array): { mime: ImageAsset['mime']; width: number; height: number } | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length >= 24 && view.getUint32(0) === 0x89504e47 && view.getUint32(12) === 0x49484452) {
    return { mime: 'image/png', width: view.getUint32(16), height: view.getUint32(20) };
  }
  if (bytes.length < 4 || view.getUint16(0) !== 0xffd8) return undefined;
  for (let i = 2; i + 9 < bytes.length; ) {
    if (bytes[i] !== 0xff) return undefined;
    const marker = bytes[i + 1]!;
    const length = view.getUint16(i + 2);
    // SOF0-SOF15 carry the size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but do not.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { mime: 'image/jpeg', height: view.getUint16(i + 5), width: view.getUint16(i + 7) };
    }
    i += 2 + length;
  }
  return undefined;
}

/** Every image the outline names, read, checked and fully decoded: problems reported at their lines. */
export async function readImages(outline: Outline, renderer: Renderer): Promise<{ images: ImageAssets; diagnostics: Diagnostic[] }> {
  const read = await readImagesEarly(outline, renderer);
  const late = await read.decoding;
  return { images: read.images, diagnostics: [...read.diagnostics, ...late] };
}

/**
 * readImages in two steps, for the build: the files read and checked by deckgen's own PNG and JPEG
 * checks now, and the canvas's full decode (in the render worker, which may still be starting) as
 * `decoding`, so the build plans while it runs. An image that fails it is removed from `images`
 * and reported; the build then stops with every problem, as if it had been found first.
 */
export async function readImagesEarly(outline: Outline, renderer: Renderer): Promise<{ images: ImageAssets; diagnostics: Diagnostic[]; decoding: Promise<Diagnostic[]> }> {
  const images: ImageAssets = new Map();
  const diagnostics: Diagnostic[] = [];
  const decodes: Promise<Diagnostic[]>[] = [];
  /** Where each image whose decode is pending is named: a failed decode is reported at each place. */
  const places = new Map<string, PropertyKey[][]>();
  for (const { ref, at } of references(outline)) {
    if (images.has(ref)) {
      places.get(ref)?.push(at);
      continue;
    }
    const fail = (message: string, hint: string): void => {
      diagnostics.push(diagnostic(outline.file, 'image', message, { ...outline.locate(at), hint }));
    };
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(ref)) {
      fail(`"${ref}" is a URL; deckgen never fetches from the network`, 'download the image into assets/ and give its path');
      continue;
    }
    const read = await readConfined(outline.dir, ref, MAX_BYTES);
    if ('problem' in read) {
      if (read.problem === 'missing') fail(`image "${ref}" not found`, `paths are relative to the outline's folder (${outline.dir})`);
      else if (read.problem === 'outside') fail(`image "${ref}" lies outside the outline's folder`, "copy it into the outline's assets/ folder");
      else if (read.problem === 'not-a-file') fail(`"${ref}" is not a file`, 'give the path of a PNG or JPEG image');
      else fail(`image "${ref}" is ${(read.size / 1024 / 1024).toFixed(0)} MB, too large to embed`, 'export it smaller; slide images rarely need more than 2 MB');
      continue;
    }
    const { real } = read;
    const data = new Uint8Array(read.data.buffer, read.data.byteOffset, read.data.byteLength);
    const header = sniff(data);
    if (!header) {
      fail(`"${ref}" is not a PNG or JPEG image`, 'convert it to PNG or JPEG');
      continue;
    }
    // Checked before decoding: a 20,000 x 20,000 image would need 1.6 GB of pixels to decode.
    if (header.width > MAX_SIDE || header.height > MAX_SIDE || header.width * header.height > MAX_PIXELS) {
      fail(`image "${ref}" is ${header.width} x ${header.height} px, more than a slide can show (at most ${MAX_SIDE} px a side, ${MAX_PIXELS / 1e6} megapixels)`, 'scale it down to about 4000 px wide; a full slide at 2x needs 2560 px');
      continue;
    }
    const damage = header.mime === 'image/png' ? await pngProblem(data) : jpegProblem(data);
    if (damage) {
      fail(`image "${ref}" is damaged: ${damage}`, 'export it again from the program that made it');
      continue;
    }
    const damaged = (where: PropertyKey[]): Diagnostic => diagnostic(outline.file, 'image', `image "${ref}" is damaged and cannot be decoded`, { ...outline.locate(where), hint: 'export it again from the program that made it' });
    if (!header.width || !header.height) {
      diagnostics.push(damaged(at));
      continue;
    }
    images.set(ref, { width: header.width, height: header.height, path: real, data, mime: header.mime });
    places.set(ref, [at]);
    const check = renderer.decodes(data).then((ok) => {
      if (ok) return [];
      images.delete(ref);
      return places.get(ref)!.map(damaged);
    });
    // Handled at once: the worker may fail while later images are still being read, before
    // Promise.all below is there to take the rejection (it still rejects the build).
    check.catch(() => undefined);
    decodes.push(check);
  }
  const decoding = Promise.all(decodes).then((found) => found.flat());
  decoding.catch(() => undefined);
  return { images, diagnostics, decoding };
}
