import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI, tempDir } from '../support/cli.js';

const OUTLINE = (title: string): string => `title: ${title}
slides:
  - title: Trips by month
    chart:
      labels: [July, August]
      series: [{ name: Trips, values: [11200, 13900] }]
  - title: Next steps
    bullets: [Extend the pilot]
`;

let child: ChildProcess | undefined;
afterEach(() => child?.kill('SIGINT'));

/** Collects the watcher's output and waits for a pattern to appear after a given point. */
function watcher(dir: string) {
  let out = '';
  let err = '';
  child = spawn(process.execPath, [CLI, 'watch'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const waitFor = async (stream: 'out' | 'err', pattern: RegExp, from = 0, ms = 20_000): Promise<string> => {
    const start = Date.now();
    for (;;) {
      const text = (stream === 'out' ? out : err).slice(from);
      const m = pattern.exec(text);
      if (m) return m[0];
      if (Date.now() - start > ms) throw new Error(`timed out waiting for ${pattern} in:\n${stream === 'out' ? out : err}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  };
  return { waitFor, get out() { return out; }, get err() { return err; } };
}

describe('deckgen watch', () => {
  it('builds, rebuilds on save, shows problems without exiting and keeps the last good deck', async () => {
    const dir = tempDir();
    const outline = path.join(dir, 'deck.yaml');
    writeFileSync(outline, OUTLINE('First'));
    const w = watcher(dir);
    await w.waitFor('out', /✓ output\/deck\.pptx: 3 slides/);
    await w.waitFor('err', /watching/);
    // Its own output (the new output/ folder, the deck) must not set off another build.
    await new Promise((r) => setTimeout(r, 600));
    expect(w.out.match(/✓/g)).toHaveLength(1);

    let mark = w.out.length;
    writeFileSync(outline, OUTLINE('Second'));
    await w.waitFor('out', /✓ output\/deck\.pptx: 3 slides, \d+ KB, \d\.\d\d s \(after deck\.yaml changed\)/, mark);
    const good = readFileSync(path.join(dir, 'output/deck.pptx'));

    const errMark = w.err.length;
    writeFileSync(outline, `${OUTLINE('Third')}  - titel: broken\n`);
    await w.waitFor('err', /deck\.yaml:9:5 error: unknown key "titel" \(did you mean "title"\?\)[\s\S]*waiting for changes/, errMark);
    expect(readFileSync(path.join(dir, 'output/deck.pptx')).equals(good)).toBe(true);
    expect(child!.exitCode).toBeNull();

    mark = w.out.length;
    writeFileSync(outline, OUTLINE('Fourth'));
    await w.waitFor('out', /✓ output\/deck\.pptx/, mark);
    expect(readFileSync(path.join(dir, 'output/deck.pptx')).equals(good)).toBe(false);
  }, 60_000);

  it('says so when the deck cannot be written, and keeps watching', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'deck.yaml'), OUTLINE('First'));
    // A folder where the deck should go stands in for a deck locked by PowerPoint.
    const { mkdirSync } = await import('node:fs');
    mkdirSync(path.join(dir, 'output/deck.pptx'), { recursive: true });
    const w = watcher(dir);
    await w.waitFor('err', /error: the output path is a folder[\s\S]*waiting for changes/);
    expect(child!.exitCode).toBeNull();
  }, 60_000);
});
