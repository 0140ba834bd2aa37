import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deckgen, tempDir } from '../support/cli.js';

const GOOD = `title: Small deck
sources:
  - { id: s, title: A source, author: Someone, date: 2020 }
slides:
  - title: One point
    bullets: [first, second]
    source: s
    notes: Say this.
`;

function project(files: Record<string, string | Buffer>): string {
  const dir = tempDir();
  for (const [name, body] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), body);
  }
  return dir;
}

const noStackTrace = (s: string): void => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);

describe('deckgen CLI', () => {
  it('prints help with examples and exits 0', () => {
    const r = deckgen(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('deckgen build [outline] [--out FILE]');
    expect(r.stdout).toContain('Exit codes');
  });

  it('prints the package version', () => {
    const r = deckgen(['--version']);
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  it('builds deck.yaml into output/deck.pptx by default and prints one summary line', () => {
    const dir = project({ 'deck.yaml': GOOD });
    const r = deckgen(['build'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^✓ output\/deck\.pptx: 3 slides, 0 charts, \d+ KB, \d+\.\d\d s$/);
    expect(existsSync(path.join(dir, 'output/deck.pptx'))).toBe(true);
  });

  it('builds another outline to --out, creating the folder, quietly with -q', () => {
    const dir = project({ 'talks/q3.yaml': GOOD });
    const r = deckgen(['build', 'talks/q3.yaml', '--out', 'dist/q3.pptx', '-q'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(existsSync(path.join(dir, 'dist/q3.pptx'))).toBe(true);
  });

  it('adds .pptx to an --out without an extension', () => {
    const dir = project({ 'deck.yaml': GOOD });
    const r = deckgen(['build', '--out', 'deck4'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^✓ deck4\.pptx: /);
    expect(existsSync(path.join(dir, 'deck4.pptx'))).toBe(true);
    expect(existsSync(path.join(dir, 'deck4'))).toBe(false);
  });

  it('reports every problem with file:line:col and a hint, exits 1, and writes nothing', () => {
    const dir = project({ 'bad.yaml': 'title: Bad\nslides:\n  - titel: x\n    bullets: [a]\n  - layout: kpiz\n    title: y\n' });
    const r = deckgen(['build', 'bad.yaml'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('bad.yaml:3:5 error: unknown key "titel" (did you mean "title"?)');
    expect(r.stderr).toContain('bad.yaml:5:13 error: "kpiz" is not one of the allowed values (did you mean "kpis"?)');
    expect(r.stderr).toMatch(/hint: allowed: title, agenda, section/);
    expect(r.stderr).toContain('2 problems; nothing was written.');
    noStackTrace(r.stderr);
    expect(existsSync(path.join(dir, 'output'))).toBe(false);
  });

  it('keeps the previous deck when a later build fails', () => {
    const dir = project({ 'deck.yaml': GOOD });
    expect(deckgen(['build'], dir).code).toBe(0);
    const before = readFileSync(path.join(dir, 'output/deck.pptx'));
    writeFileSync(path.join(dir, 'deck.yaml'), `${GOOD}  - title: [unclosed\n`);
    const r = deckgen(['build'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^deck\.yaml:\d+:\d+ error: /);
    expect(readFileSync(path.join(dir, 'output/deck.pptx')).equals(before)).toBe(true);
    expect(readdirSync(path.join(dir, 'output'))).toEqual(['deck.pptx']);
  });

  it.each([
    ['a missing file', {}, 'nope.yaml', 'nope.yaml:1:1 error: no such file'],
    ['a folder', { 'talks/a.yaml': GOOD }, 'talks', 'talks:1:1 error: this is a folder, not an outline file'],
    ['an empty file', { 'empty.yaml': '\n \n' }, 'empty.yaml', 'empty.yaml:1:1 error: the outline is empty'],
    ['a list instead of a mapping', { 'list.yaml': '- a\n- b\n' }, 'list.yaml', 'list.yaml:1:1 error: the outline must be a mapping'],
  ])('explains %s in one clear message', (_what, files, arg, message) => {
    const dir = project(files as Record<string, string>);
    const r = deckgen(['build', arg], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain('hint:');
    noStackTrace(r.stderr);
  });

  it('points at the outline line of a missing image', () => {
    const dir = project({ 'deck.yaml': `${GOOD}  - title: Picture\n    image: { path: assets/missing.png }\n` });
    const r = deckgen(['build'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('deck.yaml:10:20 error: image "assets/missing.png" not found');
  });

  it('refuses a file that is not an image', () => {
    const dir = project({ 'deck.yaml': `${GOOD}  - title: Picture\n    image: { path: notes.txt }\n`, 'notes.txt': 'hello' });
    const r = deckgen(['build'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('"notes.txt" is not a PNG or JPEG image');
  });

  it('uses a logo from the outline folder', () => {
    const dir = project({ 'deck.yaml': `theme: { logo: logo.png }\n${GOOD}` });
    copyFileSync('assets/logo.png', path.join(dir, 'logo.png'));
    expect(deckgen(['build'], dir).code).toBe(0);
  });

  it('refuses an output path that is a folder, or the outline itself', () => {
    const dir = project({ 'deck.yaml': GOOD, 'out/keep.txt': '' });
    const folder = deckgen(['build', '--out', 'out'], dir);
    expect(folder.code).toBe(1);
    expect(folder.stderr).toContain('out:1:1 error: the output path is a folder');
    const self = deckgen(['build', '--out', 'deck.yaml'], dir);
    expect(self.code).toBe(1);
    expect(self.stderr).toContain('the output would overwrite the outline itself');
    expect(readFileSync(path.join(dir, 'deck.yaml'), 'utf8')).toBe(GOOD);
  });

  // Node 20's recursive mkdir never returns under /proc: deckgen used to hang here.
  it('says it cannot write where no folder can be made, rather than hang', (ctx) => {
    ctx.skip(!existsSync('/proc/self'), 'needs /proc (Linux)');
    const dir = project({ 'deck.yaml': GOOD });
    const build = deckgen(['build', '--out', '/proc/deckgen-none/deck.pptx'], dir);
    expect(build.code).toBe(1);
    expect(build.stderr).toContain('error: cannot write /proc/deckgen-none/deck.pptx');
    const init = deckgen(['init', '/proc/deckgen-none'], dir);
    expect(init.code).toBe(1);
    expect(init.stderr).toContain('deckgen: cannot write /proc/deckgen-none/');
    expect(deckgen(['build', '-q', '--out', 'cached.pptx'], dir, { DECKGEN_CACHE_DIR: '/proc/deckgen-none' }).code).toBe(0);
  });

  it('says what is in the way of an output path, in words, and never writes a file named like a folder', () => {
    const dir = project({ 'deck.yaml': GOOD, afile: '' });
    const slash = deckgen(['build', '--out', 'newdir/'], dir);
    expect(slash.code).toBe(1);
    expect(slash.stderr).toContain('newdir/:1:1 error: the output path is a folder');
    expect(existsSync(path.join(dir, 'newdir'))).toBe(false);
    const under = deckgen(['build', '--out', 'afile/x.pptx'], dir);
    expect(under.code).toBe(1);
    expect(under.stderr).toContain('cannot write afile/x.pptx: a file is in the way of its folder');
    const init = deckgen(['init', 'afile/sub'], dir);
    expect(init.code).toBe(1);
    expect(init.stderr).toContain('a file is in the way of its folder');
    const watch = deckgen(['watch', 'missing.yaml'], dir);
    expect(watch.code).toBe(1);
    expect(watch.stderr).toContain('missing.yaml:1:1 error: no such file');
  });

  it('rejects unknown commands and options with exit 1', () => {
    expect(deckgen(['publish']).code).toBe(1);
    const r = deckgen(['build', '--fast']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('unknown option --fast');
  });
});
