/**
 * Compressed bodies kept in large blocks of their own, each body one contiguous view. Small
 * buffers would otherwise come from Node's shared 8 KiB pool, where a kept slice pins its whole
 * slab, garbage and all.
 */
const BLOCK = 1024 * 1024;

export class Arena {
  private block = Buffer.alloc(0);
  private used = 0;

  /** A copy of `bytes` that lives as long as its view. */
  keep(bytes: Uint8Array): Buffer {
    // A large body gets a buffer of its own, so no block is left mostly empty.
    if (bytes.length > BLOCK / 8) return Buffer.from(bytes);
    if (this.used + bytes.length > this.block.length) {
      // Untouched pages cost no memory, so a small package does not pay for the whole block.
      this.block = Buffer.allocUnsafeSlow(BLOCK);
      this.used = 0;
    }
    const view = this.block.subarray(this.used, this.used + bytes.length);
    view.set(bytes);
    this.used += bytes.length;
    return view;
  }
}
