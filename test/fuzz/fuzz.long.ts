/**
 * The long fuzz run (`npm run fuzz`, see scripts/fuzz.mjs): the build property of
 * build.property.test.ts, FUZZ_RUNS times (default 10,000), against the compiled library in dist/.
 *
 * Unlike the quick run it does not stop at the first failure: it runs every case, groups the
 * failures by kind, and then replays the first case of each kind and shrinks it (keeping the same
 * kind of failure), so one run reports every distinct bug with a small counterexample.
 *
 * The runs are shared among FUZZ_LANES (default 3) concurrent lanes with seeds SEED, SEED+1, ...,
 * sharing one render worker, so building one case overlaps with checking another's package.
 *
 * Environment: FUZZ_RUNS, FUZZ_SEED, FUZZ_LANES, FUZZ_KNOWN_BUGS=include (also generate inputs of bugs already
 * known), FUZZ_REPORT=file (write the summary as JSON), OOXML_XSD_DIR (also validate against XSDs).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { fuzzCase, KNOWN_BUGS, prepareFolder, type FuzzCase, type KnownBug } from './arbitraries.js';
import { caseText, checkCase, newTally, record, summary, type Pipeline } from './property.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : (Date.now() ^ (Math.random() * 0x7fffffff)) | 0;
const LANES = Math.max(1, Number(process.env.FUZZ_LANES ?? 3));
// FUZZ_AVOID=bug,bug leaves out the inputs of bugs under repair; every bug found so far is fixed.
const avoid = new Set((process.env.FUZZ_AVOID ?? '').split(',').filter((b): b is KnownBug => b in KNOWN_BUGS));

const dist = (file: string): string => pathToFileURL(path.resolve('dist', file)).href;
const out = (s: string): boolean => process.stdout.write(`${s}\n`);

it('fuzz: every generated outline builds soundly or is refused clearly', async () => {
  const { compileDeck } = (await import(dist('build.js'))) as typeof import('../../src/build.js');
  const { InputError } = (await import(dist('diagnostics.js'))) as typeof import('../../src/diagnostics.js');
  const { startRenderer } = (await import(dist('render/renderer.js'))) as typeof import('../../src/render/renderer.js');
  const dirs = Array.from({ length: LANES }, () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'deckgen-fuzz-'));
    prepareFolder(dir);
    return dir;
  });
  const renderer = startRenderer();
  const pipeline: Pipeline = { compileDeck, InputError, renderer, timeoutMs: 120_000 };
  const arb = fuzzCase({ avoid });
  const tally = newTally();
  const started = performance.now();
  let lastReport = started;
  out(`fuzz: ${RUNS} runs in ${LANES} lanes, seed ${SEED}${avoid.size ? `, leaving out known bugs: ${[...avoid].join(', ')}` : ''}${process.env.OOXML_XSD_DIR ? ', with XSD validation' : ''}`);
  try {
    // Phase 1: every case, failures recorded rather than thrown.
    const lane = (i: number): Promise<unknown> => {
      let run = 0;
      return fc.check(
        fc.asyncProperty(arb, async (c) => {
          record(tally, c, await checkCase(c, dirs[i]!, pipeline), { lane: i, run: run++ });
          const now = performance.now();
          if (now - lastReport > 10_000 || tally.runs === RUNS) {
            lastReport = now;
            const rate = tally.runs / ((now - started) / 1000);
            out(`  ${tally.runs}/${RUNS}: ${tally.built} built, ${tally.rejected} rejected, ${tally.failed} failed; ${rate.toFixed(1)} cases/s, eta ${((RUNS - tally.runs) / rate).toFixed(0)} s, rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`);
          }
        }),
        { numRuns: Math.floor(RUNS / LANES) + (i < RUNS % LANES ? 1 : 0), seed: SEED + i },
      );
    };
    await Promise.all(Array.from({ length: LANES }, (_, i) => lane(i)));
    out(summary(tally));
    out(`  wall time: ${((performance.now() - started) / 1000).toFixed(1)} s`);

    // Phase 2: shrink the first case of each kind of failure, holding on to that kind.
    const shrunk: { signature: string; count: number; replay: string; text: string; detail: string }[] = [];
    for (const [signature, f] of tally.failures) {
      let detail = '';
      const result = await fc.check(
        fc.asyncProperty(arb, async (c: FuzzCase) => {
          const o = await checkCase(c, dirs[0]!, pipeline);
          if (o.kind === 'failed' && o.signature === signature) {
            detail = o.detail;
            return false;
          }
          return true;
        }),
        { seed: SEED + f.first.lane, path: String(f.first.run), numRuns: 1 },
      );
      const c = result.counterexample?.[0];
      const text = c ? caseText(c) : '(the failure did not reproduce on replay)';
      const replay = `fc seed ${SEED + f.first.lane}, path ${result.counterexamplePath ?? f.first.run}`;
      shrunk.push({ signature, count: f.count, replay, text, detail });
      out(`\nFAILURE (${f.count}x): ${signature}\n  first seen: lane ${f.first.lane + 1}, run ${f.first.run + 1} (${replay})\n${detail.split('\n').slice(0, 12).join('\n')}\nshrunk counterexample:\n${text}`);
    }
    if (process.env.FUZZ_REPORT) {
      writeFileSync(process.env.FUZZ_REPORT, JSON.stringify({
        seed: SEED, runs: tally.runs, built: tally.built, rejected: tally.rejected, failed: tally.failed, skipped: tally.skipped,
        seconds: (performance.now() - started) / 1000, msPerCase: tally.ms / Math.max(1, tally.runs - tally.skipped),
        rejectedBy: Object.fromEntries(tally.reasons), failures: shrunk,
      }, null, 2));
    }
  } finally {
    await renderer.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
  expect(tally.failed, summary(tally)).toBe(0);
});
