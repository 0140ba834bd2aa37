/**
 * deckgen preview: the deck as LibreOffice draws it, to look at without opening PowerPoint:
 * outline -> .pptx -> PDF (soffice) -> one PNG per slide (pdftoppm) -> a contact sheet.
 * Everything is made in a staging folder inside the preview folder and moved into place at the
 * end, so a failed preview never leaves a mix of old and new slides.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse, UsageError } from './args.js';
import { chartsOption } from './build.js';
import { ok, report } from './output.js';

export const help = `deckgen preview [outline] [--out DIR] [--charts native|image] [--quiet]

Builds the deck and renders it with LibreOffice, to check every slide at a glance. Writes into
DIR (default: preview/<outline name>/):
  <name>.pptx          the deck
  <name>.pdf           the deck as LibreOffice renders it
  slide-01.png, ...    one PNG per slide (96 dpi, 1280 x 720 for 16:9)
  contact-sheet.png    every slide on one image, three per row, numbered

Needs LibreOffice (soffice) and poppler (pdftoppm) on the PATH:
  Debian/Ubuntu: sudo apt-get install libreoffice-impress poppler-utils fonts-crosextra-carlito
  macOS:         brew install --cask libreoffice && brew install poppler
LibreOffice runs with a private profile, so a LibreOffice window that is already open is fine.
Each LibreOffice or pdftoppm run is stopped after 120 s (DECKGEN_PREVIEW_TIMEOUT=<seconds> to change).

Options:
  -o, --out DIR    the preview folder (created if missing; old slide PNGs in it are replaced)
  --charts native  preview with editable PowerPoint charts, as LibreOffice draws them
  -q, --quiet      print nothing on success

Examples:
  deckgen preview
  deckgen preview talks/q3.yaml --out /tmp/q3`;

/** How long one LibreOffice or pdftoppm run may take before it is stopped: 120 s, or DECKGEN_PREVIEW_TIMEOUT seconds. */
function timeoutMs(): number {
  const s = Number(process.env.DECKGEN_PREVIEW_TIMEOUT);
  return (Number.isFinite(s) && s > 0 ? s : 120) * 1000;
}

const TOOLS = [
  { command: 'soffice', what: 'LibreOffice' },
  { command: 'pdftoppm', what: 'poppler' },
] as const;

const INSTALL =
  'install them with "sudo apt-get install libreoffice-impress poppler-utils fonts-crosextra-carlito" (Debian/Ubuntu) or "brew install --cask libreoffice && brew install poppler" (macOS)';

/** A failure of LibreOffice or poppler: reported in one line, not as a deckgen bug. */
class ToolError extends Error {}

/** The program's absolute path when it is an executable file on PATH. */
export function onPath(command: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const exts = process.platform === 'win32' ? ['', ...(env.PATHEXT ?? '.COM;.EXE;.BAT;.CMD').split(';')] : [''];
  for (const dir of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    for (const ext of exts) {
      const file = path.join(dir, command + ext);
      try {
        accessSync(file, constants.X_OK);
        if (statSync(file).isFile()) return file;
      } catch {
        // Not here.
      }
    }
  }
  return undefined;
}

/** The one line saying which tools are missing and how to install them, or undefined if none is. */
export function missingToolsMessage(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const missing = TOOLS.filter((t) => !onPath(t.command, env));
  if (!missing.length) return undefined;
  const names = missing.map((t) => `${t.command} (${t.what})`).join(' and ');
  return `deckgen: preview needs ${names}, not found on PATH; ${INSTALL}`;
}

/** Runs a program with a time limit; its output is kept only to explain a failure. */
function runTool(command: string, args: string[], what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    // Its own process group on POSIX, so a timeout also stops the processes soffice starts.
    const group = process.platform !== 'win32';
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: group, windowsHide: true });
    let output = '';
    const keep = (s: string): void => void (output = (output + s).slice(-4000));
    child.stdout.setEncoding('utf8').on('data', keep);
    child.stderr.setEncoding('utf8').on('data', keep);
    const kill = (): void => {
      try {
        if (group && child.pid) process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        // Already gone.
      }
    };
    // If deckgen itself is stopped (Ctrl-C exits through process.exit), the tool goes with it.
    process.on('exit', kill);
    let timedOut = false;
    const limit = timeoutMs();
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, limit);
    const done = (error?: ToolError): void => {
      clearTimeout(timer);
      process.off('exit', kill);
      if (error) reject(error);
      else resolve();
    };
    child.on('error', (e) => done(new ToolError(`cannot run ${command}: ${e.message}`)));
    child.on('close', (code, signal) => {
      if (timedOut) return done(new ToolError(`${what} did not finish within ${limit / 1000} s and was stopped (set DECKGEN_PREVIEW_TIMEOUT to allow more seconds)`));
      if (code === 0) return done();
      const last = output.trim().split('\n').filter((l) => !/javaldx/.test(l)).pop();
      done(new ToolError(`${what} failed (${signal ?? `exit code ${code}`})${last ? `: ${last.trim()}` : ''}`));
    });
  });
}

