// deckgen preview runs LibreOffice and poppler: the full run is skipped without them, but the
// "not installed" message is always tested, with a PATH that has node and nothing else.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { compileDeck } from '../../src/build.js';
import { deckgen, tempDir } from '../support/cli.js';

const found = (cmd: string): boolean => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const missing = ['soffice', 'pdftoppm'].filter((c) => !found(c));
if (missing.length) {
  console.warn(`preview tests skipped: ${missing.join(' and ')} not found (apt-get install libreoffice-impress poppler-utils fonts-crosextra-carlito)`);
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  expect(b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  expect(b.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/** A folder holding only a `node` link and the given fake programs (shell scripts), to use as the whole PATH. */
function binDir(fakes: Record<string, string> = {}): string {
  const bin = path.join(tempDir(), 'bin');
  mkdirSync(bin);
  symlinkSync(process.execPath, path.join(bin, 'node'));
  for (const [name, script] of Object.entries(fakes)) {
    writeFileSync(path.join(bin, name), `#!/bin/sh\n${script}\n`);
    chmodSync(path.join(bin, name), 0o755);
  }
  return bin;
}

/** Whether the process still runs: a zombie waiting to be reaped does not count. */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = existsSync(`/proc/${pid}/stat`) ? readFileSync(`/proc/${pid}/stat`, 'utf8') : '';
  return !/^\d+ \(.*\) Z/.test(stat);
}

async function stopped(pid: number, ms = 3000): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) if (!running(pid)) return true;
  return !running(pid);
}

function project(): string {
  const dir = tempDir();
  cpSync('deck.yaml', path.join(dir, 'deck.yaml'));
  cpSync('assets', path.join(dir, 'assets'), { recursive: true });
  return dir;
}

describe('deckgen preview without LibreOffice or poppler', () => {
  it('names both tools and how to install them, in one line, exit 1, before building', () => {
    const dir = project();
    const r = deckgen(['preview'], dir, { PATH: binDir() });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^deckgen: preview needs soffice \(LibreOffice\) and pdftoppm \(poppler\), not found on PATH/);
    expect(lines[0]).toContain('sudo apt-get install libreoffice-impress poppler-utils fonts-crosextra-carlito');
    expect(lines[0]).toContain('brew install --cask libreoffice && brew install poppler');
    expect(existsSync(path.join(dir, 'preview'))).toBe(false);
  });

  it('names only the tool that is missing', () => {
    const r = deckgen(['preview'], project(), { PATH: binDir({ soffice: 'exit 0' }) });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^deckgen: preview needs pdftoppm \(poppler\), not found on PATH;/);
    expect(r.stderr).not.toContain('soffice (LibreOffice)');
  });

  it('is listed in the help', () => {
    expect(deckgen(['--help']).stdout).toContain('deckgen preview [outline] [--out DIR]');
    const r = deckgen(['preview', '--help'], process.cwd(), { PATH: binDir() });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('contact-sheet.png');
  });
});

describe('deckgen preview when LibreOffice fails', () => {
  beforeEach((ctx) => ctx.skip(process.platform === 'win32', 'the stand-in LibreOffice is a shell script'));
  it('stops a LibreOffice that hangs, with the processes it started, and says so in one line', async () => {
    const dir = project();
    const pids = path.join(dir, 'pids');
    // Like the real soffice script: a child process does the work, the script waits for it.
    const bin = binDir({ soffice: `/bin/sleep 60 &\necho $$ $! > '${pids}'\nwait`, pdftoppm: 'exit 0' });
    const r = deckgen(['preview'], dir, { PATH: bin, DECKGEN_PREVIEW_TIMEOUT: '1' });
    expect(r.code).toBe(1);
    expect(r.stderr.trimEnd().split('\n')).toEqual(['deckgen: LibreOffice did not finish within 1 s and was stopped (set DECKGEN_PREVIEW_TIMEOUT to allow more seconds)']);
    for (const pid of readFileSync(pids, 'utf8').trim().split(' ').map(Number)) expect(await stopped(pid), `process ${pid} stopped`).toBe(true);
    // The deck was built; the staging folder is gone.
    expect(readdirSync(path.join(dir, 'preview/deck'))).toEqual(['deck.pptx']);
  });

  it('reports a conversion that writes no PDF, with what LibreOffice said', () => {
    const dir = project();
    const bin = binDir({ soffice: 'echo "Error: source file could not be loaded" >&2', pdftoppm: 'exit 0' });
    const r = deckgen(['preview'], dir, { PATH: bin });
    expect(r.code).toBe(1);
    expect(r.stderr.trimEnd().split('\n')).toEqual([`deckgen: LibreOffice did not convert ${path.join('preview', 'deck', 'deck.pptx')} to PDF (no deck.pdf was written)`]);
  });

  it('reports LibreOffice failing, with the last line it printed', () => {
    const r = deckgen(['preview'], project(), { PATH: binDir({ soffice: 'echo "Warning: failed to launch javaldx" >&2\necho "Fatal: cannot start" >&2\nexit 81', pdftoppm: 'exit 0' }) });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('deckgen: LibreOffice failed (exit code 81): Fatal: cannot start\n');
  });
});

