import { mkdirSync } from 'node:fs';
import path from 'node:path';

/**
 * mkdir -p that always ends. Node 20's recursive mkdirSync never returns for some paths (under
 * /proc it retries forever), so an --out, init or cache folder given such a path hung deckgen.
 */
export function makeDir(dir: string, depth = 0): void {
  try {
    mkdirSync(dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return;
    if (code !== 'ENOENT' || depth > 32 || path.dirname(dir) === dir) throw e;
    makeDir(path.dirname(dir), depth + 1);
    mkdirSync(dir);
  }
}
