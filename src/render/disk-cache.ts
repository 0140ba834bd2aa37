/**
 * Drawn charts (and images known to decode) kept on disk between builds, by content hash.
 *
 * Drawing needs the render worker: starting it (Chart.js, the canvas, Skia's font set-up) and
 * drawing four charts is most of a cold build. A rebuild after a text edit draws nothing, so the
 * worker never starts. Keys include a hash of the compiled worker (our drawing code and Chart.js)
 * and the canvas version, so an upgrade never serves an old picture.
 *
 * Every failure here (unwritable folder, damaged file) only means drawing again: the cache can
 * make a build faster, never wrong and never failed.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { makeDir } from '../make-dir.js';

/** Kept files beyond this are pruned, oldest use first, down to three quarters of it. */
export const MAX_FILES = 4000;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const IEND = Buffer.from([0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);

/** The folder: DECKGEN_CACHE_DIR, else the user's cache folder (XDG_CACHE_HOME or ~/.cache). */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.DECKGEN_CACHE_DIR) return path.resolve(env.DECKGEN_CACHE_DIR);
  return path.join(env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'deckgen');
}

/** What the pictures depend on besides the chart itself: the drawing code and the canvas. */
function drawingVersion(workerFile: string | undefined): string {
  const hash = createHash('sha256');
  try {
    // The worker's entry runs its bundle, worker.cjs, where the drawing code is.
    const bundle = workerFile && path.join(path.dirname(workerFile), 'worker.cjs');
    hash.update(workerFile ? readFileSync(bundle && existsSync(bundle) ? bundle : workerFile) : 'sources');
    const require = createRequire(import.meta.url);
    const canvas = path.join(path.dirname(require.resolve('@napi-rs/canvas')), 'package.json');
    hash.update((JSON.parse(readFileSync(canvas, 'utf8')) as { version: string }).version);
  } catch {
    hash.update(String(Date.now()));
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * Writes `file` whole or not at all (a temp file, then rename), and never fails: a read-only or
 * full disk only means the next build has nothing cached.
 */
export function writeQuietly(file: string, data: Uint8Array | string): void {
  const temp = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    makeDir(path.dirname(file));
    writeFileSync(temp, data);
    renameSync(temp, file);
  } catch {
    // Nothing cached this time, and no part-written temp file left behind (a full disk).
    try {
      unlinkSync(temp);
    } catch {
      // Never created.
    }
  }
}

/** Temp files this old were left by a build that was killed mid-write (SIGKILL, power loss). */
const STALE_TEMP_MS = 10 * 60 * 1000;

/** Removes temp files in `dir` left by builds killed while writing; newer ones may be in use. */
export function removeStaleTemps(dir: string, now = Date.now()): void {
  try {
    for (const name of readdirSync(dir)) {
      if (!name.endsWith('.tmp')) continue;
      const file = path.join(dir, name);
      if (now - statSync(file).mtimeMs > STALE_TEMP_MS) unlinkSync(file);
    }
  } catch {
    // No folder, or another build removing the same file.
  }
}

/**
 * When `dir` holds more than `max` files ending in `suffix`, removes the least recently
 * modified until `keep` are left. Races with another build pruning are harmless.
 */
export function removeOldest(dir: string, suffix: string, max: number, keep: number): void {
  try {
    const names = readdirSync(dir).filter((n) => n.endsWith(suffix));
    if (names.length <= max) return;
    const byAge = names.map((n) => ({ file: path.join(dir, n), at: statSync(path.join(dir, n)).mtimeMs })).sort((a, b) => a.at - b.at);
    for (const { file } of byAge.slice(0, names.length - keep)) unlinkSync(file);
  } catch {
    // Another build pruning at the same time, or no folder yet: nothing to do.
  }
}

/** An image's key in the cache: a hash of its bytes. */
export const imageKey = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** A complete PNG: signature at the start, IEND at the end (a damaged file is drawn again). */
const wholePng = (bytes: Uint8Array): boolean =>
  bytes.length > 20 && PNG_SIGNATURE.equals(bytes.subarray(0, 8)) && IEND.equals(bytes.subarray(bytes.length - 8));

/**
 * A kept chart is its PNG, then this marker and the SHA-256 of the PNG: what is read back is used
 * only when the digest matches, so a damaged file, or another picture put in its place, is drawn
 * again rather than embedded.
 */
const SEAL = Buffer.from('deckgen1');
const DIGEST_BYTES = 32;
const digest = (bytes: Uint8Array): Buffer => createHash('sha256').update(bytes).digest();

export function sealChart(png: Uint8Array): Buffer {
  return Buffer.concat([png, SEAL, digest(png)]);
}

/** The PNG of a kept chart file, or undefined when it is not exactly what deckgen stored. */
export function unsealChart(stored: Buffer): Buffer | undefined {
  const end = stored.length - SEAL.length - DIGEST_BYTES;
  if (end <= 0 || !SEAL.equals(stored.subarray(end, end + SEAL.length))) return undefined;
  const png = stored.subarray(0, end);
  return wholePng(png) && digest(png).equals(stored.subarray(end + SEAL.length)) ? png : undefined;
}

export class DiskCache {
  private drawing?: string;
  /** Files this process used or wrote: the manifest of the outline's last build. */
  private readonly used = new Set<string>();

  constructor(
    readonly dir: string,
    private readonly workerFile: string | undefined,
  ) {}

  /** Worked out when a chart or image is first looked up: a text-only build never hashes the worker. */
  private get version(): string {
    return (this.drawing ??= drawingVersion(this.workerFile));
  }

  private file(kind: 'charts' | 'images', key: string): string {
    return path.join(this.dir, kind, `${createHash('sha256').update(this.version).update(key).digest('hex')}.${kind === 'charts' ? 'png' : 'ok'}`);
  }

  chart(key: string): Uint8Array | undefined {
    const file = this.file('charts', key);
    this.used.add(file);
    try {
      const bytes = unsealChart(readFileSync(file));
      if (!bytes) return undefined;
      // The modification time records use, so pruning drops what has not been used longest.
      const now = new Date();
      utimesSync(file, now, now);
      return bytes;
    } catch {
      return undefined;
    }
  }

  keepChart(key: string, png: Uint8Array): void {
    writeQuietly(this.file('charts', key), sealChart(png));
  }

  /** `key` is imageKey(bytes): an image is hashed once, however large. */
  imageDecodes(key: string): boolean {
    const file = this.file('images', key);
    this.used.add(file);
    return existsSync(file);
  }

  keepImageDecodes(key: string): void {
    writeQuietly(this.file('images', key), '');
  }

  private manifest(outline: string): string {
    return path.join(this.dir, 'builds', `${createHash('sha256').update(path.resolve(outline)).digest('hex')}.json`);
  }

  /**
   * Whether the outline's last build drew nothing new: then the next one probably draws nothing
   * either, and the render worker is not started before it is needed.
   */
  likelyWarm(outline: string): boolean {
    try {
      const files = JSON.parse(readFileSync(this.manifest(outline), 'utf8')) as string[];
      return Array.isArray(files) && files.every((f) => typeof f === 'string' && existsSync(f));
    } catch {
      return false;
    }
  }

  /** Records the files this build used, and prunes the folder when it has grown too large. */
  finish(outline: string | undefined): void {
    if (outline) writeQuietly(this.manifest(outline), JSON.stringify([...this.used]));
    this.prune(MAX_FILES);
    for (const kind of ['charts', 'images', 'builds']) removeStaleTemps(path.join(this.dir, kind));
  }

  prune(max: number): void {
    removeOldest(path.join(this.dir, 'charts'), '.png', max, Math.floor((max * 3) / 4));
  }
}
