// The hostile corpus, round two (issue 15): every class an adversarial pass found, through the
// real CLI. Each input is refused with `file:line:col error:` lines and a hint, writing nothing,
// or builds correctly where it is valid. (bad-inputs.test.ts holds round one.)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { CLI, tempDir } from '../support/cli.js';
import { png, pngFrom, rgbRows } from '../fuzz/png.js';

const posix = process.platform !== 'win32';
const PROBLEM = /^(.+):(\d+):(\d+) (error|warning): (.+)$/;

interface Case {
  /** Files of the project, written before the run; a function for binary or generated ones. */
  files: Record<string, string | Buffer | (() => string | Buffer)>;
  /** The command line after `deckgen` (default: build deck.yaml). */
  args?: string[];
  env?: NodeJS.ProcessEnv;
  /** Set up what a file cannot be: FIFOs, symlinks. */
  make?: (dir: string) => void;
  /** `file:line:col` and message of an error that must be reported; or `builds`. */
  error?: [RegExp | string, RegExp];
  builds?: true;
}

const image = (ref: string): string => `title: Images\nslides:\n  - title: A picture\n    image: { path: "${ref}" }\n`;
const csvDeck = 'title: Data\nslides:\n  - title: From a CSV\n    chart: { data: data.csv }\n';
const photo = (): Buffer => {
  const c = createCanvas(240, 160);
  const g = c.getContext('2d');
  for (let x = 0; x < 240; x += 6) (g.fillStyle = `rgb(${x},${(x * 5) % 255},120)`), g.fillRect(x, 0, 6, 160);
  return c.encodeSync('jpeg', 90);
};
const GOOD = 'title: T\nslides:\n  - { title: One, bullets: [a] }\n';

