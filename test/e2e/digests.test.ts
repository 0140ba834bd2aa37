/**
 * Speed work must not change a byte of output. The default deck and the example, built in this
 * process and by the compiled CLI, must match the digests in test/fixtures/digests.json, part by
 * part. A commit that changes the output on purpose regenerates them (UPDATE_DIGESTS=1 npm test --
 * test/e2e/digests.test.ts) and says so.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
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
const digest = (bytes: Uint8Array): Digest => ({ deck: sha(bytes), parts: Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, part]) => [name, sha(part)])) });
const committed = (): Record<string, Digest> => JSON.parse(readFileSync(FILE, 'utf8')) as Record<string, Digest>;

/** What differs, in words: parts changed, added or gone. */
function changes(want: Digest, got: Digest): string[] {
  const names = new Set([...Object.keys(want.parts), ...Object.keys(got.parts)]);
  return [...names].sort().flatMap((n) => (want.parts[n] === got.parts[n] ? [] : [`${n}: ${!want.parts[n] ? 'added' : !got.parts[n] ? 'gone' : 'changed'}`]));
}

function expectSame(name: string, bytes: Uint8Array): void {
  const got = digest(bytes);
  const want = committed()[name];
  expect(want, `${FILE} has no digest for ${name}: run UPDATE_DIGESTS=1`).toBeDefined();
  // Parts first, so a failure names them; then the whole file (zip order, dates, compression).
  expect(changes(want!, got), `${name} changed; if on purpose, run UPDATE_DIGESTS=1 and say so in the commit`).toEqual([]);
  expect(got.deck, `${name}: the parts are the same but the zip differs`).toBe(want!.deck);
}

describe('output digests', () => {
  it.each(DECKS)('%s, built in process, is byte-identical to the committed digest', async (name) => {
    const { bytes } = await compileDeck(name, { env: {} });
    if (process.env.UPDATE_DIGESTS) {
      writeFileSync(FILE, `${JSON.stringify({ ...committed(), [name]: digest(bytes) }, null, 1)}\n`);
      return;
    }
    expectSame(name, bytes);
  }, 120_000);

  it.each(DECKS)('%s, built by the compiled CLI, is byte-identical too', (name) => {
    const out = path.join(tempDir(), 'deck.pptx');
    const env = { SOURCE_DATE_EPOCH: '', DECKGEN_CACHE_DIR: tempDir() };
    const r = deckgen(['build', name, '--out', out, '-q'], process.cwd(), env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    if (!process.env.UPDATE_DIGESTS) expectSame(name, readFileSync(out));
  }, 120_000);
});
