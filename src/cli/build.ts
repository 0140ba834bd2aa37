/** deckgen build: outline -> .pptx, one summary line. */
import { InputError } from '../diagnostics.js';
import { rendererFor } from '../render/early.js';
import { deckOut, parse, UsageError } from './args.js';
import { ok, report, summary } from './output.js';
import { timed } from '../timings.js';

export const help = `deckgen build [outline] [--out FILE] [--check [--source FILE]] [--charts native|image] [--no-cache] [--quiet]

Builds the deck. The outline defaults to deck.yaml; the deck goes to output/<outline name>.pptx.

Options:
  -o, --out FILE   where to write the .pptx (folders are created)
  --check          first check every figure against its cited source (see deckgen check --help);
                   nothing is written if one is not found
  --source FILE    with --check: the text of a source (FILE, or ID=FILE; repeatable)
  --charts native  write editable PowerPoint charts (or "image": pictures), as if the outline
                   said \`charts: native\`; a chart's own \`native:\` still wins
  --no-cache       draw every chart again, ignoring and not updating the chart cache
                   (~/.cache/deckgen, or DECKGEN_CACHE_DIR)
  -q, --quiet      print nothing on success

Examples:
  deckgen build
  deckgen build talks/q3.yaml --out dist/q3.pptx
  npm run build -- talks/q3.yaml`;

/** One self-overwriting status line on a terminal, shown only for builds long enough to need it. */
function progressLine(): { update: (stage: string, done?: number, total?: number) => void; done: () => void } {
  const started = Date.now();
  let shown = false;
  return {
    update(stage, done, total) {
      if (Date.now() - started < 1000 && !shown) return;
      shown = true;
      const what = stage === 'render' ? (total ? `drawing charts ${done}/${total}` : 'drawing charts') : stage === 'plan' ? 'planning slides' : stage === 'emit' ? 'writing the deck' : stage;
      process.stderr.write(`\r\x1b[K${what}…`);
    },
    done() {
      if (shown) process.stderr.write('\r\x1b[K');
    },
  };
}

/** `--charts native|image`, checked. */
export function chartsOption(value: unknown): 'image' | 'native' | undefined {
  if (value === undefined) return undefined;
  if (value === 'native' || value === 'image') return value;
  throw new UsageError(`--charts takes "native" or "image", not "${String(value)}"`);
}

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { out: { type: 'string', short: 'o' }, check: { type: 'boolean' }, 'no-cache': { type: 'boolean' }, source: { type: 'string', multiple: true }, charts: { type: 'string' } });
  const file = positionals[0] ?? 'deck.yaml';
  const out = deckOut(values.out);
  const charts = chartsOption(values.charts);
  if (values.check) {
    const { figureProblems } = await import('./check.js');
    const found = await figureProblems(file, (values.source as string[] | undefined) ?? []);
    if (found.length) throw new InputError(found);
  }
  // The render worker starts before the pipeline's modules load, so the two overlap on two cores.
  const renderer = rendererFor(file, !values['no-cache']);
  try {
    const { buildDeck } = await timed('modules', () => import('../build.js'));
    // --quiet first: asking stderr whether it is a terminal sets up the stream (and loads net, ~5 ms).
    const progress = !values.quiet && process.stderr.isTTY ? progressLine() : undefined;
    const result = await buildDeck(file, out, { renderer, closeRendererAfterDrawing: true, ...(charts ? { charts } : {}), ...(progress ? { progress: progress.update } : {}) }).finally(() => progress?.done());
    report(result.warnings);
    if (!values.quiet) ok(summary(result));
    return 0;
  } finally {
    await renderer.close();
  }
}
