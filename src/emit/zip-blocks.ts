/**
 * Bytes appended piece by piece into large blocks, then drained into one buffer: the zip's
 * compressed bodies, without one small allocation per part. Small buffers come from Node's
 * shared 8 KiB pool, and a kept one pins its whole pool slab, garbage and all; here every kept
 * byte sits in a block of its own kind.
 */
const BLOCK = 1024 * 1024;

export class Blocks {
  private readonly full: Buffer[] = [];
  private current = Buffer.alloc(0);
  private used = 0;
  /** Bytes appended so far. */
  length = 0;

  append(bytes: Uint8Array): void {
    let from = 0;
    while (from < bytes.length) {
      if (this.used === this.current.length) {
        if (this.used) this.full.push(this.current);
        // Untouched pages cost no memory, so a small package does not pay for the whole block.
        this.current = Buffer.allocUnsafeSlow(BLOCK);
        this.used = 0;
      }
      const n = Math.min(bytes.length - from, this.current.length - this.used);
      this.current.set(bytes.subarray(from, from + n), this.used);
      this.used += n;
      from += n;
    }
    this.length += bytes.length;
  }

  /**
   * Everything appended, at the start of a zero-filled buffer of `size` bytes (at least `length`),
   * leaving the rest for the caller. The blocks are released.
   */
  drain(size: number): Buffer {
    const out = Buffer.alloc(size);
    let at = 0;
    for (const block of this.full) at += block.copy(out, at);
    this.current.copy(out, at, 0, this.used);
    this.full.length = 0;
    this.current = Buffer.alloc(0);
    this.used = 0;
    this.length = 0;
    return out;
  }
}
