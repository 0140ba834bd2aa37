/**
 * The property every generated outline must satisfy, shared by the quick run in `npm test`
 * (sources) and the long run in `npm run fuzz` (compiled dist/):
 *
 * either the deck builds and its package is sound (well-formed XML, no illegal characters,
 * relationships and content types intact, and XSD-valid when OOXML_XSD_DIR is set), or the build
 * fails with an InputError whose every diagnostic says where (file, line >= 1, column >= 1), what
 * (a message) and, for text that does not fit, how to fix it (a hint). Anything else is a bug.
 */
import type { Diagnostic } from '../../src/diagnostics.js';
import type { Renderer } from '../../src/render/renderer.js';
import { openPptx, packageProblems, xsdProblems } from '../support/ooxml.js';
import { powerPointProblems, slidesInPowerPoint } from '../support/powerpoint.js';
import { roundTrips, writeCase, yamlText, type FuzzCase } from './arbitraries.js';

export interface Pipeline {
  compileDeck(file: string, options: { renderer: Renderer }): Promise<{ bytes: Uint8Array }>;
  InputError: abstract new (...args: never[]) => { diagnostics: Diagnostic[] };
  renderer: Renderer;
  /** A build taking longer than this is a failure (a hang), not a wait. */
  timeoutMs?: number;
}

export type Outcome =
  | { kind: 'built'; ms: number }
  | { kind: 'rejected'; ms: number; reason: string }
  /** yaml's own stringify could not round-trip the data: says nothing about deckgen, not built. */
  | { kind: 'skipped' }
  /** The property does not hold. `signature` groups failures of one kind (one bug). */
  | { kind: 'failed'; ms: number; signature: string; detail: string };

/** "series "Trips" has 3 values" -> "series "…" has N values": messages grouped by kind. */
export const gist = (message: string): string =>
  message
    .replace(/"(?:[^"\\]|\\.)*"/g, '"…"')
    .replace(/\d+(\.\d+)?/g, 'N')
    .slice(0, 140);

/** Builds one case in `dir` and judges the result. Never throws for deckgen's failures: returns them. */
export async function checkCase(c: FuzzCase, dir: string, p: Pipeline): Promise<Outcome> {
  if (!roundTrips(c)) return { kind: 'skipped' };
  const file = writeCase(dir, c);
  const start = performance.now();
  let bytes: Uint8Array;
  try {
    bytes = (await withTimeout(p.compileDeck(file, { renderer: p.renderer }), p.timeoutMs ?? 60_000)).bytes;
  } catch (e) {
    if (e instanceof Timeout) return { kind: 'failed', ms: performance.now() - start, signature: 'timeout: the build did not finish', detail: e.message };
    const ms = performance.now() - start;
    if (!(e instanceof p.InputError)) {
      const err = e as Error | undefined;
      return { kind: 'failed', ms, signature: `threw ${err?.name ?? typeof e}: ${gist(String(err?.message ?? e).split('\n')[0]!)}`, detail: `compileDeck threw something other than an InputError:\n${err?.stack ?? String(e)}` };
    }
    const bad = diagnosticProblem(e.diagnostics);
    if (bad) return { kind: 'failed', ms, signature: `bad diagnostic: ${bad.why} (${bad.d ? `${bad.d.code}: ${gist(bad.d.message)}` : 'none'})`, detail: `InputError with a diagnostic that ${bad.why}:\n${JSON.stringify(bad.d ?? e.diagnostics, null, 2)}` };
    const first = e.diagnostics.find((d) => d.severity === 'error')!;
    return { kind: 'rejected', ms, reason: `${first.code}: ${gist(first.message)}` };
  }
  const ms = performance.now() - start;
  const pptx = await openPptx(bytes);
  const problems = await packageProblems(pptx);
  if (problems.length) return { kind: 'failed', ms, signature: `package problem: ${gist(problems[0]!.replace(/ \| .*/, ''))}`, detail: `the deck built, but its package has problems:\n${problems.join('\n')}` };
  const xsdDir = process.env.OOXML_XSD_DIR;
  if (xsdDir) {
    const invalid = await xsdProblems(pptx, xsdDir);
    if (invalid.length) return { kind: 'failed', ms, signature: `schema problem: ${gist(invalid[0]!)}`, detail: `the deck built, but is not valid against the ECMA-376 schemas:\n${invalid.join('\n')}` };
  }
  // Colours the outline picks are its own (a pair below WCAG's ratio is only a warning): contrast
  // is judged where deckgen chose every colour.
  const own = JSON.stringify(c.outline).includes('"theme":{"') || /"(primary|accent|text|muted|background|palette)":/.test(JSON.stringify(c.outline));
  const lang = typeof c.outline.lang === 'string' ? c.outline.lang : 'en-US';
  const inPowerPoint = powerPointProblems(await slidesInPowerPoint(pptx), lang, { contrast: !own });
  if (inPowerPoint.length) return { kind: 'failed', ms, signature: `PowerPoint problem: ${gist(inPowerPoint[0]!.replace(/^slide \d+: /, ''))}`, detail: `the deck built, but PowerPoint would find:\n${inPowerPoint.join('\n')}` };
  return { kind: 'built', ms };
}

