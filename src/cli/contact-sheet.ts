/**
 * A contact sheet: every slide of a preview on one image, in rows, each numbered underneath, so a
 * whole deck can be checked at a glance (or attached to a review).
 */
import '../no-system-fonts.js';
import { readFile, writeFile } from 'node:fs/promises';
import { napiCanvas } from '../canvas.js';
import { registerFonts } from '../fonts.js';

export interface SheetOptions {
  /** Slides per row (default 3). */
  columns?: number;
  /** Width of each thumbnail in pixels (default 640). */
  width?: number;
}

/** Space around and between thumbnails, and the band under each for its number, in pixels. */
const GAP = 16;
const LABEL = 30;

/** Pixel size of a sheet of `count` thumbnails of `thumb` size. */
export function sheetSize(count: number, thumb: { width: number; height: number }, columns = 3): { width: number; height: number } {
  const cols = Math.max(1, Math.min(columns, count));
  const rows = Math.max(1, Math.ceil(count / cols));
  return { width: GAP + cols * (thumb.width + GAP), height: GAP + rows * (thumb.height + LABEL + GAP) };
}

/** Draws the slide PNGs, in order, onto one PNG at `out`; returns its size. */
export async function contactSheet(files: readonly string[], out: string, options: SheetOptions = {}): Promise<{ width: number; height: number }> {
  const { columns = 3, width = 640 } = options;
  registerFonts();
  const images = await Promise.all(files.map(async (f) => napiCanvas().loadImage(await readFile(f))));
  if (!images.length) throw new Error('a contact sheet needs at least one slide');
  // Every cell has the tallest slide's height, so rows line up even if sizes differ.
  const height = Math.max(...images.map((im) => Math.round((width * im.height) / im.width)));
  const size = sheetSize(images.length, { width, height }, columns);
  const cols = Math.max(1, Math.min(columns, images.length));
  const canvas = napiCanvas().createCanvas(size.width, size.height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#E4E7EB';
  ctx.fillRect(0, 0, size.width, size.height);
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  ctx.font = 'bold 20px Carlito';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  images.forEach((im, i) => {
    const x = GAP + (i % cols) * (width + GAP);
    const y = GAP + Math.floor(i / cols) * (height + LABEL + GAP);
    const h = Math.round((width * im.height) / im.width);
    // A hairline frame, so white slides stand out from the background.
    ctx.fillStyle = '#A7B0BA';
    ctx.fillRect(x - 1, y - 1, width + 2, h + 2);
    ctx.drawImage(im, x, y, width, h);
    ctx.fillStyle = '#39424E';
    ctx.fillText(String(i + 1), x + width / 2, y + height + LABEL / 2 + 1);
  });
  await writeFile(out, await canvas.encode('png'));
  return size;
}
