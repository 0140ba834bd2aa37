import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChartShape } from '../../src/plan/deck.js';
import { chartShapeOf } from '../support/chart.js';
import { cacheDir, DiskCache } from '../../src/render/disk-cache.js';
import { makeDir } from '../../src/make-dir.js';
import { CachedRenderer, type Renderer } from '../../src/render/renderer.js';
import { deckgen, tempDir } from '../support/cli.js';

const dirs: string[] = [];
const fresh = (): string => {
  const d = mkdtempSync(path.join(tmpdir(), 'deckgen-cache-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

// A PNG as far as the cache checks one: signature first, IEND chunk last.
const png = (n: number): Uint8Array =>
  Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(16, n), Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82])]);

const shape = (n: number): ChartShape =>
  chartShapeOf({ type: 'bar', labels: ['A', 'B'], series: [{ name: 'S', values: [1, n] }], dataLabels: true }, { box: { x: 0, y: 0, w: 7.5, h: 4.85 }, colours: ['0B3C5D'] });

/** A renderer that counts what it is asked to draw. */
function counting(): Renderer & { charts: number; images: number } {
  return {
    charts: 0,
    images: 0,
    async chart(s) {
      this.charts++;
      return png(s.spec.series?.[0]?.values[1] ?? 0);
    },
    async decodes() {
      this.images++;
      return true;
    },
    async close() {},
  };
}

describe('DiskCache', () => {
  it('gives back a kept chart, and nothing for a chart it never saw', () => {
    const cache = new DiskCache(fresh(), undefined);
    expect(cache.chart('a')).toBeUndefined();
    cache.keepChart('a', png(1));
    expect(Buffer.from(cache.chart('a')!).equals(Buffer.from(png(1)))).toBe(true);
    expect(cache.chart('b')).toBeUndefined();
  });

  it('draws again when a kept file is damaged', () => {
    const dir = fresh();
    const cache = new DiskCache(dir, undefined);
    cache.keepChart('a', png(1));
    const [file] = readdirSync(path.join(dir, 'charts'));
    writeFileSync(path.join(dir, 'charts', file!), png(1).subarray(0, 30));
    expect(cache.chart('a')).toBeUndefined();
  });

  it('draws again when the kept file was replaced by another valid PNG, or its bytes changed', () => {
    const dir = fresh();
    const cache = new DiskCache(dir, undefined);
    cache.keepChart('a', png(1));
    const [file] = readdirSync(path.join(dir, 'charts'));
    const kept = readFileSync(path.join(dir, 'charts', file!));
    // Another picture, whole and valid, put in its place.
    writeFileSync(path.join(dir, 'charts', file!), png(2));
    expect(cache.chart('a')).toBeUndefined();
    // One byte of the kept PNG changed (a bad CRC, a flipped pixel), its digest kept.
    const flipped = Buffer.from(kept);
    flipped[12] = flipped[12]! ^ 1;
    writeFileSync(path.join(dir, 'charts', file!), flipped);
    expect(cache.chart('a')).toBeUndefined();
    // The bytes it stored, put back, are served again.
    writeFileSync(path.join(dir, 'charts', file!), kept);
    expect(Buffer.from(cache.chart('a')!).equals(Buffer.from(png(1)))).toBe(true);
  });

  it('never serves a picture drawn by other drawing code', () => {
    const dir = fresh();
    const worker = path.join(dir, 'worker.js');
    writeFileSync(worker, 'draw v1');
    new DiskCache(dir, worker).keepChart('a', png(1));
    expect(new DiskCache(dir, worker).chart('a')).toBeDefined();
    writeFileSync(worker, 'draw v2');
    expect(new DiskCache(dir, worker).chart('a')).toBeUndefined();
  });

  it('prunes the files unused for longest', () => {
    const dir = fresh();
    const cache = new DiskCache(dir, undefined);
    for (let i = 0; i < 8; i++) cache.keepChart(`k${i}`, png(i));
    const files = readdirSync(path.join(dir, 'charts'));
    // Make k0..k7 used in that order, oldest first.
    for (let i = 0; i < 8; i++) {
      const file = path.join(dir, 'charts', files.find((f) => readFileSync(path.join(dir, 'charts', f)).subarray(0, png(i).length).equals(Buffer.from(png(i))))!);
      utimesSync(file, new Date(2020, 0, 1 + i), new Date(2020, 0, 1 + i));
    }
    cache.prune(4);
    expect(readdirSync(path.join(dir, 'charts'))).toHaveLength(3);
    expect(cache.chart('k7')).toBeDefined();
    expect(cache.chart('k0')).toBeUndefined();
  });

  it('knows when an outline was last built entirely from the cache, and when it was not', () => {
    const dir = fresh();
    const outline = path.join(dir, 'deck.yaml');
    const first = new DiskCache(dir, undefined);
    expect(first.likelyWarm(outline)).toBe(false);
    first.chart('a');
    first.keepChart('a', png(1));
    first.finish(outline);
    expect(new DiskCache(dir, undefined).likelyWarm(outline)).toBe(true);
    rmSync(path.join(dir, 'charts'), { recursive: true });
    expect(new DiskCache(dir, undefined).likelyWarm(outline)).toBe(false);
  });

  it('lives in DECKGEN_CACHE_DIR, else the user cache folder', () => {
    expect(cacheDir({ DECKGEN_CACHE_DIR: 'x' })).toBe(path.resolve('x'));
    expect(cacheDir({ XDG_CACHE_HOME: '/c' })).toBe(path.join('/c', 'deckgen'));
  });
});