const CASES: Record<string, Case> = {
  'a 1 MB PNG that inflates far beyond its declared 100 x 100 px': {
    files: { 'deck.yaml': image('bomb.png'), 'bomb.png': () => pngFrom({ width: 100, height: 100 }, Buffer.alloc(1000 * 1024 * 1024)) },
    error: ['deck.yaml:4:20', /larger than its size/],
  },
  'an interlaced PNG with a third of its pixel data': {
    files: { 'deck.yaml': image('interlaced.png'), 'interlaced.png': () => { const rows = rgbRows(90, 60, true); return pngFrom({ width: 90, height: 60, interlace: 1 }, rows.subarray(0, rows.length / 3)); } },
    error: ['deck.yaml:4:20', /pixel data is incomplete/],
  },
  'a PNG using filter type 9': {
    files: { 'deck.yaml': image('filter.png'), 'filter.png': () => { const rows = rgbRows(30, 20); rows[(1 + 90) * 7] = 9; return pngFrom({ width: 30, height: 20 }, rows); } },
    error: ['deck.yaml:4:20', /filter type 9/],
  },
  'a JPEG cut in the middle with an end marker appended': {
    files: { 'deck.yaml': image('cut.jpg'), 'cut.jpg': () => { const j = photo(); return Buffer.concat([j.subarray(0, Math.floor(j.length * 0.6)), Buffer.from([0xff, 0xd9])]); } },
    error: ['deck.yaml:4:20', /image data is incomplete or damaged/],
  },
  'a whole JPEG (valid)': { files: { 'deck.yaml': image('photo.jpg'), 'photo.jpg': photo }, builds: true },
  'a logo named "..logo.png" inside the folder (valid)': { files: { 'deck.yaml': `title: T\ntheme: { logo: ..logo.png }\nslides:\n  - { title: One, bullets: [a] }\n`, '..logo.png': () => png(40, 20) }, builds: true },
  'a one-row CSV with 20,000 series': {
    files: { 'deck.yaml': csvDeck, 'data.csv': () => `L,${Array.from({ length: 20_000 }, (_, i) => `s${i}`).join(',')}\nx,${Array.from({ length: 20_000 }, () => '1').join(',')}\n` },
    error: ['data.csv:1:1', /20000 series; a chart shows at most 50/],
  },
  '200 series of 500 points': {
    files: { 'deck.yaml': csvDeck, 'data.csv': () => [`L,${Array.from({ length: 200 }, (_, i) => `s${i}`).join(',')}`, ...Array.from({ length: 500 }, (_, r) => `r${r},${Array.from({ length: 200 }, () => '1').join(',')}`)].join('\n') },
    error: ['data.csv:1:1', /200 series/],
  },
  'hex, binary, octal and decimal-comma numbers in a CSV': {
    files: { 'deck.yaml': csvDeck, 'data.csv': 'L,a,b,c,d,e\nx,0x10,0b101,0o17,"3,5","1,2,3,4"\n' },
    error: ['data.csv:2:3', /"0x10" is not a number/],
  },
  'a CSV with CR-only line endings (valid)': { files: { 'deck.yaml': csvDeck, 'data.csv': 'Month,Trips\rJuly,1\rAugust,2\r' }, builds: true },
  'a Latin-1 CSV': { files: { 'deck.yaml': csvDeck, 'data.csv': () => Buffer.from('Month,Trips\nF\u00e9vrier,1\n', 'latin1') }, error: ['data.csv:1:1', /not UTF-8/] },
  'one slide of 230,000 bullets': {
    files: { 'deck.yaml': () => `title: T\nslides:\n  - title: Many\n    bullets:\n${'      - b\n'.repeat(230_000)}` },
    error: ['deck.yaml:100001:10', /more than 100,000 lines and list items/],
  },
  'one slide of 400 bullets': {
    files: { 'deck.yaml': () => `title: T\nslides:\n  - title: Many\n    bullets:\n${'      - a bullet\n'.repeat(400)}` },
    error: ['deck.yaml:5:7', /400 bullets; a slide's list has at most 300/],
  },
  'notes of "{{", 40,000 spaces and x (valid: not a figure)': { files: { 'deck.yaml': `title: T\nslides:\n  - title: One\n    bullets: [a]\n    notes: "{{${' '.repeat(40_000)}x"\n` }, builds: true },
  'a bullet of 40,000 spaces between words (valid)': { files: { 'deck.yaml': `title: T\nslides:\n  - title: One\n    bullets: ["a${' '.repeat(40_000)}b"]\n` }, builds: true },
  'a derived format with 101 decimals': {
    files: { 'deck.yaml': `title: T\nslides:\n  - title: One\n    bullets: ["{{ 1 / 3 | 0.${'0'.repeat(101)} }}"]\n` },
    error: ['deck.yaml:4:15', /at most 20 decimals/],
  },
  'SOURCE_DATE_EPOCH=99999999999999': { files: { 'deck.yaml': GOOD }, env: { SOURCE_DATE_EPOCH: '99999999999999' }, error: ['SOURCE_DATE_EPOCH:1:1', /past any date the file can hold/] },
  'date: 2024-02-30': { files: { 'deck.yaml': `title: T\ndate: 2024-02-30\nslides:\n  - { title: One, bullets: [a] }\n` }, error: ['deck.yaml:2:7', /February 2024 has 29 days/] },
  'date: "+275760-09-13"': { files: { 'deck.yaml': `title: T\ndate: "+275760-09-13"\nslides:\n  - { title: One, bullets: [a] }\n` }, error: ['deck.yaml:2:7', /cannot hold/] },
  'sources[].file: /etc/passwd, read by check': {
    files: { 'deck.yaml': `title: T\nsources:\n  - { id: a, title: A, file: /etc/passwd }\nslides:\n  - { title: "11 trips", bullets: [a], source: a }\n` },
    args: ['check', 'deck.yaml'],
    error: ['deck.yaml:3:30', /lies outside the outline's folder/],
  },
  'sources[].file: a FIFO, read by build --check': {
    files: { 'deck.yaml': `title: T\nsources:\n  - { id: a, title: A, file: pipe.txt }\nslides:\n  - { title: "11 trips", bullets: [a], source: a }\n` },
    make: (dir) => execFileSync('mkfifo', [path.join(dir, 'pipe.txt')]),
    args: ['build', 'deck.yaml', '--check'],
    error: ['deck.yaml:3:30', /not a regular file/],
  },
  '--out through a link to the outline\'s own folder, onto the outline': {
    files: { 'deck.yaml': GOOD },
    make: (dir) => symlinkSync('.', path.join(dir, 'sub')),
    args: ['build', 'deck.yaml', '--out', 'sub/deck.yaml'],
    error: [/^sub\/deck\.yaml:1:1$/, /would overwrite the outline itself/],
  },
  '--out a device node': { files: { 'deck.yaml': GOOD }, args: ['build', 'deck.yaml', '--out', '/dev/null'], error: ['/dev/null:1:1', /not a regular file/] },
  'a 240-character output name (valid)': { files: { 'deck.yaml': GOOD }, args: ['build', 'deck.yaml', '--out', `${'n'.repeat(235)}.pptx`], builds: true },
};

describe('deckgen on hostile input, round two', () => {
  for (const [name, c] of Object.entries(CASES)) {
    const needsPosix = c.make !== undefined || (c.args ?? []).includes('/dev/null') || name.includes('/etc/passwd');
    it(`${name}: ${c.builds ? 'builds' : 'is refused at file:line:col, with a hint, writing nothing'}`, (ctx) => {
    ctx.skip(needsPosix && !posix, 'needs POSIX links, FIFOs and devices (not Windows)');
      const dir = tempDir();
      for (const [file, body] of Object.entries(c.files)) {
        mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        writeFileSync(path.join(dir, file), typeof body === 'function' ? body() : body);
      }
      c.make?.(dir);
      const before = new Set(readdirSync(dir));
      const r = spawnSync(process.execPath, [CLI, ...(c.args ?? ['build', 'deck.yaml'])], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', DECKGEN_CACHE_DIR: path.join(dir, '.cache'), ...c.env }, timeout: 60_000 });
      const shown = `exit ${r.status} ${r.signal ?? ''}\n${r.stderr.slice(0, 2000)}\n${r.stdout.slice(0, 500)}`;
      if (c.builds) {
        expect(r.status, shown).toBe(0);
        const written = existsSync(path.join(dir, 'output')) ? path.join(dir, 'output') : dir;
        expect(readdirSync(written).filter((f) => f.endsWith('.pptx'))).toHaveLength(1);
        expect(readdirSync(written).filter((f) => f.endsWith('.tmp'))).toEqual([]);
        return;
      }
      expect(r.status, shown).toBe(1);
      expect(r.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
      expect(r.stderr).not.toContain('internal error');
      const lines = r.stderr.split('\n').filter(Boolean);
      const [at, message] = c.error!;
      const hit = lines.findIndex((l) => {
        const m = PROBLEM.exec(l);
        return m !== null && m[4] === 'error' && (typeof at === 'string' ? `${m[1]}:${m[2]}:${m[3]}` === at : at.test(`${m[1]}:${m[2]}:${m[3]}`)) && message.test(m[5]!);
      });
      expect(hit, shown).toBeGreaterThanOrEqual(0);
      expect(lines[hit + 1] ?? '', shown).toMatch(/^ {2}hint: \S/);
      // Nothing written: no output folder, no file beside the inputs.
      expect(existsSync(path.join(dir, 'output')), shown).toBe(false);
      expect(readdirSync(dir).filter((f) => !before.has(f) && f !== '.cache'), shown).toEqual([]);
      if (c.args?.includes('sub/deck.yaml')) expect(readFileSync(path.join(dir, 'deck.yaml'), 'utf8')).toBe(GOOD);
    }, 90_000);
  }
});
