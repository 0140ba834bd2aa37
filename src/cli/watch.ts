/**
 * deckgen watch: build, then rebuild on every save of the outline or of a file it names (images,
 * CSV data). Errors are shown without exiting and the last good deck stays where it is; unchanged
 * charts come from the cache and the render worker stays warm, so a text edit rebuilds in tens of ms.
 */
import { existsSync, watchFile } from 'node:fs';
import path from 'node:path';
import { InputError } from '../diagnostics.js';
import { createChartCache } from '../render/charts.js';
import { cacheDir } from '../render/disk-cache.js';
import { rendererFor } from '../render/early.js';
import { deckOut, parse } from './args.js';
import { buildInputs } from './inputs.js';
import { ok, paint, report, summary } from './output.js';
import { timingsOn, timingsReport } from '../timings.js';

export const help = `deckgen watch [outline] [--out FILE] [--no-cache] [--quiet]

Builds the deck, then rebuilds it whenever the outline or a file it names (images, CSV data)
is saved; other files in the folder (a log, notes) are ignored. Problems are shown and the last good deck is kept; if the deck is
open and locked in PowerPoint, deckgen says so and keeps watching. Stop with Ctrl-C.

Options:
  -o, --out FILE   where to write the .pptx (default: output/<outline name>.pptx)
  --no-cache       draw every chart again, ignoring and not updating the chart cache
  -q, --quiet      print only problems

Examples:
  deckgen watch
  npm run dev`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { out: { type: 'string', short: 'o' }, 'no-cache': { type: 'boolean' } });
  const file = positionals[0] ?? 'deck.yaml';
  if (!existsSync(file)) {
    // Nothing to watch: say so as build does (the loader's message), and stop with exit 1.
    await (await import('../load/load.js')).loadOutline(file);
  }
  const renderer = rendererFor(file, !values['no-cache']);
  const cache = createChartCache();
  const [{ buildDeck, defaultOutput }, { watch }] = await Promise.all([import('../build.js'), import('chokidar')]);
  const out = deckOut(values.out) ?? defaultOutput(file);
  const dir = path.dirname(path.resolve(file));

  let running: Promise<void> | undefined;
  /** What the build reads: only a change to one of these rebuilds (not a log written in the folder). */
  let inputs = await buildInputs(file);
  let again: string | undefined;
  const build = async (why: string): Promise<void> => {
    try {
      const result = await buildDeck(file, out, { cache, renderer });
      report(result.warnings);
      if (!values.quiet) ok(`${summary(result)}${why}`);
      if (timingsOn()) process.stderr.write(timingsReport(false));
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      report(e.diagnostics);
      process.stderr.write(`${paint('33', 'waiting for changes')}; the last good deck, if any, is still ${out}\n`);
    } finally {
      inputs = await buildInputs(file);
    }
  };
  /** One build at a time; saves during a build trigger exactly one more. */
  const schedule = (why: string): void => {
    if (running) {
      again = why;
      return;
    }
    running = build(why).finally(() => {
      running = undefined;
      if (again !== undefined) {
        const reason = again;
        again = undefined;
        schedule(reason);
      }
    });
  };

  schedule('');
  const firstBuild = running;
  const target = path.resolve(out);
  const chartFolder = cacheDir();
  const watcher = watch([path.resolve(file), dir], {
    ignoreInitial: true,
    // The deck, its temp files and editors' swap files change on every build or keystroke; they are not inputs.
    // So is the chart cache, should DECKGEN_CACHE_DIR put it in the outline's folder.
    // And deckgen preview's output, the default preview/ folder.
    ignored: (p: string) => p === target || isInside(p, chartFolder) || isInside(p, path.join(dir, 'preview')) || /(^|[/\\])(\.|node_modules)|~$|\.sw.$|\.pptx$/.test(path.relative(dir, p)),
    awaitWriteFinish: { stabilityThreshold: 20, pollInterval: 10 },
  });
  watcher.on('all', (event, changed) => {
    // A folder appearing or going (the first build makes output/) is not an edit; files in it are.
    if (event === 'addDir' || event === 'unlinkDir') return;
    if (!inputs.has(path.resolve(changed))) return;
    schedule(` (after ${path.relative(process.cwd(), changed) || changed} changed)`);
  });
  // chokidar loses track of the outline when it is replaced by a folder and then by a file again
  // (2 runs of 3): a slow stat poll of that one path sees the file come back, rebuilds, and has
  // chokidar watch it afresh.
  const outlinePath = path.resolve(file);
  watchFile(outlinePath, { interval: 250, persistent: false }, (now, before) => {
    if (!now.isFile() || before.isFile()) return;
    watcher.unwatch(outlinePath);
    watcher.add(outlinePath);
    schedule(` (after ${path.relative(process.cwd(), outlinePath) || file} changed)`);
  });
  // Said once the watcher has scanned the folder (saves before then would go unnoticed) and after
  // the first build's summary, so the two lines come in the same order however watch is run.
  const ready = new Promise<void>((resolve) => watcher.on('ready', () => resolve()));
  void Promise.all([ready, firstBuild]).then(() => {
    if (!values.quiet) process.stderr.write(`watching ${path.relative(process.cwd(), dir) || '.'} for changes; Ctrl-C to stop\n`);
  });

  // Runs until Ctrl-C (which write.ts handles only while a deck is being written, to remove its temp file).
  return new Promise<number>(() => undefined);
}

const isInside = (p: string, folder: string): boolean => {
  const rel = path.relative(folder, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};
