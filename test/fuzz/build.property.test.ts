/**
 * Every outline the schema accepts either builds into a sound package or is refused with
 * diagnostics that say where and why; nothing else escapes. `npm run fuzz` runs the same property
 * for much longer against the compiled library (test/fuzz/fuzz.long.ts).
 *
 * The cases run in a few concurrent lanes sharing one render worker: while one lane's package is
 * checked by xmllint (a worker thread), another builds, which keeps the file well under a minute.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileDeck } from '../../src/build.js';
import { InputError } from '../../src/diagnostics.js';
import { startRenderer, type Renderer } from '../../src/render/renderer.js';
import { openPptx } from '../support/ooxml.js';
import { fuzzCase, KNOWN_BUGS, prepareFolder, type FuzzCase, type KnownBug } from './arbitraries.js';
import { assertOutcome, checkCase, newTally, record, summary, type Pipeline } from './property.js';

const RUNS = Number(process.env.FUZZ_QUICK_RUNS ?? 200);
const LANES = 4;
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

const dirs: string[] = [];
let renderer: Renderer;
let pipeline: Pipeline;
const tally = newTally();

beforeAll(() => {
  renderer = startRenderer();
  pipeline = { compileDeck, InputError, renderer, timeoutMs: 30_000 };
});

afterAll(async () => {
  await renderer?.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  if (tally.runs) console.log(summary(tally, 'build property'));
});

function folder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'deckgen-fuzz-'));
  prepareFolder(dir);
  dirs.push(dir);
  return dir;
}

describe.concurrent('any outline the schema accepts builds a sound package or is refused with located diagnostics', () => {
  // Every bug found so far is fixed: generate their inputs too.
  const avoid = new Set<KnownBug>();
  for (let lane = 0; lane < LANES; lane++) {
    const runs = Math.ceil(RUNS / LANES);
    it(`lane ${lane + 1} of ${LANES}: ${runs} cases`, async () => {
      const dir = folder();
      let failed = false;
      await fc.assert(
        fc.asyncProperty(fuzzCase({ avoid }), async (c) => {
          const outcome = await checkCase(c, dir, pipeline);
          // After the first failure fast-check only shrinks it: those runs are not new cases.
          if (!failed) record(tally, c, outcome);
          failed ||= outcome.kind === 'failed';
          assertOutcome(c, outcome);
        }),
        { numRuns: runs, ...(SEED === undefined ? {} : { seed: SEED + lane }) },
      );
    }, 480_000);
  }
});

describe('the generated outlines', () => {
  it('mostly build: rejections (text that cannot fit, ...) stay a minority', () => {
    expect(tally.runs).toBeGreaterThanOrEqual(RUNS);
    expect(tally.rejected + tally.skipped, summary(tally)).toBeLessThan(tally.runs / 4);
  });
});

const outlineCase = (outline: Record<string, unknown>): FuzzCase => ({ outline, csv: {}, yaml: { options: {}, crlf: false, bom: false } });
const nested = (levels: number): unknown[] => (levels === 0 ? ['deepest'] : [`level ${levels}`, nested(levels - 1)]);

/** For each bug the fuzzer found: a minimal outline, and a check that passes once the bug is fixed. */
const KNOWN: Record<KnownBug, () => Promise<void>> = {
  'font-xml-escape': async () => {
    const c = outlineCase({ title: 'Fonts', theme: { font: 'A&B <C> "D"', headingFont: 'Bell\u0007Gothic' }, slides: [{ title: 'One', bullets: ['x'] }] });
    assertOutcome(c, await checkCase(c, folder(), pipeline));
  },
  'bullet-level-over-8': async () => {
    // Without OOXML_XSD_DIR the package checks cannot see this, so look at the levels directly.
    const dir = folder();
    const c = outlineCase({ title: 'Deep', slides: [{ title: 'Ten levels of sub-points', bullets: ['top', ...nested(10)] }] });
    const outcome = await checkCase(c, dir, pipeline);
    assertOutcome(c, outcome);
    if (outcome.kind === 'rejected') return; // refusing such depth with a clear message is a fix too
    const pptx = await openPptx((await compileDeck(path.join(dir, 'deck.yaml'), { renderer })).bytes);
    const levels = (await Promise.all(pptx.partNames.filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).map((n) => pptx.text(n))))
      .flatMap((xml) => [...xml.matchAll(/<a:pPr\b[^>]*\blvl="(\d+)"/g)].map((m) => Number(m[1])));
    expect(Math.max(...levels)).toBeLessThanOrEqual(8);
  },
};

describe('bugs the fuzzer found, fixed (regression checks)', () => {
  for (const [bug, check] of Object.entries(KNOWN) as [KnownBug, () => Promise<void>][]) {
    it(`${bug}: ${KNOWN_BUGS[bug]}`, check);
  }
});