describe('deckgen preview', () => {
  let slideCount: number;
  beforeEach((ctx) => ctx.skip(missing.length > 0, `needs LibreOffice and poppler: ${missing.join(' and ')} not found`));
  beforeAll(async () => {
    if (missing.length) return;
    slideCount = (await compileDeck('deck.yaml')).deck.slides.length;
  });

  it('writes the PDF, one PNG per slide and a contact sheet into preview/<name>/', () => {
    const dir = project();
    const r = deckgen(['preview'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`✓ preview/deck/: deck.pdf, ${slideCount} slide PNGs, contact-sheet.png\n`);

    const out = path.join(dir, 'preview/deck');
    const slides = Array.from({ length: slideCount }, (_, i) => `slide-${String(i + 1).padStart(2, '0')}.png`);
    expect(readdirSync(out).sort()).toEqual(['contact-sheet.png', 'deck.pdf', 'deck.pptx', ...slides].sort());
    expect(readFileSync(path.join(out, 'deck.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    // 13.33 x 7.5 in at 96 dpi.
    for (const s of slides) expect(pngSize(path.join(out, s))).toEqual({ width: 1280, height: 720 });

    // Three 640 x 360 thumbnails per row, with thin gaps and a band for the number under each.
    const sheet = pngSize(path.join(out, 'contact-sheet.png'));
    const rows = Math.ceil(slideCount / 3);
    expect(sheet.width).toBeGreaterThanOrEqual(3 * 640);
    expect(sheet.width).toBeLessThanOrEqual(3 * 640 + 80);
    expect(sheet.height).toBeGreaterThanOrEqual(rows * 360);
    expect(sheet.height).toBeLessThanOrEqual(rows * (360 + 60) + 20);
    expect(readdirSync(out).some((f) => f.startsWith('.deckgen-'))).toBe(false);
  }, 180_000);

  it('writes to --out quietly, and replaces the slides of a longer deck previewed there before', () => {
    const dir = project();
    writeFileSync(
      path.join(dir, 'short.yaml'),
      'title: Short deck\nsourcesSlide: false\nslides:\n  - title: One point\n    bullets: [first, second]\n',
    );
    const out = path.join(dir, 'look');
    mkdirSync(out);
    for (const n of ['01', '02', '03', '04']) writeFileSync(path.join(out, `slide-${n}.png`), 'old');
    const r = deckgen(['preview', 'short.yaml', '--out', 'look', '--quiet'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(readdirSync(out).sort()).toEqual(['contact-sheet.png', 'short.pdf', 'short.pptx', 'slide-01.png', 'slide-02.png']);
    // Two slides side by side on one row.
    const sheet = pngSize(path.join(out, 'contact-sheet.png'));
    expect(sheet.width).toBeGreaterThan(2 * 640);
    expect(sheet.width).toBeLessThan(3 * 640);
    expect(sheet.height).toBeLessThan(2 * 360);
  }, 180_000);

  it('reports outline errors as build does, and writes nothing', () => {
    const dir = project();
    writeFileSync(path.join(dir, 'bad.yaml'), 'title: Bad\nslides:\n  - titel: x\n    bullets: [a]\n');
    const r = deckgen(['preview', 'bad.yaml'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad\.yaml:3:5 error: unknown key "titel"/);
    expect(r.stderr).toContain('nothing was written');
    expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
    expect(existsSync(path.join(dir, 'preview'))).toBe(false);
  });
});
