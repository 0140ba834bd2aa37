/**
 * Speed work must not change a byte of output. The default deck and the example, built in this
 * process and by the compiled CLI, must match the digests in test/fixtures/digests.json, part by
 * part (the charts' pictures on a CPU like the one that recorded them: see machine()). A commit that changes the output on purpose regenerates them (UPDATE_DIGESTS=1 npm test --
 * test/e2e/digests.test.ts) and says so.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it, type TestContext } from 'vitest';
import { compileDeck } from '../../src/build.js';
import { deckgen, tempDir } from '../support/cli.js';

const FILE = 'test/fixtures/digests.json';
const DECKS = ['deck.yaml', 'examples/all-layouts.yaml'] as const;

interface Digest {
  /** sha256 of the whole .pptx. */
  deck: string;
  /** sha256 of every part, so a failure says which parts changed. */
  parts: Record<string, string>;
}

const sha = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/**
 * The canvas draws with the fastest code the CPU has (Skia picks SSE, AVX2 or AVX-512 at run time),
 * and those may round an anti-aliased edge differently: the charts' pictures are compared byte for
 * byte on a machine like the one that recorded the digests, and every other part on any machine.
 */
function machine(): string {
  let flags = '';
  try {
    const line = /^flags\s*:(.*)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? '';
    flags = line.split(/\s+/).filter((f) => /^(sse4_1|sse4_2|avx|avx2|fma|avx512f|avx512bw|avx512vl)$/.test(f)).sort().join(' ');
  } catch {
    // Not Linux: the model and architecture alone.
  }
  return `${os.cpus()[0]?.model ?? 'unknown'} (${process.arch}; ${flags || 'no flags read'})`;
}
/** Pictures the deck copies from the outline's folder, which the canvas never touches. */
const COPIED = new Set(['assets/logo.png', 'examples/assets/logo.png', 'examples/assets/photo.png'].map((f) => sha(readFileSync(f))));
const digest = (bytes: Uint8Array): Digest => ({ deck: sha(bytes), parts: Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, part]) => [name, sha(part)])) });
interface Digests {
  /** The CPU the digests were recorded on (see machine()). */
  machine: string;
  decks: Record<string, Digest>;
}
const committed = (): Digests => JSON.parse(readFileSync(FILE, 'utf8')) as Digests;

/** What differs, in words: parts changed, added or gone. */
function changes(want: Digest, got: Digest): string[] {
  const names = new Set([...Object.keys(want.parts), ...Object.keys(got.parts)]);
  return [...names].sort().flatMap((n) => (want.parts[n] === got.parts[n] ? [] : [`${n}: ${!want.parts[n] ? 'added' : !got.parts[n] ? 'gone' : 'changed'}`]));
}

function expectSame(name: string, bytes: Uint8Array, ctx: TestContext): void {
  const got = digest(bytes);
  const { machine: recordedOn, decks } = committed();
  const want = decks[name];
  expect(want, `${FILE} has no digest for ${name}: run UPDATE_DIGESTS=1`).toBeDefined();
  const changed = changes(want!, got);
  const here = machine();
  if (here !== recordedOn) {
    // Drawn pictures aside, every part must still match.
    const drawn = (line: string): boolean => /^ppt\/media\/[^:]+\.png: changed$/.test(line) && !COPIED.has(want!.parts[line.split(':')[0]!]!);
    expect(changed.filter((c) => !drawn(c)), `${name} changed; if on purpose, run UPDATE_DIGESTS=1 and say so in the commit`).toEqual([]);
    ctx.skip(changed.length > 0, `${changed.length} chart pictures were drawn differently on this CPU, ${here}, than on the one that recorded the digests, ${recordedOn}; every other part matched`);
  }
  // Parts first, so a failure names them; then the whole file (zip order, dates, compression).
  expect(changed, `${name} changed; if on purpose, run UPDATE_DIGESTS=1 and say so in the commit`).toEqual([]);
  expect(got.deck, `${name}: the parts are the same but the zip differs`).toBe(want!.deck);
}

describe('output digests', () => {
  it.for(DECKS)('%s, built in process, is byte-identical to the committed digest', { timeout: 120_000 }, async (name, ctx) => {
    const { bytes } = await compileDeck(name, { env: {} });
    if (process.env.UPDATE_DIGESTS) {
      const { decks } = committed();
      writeFileSync(FILE, `${JSON.stringify({ machine: machine(), decks: { ...decks, [name]: digest(bytes) } }, null, 1)}\n`);
      return;
    }
    expectSame(name, bytes, ctx);
  });

  it.for(DECKS)('%s, built by the compiled CLI, is byte-identical too', { timeout: 120_000 }, (name, ctx) => {
    const out = path.join(tempDir(), 'deck.pptx');
    const env = { SOURCE_DATE_EPOCH: '', DECKGEN_CACHE_DIR: tempDir() };
    const r = deckgen(['build', name, '--out', out, '-q'], process.cwd(), env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    if (!process.env.UPDATE_DIGESTS) expectSame(name, readFileSync(out), ctx);
  });
});
