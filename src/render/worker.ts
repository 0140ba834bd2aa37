/** The render worker: draws charts and checks images on the second core while the main thread loads, plans and emits. */
import { parentPort } from 'node:worker_threads';
import { SAVE_CODE } from '../code-cache.js';
import type { ChartShape } from '../plan/deck.js';
import { decodes, drawChart, warmUp } from './draw.js';
import { collectYoung } from './young-gc.js';

export type Request = { id: number; chart: ChartShape } | { id: number; image: Uint8Array };
export type Reply = { id: number; png?: Uint8Array; ok?: boolean; error?: string };

const port = parentPort;
if (port) {
  warmUp();
  let pending = 0;
  let drawn = 0;
  port.on('message', (req: Request) => {
    pending++;
    const job = 'chart' in req ? drawChart(req.chart).then((png) => ({ id: req.id, png })) : decodes(req.image).then((ok) => ({ id: req.id, ok }));
    job.then(
      (reply: Reply) => {
        if (reply.png) drawn++;
        // Nothing else asked for: keep the compiled drawing code (once), before the reply, since
        // a build stops this worker as soon as its last chart arrives.
        if (--pending === 0 && drawn > 0) (globalThis as { [SAVE_CODE]?: () => void })[SAVE_CODE]?.();
        port.postMessage(reply, reply.png ? [reply.png.buffer as ArrayBuffer] : []);
        // The chart's pixel copy is garbage now: free it before the next chart makes another.
        if (reply.png) collectYoung();
      },
      (e: unknown) => {
        pending--;
        port.postMessage({ id: req.id, error: e instanceof Error ? e.message : String(e) } satisfies Reply);
      },
    );
  });
}
