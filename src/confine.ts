/**
 * Files an outline names (images, CSV data, source texts) are read only from inside the outline's
 * folder, only when they are regular files, and never beyond a size limit: an absolute path, a
 * `..` escape or a symlink leading out is refused, and so are pipes, devices and sockets (a FIFO
 * would block the read for ever; /dev/zero never ends). The file is opened without blocking and
 * checked again through its open descriptor, so swapping it for a pipe after the check changes
 * nothing, and at most `maxBytes + 1` bytes are ever read.
 */
import { constants } from 'node:fs';
import { open, realpath } from 'node:fs/promises';
import path from 'node:path';

/** Whether `real` (a resolved path) is `root` itself or lies under it. `..logo.png` is inside. */
export function isInside(root: string, real: string): boolean {
  const rel = path.relative(root, real);
  return !path.isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${path.sep}`);
}

export type Refusal =
  | { problem: 'missing' }
  | { problem: 'outside'; real: string }
  | { problem: 'not-a-file'; real: string }
  | { problem: 'too-large'; real: string; size: number };

export type Read = { real: string; data: Buffer } | Refusal;

/** Where `ref` leads, resolving links: inside `dir` or not; undefined when it does not exist. */
export async function resolveInside(dir: string, ref: string): Promise<{ real: string; inside: boolean } | undefined> {
  const root = await realpath(dir);
  const real = await realpath(path.resolve(dir, ref)).catch(() => undefined);
  return real === undefined ? undefined : { real, inside: isInside(root, real) };
}

/** Reads a regular file of at most `maxBytes` bytes, without ever blocking on a pipe or device. */
export async function readRegularFile(real: string, maxBytes: number): Promise<Read> {
  let handle;
  try {
    handle = await open(real, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? { problem: 'missing' } : { problem: 'not-a-file', real };
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return { problem: 'not-a-file', real };
    if (info.size > maxBytes) return { problem: 'too-large', real, size: info.size };
    // The size can change while reading: read at most one byte more than allowed, and stop.
    const data = Buffer.alloc(Math.min(maxBytes + 1, Math.max(info.size, 0) + 1));
    let filled = 0;
    for (;;) {
      if (filled === data.length) {
        if (filled > maxBytes) return { problem: 'too-large', real, size: filled };
        break;
      }
      const { bytesRead } = await handle.read(data, filled, data.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    if (filled > maxBytes) return { problem: 'too-large', real, size: filled };
    return { real, data: data.subarray(0, filled) };
  } catch {
    return { problem: 'not-a-file', real };
  } finally {
    await handle.close();
  }
}

/** `ref`, relative to `dir`, read if it is a regular file inside `dir` of at most `maxBytes`. */
export async function readConfined(dir: string, ref: string, maxBytes: number): Promise<Read> {
  const where = await resolveInside(dir, ref);
  if (!where) return { problem: 'missing' };
  if (!where.inside) return { problem: 'outside', real: where.real };
  return readRegularFile(where.real, maxBytes);
}
