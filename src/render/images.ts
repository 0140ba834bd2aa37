/**
 * Images the outline names (the theme logo, image slides): read once, checked to be real PNG or
 * JPEG files inside the outline's folder, and measured so the plan can keep their aspect ratio.
 */
import '../no-system-fonts.js';
import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { loadImage } from '@napi-rs/canvas';
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import type { Outline } from '../load/load.js';

export interface ImageAsset {
  width: number;
  height: number;
  /** Absolute path of the file. */
  path: string;
  data: Uint8Array;
  mime: 'image/png' | 'image/jpeg';
}

export type ImageAssets = Map<string, ImageAsset>;

/** Every image reference with where it sits in the outline, for error messages. */
function references(outline: Outline): { ref: string; at: PropertyKey[] }[] {
  const refs: { ref: string; at: PropertyKey[] }[] = [];
  if (outline.theme.logo) refs.push({ ref: outline.theme.logo, at: ['theme', 'logo'] });
  for (const s of outline.slides) if (s.layout === 'image') refs.push({ ref: s.image.path, at: ['slides', s.index, 'image', 'path'] });
  return refs;
}

function sniff(bytes: Uint8Array): ImageAsset['mime'] | undefined {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return undefined;
}

export async function readImages(outline: Outline): Promise<{ images: ImageAssets; diagnostics: Diagnostic[] }> {
  const images: ImageAssets = new Map();
  const diagnostics: Diagnostic[] = [];
  const root = await realpath(outline.dir);
  for (const { ref, at } of references(outline)) {
    if (images.has(ref)) continue;
    const fail = (message: string, hint: string): void => {
      diagnostics.push(diagnostic(outline.file, 'image', message, { ...outline.locate(at), hint }));
    };
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(ref)) {
      fail(`"${ref}" is a URL; deckgen never fetches from the network`, 'download the image into assets/ and give its path');
      continue;
    }
    const real = await realpath(path.resolve(outline.dir, ref)).catch(() => undefined);
    if (!real) {
      fail(`image "${ref}" not found`, `paths are relative to the outline's folder (${outline.dir})`);
      continue;
    }
    if (path.relative(root, real).startsWith('..') || path.isAbsolute(path.relative(root, real))) {
      fail(`image "${ref}" lies outside the outline's folder`, "copy it into the outline's assets/ folder");
      continue;
    }
    const data = new Uint8Array(await readFile(real).catch(() => Buffer.alloc(0)));
    const mime = sniff(data);
    if (!mime) {
      fail(`"${ref}" is not a PNG or JPEG image`, 'convert it to PNG or JPEG');
      continue;
    }
    const decoded = await loadImage(data).catch(() => undefined);
    if (!decoded || !decoded.width || !decoded.height) {
      fail(`image "${ref}" is damaged and cannot be decoded`, 'export it again from the program that made it');
      continue;
    }
    images.set(ref, { width: decoded.width, height: decoded.height, path: real, data, mime });
  }
  return { images, diagnostics };
}
