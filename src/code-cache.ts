/**
 * Runs a CommonJS bundle through V8's code cache: the CLI (from src/launch.ts) and the render
 * worker (from src/render/worker-launch.ts).
 *
 * Node 20 has no module compile cache (module.enableCompileCache came in Node 22), and a cold
 * start spends tens of milliseconds compiling functions as they are first called. Compiled here
 * with vm.Script, the code of every function run so far can be saved (save()) and handed back to
 * V8 on the next start. V8 checks it against the source and the Node version and ignores it if
 * either changed; any failure to read or write it only means compiling as usual.
 */
import { createHash } from 'node:crypto';
import { isAscii } from 'node:buffer';
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Script } from 'node:vm';
import { cacheDir, removeOldest, removeStaleTemps, writeQuietly } from './render/disk-cache.js';

/** Compiled code for this many commands and builds of deckgen at most; the oldest go first. */
const KEEP = 24;

/**
 * Runs `bundle` (its top level, synchronously) and returns save(), which keeps the compiled code
 * for the next start if V8 had none it could use; later calls do nothing. `name` keeps one copy
 * per command, since each command runs different functions.
 */
export function runCached(bundle: string, name: string, enabled: boolean): () => void {
  // The bundles are written ASCII-only (scripts/bundle.mjs): read as Latin-1 they need no UTF-8
  // decoding and make a one-byte string, four times faster than reading them as UTF-8.
  const bytes = readFileSync(bundle);
  const source = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
  const identity = `${bundle}\0${statSync(bundle).mtimeMs}\0${process.version}\0${process.arch}\0${name}`;
  const saved = path.join(cacheDir(), 'v8', `${createHash('sha256').update(identity).digest('hex').slice(0, 32)}.bin`);

  let cachedData: Buffer | undefined;
  try {
    if (enabled) cachedData = readFileSync(saved);
  } catch {
    // The first run of this command with this build of deckgen.
  }

  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: bundle, ...(cachedData ? { cachedData } : {}) });
  let needed = enabled && (!cachedData || script.cachedDataRejected === true);
  const save = (): void => {
    if (!needed) return;
    needed = false;
    writeQuietly(saved, script.createCachedData());
    removeOldest(path.dirname(saved), '.bin', KEEP, KEEP);
    removeStaleTemps(path.dirname(saved));
  };

  const module = { exports: {} };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(bundle), module, bundle, path.dirname(bundle));
  return save;
}

/** Where a bundle run through runCached finds its save(), so it can choose the moment. */
export const SAVE_CODE = Symbol.for('deckgen.save-compiled-code');
