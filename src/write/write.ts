/**
 * write: the only stage that touches the output folder. Writes a temp file beside the target and
 * renames it over, so a failed or interrupted build never leaves a half-written deck and never
 * destroys the previous one.
 */
import { randomBytes } from 'node:crypto';
import { renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { diagnostic, InputError } from '../diagnostics.js';
import { makeDir } from '../make-dir.js';

/** Temp files on disk right now: removed if the process is interrupted. */
const pending = new Set<string>();

function explain(code: string | undefined, out: string): { message: string; hint: string } {
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return { message: `cannot write ${out}: permission denied`, hint: 'choose another --out, or check the folder permissions' };
    case 'EBUSY':
      return { message: `${out} is locked by another program`, hint: 'close it in PowerPoint (or another viewer) and build again' };
    case 'ENOSPC':
      return { message: `no space left to write ${out}`, hint: 'free some disk space' };
    case 'EROFS':
      return { message: `${out} is on a read-only file system`, hint: 'choose another --out' };
    case 'ENOTDIR':
    case 'EEXIST':
      return { message: `cannot write ${out}: a file is in the way of its folder`, hint: 'choose another --out, or move that file' };
    case 'ENOENT':
      return { message: `cannot write ${out}: its folder cannot be created there`, hint: 'choose an --out in a folder you can write to' };
    default:
      return { message: `cannot write ${out} (${code ?? 'unknown error'})`, hint: 'check the path given to --out' };
  }
}

/**
 * The target as it really is: links resolved, in the nearest existing folder when the target or
 * its folders do not exist yet (a link among those folders can still lead anywhere).
 */
async function realTarget(target: string): Promise<string> {
  let dir = target;
  const rest: string[] = [];
  for (;;) {
    const real = await realpath(dir).catch(() => undefined);
    if (real !== undefined) return path.join(real, ...rest.reverse());
    const parent = path.dirname(dir);
    if (parent === dir) return target;
    rest.push(path.basename(dir));
    dir = parent;
  }
}

/** Removes the pending temp files and exits: Ctrl-C or SIGTERM while a deck is being written. */
function interrupted(signal: NodeJS.Signals): void {
  for (const temp of pending) {
    try {
      unlinkSync(temp);
    } catch {
      // Never created, or already renamed into place.
    }
  }
  process.exit(signal === 'SIGINT' ? 130 : 143);
}

/**
 * Writes the deck: checks the target, writes a temp file beside it, and renames it over. Only
 * while the temp file exists does deckgen handle SIGINT and SIGTERM itself (to remove it); the rest
 * of the build is stopped by a signal at once, however busy. The temp file is written and renamed
 * synchronously, so a signal is handled before the temp file exists or after the rename, never in
 * between, and a signal that arrives while the bytes are written is handled before the rename:
 * the previous deck stays.
 *
 * `inputs` are the files the build read: the outline, images and CSV data. The deck never
 * replaces one of them, however the path is spelled (links, "..", a link to a folder).
 */
export async function writeDeck(out: string, bytes: Uint8Array, inputs: string | readonly string[] = []): Promise<void> {
  const fail = (message: string, hint: string): never => {
    throw new InputError([diagnostic(out, 'output', message, { hint })]);
  };
  // "--out decks/" means a folder, even one that does not exist yet: never a file named "decks".
  if (/[\\/]$/.test(out)) fail('the output path is a folder', `give a file name, e.g. ${path.join(out, 'deck.pptx')}`);
  const target = await realTarget(path.resolve(out));
  // The first input is the outline.
  for (const [i, input] of (typeof inputs === 'string' ? [inputs] : inputs).entries()) {
    const real = await realpath(input).catch(() => path.resolve(input));
    if (real !== target) continue;
    if (i === 0) fail('the output would overwrite the outline itself', 'give --out a .pptx path');
    fail(`the output would overwrite ${path.basename(input)}, an input of this build`, 'give --out a .pptx path of its own');
  }
  const existing = await stat(target).catch(() => undefined);
  if (existing?.isDirectory()) fail('the output path is a folder', `give a file name, e.g. ${path.join(out, 'deck.pptx')}`);
  if (existing && !existing.isFile()) fail('the output path exists and is not a regular file (a device, pipe or socket)', 'give --out the path of a .pptx file');
  const dir = path.dirname(target);
  // Short, whatever the deck's name: a temp name longer than the target's could pass the name limit.
  const temp = path.join(dir, `.deckgen-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  process.on('SIGINT', interrupted);
  process.on('SIGTERM', interrupted);
  try {
    makeDir(dir);
    pending.add(temp);
    writeFileSync(temp, bytes);
    // A signal that arrived during the write is handled here, before the rename.
    await new Promise((resolve) => setImmediate(resolve));
    renameSync(temp, target);
    pending.delete(temp);
  } catch (e) {
    const { message, hint } = explain((e as NodeJS.ErrnoException).code, out);
    fail(message, hint);
  } finally {
    if (pending.delete(temp)) {
      try {
        unlinkSync(temp);
      } catch {
        // Never created.
      }
    }
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
  }
}
