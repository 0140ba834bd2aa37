import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, deckgen, tempDir } from '../support/cli.js';

/** A deck big enough that writing it takes a while: the window in which an interrupt hurts most. */
function bigOutline(slides: number): string {
  const body = Array.from({ length: slides }, (_, i) => `  - title: Slide ${i + 1}\n    bullets: [first point of slide ${i + 1}, second point]\n    notes: Notes ${i + 1}.`);
  return `title: Big\nslides:\n${body.join('\n')}\n`;
}

describe('interrupting a build', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('with %s leaves the previous deck intact and no temp file', async (signal) => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'deck.yaml'), 'title: Small\nslides:\n  - { title: One, bullets: [a] }\n');
    expect(deckgen(['build'], dir).code).toBe(0);
    const before = readFileSync(path.join(dir, 'output/deck.pptx'));
    writeFileSync(path.join(dir, 'deck.yaml'), bigOutline(3000));

    const child = spawn(process.execPath, [CLI, 'build'], { cwd: dir });
    // Interrupt as soon as the temp file appears (or, failing that, mid-build).
    const started = Date.now();
    let sawTemp = false;
    while (child.exitCode === null && Date.now() - started < 60_000) {
      if (readdirSync(path.join(dir, 'output')).some((f) => f.endsWith('.tmp'))) {
        sawTemp = true;
        break;
      }
      if (Date.now() - started > 20_000) break;
      await new Promise((r) => setTimeout(r, 1));
    }
    child.kill(signal);
    // Killed by the signal itself (no handler outside the write), or exiting 130/143 from the
    // handler that removes the temp file: to a shell both are 128 + the signal's number.
    const code = await new Promise<number | null>((r) => child.on('exit', (c, s) => r(c ?? (s ? 128 + os.constants.signals[s] : null))));
    const left = readdirSync(path.join(dir, 'output'));
    if (code === 0) {
      // Finished before the signal landed: then the new deck is complete.
      expect(left).toEqual(['deck.pptx']);
      return;
    }
    expect(code).toBe(signal === 'SIGINT' ? 130 : 143);
    expect(left).toEqual(['deck.pptx']);
    expect(readFileSync(path.join(dir, 'output/deck.pptx')).equals(before)).toBe(true);
    expect(existsSync(path.join(dir, 'output/deck.pptx'))).toBe(true);
    void sawTemp; // seen here: both signals land while the temp file is being written
  }, 90_000);

  it.each(['SIGTERM', 'SIGINT'] as const)('with %s stops a busy build at once, in the middle of planning, writing nothing', async (signal) => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'deck.yaml'), bigOutline(4900));
    const child = spawn(process.execPath, [CLI, 'build'], { cwd: dir });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // Loading takes a fraction of a second; planning 4,900 slides takes seconds, all of it on the
    // main thread. A JavaScript signal handler would only run once planning ended.
    await new Promise((r) => setTimeout(r, 1500));
    child.kill(signal);
    const [code, killedBy] = await new Promise<[number | null, NodeJS.Signals | null]>((r) => child.on('exit', (c, s) => r([c, s])));
    expect({ code, killedBy, stderr }).toEqual({ code: null, killedBy: signal, stderr: '' });
    expect(existsSync(path.join(dir, 'output'))).toBe(false);
  }, 90_000);
});