describe('makeDir', () => {
  it('creates missing parents, and fails (rather than hangs) where no folder can be made', () => {
    const dir = fresh();
    makeDir(path.join(dir, 'a', 'b', 'c'));
    expect(existsSync(path.join(dir, 'a', 'b', 'c'))).toBe(true);
    makeDir(path.join(dir, 'a', 'b', 'c'));
    writeFileSync(path.join(dir, 'file'), '');
    expect(() => makeDir(path.join(dir, 'file', 'x'))).toThrow();
  });

  // Node 20's mkdirSync({ recursive: true }) never returns for this path.
  it('gives up under /proc', (ctx) => {
    ctx.skip(!existsSync('/proc/self'), 'needs /proc (Linux)');
    expect(() => makeDir('/proc/deckgen-none/v8')).toThrow();
  });
});

describe('CachedRenderer', () => {
  it('draws each chart once across builds, and checks each image once', async () => {
    const dir = fresh();
    const inner = counting();
    const first = new CachedRenderer(inner, new DiskCache(dir, undefined), undefined);
    const a = await first.chart(shape(1));
    await first.chart(shape(2));
    expect(await first.decodes(Buffer.from('logo'))).toBe(true);
    await first.close();
    const second = new CachedRenderer(inner, new DiskCache(dir, undefined), undefined);
    expect(Buffer.from(await second.chart(shape(1))).equals(Buffer.from(a))).toBe(true);
    expect(await second.decodes(Buffer.from('logo'))).toBe(true);
    expect(inner.charts).toBe(2);
    expect(inner.images).toBe(1);
    await second.chart(shape(3));
    expect(inner.charts).toBe(3);
  });

  it('builds without caching when the folder cannot be written', async () => {
    const dir = fresh();
    const blocked = path.join(dir, 'a-file');
    writeFileSync(blocked, '');
    const inner = counting();
    const renderer = new CachedRenderer(inner, new DiskCache(blocked, undefined), 'deck.yaml');
    expect(await renderer.chart(shape(1))).toBeDefined();
    await renderer.close();
    expect(inner.charts).toBe(1);
  });
});

describe('deckgen build with the chart cache', () => {
  const outline = ['title: Cached', 'slides:', '  - title: Units by region, generated for the cache test', '    chart:', '      type: bar', '      labels: [North, South]', '      series: [{ name: Units, values: [3, 5] }]', ''].join('\n');

  it('writes the same deck from a cold and a warm cache, and --no-cache leaves the cache alone', () => {
    const work = tempDir();
    const cache = fresh();
    writeFileSync(path.join(work, 'deck.yaml'), outline);
    const env = { DECKGEN_CACHE_DIR: cache };
    expect(deckgen(['build', '-o', 'cold.pptx', '-q'], work, env).code).toBe(0);
    expect(readdirSync(path.join(cache, 'charts'))).toHaveLength(1);
    expect(deckgen(['build', '-o', 'warm.pptx', '-q'], work, env).code).toBe(0);
    expect(readFileSync(path.join(work, 'warm.pptx')).equals(readFileSync(path.join(work, 'cold.pptx')))).toBe(true);

    // The CLI and the render worker kept their compiled code for the next start; a damaged copy
    // is ignored and replaced.
    expect(readdirSync(path.join(cache, 'v8'))).toHaveLength(2);
    const compiled = readdirSync(path.join(cache, 'v8')).map((f) => path.join(cache, 'v8', f));
    for (const f of compiled) writeFileSync(f, 'not V8 code');
    rmSync(path.join(cache, 'charts'), { recursive: true });
    expect(deckgen(['build', '-o', 'again.pptx', '-q'], work, env).code).toBe(0);
    for (const f of compiled) expect(readFileSync(f).length).toBeGreaterThan(10_000);
    expect(readFileSync(path.join(work, 'again.pptx')).equals(readFileSync(path.join(work, 'cold.pptx')))).toBe(true);

    // The compiled code saved by a build that drew a chart is accepted by the next such build,
    // not refused and saved again (V8 refuses code compiled under other flags: a worker that
    // left --expose-gc on made every build recompile everything).
    const saved = compiled.map((f) => readFileSync(f));
    rmSync(path.join(cache, 'charts'), { recursive: true });
    expect(deckgen(['build', '-o', 'third.pptx', '-q'], work, env).code).toBe(0);
    compiled.forEach((f, i) => expect(readFileSync(f).equals(saved[i]!), path.basename(f)).toBe(true));

    const untouched = fresh();
    expect(deckgen(['build', '-o', 'none.pptx', '--no-cache', '-q'], work, { DECKGEN_CACHE_DIR: untouched }).code).toBe(0);
    expect(existsSync(untouched) ? readdirSync(untouched) : []).toEqual([]);
    expect(readFileSync(path.join(work, 'none.pptx')).equals(readFileSync(path.join(work, 'cold.pptx')))).toBe(true);
  });
});
