/**
 * Where charts are drawn: a worker thread started at the beginning of a build, so Chart.js, the
 * canvas and the font start-up load on the second core while the main thread parses and plans.
 * Falls back to drawing in-process when the compiled worker is not there (tests run the sources).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ChartShape } from '../plan/deck.js';
import type { Reply, Request } from './worker.js';

export interface Renderer {
  chart(shape: ChartShape): Promise<Uint8Array>;
  /** True when the image decodes completely. */
  decodes(bytes: Uint8Array): Promise<boolean>;
  close(): Promise<void>;
}

/** The compiled worker: beside this file in dist/, or in dist/ when running from src/. */
function workerFile(): string | undefined {
  const here = fileURLToPath(import.meta.url);
  const candidates = [here.replace(/renderer\.(js|ts)$/, 'worker.js'), here.replace(/[\\/]src[\\/]render[\\/]renderer\.ts$/, '/dist/render/worker.js')];
  return candidates.find((c) => c.endsWith('.js') && existsSync(c));
}

class WorkerRenderer implements Renderer {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { resolve: (r: Reply) => void; reject: (e: Error) => void }>();
  private next = 0;

  constructor(file: string) {
    this.worker = new Worker(file);
    this.worker.unref();
    this.worker.on('message', (reply: Reply) => {
      const w = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if (reply.error !== undefined) w?.reject(new Error(reply.error));
      else w?.resolve(reply);
    });
    this.worker.on('error', (e) => this.failAll(e));
    this.worker.on('exit', () => this.failAll(new Error('the render worker stopped')));
  }

  private failAll(e: Error): void {
    for (const w of this.waiting.values()) w.reject(e);
    this.waiting.clear();
  }

  private ask(req: Omit<Request, 'id'>): Promise<Reply> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
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
    await this.worker.terminate();
  }
}

/**
 * One worker, and a second once charts queue up: a big deck keeps both cores drawing, while a
 * small one never pays a second worker's start-up (module loading and the font scan).
 */
class WorkerPool implements Renderer {
  private readonly workers: WorkerRenderer[];
  private requested = 0;
  constructor(
    private readonly file: string,
    private readonly size: number,
  ) {
    this.workers = [new WorkerRenderer(file)];
  }

  /** A second worker costs ~300 ms of CPU to start: worth it from the ninth chart on, not before. */
  private pick(): WorkerRenderer {
    this.requested++;
    const idle = [...this.workers].sort((a, b) => a.busy - b.busy)[0]!;
    if (this.requested > 8 && idle.busy >= 1 && this.workers.length < this.size) {
      const fresh = new WorkerRenderer(this.file);
      this.workers.push(fresh);
      return fresh;
    }
    return idle;
  }

  chart(shape: ChartShape): Promise<Uint8Array> {
    return this.pick().chart(shape);
  }

  decodes(bytes: Uint8Array): Promise<boolean> {
    return this.workers[0]!.decodes(bytes);
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
  }
}

class InProcessRenderer implements Renderer {
  private readonly draw = import('./draw.js');
  async chart(shape: ChartShape): Promise<Uint8Array> {
    return (await this.draw).drawChart(shape);
  }
  async decodes(bytes: Uint8Array): Promise<boolean> {
    return (await this.draw).decodes(bytes);
  }
  async close(): Promise<void> {}
}

export function startRenderer(options: { inProcess?: boolean } = {}): Renderer {
  const file = options.inProcess || process.env.DECKGEN_RENDER_IN_PROCESS ? undefined : workerFile();
  return file ? new WorkerPool(file, Math.max(1, Math.min(2, availableParallelism()))) : new InProcessRenderer();
}