/** slide-1.png or slide-001.png (pdftoppm pads to the page count's digits) -> slide-01.png. */
const SLIDE_PNG = /^slide-(\d+)\.png$/;
const slideName = (n: number, count: number): string => `slide-${String(n).padStart(Math.max(2, String(count).length), '0')}.png`;

/** PDF -> slide PNGs in `dir`, in parallel page ranges; returns their file names in slide order. */
async function rasterize(pdftoppm: string, pdf: string, dir: string, slides: number): Promise<string[]> {
  const jobs = Math.max(1, Math.min(os.availableParallelism(), 4, slides));
  const per = Math.ceil(slides / jobs);
  const ranges = Array.from({ length: jobs }, (_, i) => ({ first: i * per + 1, last: i === jobs - 1 ? undefined : (i + 1) * per })).filter((r) => r.first <= Math.max(slides, 1));
  // The last range runs to the end, so pages the plan did not expect are still drawn.
  await Promise.all(
    ranges.map((r) =>
      runTool(pdftoppm, ['-png', '-r', '96', '-f', String(r.first), ...(r.last ? ['-l', String(r.last)] : []), pdf, path.join(dir, 'slide')], 'pdftoppm'),
    ),
  );
  const pages = (await readdir(dir))
    .map((f) => ({ f, n: Number(SLIDE_PNG.exec(f)?.[1]) }))
    .filter((p) => p.n > 0)
    .sort((a, b) => a.n - b.n);
  const names: string[] = [];
  for (const p of pages) {
    const name = slideName(p.n, pages.length);
    if (name !== p.f) await rename(path.join(dir, p.f), path.join(dir, name));
    names.push(name);
  }
  return names;
}

/** preview/deck/ for display, with the trailing separator. */
const folderLabel = (dir: string): string => (/[\\/]$/.test(dir) ? dir : `${dir}${path.sep}`);

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { out: { type: 'string', short: 'o' }, charts: { type: 'string' } });
  const charts = chartsOption(values.charts);
  // Before building: a missing tool should not cost a build to find out.
  const missing = missingToolsMessage();
  if (missing) {
    process.stderr.write(`${missing}\n`);
    return 1;
  }
  const soffice = onPath('soffice')!;
  const pdftoppm = onPath('pdftoppm')!;
  const file = positionals[0] ?? 'deck.yaml';
  const name = path.basename(file, path.extname(file));
  const dir = (values.out as string | undefined) ?? path.join('preview', name);
  if (statSync(dir, { throwIfNoEntry: false })?.isDirectory() === false) throw new UsageError(`--out must be a folder, and ${dir} is a file`);

  const [{ compileDeck, inputsOf }, { rendererFor }, { writeDeck }] = await Promise.all([import('../build.js'), import('../render/early.js'), import('../write/write.js')]);
  const renderer = rendererFor(file, true);
  let compiled;
  try {
    compiled = await compileDeck(file, { renderer, ...(charts ? { charts } : {}) });
  } finally {
    await renderer.close();
  }
  report(compiled.warnings);
  const pptx = path.join(dir, `${name}.pptx`);
  await writeDeck(pptx, compiled.bytes, inputsOf(file, compiled.outline));

  const stage = await mkdtemp(path.join(dir, '.deckgen-preview-'));
  const profile = await mkdtemp(path.join(os.tmpdir(), 'deckgen-libreoffice-'));
  try {
    // A private profile: works while another LibreOffice is open, and leaves the user's alone.
    await runTool(soffice, [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', stage, path.resolve(pptx)], 'LibreOffice');
    const pdf = path.join(stage, `${name}.pdf`);
    if (!statSync(pdf, { throwIfNoEntry: false })) throw new ToolError(`LibreOffice did not convert ${pptx} to PDF (no ${name}.pdf was written)`);
    const slides = await rasterize(pdftoppm, pdf, stage, compiled.deck.slides.length);
    if (!slides.length) throw new ToolError(`pdftoppm wrote no slide images for ${name}.pdf`);
    const { contactSheet } = await import('./contact-sheet.js');
    await contactSheet(
      slides.map((s) => path.join(stage, s)),
      path.join(stage, 'contact-sheet.png'),
    );
    // Into place: slides left from a longer deck go first, so the folder shows this deck only.
    for (const f of await readdir(dir)) if (SLIDE_PNG.test(f)) await rm(path.join(dir, f), { force: true });
    for (const f of [`${name}.pdf`, ...slides, 'contact-sheet.png']) await rename(path.join(stage, f), path.join(dir, f));
    if (!values.quiet) ok(`${folderLabel(dir)}: ${name}.pdf, ${slides.length} slide PNG${slides.length === 1 ? '' : 's'}, contact-sheet.png`);
    return 0;
  } catch (e) {
    if (!(e instanceof ToolError)) throw e;
    process.stderr.write(`deckgen: ${e.message}\n`);
    return 1;
  } finally {
    await rm(stage, { recursive: true, force: true });
    await rm(profile, { recursive: true, force: true });
  }
}
