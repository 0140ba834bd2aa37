import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
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
function watcher(dir: string, env: NodeJS.ProcessEnv = {}) {
  let out = '';
  let err = '';
  child = spawn(process.execPath, [CLI, 'watch'], { cwd: dir, env: { ...process.env, NO_COLOR: '1', ...env } });
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
  it('prints each rebuild\'s stages with DECKGEN_TIMINGS=1', async () => {
    const dir = tempDir();
    const outline = path.join(dir, 'deck.yaml');
    writeFileSync(outline, OUTLINE('First'));
    const w = watcher(dir, { DECKGEN_TIMINGS: '1' });
    await w.waitFor('out', /✓ output\/deck\.pptx/);
    await w.waitFor('err', /deckgen timings[\s\S]*rebuild +\d+\.\d ms/);
    const mark = w.err.length;
    writeFileSync(outline, OUTLINE('Second'));
    const second = await w.waitFor('err', /deckgen timings[\s\S]*?rebuild +\d+\.\d ms/, mark);
    // A rebuild has no start-up of its own: its report starts at its first stage.
    expect(second).not.toMatch(/start-up/);
    expect(second).toMatch(/^ {2}load +\d+\.\d ms$/m);
  });

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
    // The same summary line as build prints: slides, charts, size and time.
    await w.waitFor('out', /✓ output\/deck\.pptx: 3 slides, 1 chart, \d+ KB, \d\.\d\d s \(after deck\.yaml changed\)/, mark);
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

  it('watches only what the build reads: its own log in the folder does not set off builds', async () => {
    const dir = tempDir();
    const outline = path.join(dir, 'deck.yaml');
    writeFileSync(outline, OUTLINE('First'));
    const log = path.join(dir, 'watch.log');
    // As a user runs it: `deckgen watch deck.yaml > watch.log 2>&1`, one file for both streams, in order.
    child = spawn('sh', ['-c', `exec "${process.execPath}" "${CLI}" watch deck.yaml > watch.log 2>&1`], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
    const read = (): string => (existsSync(log) ? readFileSync(log, 'utf8') : '');
    const waitFor = async (pattern: RegExp): Promise<void> => {
      for (let i = 0; i < 800 && !pattern.test(read()); i++) await new Promise((r) => setTimeout(r, 25));
      expect(read()).toMatch(pattern);
    };
    await waitFor(/watching/);
    // The summary of the first build comes first, then "watching".
    expect(read()).toMatch(/^✓ output\/deck\.pptx: 3 slides, 1 chart, [^\n]*\nwatching \. for changes/);
    writeFileSync(path.join(dir, 'notes.txt'), 'not an input');
    writeFileSync(outline, OUTLINE('Second'));
    await waitFor(/\(after deck\.yaml changed\)/);
    const text = read();
    expect(text).not.toMatch(/after (watch\.log|notes\.txt) changed/);
    expect(text.match(/✓/g)).toHaveLength(2);
  }, 60_000);

  it('rebuilds when an image the outline names appears, and not for other files', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'deck.yaml'), `${OUTLINE('First')}  - title: Photo\n    image: { path: photo.png }\n`);
    const w = watcher(dir);
    await w.waitFor('err', /image "photo\.png" not found[\s\S]*watching/);
    writeFileSync(path.join(dir, 'other.png'), readFileSync('examples/assets/photo.png'));
    writeFileSync(path.join(dir, 'photo.png'), readFileSync('examples/assets/photo.png'));
    await w.waitFor('out', /✓ output\/deck\.pptx: 4 slides[^\n]*\(after photo\.png changed\)/);
    expect(w.out).not.toMatch(/other\.png/);
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