class Timeout extends Error {}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Timeout(`the build took more than ${ms} ms`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

function diagnosticProblem(ds: Diagnostic[]): { why: string; d?: Diagnostic } | undefined {
  if (!Array.isArray(ds) || ds.length === 0) return { why: 'list is empty' };
  if (!ds.some((d) => d.severity === 'error')) return { why: 'list has no error' };
  for (const d of ds) {
    if (typeof d.file !== 'string' || d.file === '') return { why: 'has no file', d };
    if (!Number.isInteger(d.line) || d.line < 1) return { why: 'has no line >= 1', d };
    if (!Number.isInteger(d.column) || d.column < 1) return { why: 'has no column >= 1', d };
    if (typeof d.message !== 'string' || d.message.trim() === '') return { why: 'has no message', d };
    if (typeof d.code !== 'string' || d.code === '') return { why: 'has no code', d };
    const aboutFit = d.code === 'does-not-fit' || /does not fit|taller than/i.test(d.message);
    if (aboutFit && !d.hint?.trim()) return { why: 'is about text that does not fit but has no hint', d };
  }
  return undefined;
}

/** The case as a reader wants it: the outline file and its CSV files. */
export const caseText = (c: FuzzCase): string =>
  `--- deck.yaml ---\n${yamlText(c)}${Object.entries(c.csv).map(([f, body]) => `--- ${f} ---\n${body}`).join('')}`;

/** Throws when the outcome is a failure: for fc.assert. */
export function assertOutcome(c: FuzzCase, o: Outcome): void {
  if (o.kind === 'failed') throw new Error(`${o.detail}\n${caseText(c)}`);
}

export interface Tally {
  runs: number;
  built: number;
  rejected: number;
  skipped: number;
  failed: number;
  reasons: Map<string, number>;
  /** Failures by signature: how many, and where the first one was (lane and run in that lane, to replay it). */
  failures: Map<string, { count: number; first: { lane: number; run: number } }>;
  ms: number;
  slowest: { ms: number; text: string };
}

export const newTally = (): Tally => ({ runs: 0, built: 0, rejected: 0, skipped: 0, failed: 0, reasons: new Map(), failures: new Map(), ms: 0, slowest: { ms: 0, text: '' } });

export function record(t: Tally, c: FuzzCase, o: Outcome, at = { lane: 0, run: t.runs }): void {
  t.runs++;
  if (o.kind === 'skipped') return void t.skipped++;
  t.ms += o.ms;
  if (o.ms > t.slowest.ms) t.slowest = { ms: o.ms, text: caseText(c) };
  if (o.kind === 'built') t.built++;
  else if (o.kind === 'rejected') {
    t.rejected++;
    t.reasons.set(o.reason, (t.reasons.get(o.reason) ?? 0) + 1);
  } else {
    t.failed++;
    const f = t.failures.get(o.signature);
    if (f) f.count++;
    else t.failures.set(o.signature, { count: 1, first: at });
  }
}

/** The tally as a few lines for a human. */
export function summary(t: Tally, label = 'fuzz'): string {
  const pct = (n: number): string => `${((100 * n) / Math.max(1, t.runs)).toFixed(1)}%`;
  const judged = t.built + t.rejected + t.failed;
  const lines = [
    `${label}: ${t.runs} runs: ${t.built} built (${pct(t.built)}), ${t.rejected} rejected (${pct(t.rejected)}), ${t.failed} failed, ${t.skipped} skipped (yaml cannot round-trip)`,
    `  compileDeck: ${(t.ms / 1000).toFixed(1)} s in all, ${(t.ms / Math.max(1, judged)).toFixed(0)} ms per case, slowest ${t.slowest.ms.toFixed(0)} ms`,
  ];
  if (t.reasons.size) {
    lines.push('  rejected because (first error, by code):');
    for (const [k, n] of [...t.reasons].sort((a, b) => b[1] - a[1])) lines.push(`    ${String(n).padStart(6)}  ${k}`);
  }
  if (t.failures.size) {
    lines.push('  FAILURES:');
    for (const [k, f] of [...t.failures].sort((a, b) => b[1].count - a[1].count)) lines.push(`    ${String(f.count).padStart(6)}  ${k}`);
  }
  return lines.join('\n');
}
