/**
 * write: the only stage that touches the output folder. Writes a temp file beside the target and
 * renames it over, so a failed or interrupted build never leaves a half-written deck and never
 * destroys the previous one.
 */
import { randomBytes } from 'node:crypto';
import { rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { diagnostic, InputError } from '../diagnostics.js';
import { makeDir } from '../make-dir.js';

const pending = new Set<string>();

/** Temp files still on disk; the CLI removes them if the process is interrupted. */
export const pendingTempFiles = (): ReadonlySet<string> => pending;

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

export async function writeDeck(out: string, bytes: Uint8Array, input?: string): Promise<void> {
  const fail = (message: string, hint: string): never => {
    throw new InputError([diagnostic(out, 'output', message, { hint })]);
  };
  // "--out decks/" means a folder, even one that does not exist yet: never a file named "decks".
  if (/[\\/]$/.test(out)) fail('the output path is a folder', `give a file name, e.g. ${path.join(out, 'deck.pptx')}`);
  const target = path.resolve(out);
  if (input && path.resolve(input) === target) fail('the output would overwrite the outline itself', 'give --out a .pptx path');
  const existing = await stat(target).catch(() => undefined);
  if (existing?.isDirectory()) fail('the output path is a folder', `give a file name, e.g. ${path.join(out, 'deck.pptx')}`);
  const dir = path.dirname(target);
  const temp = path.join(dir, `.deckgen-${path.basename(target)}-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    makeDir(dir);
    pending.add(temp);
    await writeFile(temp, bytes);
    await rename(temp, target);
  } catch (e) {
    const { message, hint } = explain((e as NodeJS.ErrnoException).code, out);
    fail(message, hint);
  } finally {
    pending.delete(temp);
    await unlink(temp).catch(() => undefined);
  }
}
