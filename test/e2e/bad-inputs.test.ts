// Hostile inputs through the real CLI: each must end with exit 1 and `file:line:col error: ...`
// messages that say what is wrong (or, where noted, build), with no stack trace, nothing written,
// within a time and memory budget. Small text fixtures are in test/fixtures/bad/; binary and big
// ones are generated here, into a fresh copy of that folder per case.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, tempDir } from '../support/cli.js';
import { png, pngChunk, pngWithHeader } from '../fuzz/png.js';

const FIXTURES = path.resolve('test/fixtures/bad');

interface Problem {
  /** `file:line:col`, as printed (the file as given on the command line, or the CSV's path). */
  at: string | RegExp;
  message: string | RegExp;
}

interface Case {
  /** The outline, relative to the project folder, which is also the working folder. */
  file: string;
  /** Files generated at test time in the project folder (binary, big, absolute paths, symlinks). */
  make?: (dir: string) => void;
  /** Rejected with at least these problems (exit 1)... */
  problems?: Problem[];
  /** ...or built (exit 0)... */
  builds?: true;
  /** ...or either, as long as a rejection says this. */
  buildsOrRejects?: RegExp;
  /** Wall-clock budget in seconds (default 20) and peak memory in MB (default 600). */
  seconds?: number;
  megabytes?: number;
  /** A deckgen bug already reported: the main test is `it.fails` until it is fixed. */
  bug?: string;
  /** Problems reported without the hint the README promises: the hint test is `it.fails`. */
  noHint?: string;
  /** Runs the CLI under `ulimit -v` (POSIX shells only), for inputs that may eat memory. */
  memoryLimit?: boolean;
  /** Why the case cannot run here; the run's summary prints it. */
  skip?: string | false;
}

const GOOD = 'title: Good deck\nslides:\n  - title: One point\n    bullets: [first, second]\n';

