#!/usr/bin/env node
/**
 * The deckgen command as installed (bundled to dist/cli.js): runs the bundled CLI,
 * dist/deckgen.cjs, through V8's code cache.
 *
 * Node 20 has no module compile cache (module.enableCompileCache came in Node 22), and a cold
 * start spends ~50 ms compiling the CLI's functions as it first calls them. Compiled here with
 * vm.Script, the code of every function a command ran is saved after it finishes, per command,
 * beside the chart cache, and handed back to V8 on the next start. V8 checks the saved code
 * against the source and the Node version and ignores it if either changed; any failure to read
 * or write it only means compiling as usual.
 */
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import { cacheDir, makeDir } from './render/disk-cache.js';
import { startEarly } from './render/early.js';

// The render worker starts first, so it loads while the CLI below is compiled and run.
startEarly(process.argv.slice(2));

const bundle = path.join(path.dirname(fileURLToPath(import.meta.url)), 'deckgen.cjs');
const source = readFileSync(bundle, 'utf8');

const command = /^[a-z]+$/.test(process.argv[2] ?? '') ? process.argv[2]! : 'build';
const identity = `${bundle}\0${statSync(bundle).mtimeMs}\0${process.version}\0${process.arch}\0${command}`;
const saved = path.join(cacheDir(), 'v8', `${createHash('sha256').update(identity).digest('hex').slice(0, 32)}.bin`);

// --no-cache means no cache at all: neither drawn charts nor compiled code.
const useCache = !process.argv.includes('--no-cache');

let cachedData: Buffer | undefined;
try {
  if (useCache) cachedData = readFileSync(saved);
} catch {
  // First run of this command with this build of deckgen.
}

const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: bundle, ...(cachedData ? { cachedData } : {}) });
if (useCache && (!cachedData || script.cachedDataRejected)) {
  process.once('exit', () => {
    try {
      makeDir(path.dirname(saved));
      const temp = `${saved}.${process.pid}.tmp`;
      writeFileSync(temp, script.createCachedData());
      renameSync(temp, saved);
    } catch {
      // An unwritable cache folder: the next start compiles as usual.
    }
  });
}

const module = { exports: {} };
(script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(bundle), module, bundle, path.dirname(bundle));
