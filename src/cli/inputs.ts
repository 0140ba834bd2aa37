/**
 * The files a build reads: the outline, and the images, CSV files and template it names. `deckgen watch`
 * rebuilds when one of these changes, and ignores everything else in the folder (its own log).
 */
import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { fileRefs } from '../load/salvage.js';

/** Absolute paths (and their real paths, through symlinks) of every file the build of `file` reads. */
export async function buildInputs(file: string): Promise<Set<string>> {
  const outline = path.resolve(file);
  const inputs = new Set([outline]);
  let data: unknown;
  try {
    // As written, whatever its problems: a missing image is watched for, so adding it rebuilds.
    data = parseDocument(await readFile(outline, 'utf8'), { prettyErrors: false }).toJS({ maxAliasCount: 100 });
  } catch {
    return inputs;
  }
  const dir = path.dirname(outline);
  for (const ref of fileRefs(data)) {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(ref.ref)) continue;
    const at = path.resolve(dir, ref.ref);
    inputs.add(at);
    const real = await realpath(at).catch(() => undefined);
    if (real) inputs.add(real);
  }
  return inputs;
}
