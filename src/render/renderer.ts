/**
 * Where charts are drawn: a worker thread started at the beginning of a build, so Chart.js, the
 * canvas and the font start-up load on the second core while the main thread parses and plans.
 * Falls back to drawing in-process when the compiled worker is not there (tests run the sources).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import type { Worker } from 'node:worker_threads';
import type { ChartShape } from '../plan/deck.js';
import { MAX_OUTLINE_BYTES } from '../load/limits.js';
import { chartKey } from './charts.js';
import { cacheDir, DiskCache, imageKey } from './disk-cache.js';
import { newScanState, scanSettled } from './font-scan.js';
import type { Reply, Request } from './worker.js';

export interface Renderer {
  chart(shape: ChartShape): Promise<Uint8Array>;
  /** True when the image decodes completely. */
  decodes(bytes: Uint8Array): Promise<boolean>;
  close(): Promise<void>;
}

/** A renderer whose start-up can begin before the first request. */
interface Startable extends Renderer {
  prestart(): void;
}

/**
 * The compiled worker's entry, dist/render/worker-entry.cjs, found from wherever this code runs: the bundled
 * CLI (dist/cli.cjs), the compiled library (dist/render/renderer.js) or the sources (tests).
 */
function workerFile(): string | undefined {
  const dir = path.dirname(fileURLToPath(import.meta.url));
  const entry = 'worker-entry.cjs';
  const candidates = [path.join(dir, 'render', entry), path.join(dir, entry), path.join(dir, '..', 'render', entry), path.join(dir, '..', '..', 'dist', 'render', entry)];
  return candidates.find((c) => c !== fileURLToPath(import.meta.url) && existsSync(c));
}

class WorkerRenderer implements Renderer {
  private readonly worker: Worker;
  /** The font scan the worker starts (src/render/font-scan.ts): it must not be stopped mid-scan. */
  private readonly scan = newScanState();
  private readonly waiting = new Map<number, { resolve: (r: Reply) => void; reject: (e: Error) => void }>();
  private next = 0;

  constructor(file: string, codeCache: boolean) {
    // Required here, not imported: a build with nothing to draw never loads worker_threads (~2.5 ms).
    const { Worker: WorkerThread } = createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads');
    this.worker = new WorkerThread(file, { workerData: { codeCache, scan: this.scan } });
    this.worker.unref();
    this.worker.on('message', (reply: Reply) => {
      const w = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      this.holdWhileOwed();
      if (reply.error !== undefined) w?.reject(new Error(reply.error));
      else w?.resolve(reply);
    });
    this.worker.on('error', (e) => this.failAll(e));
    this.worker.on('exit', () => {
      this.exited = true;
      this.failAll(new Error('the render worker stopped'));
    });
  }

  /** Set when the worker has stopped: a request to it would never be answered. */
  private exited = false;

  private failAll(e: Error): void {
    for (const w of this.waiting.values()) w.reject(e);
    this.waiting.clear();
    this.holdWhileOwed();
  }

  /**
   * The worker keeps the process alive only while it owes answers. Unreferenced then, a worker
   * that died mid-request could let the process end before its exit was even reported: quietly,
   * with exit code 0 and nothing written. Idle, it must not keep a finished command running.
   */
  private holdWhileOwed(): void {
    if (this.waiting.size > 0) this.worker.ref();
    else this.worker.unref();
  }

  private ask(req: Omit<Request, 'id'>): Promise<Reply> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      // A stopped worker would leave the promise pending, and with nothing else to do the process
      // would end quietly, writing nothing, with exit code 0.
      if (this.exited) return reject(new Error('the render worker stopped'));
      this.waiting.set(id, { resolve, reject });
      this.holdWhileOwed();
      this.worker.postMessage({ ...req, id });
    });
  }

  async chart(shape: ChartShape): Promise<Uint8Array> {
    return (await this.ask({ chart: shape })).png!;
  }

  async decodes(bytes: Uint8Array): Promise<boolean> {
    return !!(await this.ask({ image: bytes })).ok;
  }

  /** Requests sent and not yet answered. */
  get busy(): number {
    return this.waiting.size;
  }

  async close(): Promise<void> {
    if (!this.exited) {
      // A worker that stops mid-scan never marks it done: its exit ends the wait too. The timer
      // bounds the wait (a scan takes ~0.1-0.2 s) and keeps the process alive meanwhile (waiting
      // on shared memory alone does not).
      let timer: NodeJS.Timeout | undefined;
      const stopped = new Promise<void>((resolve) => {
        this.worker.once('exit', () => resolve());
        timer = setTimeout(resolve, 5000);
      });
      await Promise.race([scanSettled(this.scan), stopped]);
      clearTimeout(timer);
    }
    await this.worker.terminate();
  }
}