/** Deterministic bytes that are not UTF-8 (a linear congruential generator). */
function randomBytes(n: number, seed = 42): Buffer {
  const out = Buffer.alloc(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

/** A PNG of noise, so its pixel data is large and cutting it leaves the image incomplete. */
function noisePng(w: number, h: number): Buffer {
  const good = png(w, h);
  // Rebuild the IDAT from noise rows: png() fills one colour, which compresses to almost nothing.
  const raw = Buffer.concat(Array.from({ length: h }, (_, y) => Buffer.concat([Buffer.from([0]), randomBytes(w * 3, y + 1)])));
  const signatureAndHeader = 8 + 25;
  return Buffer.concat([good.subarray(0, signatureAndHeader), pngChunk('IDAT', deflateSync(raw)), pngChunk('IEND', Buffer.alloc(0))]);
}
const write = (dir: string, name: string, body: string | Buffer): void => {
  mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
  writeFileSync(path.join(dir, name), body);
};

const imageOutline = (title: string, ref: string): string => `title: Images\nslides:\n  - title: ${title}\n    image: { path: ${JSON.stringify(ref)} }\n`;

const CASES: Record<string, Case> = {
  'random binary bytes': {
    file: 'binary.yaml',
    make: (dir) => write(dir, 'binary.yaml', randomBytes(4096)),
    problems: [{ at: 'binary.yaml:1:1', message: 'the file is not UTF-8 text' }],
  },
  'truncated YAML': {
    file: 'truncated.yaml',
    problems: [{ at: 'truncated.yaml:4:25', message: /end with a \]/ }],
  },
  'latin-1 text (not UTF-8)': {
    file: 'latin1.yaml',
    make: (dir) => write(dir, 'latin1.yaml', Buffer.from('title: Caf\u00e9 cr\u00e8me\nslides:\n  - title: Na\u00efve\n    bullets: [a]\n', 'latin1')),
    problems: [{ at: /^latin1\.yaml:\d+:\d+$/, message: /not UTF-8/ }],
  },
  'UTF-16 with a byte order mark': {
    file: 'utf16.yaml',
    make: (dir) => write(dir, 'utf16.yaml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(GOOD, 'utf16le')])),
    problems: [{ at: 'utf16.yaml:1:1', message: /UTF-8|UTF-16/ }],
  },
  'a UTF-8 byte order mark (valid)': {
    file: 'utf8-bom.yaml',
    builds: true,
  },
  'duplicate keys': {
    file: 'duplicate-keys.yaml',
    problems: [{ at: 'duplicate-keys.yaml:5:5', message: /keys must be unique/i }],
  },
  'a YAML alias bomb (billion laughs)': {
    file: 'alias-bomb.yaml',
    problems: [{ at: 'alias-bomb.yaml:3:8', message: /aliases .* expand to too much data/ }],
    seconds: 10,
  },
  '10,000 levels of nested lists': {
    file: 'deep-lists.yaml',
    make: (dir) => write(dir, 'deep-lists.yaml', `title: Deep\nslides:\n  - title: Nested lists\n    bullets: ${'['.repeat(10_000)}x${']'.repeat(10_000)}\n`),
    problems: [{ at: /^deep-lists\.yaml:4:\d+$/, message: /nest|deep|levels/i }],
  },
  '10,000 unclosed [': {
    file: 'deep-open.yaml',
    make: (dir) => write(dir, 'deep-open.yaml', `title: Deep\nslides:\n  - title: Unclosed lists\n    bullets: ${'['.repeat(10_000)}\n`),
    problems: [{ at: /^deep-open\.yaml:4:\d+$/, message: /nest|deep|levels/i }],
  },
  '2,000 levels of nested mappings': {
    file: 'deep-maps.yaml',
    make: (dir) => {
      const lines = ['title: Deep', 'slides:', '  - title: Nested mappings', '    bullets: [a]', '    source:'];
      for (let i = 0; i < 2000; i++) lines.push(`${' '.repeat(6 + i)}k${i}:`);
      write(dir, 'deep-maps.yaml', `${lines.join('\n')} v\n`);
    },
    problems: [{ at: /^deep-maps\.yaml:\d+:\d+$/, message: /nest|deep|levels/i }],
  },
  'tabs as indentation': {
    file: 'tabs.yaml',
    problems: [
      { at: 'tabs.yaml:3:1', message: /tabs are not allowed as indentation/i },
      { at: 'tabs.yaml:4:1', message: /tabs are not allowed as indentation/i },
    ],
  },
  'NaN, .inf and strings in numeric values': {
    file: 'not-numbers.yaml',
    problems: [
      { at: 'not-numbers.yaml:8:35', message: 'expected a number, got NaN' },
      { at: 'not-numbers.yaml:8:41', message: 'expected a number, got Infinity' },
      { at: 'not-numbers.yaml:8:47', message: 'expected a number, got -Infinity' },
      { at: 'not-numbers.yaml:8:54', message: 'expected a number, got string "12"' },
      { at: 'not-numbers.yaml:8:60', message: 'expected a number, got string "twelve"' },
    ],
  },
  'series of unequal length': {
    file: 'unequal-series.yaml',
    problems: [{ at: 'unequal-series.yaml:8:36', message: 'series "Members" has 2 values but there are 3 labels' }],
  },
  'an empty deck (slides: [])': {
    file: 'empty-deck.yaml',
    problems: [{ at: 'empty-deck.yaml:2:9', message: /1|one/ }],
  },
  '`slides:` missing': {
    file: 'no-slides.yaml',
    problems: [{ at: 'no-slides.yaml:1:1', message: /^`slides` is missing/ }],
  },
  'an unknown layout': {
    file: 'unknown-layout.yaml',
    problems: [{ at: 'unknown-layout.yaml:3:13', message: '"timeline" is not one of the allowed values' }],
  },
  'a 100,000-point series': {
    file: 'points.yaml',
    make: (dir) => {
      const n = 100_000;
      const labels = Array.from({ length: n }, (_, i) => i).join(', ');
      const values = Array.from({ length: n }, (_, i) => (i * 7919) % 1000).join(', ');
      write(dir, 'points.yaml', `title: Many points\nslides:\n  - title: A hundred thousand points\n    chart:\n      type: line\n      labels: [${labels}]\n      series:\n        - { name: Trips, values: [${values}] }\n`);
    },
    // Refused before parsing: 100,000 items in one flow list pass the outline's item bound.
    problems: [{ at: /^points\.yaml:6:\d+$/, message: /at most \d+|more than 100,000 lines and list items/ }],
  },
  '5,000 slides': {
    file: 'slides.yaml',
    make: (dir) => {
      const slides = Array.from({ length: 5000 }, (_, i) => `  - title: Slide ${i + 1}\n    bullets: [point ${i + 1}]\n`);
      write(dir, 'slides.yaml', `title: Five thousand slides\nslides:\n${slides.join('')}`);
    },
    buildsOrRejects: /slides/,
    seconds: 45,
    megabytes: 1500,
  },
  'a 50 MB outline': {
    file: 'huge.yaml',
    make: (dir) => {
      const line = '  - title: A slide in a very large outline\n    bullets: [a point, another point]\n';
      const count = Math.ceil((50 * 1024 * 1024) / line.length);
      write(dir, 'huge.yaml', `title: Fifty megabytes\nslides:\n${line.repeat(count)}`);
    },
    problems: [{ at: 'huge.yaml:1:1', message: /50 MB/ }],
    seconds: 10,
  },
  'a device that never ends (/dev/zero)': {
    file: '/dev/zero',
    problems: [{ at: /^\/dev\/zero:1:1$/, message: /not a (regular )?file|too (large|big)|at most/ }],
    seconds: 10,
    memoryLimit: true,
    skip: (process.platform === 'win32' || !existsSync('/dev/zero')) && 'needs /dev/zero',
  },
  'an absolute image path outside the folder': {
    file: 'image-absolute.yaml',
    make: (dir) => {
      const outside = path.join(path.dirname(dir), `${path.basename(dir)}-outside.png`);
      writeFileSync(outside, png(8, 8));
      write(dir, 'image-absolute.yaml', imageOutline('An absolute path', outside));
    },
    problems: [{ at: 'image-absolute.yaml:4:20', message: /lies outside the outline's folder/ }],
  },
  'an image path with ../ escaping the folder': {
    file: 'project/image-dotdot.yaml',
    make: (dir) => {
      writeFileSync(path.join(dir, 'outside.png'), png(8, 8));
      write(dir, 'project/image-dotdot.yaml', readFileSync(path.join(FIXTURES, 'image-dotdot.yaml')));
    },
    problems: [{ at: 'project/image-dotdot.yaml:4:20', message: /image "\.\.\/outside\.png" lies outside the outline's folder/ }],
  },
  'a symlink pointing outside': {
    file: 'project/image-symlink.yaml',
    make: (dir) => {
      writeFileSync(path.join(dir, 'outside.png'), png(8, 8));
      write(dir, 'project/image-symlink.yaml', readFileSync(path.join(FIXTURES, 'image-symlink.yaml')));
      mkdirSync(path.join(dir, 'project/assets'), { recursive: true });
      symlinkSync(path.join(dir, 'outside.png'), path.join(dir, 'project/assets/link.png'));
    },
    problems: [{ at: 'project/image-symlink.yaml:4:20', message: /image "assets\/link\.png" lies outside the outline's folder/ }],
    skip: process.platform === 'win32' && 'making symlinks needs administrator rights on Windows',
  },
  'an image URL': {
    file: 'image-url.yaml',
    problems: [{ at: 'image-url.yaml:4:20', message: /is a URL/ }],
  },
  'a corrupt PNG (valid header, garbage body)': {
    file: 'image-corrupt.yaml',
    make: (dir) => write(dir, 'assets/corrupt.png', pngWithHeader(64, 48, pngChunk('IDAT', randomBytes(2000)), pngChunk('IEND', Buffer.alloc(0)))),
    problems: [{ at: 'image-corrupt.yaml:4:20', message: /damaged|cannot be decoded/ }],
  },
  'a truncated PNG': {
    file: 'image-truncated.yaml',
    make: (dir) => {
      const whole = noisePng(200, 150);
      write(dir, 'assets/truncated.png', whole.subarray(0, Math.floor(whole.length / 2)));
    },
    problems: [{ at: 'image-truncated.yaml:4:20', message: /damaged|cannot be decoded|truncated|incomplete/ }],
  },
  'a PNG whose header claims 20,000 x 20,000 px': {
    file: 'image-huge.yaml',
    make: (dir) => {
      // Two real rows of pixels, then the end: only the header is huge, nothing here allocates it.
      const rows = deflateSync(Buffer.alloc(2 * (1 + 20_000 * 3)));
      write(dir, 'assets/huge.png', pngWithHeader(20_000, 20_000, pngChunk('IDAT', rows), pngChunk('IEND', Buffer.alloc(0))));
    },
    problems: [{ at: 'image-huge.yaml:4:20', message: /20,?000 ?x ?20,?000|too (large|big)|damaged/ }],
    megabytes: 500,
  },
  'an SVG file named .png': {
    file: 'image-svg.yaml',
    problems: [{ at: 'image-svg.yaml:4:20', message: '"assets/vector.png" is not a PNG or JPEG image' }],
  },
  'an empty image path': {
    file: 'image-empty-path.yaml',
    problems: [{ at: 'image-empty-path.yaml:4:20', message: /./ }],
  },
  'a CSV with a bad number': {
    file: 'csv-bad-number.yaml',
    problems: [{ at: 'bad-number.csv:3:8', message: '"lots" is not a number' }],
  },
  'a CSV path that is a folder': {
    file: 'csv-folder.yaml',
    make: (dir) => mkdirSync(path.join(dir, 'assets'), { recursive: true }),
    problems: [{ at: /^(csv-folder\.yaml:5:\d+|assets:1:1)$/, message: /folder|directory|not a file|CSV/i }],
  },
};

interface Result {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  seconds: number;
  megabytes: number | undefined;
  dir: string;
}

// The child writes its peak RSS (all threads) to a file as it exits; a data: URL needs no file of ours.
const RSS_PROBE = `data:text/javascript,${encodeURIComponent(
  "import{writeFileSync}from'node:fs';process.on('exit',()=>{try{writeFileSync(process.env.DECKGEN_TEST_RSS,String(process.resourceUsage().maxRSS))}catch{}});",
)}`;

const results = new Map<string, Result>();

// The project folders hold a 50 MB outline and a 14 MB deck among others: remove them all.
afterAll(() => {
  for (const { dir } of results.values()) rmSync(dir, { recursive: true, force: true });
  for (const { dir } of results.values()) rmSync(`${dir}-outside.png`, { force: true });
});

/** Runs `deckgen build <file>` once per case, in a fresh copy of the fixtures, killed after twice its budget. */
function run(name: string, c: Case): Result {
  const cached = results.get(name);
  if (cached) return cached;
  const dir = tempDir();
  cpSync(FIXTURES, dir, { recursive: true });
  c.make?.(dir);
  const rssFile = path.join(dir, '.maxrss');
  const budget = c.seconds ?? 20;
  const env = {
    ...process.env,
    NO_COLOR: '1',
    DECKGEN_TEST_RSS: rssFile,
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${RSS_PROBE}`.trim(),
  };
  const [command, args] = c.memoryLimit
    ? ['/bin/sh', ['-c', 'ulimit -v 3145728; exec "$0" "$@"', process.execPath, CLI, 'build', c.file]]
    : [process.execPath, [CLI, 'build', c.file]];
  const start = performance.now();
  const r = spawnSync(command, args as string[], { cwd: dir, encoding: 'utf8', env, timeout: 2 * budget * 1000, killSignal: 'SIGKILL', maxBuffer: 64 * 1024 * 1024 });
  const seconds = (performance.now() - start) / 1000;
  const kb = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : undefined;
  const result = { code: r.status, signal: r.signal, stdout: r.stdout ?? '', stderr: r.stderr ?? '', seconds, megabytes: kb === undefined ? undefined : kb / 1024, dir };
  results.set(name, result);
  return result;
}

const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;
const PROBLEM_LINE = /^(.+):(\d+):(\d+) (error|warning): (.+)$/;
const SUMMARY_LINE = /^\d+ problems?; nothing was written\.$/;

const show = (r: Result): string => `exit ${r.code}${r.signal ? ` (${r.signal})` : ''} after ${r.seconds.toFixed(1)} s, ${r.megabytes?.toFixed(0) ?? '?'} MB\n--- stderr ---\n${r.stderr.slice(0, 3000)}\n--- stdout ---\n${r.stdout.slice(0, 500)}`;

const matches = (s: string, want: string | RegExp): boolean => (typeof want === 'string' ? s === want || s.includes(want) : want.test(s));

function expectRejected(r: Result, problems: Problem[]): void {
  expect(r.code, show(r)).toBe(1);
  const lines = r.stderr.split('\n').filter((l) => l !== '');
  // Every line is a problem, its hint, or the closing count: nothing else, and no stack trace.
  for (const line of lines) {
    expect(PROBLEM_LINE.test(line) || line.startsWith('  hint: ') || SUMMARY_LINE.test(line), `unexpected line: ${line}\n${show(r)}`).toBe(true);
  }
  expect(r.stderr).not.toMatch(STACK_LINE);
  expect(r.stderr).not.toContain('internal error');
  expect(lines.at(-1), show(r)).toMatch(SUMMARY_LINE);
  const reported = lines.map((l) => PROBLEM_LINE.exec(l)).filter((m) => m !== null);
  for (const m of reported) {
    expect(Number(m[2]), m[0]).toBeGreaterThanOrEqual(1);
    expect(Number(m[3]), m[0]).toBeGreaterThanOrEqual(1);
  }
  // A clear message is one message per problem, not pages of them.
  expect(reported.length, show(r)).toBeLessThanOrEqual(Math.max(10, problems.length));
  for (const want of problems) {
    const found = reported.some((m) => m[4] === 'error' && matches(`${m[1]}:${m[2]}:${m[3]}`, want.at) && matches(m[5]!, want.message));
    expect(found, `expected "${String(want.at)} error: ${String(want.message)}"\n${show(r)}`).toBe(true);
  }
  // Nothing written: no deck, no temporary file, not even the output folder.
  expect(existsSync(path.join(r.dir, 'output')), show(r)).toBe(false);
}

function expectBuilt(r: Result): void {
  expect(r.code, show(r)).toBe(0);
  expect(r.stderr).toBe('');
  expect(r.stdout).toMatch(/^✓ output\/.+\.pptx: \d+ slides/);
}

describe('deckgen build on hostile input', () => {
  for (const [name, c] of Object.entries(CASES)) {
    const budget = c.seconds ?? 20;
    const memory = c.megabytes ?? 600;
    const test = c.bug ? it.fails : it;
    const what = c.builds ? 'builds' : c.buildsOrRejects ? 'builds, or is refused clearly' : 'is refused with file:line:col messages';
    test(`${name}: ${what}, in under ${budget} s and ${memory} MB${c.bug ? ` (known bug: ${c.bug})` : ''}`, (ctx) => {
      if (c.skip) ctx.skip(c.skip);
      const r = run(name, c);
      if (process.env.BAD_INPUTS_VERBOSE) console.log(`${name}: ${show(r)}`);
      expect(r.signal, show(r)).toBeNull();
      if (c.builds) expectBuilt(r);
      else if (c.buildsOrRejects) {
        if (r.code === 0) expectBuilt(r);
        else expectRejected(r, [{ at: /:\d+:\d+$/, message: c.buildsOrRejects }]);
      } else expectRejected(r, c.problems ?? []);
      expect(r.seconds, show(r)).toBeLessThan(budget);
      if (r.megabytes !== undefined) expect(r.megabytes, show(r)).toBeLessThan(memory);
    }, 2 * budget * 1000 + 60_000);

    if (c.problems && !c.skip && !c.bug) {
      (c.noHint ? it.fails : it)(`${name}: every problem comes with a hint${c.noHint ? ` (known: ${c.noHint})` : ''}`, () => {
        const r = run(name, c);
        const lines = r.stderr.split('\n');
        lines.forEach((line, i) => {
          if (PROBLEM_LINE.test(line)) expect(lines[i + 1] ?? '', `no hint after: ${line}`).toMatch(/^  hint: \S/);
        });
      }, 2 * budget * 1000 + 60_000);
    }
  }
});

// 20,000 slides once made a package of 80,020 parts, past what a plain zip can count (exit 2).
// Outlines now stop at 5,000 slides, and the ZIP writer refuses more than 65,535 parts outright.
describe('more slides than a deck should have', () => {
  it('refuses 20,000 slides with a clear message at the slides list', async () => {
    const { parseOutline } = await import('../../src/load/load.js');
    const { InputError } = await import('../../src/diagnostics.js');
    const text = `title: Huge\nslides:\n${'  - { title: S, bullets: [x] }\n'.repeat(20_000)}`;
    let error: unknown;
    try {
      parseOutline(text, 'huge.yaml');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InstanceType<typeof InputError>).diagnostics[0]).toMatchObject({ line: 3, column: 3, message: expect.stringMatching(/at most 5,000 slides/), hint: expect.stringMatching(/split/) });
  });

  it('never writes a zip with more parts than it can count', async () => {
    const { zip } = await import('../../src/emit/zip.js');
    const entries = Array.from({ length: 70_000 }, (_, i) => ({ name: `p${i}.xml`, data: new Uint8Array(0), store: true }));
    expect(() => zip(entries, new Date(Date.UTC(2000, 0, 1)))).toThrow(/needs ZIP64/);
  });
});

/** Timings of the big cases, for the record. */
describe('timings', () => {
  it('prints how long the big cases took', () => {
    const big = ['a 100,000-point series', '5,000 slides', 'a 50 MB outline', 'a YAML alias bomb (billion laughs)'];
    for (const name of big) {
      const r = results.get(name);
      if (r) console.log(`${name}: exit ${r.code}, ${r.seconds.toFixed(2)} s, peak ${r.megabytes?.toFixed(0) ?? '?'} MB${r.code === 0 ? `: ${r.stdout.trim()}` : `: ${r.stderr.split('\n')[0]}`}`);
    }
  });
});
