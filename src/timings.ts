/**
 * DECKGEN_TIMINGS=1: how long each stage of a command took, printed to stderr when it ends, so a
 * user (or a benchmark) can see where the time goes. Costs nothing when the variable is unset.
 */

const spans: { stage: string; ms: number }[] = [];

export const timingsOn = (env: NodeJS.ProcessEnv = process.env): boolean => !!env.DECKGEN_TIMINGS && env.DECKGEN_TIMINGS !== '0';

/**
 * Milliseconds on a monotonic clock. process.hrtime rather than the global `performance`, whose
 * first use loads perf_hooks (~1 ms of every start); that is left to DECKGEN_TIMINGS, which needs
 * the time since the process started.
 */
export const now = (): number => Number(process.hrtime.bigint()) / 1e6;

/** Runs `work`, adding its wall time to `stage` (stages met twice add up). */
export async function timed<T>(stage: string, work: () => Promise<T>): Promise<T> {
  const start = now();
  try {
    return await work();
  } finally {
    note(stage, now() - start);
  }
}

/** The synchronous twin of timed(). */
export function timedSync<T>(stage: string, work: () => T): T {
  const start = now();
  try {
    return work();
  } finally {
    note(stage, now() - start);
  }
}

function note(stage: string, ms: number): void {
  const seen = spans.find((s) => s.stage === stage);
  if (seen) seen.ms += ms;
  else spans.push({ stage, ms });
}

/** Marks the moment the command starts its work: everything before is Node and deckgen loading. */
let started: number | undefined;
export function commandStarted(): void {
  if (timingsOn()) started ??= performance.now();
}

/**
 * The stages so far, one per line, and forgets them (watch prints one report per rebuild):
 * start-up (Node starting and deckgen loading, measured from the process's start), then each
 * stage, then the process's time so far (or, for a watch rebuild, the stages' sum), and its peak
 * memory.
 */
export function timingsReport(wall = true): string {
  const lines: string[] = [];
  const row = (name: string, ms: number): number => lines.push(`  ${name.padEnd(10)} ${ms.toFixed(1).padStart(8)} ms`);
  if (started !== undefined) row('start-up', started);
  for (const s of spans) row(s.stage, s.ms);
  // A one-off command: the process's whole life so far; a watch rebuild: its stages.
  row(wall ? 'total' : 'rebuild', wall ? performance.now() : spans.reduce((t, s) => t + s.ms, 0));
  lines.push(`  peak RSS   ${(process.resourceUsage().maxRSS / 1024).toFixed(0).padStart(8)} MiB`);
  spans.length = 0;
  started = undefined;
  return `deckgen timings (DECKGEN_TIMINGS):\n${lines.join('\n')}\n`;
}