/**
 * One worker, and a second once charts queue up: a big deck keeps both cores drawing, while a
 * small one never pays a second worker's start-up (module loading and the font scan).
 */
class WorkerPool implements Startable {
  private readonly workers: WorkerRenderer[] = [];
  private requested = 0;
  constructor(
    private readonly file: string,
    private readonly size: number,
    /** Whether workers may keep their compiled code in the cache folder (src/code-cache.ts). */
    private readonly codeCache: boolean,
  ) {}

  prestart(): void {
    if (!this.workers.length) this.workers.push(new WorkerRenderer(this.file, this.codeCache));
  }

  /** A second worker costs ~300 ms of CPU to start: worth it from the ninth chart on, not before. */
  private pick(): WorkerRenderer {
    this.prestart();
    this.requested++;
    const idle = [...this.workers].sort((a, b) => a.busy - b.busy)[0]!;
    if (this.requested > 8 && idle.busy >= 1 && this.workers.length < this.size) {
      const fresh = new WorkerRenderer(this.file, this.codeCache);
      this.workers.push(fresh);
      return fresh;
    }
    return idle;
  }

  chart(shape: ChartShape): Promise<Uint8Array> {
    return this.pick().chart(shape);
  }

  decodes(bytes: Uint8Array): Promise<boolean> {
    this.prestart();
    return this.workers[0]!.decodes(bytes);
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.splice(0).map((w) => w.close()));
  }
}

class InProcessRenderer implements Startable {
  private draw?: Promise<typeof import('./draw.js')>;
  prestart(): void {
    this.draw ??= import('./draw.js');
  }
  async chart(shape: ChartShape): Promise<Uint8Array> {
    this.prestart();
    return (await this.draw!).drawChart(shape);
  }
  async decodes(bytes: Uint8Array): Promise<boolean> {
    this.prestart();
    return (await this.draw!).decodes(bytes);
  }
  async close(): Promise<void> {}
}

/** Charts and image checks answered from the disk cache when it has them; drawn otherwise. */
export class CachedRenderer implements Renderer {
  constructor(
    private readonly inner: Renderer,
    private readonly disk: DiskCache,
    private readonly outline: string | undefined,
  ) {}

  async chart(shape: ChartShape): Promise<Uint8Array> {
    const key = chartKey(shape);
    const kept = this.disk.chart(key);
    if (kept) return kept;
    const png = await this.inner.chart(shape);
    this.disk.keepChart(key, png);
    return png;
  }

  async decodes(bytes: Uint8Array): Promise<boolean> {
    const key = imageKey(bytes);
    if (this.disk.imageDecodes(key)) return true;
    const ok = await this.inner.decodes(bytes);
    if (ok) this.disk.keepImageDecodes(key);
    return ok;
  }

  private closed = false;

  async close(): Promise<void> {
    if (!this.closed) this.disk.finish(this.outline);
    this.closed = true;
    await this.inner.close();
  }
}

export interface RendererOptions {
  /** Draw in this thread (no worker), as validate does for its image checks. */
  inProcess?: boolean;
  /** Keep drawn charts on disk between builds (the CLI's default; see disk-cache.ts). */
  cache?: boolean;
  /** The outline being built: its last build tells whether the worker will be needed. */
  outline?: string;
  env?: NodeJS.ProcessEnv;
}

/**
 * Whether the outline may need the worker at all: a chart, an image or a logo. A glance at the
 * raw text, before it is parsed; a wrong guess only moves the worker's start-up.
 */
function mayDraw(outline: string): boolean {
  try {
    // Only a plain file of outline size: the loader explains devices, folders and huge files.
    const stat = statSync(outline);
    if (!stat.isFile() || stat.size > MAX_OUTLINE_BYTES) return false;
    return /^[\s-]*(chart|image|logo)\s*:/m.test(readFileSync(outline, 'utf8'));
  } catch {
    return false;
  }
}

/**
 * The renderer for a build. The worker starts at once, to load while this thread parses and
 * plans, when the outline has something to draw and the disk cache does not already hold all
 * that its last build drew; otherwise it starts only if a chart turns out to be new.
 */
export function startRenderer(options: RendererOptions = {}): Renderer {
  const env = options.env ?? process.env;
  const compiled = workerFile();
  const file = options.inProcess || env.DECKGEN_RENDER_IN_PROCESS ? undefined : compiled;
  const inner: Startable = file ? new WorkerPool(file, Math.max(1, Math.min(2, availableParallelism())), !!options.cache) : new InProcessRenderer();
  const disk = options.cache ? new DiskCache(cacheDir(env), compiled) : undefined;
  const outline = options.outline;
  if (!outline || (mayDraw(outline) && !disk?.likelyWarm(outline))) inner.prestart();
  return disk ? new CachedRenderer(inner, disk, options.outline) : inner;
}
