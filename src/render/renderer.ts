/**
 * Where charts are drawn: a worker thread started at the beginning of a build, so Chart.js, the
 * canvas and the font start-up load on the second core while the main thread parses and plans.
 * Falls back to drawing in-process when the compiled worker is not there (tests run the sources).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
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

  async close(): Promise<void> {
    await this.worker.terminate();
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
  return file ? new WorkerRenderer(file) : new InProcessRenderer();
}
